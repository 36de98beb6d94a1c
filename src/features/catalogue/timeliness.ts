/**
 * 条例 第二十六条: information is published within 20 working days of being formed or changed.
 * Pure: the calendar is a parameter. The verdict carries `calendarProvisional` when the count runs
 * through a year whose holidays are neither official nor marked complete.
 */
import type { WorkdayCalendar } from '@/lib/workdays';

export const PUBLISH_LIMIT_WORKDAYS = 20;

export interface Timeliness {
  /** publishedOn ≤ 20 working days from formedOn; null while unpublished. */
  timely: boolean | null;
  /** Working days past the limit (0 when timely or unpublished). */
  lateWorkdays: number;
  calendarProvisional: boolean;
}

export function timeliness(
  cal: WorkdayCalendar,
  rec: { formedOn: string; publishedOn: string | null },
): Timeliness {
  const limit = cal.addWorkdays(rec.formedOn, PUBLISH_LIMIT_WORKDAYS);
  if (!rec.publishedOn)
    return { timely: null, lateWorkdays: 0, calendarProvisional: limit.provisional };
  if (rec.publishedOn <= limit.date)
    return { timely: true, lateWorkdays: 0, calendarProvisional: limit.provisional };
  const late = cal.workdaysBetween(limit.date, rec.publishedOn);
  // The late days are counted through every year up to publication.
  let provisional = limit.provisional;
  for (let y = Number(limit.date.slice(0, 4)); y <= Number(rec.publishedOn.slice(0, 4)); y++)
    if (!cal.yearComplete(y)) provisional = true;
  return { timely: false, lateWorkdays: late, calendarProvisional: provisional };
}

/**
 * Whether an entry about to be saved is already late by the rule above, given the server's
 * 20-working-day limit for its formedOn (GET /calendar/workdays): published after the limit, or
 * not yet published with the limit already past on `today` (it can only be published late).
 */
export function lateOnSave(
  limit: string,
  rec: { publishedOn: string | null },
  today: string,
): 'published_late' | 'unpublished_past_limit' | null {
  if (rec.publishedOn) return rec.publishedOn > limit ? 'published_late' : null;
  return today > limit ? 'unpublished_past_limit' : null;
}
