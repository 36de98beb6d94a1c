import { createCalendar, type WorkdayCalendar } from '@/lib/workdays';
import type { ReadTx } from './ports';
import type { CalendarYearRecord } from './records';

/** The last calendar made, and what it was made of (the stored years change once a year or so). */
let last: { key: string; cal: WorkdayCalendar } | null = null;

/**
 * The working-day calendar of these stored years (admin-entered) over the official schedule.
 * Made again only when the years differ from the last call's (a pure function of them: every
 * request asks, and building one costs more than comparing).
 */
export function calendarOf(years: CalendarYearRecord[]): WorkdayCalendar {
  const input = years.map(({ year, complete, days }) => ({ year, complete, days }));
  const key = JSON.stringify(input);
  if (last?.key !== key) last = { key, cal: createCalendar(input) };
  return last.cal;
}

/** The working-day calendar: official schedule plus the admin-entered years in the store. */
export async function calendar(tx: ReadTx): Promise<WorkdayCalendar> {
  return calendarOf(await tx.calendarYears.all());
}
