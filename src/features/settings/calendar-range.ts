import { z } from 'zod';
import { addDays, validateAdminYear, type AdminDay } from '@/lib/workdays';
import { calendarDaySchema } from '@/types/calendar';
import { isoDate } from '@/types/api';

/**
 * A run of days entered at once in Settings → 工作日历 ("2027-02-05 至 2027-02-11, 休息, 春节"):
 * the form expands it into the year's day entries (the calendar API takes days, one each).
 */
export interface CalendarRange {
  from: string;
  to: string;
  workday: boolean;
  name: string;
}

const filledDate = z.string().min(1, { message: 'validation.required' }).pipe(isoDate);

/** The range's own checks, messages as locale keys, each on the field it is about. */
export const calendarRangeSchema = (year: number) =>
  z
    .object({
      from: filledDate,
      to: filledDate,
      workday: z.boolean(),
      name: calendarDaySchema.shape.name,
    })
    .superRefine((r, ctx) => {
      for (const key of ['from', 'to'] as const) {
        if (isoDate.safeParse(r[key]).success && !r[key].startsWith(`${year}-`))
          ctx.addIssue({ code: 'custom', path: [key], message: 'validation.dateNotInYear' });
      }
      if (r.to < r.from)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.rangeEndBeforeStart' });
    });

/**
 * The days of `range` (both ends included) that change something in `year`: as days off the
 * weekdays, as make-up working days the weekend days — the others already are what the range says
 * (the calendar refuses them as pointless), as are days the official schedule lists. Returns
 * those days and how many were passed over. Assumes a range `calendarRangeSchema` accepts.
 */
export function expandRange(
  range: CalendarRange,
  year: number,
): { days: AdminDay[]; skipped: number } {
  const days: AdminDay[] = [];
  let skipped = 0;
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) {
    const day = { date: d, workday: range.workday, name: range.name.trim() };
    const errors = validateAdminYear({ year, complete: false, days: [day] });
    if (Object.keys(errors).length === 0) days.push(day);
    else skipped += 1;
  }
  return { days, skipped };
}

/** The year's entries with the range's days in: a date already entered takes the range's. */
export function mergeDays(existing: AdminDay[], added: AdminDay[]): AdminDay[] {
  const dates = new Set(added.map((d) => d.date));
  return [...existing.filter((d) => !dates.has(d.date)), ...added].sort((a, b) =>
    a.date === '' ? 1 : b.date === '' ? -1 : a.date.localeCompare(b.date),
  );
}
