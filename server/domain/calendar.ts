import { createCalendar, type WorkdayCalendar } from '@/lib/workdays';
import type { ReadTx } from './ports';
import type { CalendarYearRecord } from './records';

/** The working-day calendar of these stored years (admin-entered) over the official schedule. */
export const calendarOf = (years: CalendarYearRecord[]): WorkdayCalendar =>
  createCalendar(years.map(({ year, complete, days }) => ({ year, complete, days })));

/** The working-day calendar: official schedule plus the admin-entered years in the store. */
export async function calendar(tx: ReadTx): Promise<WorkdayCalendar> {
  return calendarOf(await tx.calendarYears.all());
}
