/**
 * Shaping for the dashboard's comparison charts: twelve months of this year against the year
 * before. `now` is a parameter; months after it stay empty even if the data says 0.
 */
import type { Locale } from '@/lib/i18n/core';

export interface ComparisonPoint {
  month: number;
  label: string;
  current: number | null;
  previous: number | null;
}

const EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function comparisonSeries(
  monthly: { current: (number | null)[]; previous: (number | null)[] },
  year: number,
  now: string,
  locale: Locale,
  scale = 1,
): ComparisonPoint[] {
  const reached = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}` <= now.slice(0, 7);
  const at = (xs: (number | null)[], i: number, y: number) => {
    const v = xs[i];
    return v === null || v === undefined || !reached(y, i + 1)
      ? null
      : Math.round((v / scale) * 100) / 100;
  };
  return Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    label: locale === 'zh-CN' ? `${i + 1}月` : EN[i]!,
    current: at(monthly.current, i, year),
    previous: at(monthly.previous, i, year - 1),
  }));
}
