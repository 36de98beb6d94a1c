// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  compositionSeries,
  countySeries,
  monthLabel,
  monthText,
  toWan,
  trendSeries,
  yearOverYearSeries,
} from '@/features/assistance/charts';
import type { AssistanceSummary, SummaryRow } from '@/features/assistance/types';

const row = (
  key: string,
  program: SummaryRow['program'],
  recipients: number,
  expenditure: number,
): SummaryRow => ({
  key,
  program,
  recipients,
  expenditure,
  households: null,
  standard: null,
  previous: { recipients: null, expenditure: null },
  change: { recipients: null, expenditure: null },
});

const summary = (year: number, rows: SummaryRow[]): AssistanceSummary => ({
  year,
  groupBy: 'month',
  through: rows.at(-1)?.key ?? null,
  illustrative: true,
  rows,
});

const s2026 = summary(2026, [
  row('2026-01', 'urban_dibao', 17000, 6_500_000),
  row('2026-01', 'rural_dibao', 70000, 15_000_000),
  row('2026-02', 'urban_dibao', 16900, 6_400_000),
  row('2026-02', 'rural_dibao', 70100, 15_100_000),
  // A row beyond `now` (should never happen, but is never drawn).
  row('2026-04', 'urban_dibao', 1, 1),
]);
const s2025 = summary(2025, [
  row('2025-01', 'urban_dibao', 17500, 6_000_000),
  row('2025-12', 'urban_dibao', 17400, 6_100_000),
]);

describe('labels and units', () => {
  it('months as the office writes them', () => {
    expect(monthLabel(3, 'zh-CN')).toBe('3月');
    expect(monthLabel(3, 'en-US')).toBe('Mar');
    expect(monthText('2026-03', 'zh-CN')).toBe('2026年3月');
    expect(monthText('2026-03', 'en-US')).toBe('2026-03');
  });

  it('元 to 万元 with two decimals', () => {
    expect(toWan(6_543_210.98)).toBe(654.32);
    expect(toWan(0)).toBe(0);
  });
});

describe('trend', () => {
  it('twelve months; nothing after now; spending in 万元', () => {
    const t = trendSeries(s2026, 'urban_dibao', '2026-03-15', 'zh-CN');
    expect(t).toHaveLength(12);
    expect(t[0]).toEqual({ period: '2026-01', label: '1月', recipients: 17000, expenditure: 650 });
    expect(t[2]).toMatchObject({ recipients: null, expenditure: null }); // March: not published
    expect(t[3]).toMatchObject({ recipients: null, expenditure: null }); // April: after now
  });
});

describe('urban and rural composition', () => {
  it('one point per month with both populations', () => {
    const c = compositionSeries(s2026, '2026-03-15', 'en-US');
    expect(c[1]).toEqual({ period: '2026-02', label: 'Feb', urban: 16900, rural: 70100 });
    expect(c[2]).toMatchObject({ urban: null, rural: null });
  });
});

describe('this year against last', () => {
  it('sums the programs per month; this year stops at now, last year is complete', () => {
    const y = yearOverYearSeries(s2026, s2025, '2026-03-15', 'zh-CN');
    expect(y[0]).toEqual({ month: 1, label: '1月', current: 2150, previous: 600 });
    expect(y[1]!.current).toBe(2150);
    expect(y[11]).toEqual({ month: 12, label: '12月', current: null, previous: 610 });
    expect(yearOverYearSeries(s2026, undefined, '2026-03-15', 'zh-CN')[0]!.previous).toBeNull();
  });
});

describe('counties compared', () => {
  const regions = [
    { code: '140403', name: '潞州区', nameEn: 'Luzhou District' },
    { code: '140404', name: '上党区', nameEn: 'Shangdang District' },
    { code: '140405', name: '屯留区', nameEn: 'Tunliu District' },
  ];
  const fig = (
    regionCode: string,
    persons: number,
    status: 'draft' | 'published' = 'published',
  ) => ({
    period: '2026-10',
    regionCode,
    program: 'rural_dibao' as const,
    status,
    values: { households: 1, persons, standard: 600, expenditure: persons * 330 },
  });

  it('largest first, published figures only, units without one left out', () => {
    const c = countySeries(
      [fig('140403', 2000), fig('140404', 6000), fig('140405', 9999, 'draft')],
      regions,
      'rural_dibao',
      '2026-11-26',
      'zh-CN',
    );
    expect(c).toEqual([
      { code: '140404', label: '上党区', recipients: 6000, expenditure: 198 },
      { code: '140403', label: '潞州区', recipients: 2000, expenditure: 66 },
    ]);
    expect(countySeries([fig('140403', 1)], regions, 'rural_dibao', '2026-09-30', 'en-US')).toEqual(
      [],
    );
  });
});
