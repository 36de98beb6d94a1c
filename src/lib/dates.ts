/**
 * A calendar date, read once (issue #19): the zod schemas (`isoDate` in types/api.ts), hence the
 * URL filters and the server's checks, the date inputs (`DateField`), the catalogue's file import
 * and the working-day calendar (`workdays.ts`) all ask this module whether a text is a date.
 *
 * A stored or sent date is `YYYY-MM-DD`, a real day of the proleptic Gregorian calendar (2026-02-30
 * and 2026-13-01 are not dates). What a person types may also be written 2026/9/30, 2026.9.30 or
 * 2026年9月30日 (one- or two-digit month and day): `parseTypedDate` reads those into the same form.
 * Pure: no clock, no locale, no `Date` (whose parser differs between engines and moves 0–99 to 19xx).
 */

export type IsoDate = string; // 'YYYY-MM-DD'

/** The shape of a stored date; whether it is a real day is `isIsoDate`. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** What a person may type: 2026-09-30, 2026/9/30, 2026.9.30, 2026年9月30日 (spaces allowed). */
const TYPED_PATTERN = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const real = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a year, month (1–12) and day. */
export function toIsoDate(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** [year, month 1–12, day] of a strict `YYYY-MM-DD` that is a real day, or null. */
export function isoDateParts(s: unknown): [number, number, number] | null {
  if (typeof s !== 'string' || !ISO_DATE_PATTERN.test(s)) return null;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  return real(y, m, d) ? [y, m, d] : null;
}

/** Whether `s` is a stored date: `YYYY-MM-DD` and a real day. */
export function isIsoDate(s: unknown): s is IsoDate {
  return isoDateParts(s) !== null;
}

/**
 * A typed date in the stored form, whether or not it is a real day (2026/2/30 → 2026-02-30, which
 * the schema then refuses as no such day, rather than as unreadable); any other text as it is.
 */
export function normaliseTypedDate(input: string): string {
  const m = TYPED_PATTERN.exec(input.trim());
  return m ? toIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) : input;
}

/** A typed date (any of the written forms above) as `YYYY-MM-DD`, or null if it is not a real day. */
export function parseTypedDate(input: string): IsoDate | null {
  const iso = normaliseTypedDate(input);
  return isIsoDate(iso) ? iso : null;
}
