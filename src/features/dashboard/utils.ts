/**
 * Words for the dashboard's numbers, as locale keys with parameters (pure, so the tests can pin
 * them): the change against last year, a rate or why it is not shown, response times.
 */
import type { Locale, MessageKey } from '@/lib/i18n/core';
import type { KpiCount, KpiRate } from './types';

export interface Phrase {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** "↑12.5% on the same period last year", in the caller's number format. */
export function changePhrase(c: KpiCount, percent: (ratio: number) => string): Phrase {
  if (c.previous === null) return { key: 'dashboard.change.none' };
  if (c.value === c.previous) return { key: 'dashboard.change.same' };
  if (c.change === null) return { key: 'dashboard.change.previous', params: { value: c.previous } };
  return {
    key: c.change > 0 ? 'dashboard.change.up' : 'dashboard.change.down',
    params: { value: percent(Math.abs(c.change)) },
  };
}

/** A rate's change in percentage points (one decimal), when both years rest on enough cases. */
export function ratePointsPhrase(r: KpiRate): Phrase | null {
  if (r.value === null || r.previous === null) return null;
  const points = Math.round((r.value - r.previous) * 1000) / 10;
  if (points === 0) return { key: 'dashboard.change.same' };
  return {
    key: points > 0 ? 'dashboard.change.pointsUp' : 'dashboard.change.pointsDown',
    params: { value: Math.abs(points) },
  };
}

/** The cases a rate rests on, or why there is no rate. */
export function rateBasisPhrase(r: KpiRate): Phrase {
  return r.value === null
    ? { key: 'dashboard.rate.insufficient', params: { n: r.denominator } }
    : { key: 'dashboard.rate.basis', params: { num: r.numerator, den: r.denominator } };
}

/** A month as the office writes it: 2026年11月 / 2026-11. */
export const monthText = (period: string, locale: Locale) =>
  locale === 'zh-CN' ? `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月` : period;
