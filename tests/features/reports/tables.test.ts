// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileReport } from '@/features/reports/compile';
import { figureHref } from '@/features/reports/links';
import {
  figureLabel,
  reportFigures,
  rowKey,
  table2Grid,
  table3Grid,
  table4Grid,
  type Grid,
} from '@/features/reports/tables';
import { filterReviews, reviewCountsIn } from '@/features/reports/utils';
import type { ReviewCase } from '@/features/reports/types';
import { OUTCOME_GROUPS } from '@/lib/disclosure-template';
import { enUS } from '@/locales/en-US';
import { reportZh } from '@/locales/zh-CN/report';

const report = compileReport(
  {
    apps: [
      {
        applicantType: 'research',
        receivedOn: '2021-03-01',
        decision: { outcome: '3.3.6', decidedOn: '2021-03-20', fee: 50 },
      },
      { applicantType: 'natural_person', receivedOn: '2020-12-28', decision: null },
    ],
    entries: [],
    letters: [],
    reviews: [],
    feesWan: 1.25,
    organisation: '长治市民政局',
    narrative: { overview: '', problems: '', other: '' },
  },
  2021,
  '2022-01-10T09:00:00+08:00',
);

/** Lays the grid out cell by cell (spans included): every row must fill exactly `columns` slots. */
function occupancy(grid: Grid, rows: Grid['body']) {
  const columns = grid.widths.length;
  const taken: number[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (taken[r]!.includes(col)) col++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) taken[r + dr]!.push(col + dc);
      col += cell.colSpan ?? 1;
    }
  });
  return taken
    .map((t) => [...t].sort((a, b) => a - b).join())
    .every((s) => s === [...Array(columns).keys()].join());
}

describe('the tables as grids', () => {
  it('the zh-CN labels are the template rows of table 三, exactly', () => {
    for (const g of OUTCOME_GROUPS) {
      expect(reportZh.t3.rows[rowKey(g.code)]).toBe(g.label);
      for (const l of g.leaves) expect(reportZh.t3.rows[rowKey(l.code)]).toBe(l.label);
    }
    expect(reportZh.t3.rows.r1).toBe('一、本年新收政府信息公开申请数量');
    expect(reportZh.t3.rows.r4).toBe('四、结转下年度继续办理');
  });

  it('every row of every table fills its columns once the spans are laid out', () => {
    for (const grid of [
      table2Grid(report.tables.proactive, reportZh),
      table3Grid(report.tables.applications.rows, reportZh),
      table4Grid(report.tables.review, reportZh),
    ]) {
      expect(grid.widths.reduce((s, w) => s + w, 0)).toBeCloseTo(100);
      expect(occupancy(grid, grid.head)).toBe(true);
      expect(occupancy(grid, grid.body)).toBe(true);
    }
  });

  it('table 三: 三、本年度办理结果 spans its 22 rows, groups span their leaves, numbers keep their row and column', () => {
    const grid = table3Grid(report.tables.applications.rows, reportZh);
    expect(grid.head[0]![0]).toMatchObject({ text: reportZh.t3.note, colSpan: 3, rowSpan: 3 });
    expect(grid.head[1]!.map((c) => c.text)).toEqual(['自然人', '法人或其他组织', '总计']);
    expect(grid.head[2]!.map((c) => c.text)).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(grid.body).toHaveLength(2 + 22 + 1);
    expect(grid.body[2]![0]).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22 });
    const not = grid.body.find((r) => r.some((c) => c.text === '（三）不予公开'))!;
    expect(not.find((c) => c.text === '（三）不予公开')!.rowSpan).toBe(8);
    const cell = grid.body.flat().find((c) => c.key === 't3|3.3.6|research')!;
    expect(cell.value).toBe(1);
    expect(grid.body.flat().find((c) => c.key === 't3|2|natural_person')!.value).toBe(1);
    expect(grid.body.flat().some((c) => c.text === '（七）总计' && c.colSpan === 2)).toBe(true);
  });

  it('table 二 shows 万元 with decimals; table 四 has 15 numbers under 行政复议 | 行政诉讼 (2 × 5)', () => {
    const t2 = table2Grid(report.tables.proactive, reportZh);
    expect(t2.body.flat().find((c) => c.key === 't2|fees|amountWan')!.text).toBe('1.25');
    const t4 = table4Grid(report.tables.review, reportZh);
    expect(t4.head[0]!.map((c) => [c.text, c.colSpan])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(t4.body[0]).toHaveLength(15);
  });

  it('names every figure by its row and column, in either language', () => {
    expect(figureLabel('t3|3.3.6|research', reportZh)).toBe('6.属于四类过程性信息 · 科研机构');
    expect(figureLabel('t4|litigationDirect|pending', enUS.report)).toBe(
      'Sued without prior review · Pending',
    );
    expect(figureLabel('t2|normative|inForce', reportZh)).toBe('行政规范性文件 · 现行有效件数');
    const figures = reportFigures(report, reportZh);
    expect(figures.get('t3|1|total')).toBe(1);
    expect(figures.get('fees|amount')).toBe(50);
    expect(figures.get('letters|received')).toBe(0);
  });
});

describe('links from the figures to their records', () => {
  const opts = { reportPath: '/reports/annual/2021', canSeeSettings: false };
  it('table 三 cells open exactly the applications counted in that cell', () => {
    expect(figureHref('t3|3.3.6|research', 2021, opts)).toBe(
      '/applications?reportYear=2021&reportRow=3.3.6&applicantType=research',
    );
    expect(figureHref('t3|1|total', 2021, opts)).toBe('/applications?reportYear=2021&reportRow=1');
    expect(figureHref('t3|3.7|commercial', 2021, opts)).toBe(
      '/applications?reportYear=2021&reportRow=3.7&applicantType=commercial',
    );
  });
  it('letters, catalogue and table 四 figures', () => {
    expect(figureHref('letters|mayorMailbox', 2017, opts)).toBe(
      '/letters?year=2017&source=mayor_mailbox',
    );
    expect(figureHref('letters|closed', 2017, opts)).toBe('/letters?year=2017&status=closed');
    expect(figureHref('catalogue|powersList', 2017, opts)).toBe(
      '/catalogue?year=2017&category=powers_list',
    );
    expect(figureHref('t4|review|upheld', 2021, opts)).toBe(
      '/reports/annual/2021?reviewKind=review&reviewResult=upheld#review-register',
    );
    expect(figureHref('t2|fees|amountWan', 2021, opts)).toBeNull();
    expect(figureHref('t2|fees|amountWan', 2021, { ...opts, canSeeSettings: true })).toBe(
      '/settings?tab=organisation',
    );
  });
});

describe('the review register', () => {
  const at = '2021-01-01T00:00:00+08:00';
  const c = (over: Partial<ReviewCase>): ReviewCase => ({
    id: Math.random().toString(36),
    kind: 'review',
    filedOn: '2020-11-01',
    applicationId: null,
    result: 'pending',
    concludedOn: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...over,
  });
  it('shows where a case counts, and filters by a table 四 cell', () => {
    const open = c({});
    const late = c({
      kind: 'litigation_after_review',
      result: 'corrected',
      concludedOn: '2021-02-01',
    });
    expect(reviewCountsIn(open, 2020)).toBe('pending');
    expect(reviewCountsIn(open, 2021)).toBeNull();
    expect(reviewCountsIn(late, 2020)).toBe('pending');
    expect(reviewCountsIn(late, 2021)).toBe('corrected');
    expect(filterReviews([open, late], { year: 2021, countedOnly: true })).toEqual([late]);
    expect(filterReviews([open, late], { year: 2021, countedOnly: false })).toHaveLength(2);
    expect(
      filterReviews([open, late], {
        year: 2020,
        countedOnly: false,
        result: 'pending',
        kind: 'review',
      }),
    ).toEqual([open]);
  });
});
