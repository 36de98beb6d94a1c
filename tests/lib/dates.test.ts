// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  daysInMonth,
  isIsoDate,
  isoDateParts,
  normaliseTypedDate,
  parseTypedDate,
  toIsoDate,
} from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { isoDate } from '@/types/api';
import { letterUrlFilters } from '@/features/letters/utils';
import { addDays, createCalendar } from '@/lib/workdays';

/** Any real day of years 1000–9999 as [y, m, d]. */
const day = fc
  .record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 1, max: 12 }) })
  .chain(({ y, m }) =>
    fc.integer({ min: 1, max: daysInMonth(y, m) }).map((d) => [y, m, d] as const),
  );

/** Dates that look like dates and are not: the 30th of February, the 13th month, day 0… */
const NOT_DAYS = [
  '2026-02-30',
  '2026-02-29',
  '2100-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '2026-01-00',
  '2026-01-32',
];

describe('isIsoDate — the one check of a stored date', () => {
  it('accepts real days only, in the strict form', () => {
    for (const s of ['2020-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '2027-01-02'])
      expect(isIsoDate(s), s).toBe(true);
    for (const s of [
      ...NOT_DAYS,
      '2020-1-01',
      ' 2020-01-01',
      '2020-01-01 ',
      '2020-01-01T00:00',
      '2020/01/01',
      '20200101',
      '２０２０-01-01',
      '',
    ])
      expect(isIsoDate(s), s).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
    expect(isIsoDate(20200101)).toBe(false);
  });

  it('agrees with Date.UTC on every day of years 1000–9999, leap days included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_610_224_000_000, max: 253_402_214_400_000 }), (ms) => {
        const iso = new Date(ms).toISOString().slice(0, 10);
        expect(isIsoDate(iso)).toBe(true);
        const [y, m, d] = isoDateParts(iso)!;
        expect(toIsoDate(y, m, d)).toBe(iso);
      }),
      { numRuns: 500 },
    );
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('parseTypedDate — what a person types', () => {
  it.each([
    ['2026-09-30', '2026-09-30'],
    ['2026-9-30', '2026-09-30'],
    ['2026/9/30', '2026-09-30'],
    ['2026/09/30', '2026-09-30'],
    ['2026.9.30', '2026-09-30'],
    ['2026年9月30日', '2026-09-30'],
    ['2026年9月30', '2026-09-30'],
    ['2026 年 9 月 30 日', '2026-09-30'],
    [' 2026-02-28 ', '2026-02-28'],
    ['2024年2月29日', '2024-02-29'],
  ])('%s → %s', (input, out) => {
    expect(parseTypedDate(input)).toBe(out);
  });

  it('refuses what is not a real day, or not a date at all', () => {
    for (const s of [
      ...NOT_DAYS,
      '2026年2月30日',
      '2026/2/29',
      '2026.13.1',
      '9/30/2026',
      '2026-9',
      '二〇二六年九月三十日',
      'yesterday',
      '',
    ])
      expect(parseTypedDate(s), s).toBeNull();
  });

  it('reads back every date as either locale writes it: parse(format(d)) = d', () => {
    fc.assert(
      fc.property(day, ([y, m, d]) => {
        const iso = toIsoDate(y, m, d);
        expect(parseTypedDate(formatDate(iso, 'zh-CN'))).toBe(iso);
        expect(parseTypedDate(formatDate(iso, 'en-US'))).toBe(iso);
        expect(parseTypedDate(`${y}/${m}/${d}`)).toBe(iso);
        expect(parseTypedDate(`${y}.${m}.${d}`)).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });

  it('normaliseTypedDate keeps an impossible day readable as such, and other text as it is', () => {
    expect(normaliseTypedDate('2026/2/30')).toBe('2026-02-30');
    expect(normaliseTypedDate('2026年13月1日')).toBe('2026-13-01');
    for (const s of ['3/5/2024', '2024-3', '二〇二四年三月五日', '', 'yesterday'])
      expect(normaliseTypedDate(s)).toBe(s);
  });
});

describe('one answer along the whole path of a date', () => {
  it('the schema, the URL filters, the display and the calendar agree on every candidate', () => {
    const codec = letterUrlFilters;
    const cal = createCalendar();
    const candidates = fc.oneof(
      day.map(([y, m, d]) => toIsoDate(y, m, d)),
      fc
        .tuple(
          fc.integer({ min: 1000, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
        )
        .map(([y, m, d]) => toIsoDate(y, m, d)),
      fc.constantFrom(...NOT_DAYS),
    );
    fc.assert(
      fc.property(candidates, (s) => {
        const ok = isIsoDate(s);
        expect(isoDate.safeParse(s).success).toBe(ok);
        expect(parseTypedDate(s)).toBe(ok ? s : null);
        expect(codec.parse(new URLSearchParams({ receivedFrom: s })).receivedFrom).toBe(
          ok ? s : undefined,
        );
        expect(formatDate(s, 'en-US')).toBe(s);
        if (ok) expect(addDays(s, 0)).toBe(s);
        else {
          expect(() => addDays(s, 0)).toThrow(RangeError);
          expect(() => cal.isWorkday(s)).toThrow(RangeError);
          expect(formatDate(s, 'zh-CN')).toBe(s);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the schema names a wrong form and an impossible day apart', () => {
    const issue = (s: string) => isoDate.safeParse(s).error?.issues[0]?.message;
    expect(issue('2026/09/30')).toBe('validation.dateFormat');
    expect(issue('2026-02-30')).toBe('validation.dateInvalid');
    expect(issue('2026-09-30')).toBeUndefined();
  });
});
