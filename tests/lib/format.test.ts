import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaToday, formatDateTime, formatNumber, formatPercent } from '@/lib/format';

describe('chinaToday', () => {
  it('is the date in Asia/Shanghai for any instant since 1992', () => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1992-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => chinaToday(d) === intl.format(d),
      ),
      { numRuns: 2000 },
    );
  });

  it('turns over at midnight Beijing time, not UTC', () => {
    expect(chinaToday(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(chinaToday(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
    expect(chinaToday(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});

describe('numbers and percentages without Intl', () => {
  const intl = (locale: 'zh-CN' | 'en-US', o: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(locale, o);
  const locales = fc.constantFrom<'zh-CN' | 'en-US'>('zh-CN', 'en-US');

  it('write whole numbers exactly as Intl does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constant(-0)), locales, (n, l) => {
        const expected = intl(l, { maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(n);
        return formatNumber(n, l) === expected;
      }),
      { numRuns: 5000 },
    );
  });

  it('write decimals exactly as Intl does', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          fc.double({ min: 0, max: 1e16, noNaN: true }),
          // Halves and other values that sit on a rounding boundary in decimal.
          fc.integer({ min: 0, max: 10_000_000 }).map((k) => k / 1000),
          fc.integer({ min: 0, max: 100_000 }).map((k) => k / 8),
          fc.constant(-0),
        ),
        fc.integer({ min: 0, max: 3 }),
        locales,
        (n, digits, l) => {
          const expected = intl(l, {
            maximumFractionDigits: digits,
            minimumFractionDigits: digits,
          }).format(n);
          return formatNumber(n, l, digits) === expected;
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('write rates (n of d cases) and any ratio exactly as Intl does', () => {
    const pct = (l: 'zh-CN' | 'en-US') => intl(l, { style: 'percent', maximumFractionDigits: 1 });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 100_000 })
          .chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
        locales,
        ([n, d], l) => formatPercent(n / d, l) === pct(l).format(n / d),
      ),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        locales,
        (r, l) => formatPercent(r, l) === pct(l).format(r),
      ),
      { numRuns: 20_000 },
    );
  });
});

describe('number and date formats (reused formatters)', () => {
  it('formats per locale and digits, the same on every call', () => {
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
    expect(formatNumber(1234.5, 'en-US', 2)).toBe('1,234.50');
    expect(formatNumber(1234.5, 'en-US', 0)).toBe('1,235');
    expect(formatNumber(1234.5, 'en-US', 2)).toBe('1,234.50');
    expect(formatNumber(null, 'zh-CN')).toBe('—');
    expect(formatPercent(0.1234, 'zh-CN')).toBe('12.3%');
    expect(formatPercent(undefined, 'en-US')).toBe('—');
    expect(formatDateTime('2026-11-26T02:05:00Z', 'zh-CN')).toBe('2026年11月26日 10:05');
    expect(formatDateTime('2026-11-26T02:05:00Z', 'en-US')).toBe('2026-11-26 10:05');
  });
});
