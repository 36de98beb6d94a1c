import { isoDateParts } from './dates';
import type { Locale } from './i18n/core';

/**
 * Intl formatters are costly to make (the first one loads locale data) and cheap to reuse: one per
 * locale and options, made on first use.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** Dates as the office writes them: 2026年11月26日 in Chinese, 2026-11-26 in English. */
export function formatDate(date: string | null | undefined, locale: Locale): string {
  if (!date) return '—';
  const day = date.slice(0, 10);
  const parts = isoDateParts(day);
  if (!parts) return date;
  return locale === 'zh-CN' ? `${day.slice(0, 4)}年${parts[1]}月${parts[2]}日` : day;
}

/** Short form for tables: 11月26日 / 26 Nov… keep ISO in English for unambiguity. */
export function formatShortDate(date: string | null | undefined, locale: Locale): string {
  if (!date) return '—';
  const parts = isoDateParts(date.slice(0, 10));
  if (!parts) return date;
  return locale === 'zh-CN' ? `${parts[1]}月${parts[2]}日` : date.slice(5, 10);
}

/**
 * An instant in China time, its date as formatDate writes it: 2026年11月26日 10:05 /
 * 2026-11-26 10:05 (one date style per locale, issue #20). China keeps UTC+8 all year.
 */
export function formatDateTime(instant: string | null | undefined, locale: Locale): string {
  if (!instant) return '—';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const china = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  return `${formatDate(china.slice(0, 10), locale)} ${china.slice(11, 16)}`;
}

/** Digits grouped by threes with commas, as both locales write numbers (1,234,567). */
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A non-negative number's shortest decimal text (`String(n)`) rounded to `digits` places, half
 * up — how Intl rounds (the shortest decimal, not the binary value: 705.905 → 705.91, where
 * `toFixed` gives 705.90). Null for the exponent form (below 1e-6, from 1e21).
 */
function toFixedDecimal(text: string, digits: number): string | null {
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length <= digits) {
    return digits ? `${whole}.${fraction.padEnd(digits, '0')}` : whole!;
  }
  // Whole and kept fraction digits as one string; a carry runs leftwards through the 9s.
  const kept = (whole + fraction.slice(0, digits)).split('');
  if (fraction[digits]! >= '5') {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === '9') kept[i--] = '0';
    if (i >= 0) kept[i] = String(Number(kept[i]) + 1);
    else kept.unshift('1');
  }
  const cut = kept.length - digits;
  const head = kept.slice(0, cut).join('');
  return digits ? `${head}.${kept.slice(cut).join('')}` : head;
}

/*
 * Numbers and percentages are written without Intl where the text is certain to be Intl's: the
 * first NumberFormat of a page loads the locale's data, a cost the dashboard's first render
 * would pay (README, "Speed"). tests/lib/format.test.ts compares them with Intl; anything else (negative
 * decimals, negative percentages, -0, huge values) goes to Intl.
 */
export function formatNumber(n: number | null | undefined, locale: Locale, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  if (digits === 0 && Number.isSafeInteger(n) && !Object.is(n, -0)) {
    return n < 0 ? `-${grouped(String(-n))}` : grouped(String(n));
  }
  if (n >= 0 && !Object.is(n, -0) && Number.isInteger(digits) && digits <= 20) {
    const fixed = toFixedDecimal(String(n), digits);
    if (fixed !== null) {
      const [whole, fraction] = fixed.split('.');
      return fraction === undefined ? grouped(whole!) : `${grouped(whole!)}.${fraction}`;
    }
  }
  return cached(
    `number ${locale} ${digits}`,
    () =>
      new Intl.NumberFormat(locale, {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      }),
  ).format(n);
}

export function formatPercent(ratio: number | null | undefined, locale: Locale): string {
  if (ratio === null || ratio === undefined) return '—';
  // In tenths of a percent. Near a half, floating-point arithmetic may round the other way than
  // Intl (which rounds the exact decimal value half away from zero): those go to Intl.
  const x = ratio * 1000;
  const tenths = Math.round(x);
  const nearHalf = Math.abs(x - Math.floor(x) - 0.5) < 1e-6;
  if (ratio >= 0 && !Object.is(ratio, -0) && !nearHalf && Number.isSafeInteger(tenths)) {
    const frac = tenths % 10;
    return `${grouped(String((tenths - frac) / 10))}${frac ? `.${frac}` : ''}%`;
  }
  return cached(
    `percent ${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
  ).format(ratio);
}

/**
 * Today in China time (the UI's default for date fields; the server decides deadlines). China
 * has kept UTC+8 all year since 1991, so this is plain arithmetic: no Intl time-zone data to load
 * on the first screen.
 */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
