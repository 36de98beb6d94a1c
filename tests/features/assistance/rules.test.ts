// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIONS } from '@mocks/seed/reference';
import {
  addMonths,
  figureId,
  isFuturePeriod,
  lineageOf,
  monthsOf,
  parseCell,
  previousPeriod,
  regionsForPeriod,
  relativeChange,
  toValues,
  validateRaw,
  validateValues,
} from '@/features/assistance/rules';
import { PROGRAMS, PROGRAM_FIELDS, valuesSchemas, type Program } from '@/features/assistance/types';

describe('periods', () => {
  it('adds months across years and knows the previous month', () => {
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2017-01', -1)).toBe('2016-12');
    expect(addMonths('2018-11', -23)).toBe('2016-12');
    expect(previousPeriod('2019-01')).toBe('2018-12');
  });

  it('a month after the month of today is in the future; this month is not', () => {
    expect(isFuturePeriod('2026-11', '2026-11-26')).toBe(false);
    expect(isFuturePeriod('2026-12', '2026-11-26')).toBe(true);
    expect(isFuturePeriod('2027-01', '2026-12-31')).toBe(true);
    expect(isFuturePeriod('2017-01', '2026-11-26')).toBe(false);
  });

  it('lists the months of a year up to today', () => {
    expect(monthsOf(2026, '2026-03-05')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOf(2025, '2026-03-05')).toHaveLength(12);
    expect(monthsOf(2027, '2026-03-05')).toEqual([]);
  });

  it('ids are <period>:<region>:<program>', () => {
    expect(figureId('2026-11', '140403', 'tekun')).toBe('2026-11:140403:tekun');
  });

  it('property: adding then removing k months is the identity, and order is kept', () => {
    const period = fc
      .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(period, fc.integer({ min: -240, max: 240 }), (p, k) => {
        expect(addMonths(addMonths(p, k), -k)).toBe(p);
        if (k > 0) expect(addMonths(p, k) > p).toBe(true);
      }),
    );
  });
});

describe('regions in force (the 2018-11-23 reorganisation)', () => {
  const codes = (p: string) => regionsForPeriod(REGIONS, p).map((r) => r.code);

  it('13 units report through November 2018, the 12 new ones from December 2018', () => {
    expect(codes('2017-01')).toHaveLength(13);
    expect(codes('2018-11')).toHaveLength(13);
    expect(codes('2018-11')).toEqual(expect.arrayContaining(['140402', '140411', '140481']));
    expect(codes('2018-12')).toHaveLength(12);
    expect(codes('2018-12')).toEqual(
      expect.arrayContaining(['140403', '140404', '140405', '140406']),
    );
    expect(codes('2018-12')).not.toContain('140402');
    expect(codes('2026-11')).toEqual(codes('2018-12'));
  });

  it('every new district descends from the units it replaced', () => {
    expect(lineageOf('140403')).toEqual(['140403', '140402', '140411']);
    expect(lineageOf('140404')).toEqual(['140404', '140421']);
    expect(lineageOf('140423')).toEqual(['140423']);
  });
});

describe('one cell as typed or pasted', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['1234', 1234],
    [' 1,234 ', 1234],
    ['1 234', 1234],
    ['１２３', 123],
    ['１，２３４．５', 1234.5],
    ['12.50', 12.5],
    ['.5', 0.5],
    ['-3', -3],
    ['abc', 'invalid'],
    ['1e5', 'invalid'],
    ['12元', 'invalid'],
    ['1.2.3', 'invalid'],
  ])('%j → %j', (raw, expected) => expect(parseCell(raw)).toBe(expected));

  it('property: any non-negative integer, with or without thousands separators, reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (n) => {
        expect(parseCell(String(n))).toBe(n);
        expect(parseCell(n.toLocaleString('en-US'))).toBe(n);
      }),
    );
  });
});

describe('validation of one figure', () => {
  const ok = {
    households: 100,
    persons: 180,
    standard: 780,
    expenditure: 81234.56,
  };

  it('a complete, consistent figure passes', () => {
    expect(validateValues('urban_dibao', ok)).toEqual({});
    expect(
      validateValues('tekun', { persons: 10, concentrated: 3, dispersed: 7, expenditure: 1 }),
    ).toEqual({});
    expect(validateValues('medical', { personTimes: 0, expenditure: 0 })).toEqual({});
  });

  it('says what is wrong with each field, in locale keys', () => {
    expect(
      validateValues('urban_dibao', {
        households: -1,
        persons: 12.5,
        standard: 780.123,
        expenditure: null,
      }),
    ).toEqual({
      households: 'assistance.errors.nonNegative',
      persons: 'assistance.errors.integer',
      standard: 'assistance.errors.decimals',
      expenditure: 'validation.required',
    });
    expect(validateValues('medical', { personTimes: 'invalid', expenditure: 1e12 })).toEqual({
      personTimes: 'assistance.errors.number',
      expenditure: 'assistance.errors.tooLarge',
    });
  });

  it('persons ≥ households, and concentrated + dispersed = persons', () => {
    expect(validateValues('rural_dibao', { ...ok, persons: 99 })).toEqual({
      persons: 'assistance.errors.personsBelowHouseholds',
    });
    expect(
      validateValues('tekun', { persons: 10, concentrated: 3, dispersed: 6, expenditure: 1 }),
    ).toEqual({ persons: 'assistance.errors.tekunSum' });
  });

  it('checks across fields even while another field is wrong', () => {
    expect(
      validateRaw('urban_dibao', { households: '1,200', persons: '１０００', standard: 'x' }),
    ).toEqual({
      persons: 'assistance.errors.personsBelowHouseholds',
      standard: 'assistance.errors.number',
      expenditure: 'validation.required',
    });
  });

  it('turns a valid row of text into numbers', () => {
    expect(
      toValues('urban_dibao', {
        households: '1,200',
        persons: '2,000',
        standard: '780',
        expenditure: '1,234,567.89',
      }),
    ).toEqual({ households: 1200, persons: 2000, standard: 780, expenditure: 1234567.89 });
  });

  const value = fc.oneof(
    fc.integer({ min: -5, max: 2000 }),
    fc.double({ min: -10, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: 0, max: 1e7 }).map((c) => c / 100),
  );
  const figure = (program: Program) =>
    fc.record(
      Object.fromEntries(PROGRAM_FIELDS[program].map((f) => [f, value])) as Record<
        string,
        typeof value
      >,
    );

  it('property: the grid and the server agree on every figure (same rules, one source)', () => {
    for (const program of PROGRAMS)
      fc.assert(
        fc.property(figure(program), (v) => {
          const grid = Object.keys(validateValues(program, v)).length === 0;
          expect(valuesSchemas[program].safeParse(v).success).toBe(grid);
        }),
        { numRuns: 300 },
      );
  });

  it('property: a dibao figure with households ≤ persons and sound numbers always passes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e8 }),
        (a, b, cents) => {
          const [households, persons] = a <= b ? [a, b] : [b, a];
          const v = { households, persons, standard: 780, expenditure: cents / 100 };
          expect(validateValues('urban_dibao', v)).toEqual({});
          if (households !== persons)
            expect(validateValues('urban_dibao', { ...v, persons: households - 1 })).toHaveProperty(
              'persons',
            );
        },
      ),
    );
  });

  it('property: a tekun figure passes exactly when its two parts add up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 10000 }),
        (c, d, p) => {
          const errs = validateValues('tekun', {
            persons: p,
            concentrated: c,
            dispersed: d,
            expenditure: 0,
          });
          expect('persons' in errs).toBe(c + d !== p);
        },
      ),
    );
  });
});

describe('relative change', () => {
  it('is null without a base', () => {
    expect(relativeChange(10, null)).toBeNull();
    expect(relativeChange(10, 0)).toBeNull();
    expect(relativeChange(110, 100)).toBeCloseTo(0.1);
    expect(relativeChange(90, 100)).toBeCloseTo(-0.1);
  });
});
