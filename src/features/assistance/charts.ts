/**
 * Shaping for the assistance charts: pure functions from summaries and figures to the rows a
 * chart (and its table view) draws. `now` is always a parameter: months after it are empty, never
 * zero.
 */
import type { Locale } from '@/lib/i18n/core';
import type { Region } from '@/types/api';
import { periodOf } from './rules';
import { RECIPIENTS, type AssistanceFigure, type AssistanceSummary, type Program } from './types';

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

export const monthLabel = (month: number, locale: Locale) =>
  locale === 'zh-CN' ? `${month}月` : (EN_MONTHS[month - 1] ?? String(month));

/** A month as the office writes it: 2026年11月 / 2026-11. */
export const monthText = (period: string, locale: Locale) =>
  locale === 'zh-CN' ? `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月` : period;

/** 元 → 万元, two decimals. */
export const toWan = (yuan: number) => Math.round(yuan / 100) / 100;

const monthKeys = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** Whether a month has happened yet, measured against `now` (China date, YYYY-MM-DD). */
const isPast = (period: string, now: string) => period <= periodOf(now);

export interface TrendPoint {
  period: string;
  label: string;
  recipients: number | null;
  expenditure: number | null; // 万元
}

/** One program through the months of a summary's year (groupBy=month). */
export function trendSeries(
  summary: AssistanceSummary,
  program: Program,
  now: string,
  locale: Locale,
): TrendPoint[] {
  return monthKeys(summary.year).map((period, i) => {
    const r = isPast(period, now)
      ? summary.rows.find((x) => x.key === period && x.program === program)
      : undefined;
    return {
      period,
      label: monthLabel(i + 1, locale),
      recipients: r ? r.recipients : null,
      expenditure: r ? toWan(r.expenditure) : null,
    };
  });
}

export interface CompositionPoint {
  period: string;
  label: string;
  urban: number | null;
  rural: number | null;
}

/** Urban and rural 低保 persons, month by month. */
export function compositionSeries(
  summary: AssistanceSummary,
  now: string,
  locale: Locale,
): CompositionPoint[] {
  return monthKeys(summary.year).map((period, i) => {
    const get = (p: Program) =>
      isPast(period, now)
        ? (summary.rows.find((x) => x.key === period && x.program === p)?.recipients ?? null)
        : null;
    return {
      period,
      label: monthLabel(i + 1, locale),
      urban: get('urban_dibao'),
      rural: get('rural_dibao'),
    };
  });
}

export interface CountyPoint {
  code: string;
  label: string;
  recipients: number;
  expenditure: number; // 万元
}

/**
 * The counties of one month side by side, largest first; only published figures, and units
 * without one are left out.
 */
export function countySeries(
  figures: readonly Pick<
    AssistanceFigure,
    'regionCode' | 'program' | 'values' | 'period' | 'status'
  >[],
  regions: readonly Pick<Region, 'code' | 'name' | 'nameEn'>[],
  program: Program,
  now: string,
  locale: Locale,
): CountyPoint[] {
  const field = RECIPIENTS[program].field;
  return regions
    .map((r) => {
      const f = figures.find(
        (x) =>
          x.regionCode === r.code &&
          x.program === program &&
          x.status === 'published' &&
          isPast(x.period, now),
      );
      return f
        ? {
            code: r.code,
            label: locale === 'zh-CN' ? r.name : r.nameEn,
            recipients: f.values[field] ?? 0,
            expenditure: toWan(f.values.expenditure ?? 0),
          }
        : null;
    })
    .filter((x): x is CountyPoint => x !== null)
    .sort((a, b) => b.recipients - a.recipients || a.code.localeCompare(b.code));
}

export interface YearOverYearPoint {
  month: number;
  label: string;
  current: number | null; // 万元
  previous: number | null; // 万元
}

const monthTotal = (s: AssistanceSummary | undefined, period: string) => {
  const rows = s?.rows.filter((r) => r.key === period) ?? [];
  return rows.length ? toWan(rows.reduce((n, r) => n + r.expenditure, 0)) : null;
};

/** Spending of all programs per month: this year (up to `now`) against the year before. */
export function yearOverYearSeries(
  current: AssistanceSummary,
  previous: AssistanceSummary | undefined,
  now: string,
  locale: Locale,
): YearOverYearPoint[] {
  return monthKeys(current.year).map((period, i) => {
    const prevPeriod = `${current.year - 1}${period.slice(4)}`;
    return {
      month: i + 1,
      label: monthLabel(i + 1, locale),
      current: isPast(period, now) ? monthTotal(current, period) : null,
      previous: isPast(prevPeriod, now) ? monthTotal(previous, prevPeriod) : null,
    };
  });
}
