// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, summarize, type SummaryFigure } from '@/features/assistance/summary';
import type { Program } from '@/features/assistance/types';

const f = (
  period: string,
  regionCode: string,
  program: Program,
  values: Record<string, number>,
  illustrative = false,
): SummaryFigure => ({ period, regionCode, program, values, illustrative });

const dibao = (households: number, persons: number, standard: number, expenditure: number) => ({
  households,
  persons,
  standard,
  expenditure,
});

describe('aggregate', () => {
  it('takes stocks at the latest month and sums flows and spending', () => {
    const t = aggregate('urban_dibao', [
      f('2026-01', '140403', 'urban_dibao', dibao(10, 20, 700, 1000)),
      f('2026-02', '140403', 'urban_dibao', dibao(11, 22, 780, 1100.5)),
      f('2026-02', '140404', 'urban_dibao', dibao(5, 10, 720, 500)),
    ])!;
    expect(t).toEqual({
      recipients: 32,
      households: 16,
      standard: Math.round(((780 * 22 + 720 * 10) / 32) * 100) / 100,
      expenditure: 2600.5,
    });
    const m = aggregate('medical', [
      f('2026-01', '140403', 'medical', { personTimes: 30, expenditure: 10 }),
      f('2026-02', '140403', 'medical', { personTimes: 40, expenditure: 20 }),
    ])!;
    expect(m).toEqual({ recipients: 70, households: null, standard: null, expenditure: 30 });
    expect(aggregate('tekun', [])).toBeNull();
  });
});

describe('summarize', () => {
  const figures = [
    f('2025-01', '140403', 'urban_dibao', dibao(10, 20, 700, 1000), true),
    f('2025-02', '140403', 'urban_dibao', dibao(10, 20, 700, 1000), true),
    f('2025-03', '140403', 'urban_dibao', dibao(10, 20, 700, 9999), true),
    f('2026-01', '140403', 'urban_dibao', dibao(11, 22, 780, 1200)),
    f('2026-02', '140403', 'urban_dibao', dibao(12, 25, 780, 1300)),
    f('2026-02', '140403', 'temporary', { householdTimes: 4, expenditure: 400 }),
  ];

  it('by month: each month with the same month of the year before', () => {
    const s = summarize(figures, { year: 2026, groupBy: 'month', today: '2026-02-20' });
    expect(s).toMatchObject({
      year: 2026,
      groupBy: 'month',
      through: '2026-02',
      illustrative: false,
    });
    expect(s.rows.map((r) => [r.key, r.program])).toEqual([
      ['2026-01', 'urban_dibao'],
      ['2026-02', 'urban_dibao'],
      ['2026-02', 'temporary'],
    ]);
    expect(s.rows[1]).toMatchObject({
      recipients: 25,
      households: 12,
      expenditure: 1300,
      previous: { recipients: 20, expenditure: 1000 },
    });
    expect(s.rows[1]!.change.recipients).toBeCloseTo(0.25);
    expect(s.rows[2]!.previous).toEqual({ recipients: null, expenditure: null });
    expect(s.rows[2]!.change).toEqual({ recipients: null, expenditure: null });
  });

  it('by program: the year to date against the same months of the year before', () => {
    const s = summarize(figures, { year: 2026, groupBy: 'program', today: '2026-02-20' });
    const urban = s.rows.find((r) => r.key === 'urban_dibao')!;
    // March 2025 is not compared: 2026 has reached February only.
    expect(urban).toMatchObject({
      recipients: 25,
      expenditure: 2500,
      previous: { recipients: 20, expenditure: 2000 },
    });
    expect(urban.change.expenditure).toBeCloseTo(0.25);
  });

  it('nothing after the month of today counts', () => {
    const s = summarize([...figures, f('2026-03', '140403', 'urban_dibao', dibao(1, 1, 1, 1))], {
      year: 2026,
      groupBy: 'month',
      today: '2026-02-28',
    });
    expect(s.through).toBe('2026-02');
    expect(s.rows.some((r) => r.key === '2026-03')).toBe(false);
  });

  it('by region: a district created in 2018 is compared with the units it replaced', () => {
    const s = summarize(
      [
        f('2018-06', '140402', 'medical', { personTimes: 10, expenditure: 100 }),
        f('2018-06', '140411', 'medical', { personTimes: 5, expenditure: 50 }),
        f('2018-12', '140403', 'medical', { personTimes: 20, expenditure: 200 }),
        f('2019-06', '140403', 'medical', { personTimes: 30, expenditure: 300 }),
        f('2019-12', '140403', 'medical', { personTimes: 40, expenditure: 400 }),
      ],
      { year: 2019, groupBy: 'region', today: '2026-01-01' },
    );
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]).toMatchObject({
      key: '140403',
      recipients: 70,
      previous: { recipients: 35, expenditure: 350 },
    });
  });

  it('is empty for a year without figures, and flags illustrative figures', () => {
    expect(summarize(figures, { year: 2024, groupBy: 'month', today: '2026-02-20' })).toEqual({
      year: 2024,
      groupBy: 'month',
      through: null,
      illustrative: false,
      rows: [],
    });
    expect(
      summarize(figures, { year: 2025, groupBy: 'month', today: '2026-02-20' }).illustrative,
    ).toBe(true);
  });

  it('property: the months add up to the year for spending and for flow programs', () => {
    const monthFigure = fc
      .tuple(
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('140403', '140404', '140423'),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 1e7 }),
      )
      .map(([m, region, times, cents]) =>
        f(`2025-${String(m).padStart(2, '0')}`, region, 'medical', {
          personTimes: times,
          expenditure: cents / 100,
        }),
      );
    fc.assert(
      fc.property(
        fc.uniqueArray(monthFigure, { selector: (x) => `${x.period}${x.regionCode}` }),
        (figs) => {
          const byMonth = summarize(figs, { year: 2025, groupBy: 'month', today: '2026-01-01' });
          const byProgram = summarize(figs, {
            year: 2025,
            groupBy: 'program',
            today: '2026-01-01',
          });
          const total = byProgram.rows[0];
          if (figs.length === 0) {
            expect(total).toBeUndefined();
            return;
          }
          const sum = (k: 'recipients' | 'expenditure') =>
            byMonth.rows.reduce((s, r) => s + r[k], 0);
          expect(total!.recipients).toBe(sum('recipients'));
          expect(total!.expenditure).toBeCloseTo(sum('expenditure'), 2);
        },
      ),
    );
  });
});
