import { describe, expect, it } from 'vitest';
import { columnTotals, cellKey } from '@/features/assistance/grid';
import {
  isPeriodInProgress,
  latestEndedPeriod,
  nearReorganisation,
} from '@/features/assistance/rules';
import { monthComparison, type SummaryFigure } from '@/features/assistance/summary';
import type { AssistanceFigure } from '@/features/assistance/types';

const fig = (
  period: string,
  regionCode: string,
  values: Record<string, number>,
  program: AssistanceFigure['program'] = 'urban_dibao',
): SummaryFigure => ({ period, regionCode, program, values, illustrative: false });

describe('assistance: the month to open, months in progress, the 2018 note', () => {
  it('opens on the month before today’s, across a new year too', () => {
    expect(latestEndedPeriod('2026-11-26')).toBe('2026-10');
    expect(latestEndedPeriod('2027-01-02')).toBe('2026-12');
  });
  it('a month is in progress only on its own days', () => {
    expect(isPeriodInProgress('2026-11', '2026-11-30')).toBe(true);
    expect(isPeriodInProgress('2026-10', '2026-11-01')).toBe(false);
  });
  it('the reorganisation note: October 2018 to January 2019', () => {
    expect(
      ['2018-09', '2018-10', '2018-11', '2018-12', '2019-01', '2019-02', '2026-11'].map(
        nearReorganisation,
      ),
    ).toEqual([false, true, true, true, true, false, false]);
  });
});

describe('assistance: the 合计 row', () => {
  it('sums the saved figures, a typed number replacing its cell; a blank or wrong one adds nothing', () => {
    const figures = new Map(
      [
        fig('2026-10', 'A', { households: 10, persons: 20, standard: 700.5 }),
        fig('2026-10', 'B', { households: 5, persons: 9, standard: 650 }),
      ].map((f) => [
        `${f.period}:${f.regionCode}:${f.program}`,
        {
          ...f,
          id: '',
          status: 'draft',
          version: 1,
          createdAt: '',
          updatedAt: '',
          publishedAt: null,
        } as AssistanceFigure,
      ]),
    );
    const columns = (['households', 'persons', 'standard'] as const).map((field) => ({
      program: 'urban_dibao' as const,
      field,
    }));
    expect(columnTotals('2026-10', ['A', 'B'], columns, figures, {})).toEqual([15, 29, null]);
    expect(
      columnTotals('2026-10', ['A', 'B', 'C'], columns, figures, {
        [cellKey('A', 'urban_dibao', 'households')]: '１,000',
        [cellKey('B', 'urban_dibao', 'persons')]: '',
        [cellKey('C', 'urban_dibao', 'persons')]: 'x',
      }),
    ).toEqual([1005, 20, null]);
  });
});

describe('assistance: the publish confirmation’s totals', () => {
  it('by program, against the month before, with nothing to compare when it has no figures', () => {
    const rows = monthComparison(
      [
        fig('2026-11', 'A', { households: 10, persons: 22, standard: 700, expenditure: 1100 }),
        fig('2026-11', 'B', { households: 5, persons: 8, standard: 700, expenditure: 400 }),
        fig('2026-11', 'A', { personTimes: 7, expenditure: 300 }, 'medical'),
      ],
      [fig('2026-10', 'A', { households: 10, persons: 25, standard: 700, expenditure: 1000 })],
    );
    expect(rows.map((r) => r.program)).toEqual(['urban_dibao', 'medical']);
    expect(rows[0]!.current).toMatchObject({ recipients: 30, expenditure: 1500 });
    expect(rows[0]!.change.recipients).toBeCloseTo(0.2);
    expect(rows[0]!.change.expenditure).toBeCloseTo(0.5);
    expect(rows[1]!.previous).toBeNull();
    expect(rows[1]!.change).toEqual({ recipients: null, expenditure: null });
  });
});
