import { createCalendar, type WorkdayCalendar } from '@/lib/workdays';
import { db } from '../db';

let cached: WorkdayCalendar | null = null;
db.onChange(() => {
  cached = null;
});

/** The working-day calendar: official schedule plus the admin-entered years in the store. */
export function calendar(): WorkdayCalendar {
  if (!cached)
    cached = createCalendar(
      db.calendarYears.all().map(({ year, complete, days }) => ({ year, complete, days })),
    );
  return cached;
}
