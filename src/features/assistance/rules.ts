/**
 * Pure rules of the social-assistance figures, shared by the grid and the mock backend: periods,
 * which regions report in a month, and the validation of one figure's values. No React, no I/O;
 * `today` is always a parameter.
 */
import type { Region } from '@/types/api';
import {
  CROSS_CHECKS,
  fieldSchema,
  PERIOD_RE,
  PROGRAM_FIELDS,
  type FigureField,
  type FigureValues,
  type Program,
} from './types';

export const figureId = (period: string, regionCode: string, program: Program) =>
  `${period}:${regionCode}:${program}`;

export const isPeriod = (s: string) => PERIOD_RE.test(s);
export const periodOf = (date: string) => date.slice(0, 7);

export function addMonths(period: string, n: number): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}`;
}
export const previousPeriod = (period: string) => addMonths(period, -1);

/** A month after the month of `today` (China time) has not happened yet. */
export const isFuturePeriod = (period: string, today: string) => period > periodOf(today);

/** The latest month that has ended on `today`: the grid opens on it (today's is still running). */
export const latestEndedPeriod = (today: string) => previousPeriod(periodOf(today));

/** A month still in progress on `today`: its figures are not final, publishing it asks first. */
export const isPeriodInProgress = (period: string, today: string) => period === periodOf(today);

/**
 * The months around the 2018-11-23 reorganisation of the county-level units (a month either side
 * of November 2018, when the list of units changes): the grid explains it there, not every month.
 */
export const nearReorganisation = (period: string) => period >= '2018-10' && period <= '2019-01';

/** The months of `year`, up to and including the month of `today` when the year is current. */
export function monthsOf(year: number, today: string): string[] {
  const last = Number(today.slice(0, 4)) === year ? Number(today.slice(5, 7)) : 12;
  if (Number(today.slice(0, 4)) < year) return [];
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * The county-level units that report for a month: those in force on its first day. November 2018
 * is still reported by the 13 old units; the 12 new ones report from December 2018.
 */
export function regionsForPeriod<R extends Pick<Region, 'validFrom' | 'validTo'>>(
  regions: readonly R[],
  period: string,
): R[] {
  const day = `${period}-01`;
  return regions.filter(
    (r) => (r.validFrom === null || r.validFrom <= day) && (r.validTo === null || day < r.validTo),
  );
}

/**
 * The units created on 2018-11-23 and the ones they replaced (domain.md §5), so that figures can be
 * compared across the reorganisation.
 */
export const PREDECESSORS: Record<string, string[]> = {
  '140403': ['140402', '140411'], // 潞州区 ← 城区 + 郊区
  '140404': ['140421'], // 上党区 ← 长治县
  '140405': ['140424'], // 屯留区 ← 屯留县
  '140406': ['140481'], // 潞城区 ← 潞城市
};
export const lineageOf = (code: string) => [code, ...(PREDECESSORS[code] ?? [])];

/**
 * One cell as typed or pasted: blank → null; thousands separators, spaces and full-width digits
 * (from Chinese input methods and spreadsheets) are accepted; anything else is not a number.
 */
export function parseCell(raw: string): number | null | 'invalid' {
  const s = raw
    .replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/\uFF0E/g, '.')
    .replace(/\uFF0D/g, '-')
    .replace(/[\s,\uFF0C\u00A0]/g, '');
  if (s === '') return null;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return 'invalid';
  return Number(s);
}

/**
 * A message key per field that fails: required, not a number, not an integer, negative, too many
 * decimals; then the rules across fields, wherever the fields they need are valid.
 */
export function validateValues(
  program: Program,
  values: Partial<Record<FigureField, number | null | 'invalid'>>,
): Partial<Record<FigureField, string>> {
  const out: Partial<Record<FigureField, string>> = {};
  const ok: FigureValues = {};
  for (const f of PROGRAM_FIELDS[program] as readonly FigureField[]) {
    const v = values[f];
    if (v === null || v === undefined) out[f] = 'validation.required';
    else if (v === 'invalid') out[f] = 'assistance.errors.number';
    else {
      const r = fieldSchema(f).safeParse(v);
      if (r.success) ok[f] = v;
      else out[f] = r.error.issues[0]!.message;
    }
  }
  for (const c of CROSS_CHECKS[program])
    if (c.needs.every((f) => f in ok) && !c.holds(ok) && !out[c.field]) out[c.field] = c.message;
  return out;
}

/** Validate a row of typed strings (the grid), field by field. */
export function validateRaw(
  program: Program,
  raw: Partial<Record<FigureField, string>>,
): Partial<Record<FigureField, string>> {
  const values: Partial<Record<FigureField, number | null | 'invalid'>> = {};
  for (const f of PROGRAM_FIELDS[program] as readonly FigureField[])
    values[f] = parseCell(raw[f] ?? '');
  return validateValues(program, values);
}

/** The numbers of a valid row (call after validateRaw found nothing). */
export function toValues(
  program: Program,
  raw: Partial<Record<FigureField, string>>,
): FigureValues {
  const out: FigureValues = {};
  for (const f of PROGRAM_FIELDS[program] as readonly FigureField[]) {
    const v = parseCell(raw[f] ?? '');
    if (typeof v === 'number') out[f] = v;
  }
  return out;
}

/** Relative change, or null when there is nothing to compare with. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}
