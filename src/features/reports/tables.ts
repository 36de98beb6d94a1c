/**
 * Tables 二, 三 and 四 of the annual report as grids of cells with row and column spans, in the
 * national template's layout. Pure: the same grids render as HTML on the page and as Word tables
 * in the exported document. Number cells carry a `key` that names the figure (for links and for
 * last year's value).
 */
import { APPLICANT_COLUMNS, OUTCOME_GROUPS } from '@/lib/disclosure-template';
import type { Messages } from '@/locales/zh-CN';
import type { AnnualReport, ReportColumn } from './types';

export type ReportLabels = Messages['report'];

export interface GridCell {
  kind: 'head' | 'label' | 'num';
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Number cells: the figure's key, e.g. `t3|3.3.1|research`, `t4|review|upheld`. */
  key?: string;
  value?: number;
}
export interface Grid {
  id: 't2' | 't3' | 't4';
  /** Relative column widths (they sum to 100). */
  widths: number[];
  head: GridCell[][];
  body: GridCell[][];
}

const head = (text: string, colSpan?: number, rowSpan?: number): GridCell => ({
  kind: 'head',
  text,
  colSpan,
  rowSpan,
});
const label = (text: string, colSpan?: number, rowSpan?: number): GridCell => ({
  kind: 'label',
  text,
  colSpan,
  rowSpan,
});
const num = (key: string, value: number, colSpan?: number): GridCell => ({
  kind: 'num',
  text: formatFigure(value),
  key,
  value,
  colSpan,
});

/** Figures as the template prints them: whole numbers, or up to 4 decimals for 万元. */
export const formatFigure = (n: number) => String(Number(n.toFixed(4)));

export const rowKey = (code: string) =>
  `r${code.replace(/\./g, '_')}` as keyof ReportLabels['t3']['rows'];
export const COLUMNS: ReportColumn[] = [...APPLICANT_COLUMNS, 'total'];

/** Table 二 (2021 format): four blocks of 第二十条, each with its own header row. */
export function table2Grid(p: AnnualReport['tables']['proactive'], L: ReportLabels): Grid {
  const t = L.t2;
  const docs = (k: 'regulation' | 'normative') => [
    label(t[k]),
    num(`t2|${k}|issued`, p[k].issued),
    num(`t2|${k}|repealed`, p[k].repealed),
    num(`t2|${k}|inForce`, p[k].inForce),
  ];
  const one = (k: 'licensing' | 'penalty' | 'coercion') => [
    label(t[k]),
    num(`t2|${k}|decisions`, p[k].decisions, 3),
  ];
  return {
    id: 't2',
    widths: [34, 22, 22, 22],
    head: [],
    body: [
      [head(t.block1, 4)],
      [head(t.content), head(t.issued), head(t.repealed), head(t.inForce)],
      docs('regulation'),
      docs('normative'),
      [head(t.block5, 4)],
      [head(t.content), head(t.decisions, 3)],
      one('licensing'),
      [head(t.block6, 4)],
      [head(t.content), head(t.decisions, 3)],
      one('penalty'),
      one('coercion'),
      [head(t.block8, 4)],
      [head(t.content), head(t.feeAmount, 3)],
      [label(t.fees), num('t2|fees|amountWan', p.fees.amountWan, 3)],
    ],
  };
}

/**
 * Table 三: a three-row header (申请人情况 → 自然人 | 法人或其他组织 (5) | 总计), then rows 一、二,
 * 三 (a row-spanned first column over its 22 rows, the groups (三)…(六) row-spanned over their
 * leaves), and 四. Rows for outcomes outside the template are left out (the checks name them).
 */
export function table3Grid(
  rows: AnnualReport['tables']['applications']['rows'],
  L: ReportLabels,
): Grid {
  const t = L.t3;
  const byCode = new Map(rows.map((r) => [r.code, r.values]));
  const nums = (code: string) =>
    COLUMNS.map((c) => num(`t3|${code}|${c}`, byCode.get(code)?.[c] ?? 0));
  const outcome: GridCell[][] = [];
  for (const g of OUTCOME_GROUPS) {
    if (g.leaves.length === 1) outcome.push([label(t.rows[rowKey(g.code)], 2), ...nums(g.code)]);
    else
      g.leaves.forEach((leaf, i) =>
        outcome.push([
          ...(i === 0 ? [label(t.rows[rowKey(g.code)], 1, g.leaves.length)] : []),
          label(t.rows[rowKey(leaf.code)]),
          ...nums(leaf.code),
        ]),
      );
  }
  outcome.push([label(t.rows.r3_7, 2), ...nums('3.7')]);
  outcome[0]!.unshift(label(t.rows.r3, 1, outcome.length));
  return {
    id: 't3',
    widths: [8, 11, 25, ...COLUMNS.map(() => 8)],
    head: [
      [head(t.note, 3, 3), head(t.applicant, 7)],
      [head(t.natural_person, 1, 2), head(t.legal, 5), head(t.total, 1, 2)],
      APPLICANT_COLUMNS.filter((c) => c !== 'natural_person').map((c) => head(t[c])),
    ],
    body: [
      [label(t.rows.r1, 3), ...nums('1')],
      [label(t.rows.r2, 3), ...nums('2')],
      ...outcome,
      [label(t.rows.r4, 3), ...nums('4')],
    ],
  };
}

export const REVIEW_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export const REVIEW_CELLS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** Table 四: 行政复议 (5) | 行政诉讼 → 未经复议直接起诉 (5) | 复议后起诉 (5); one row of 15 numbers. */
export function table4Grid(r: AnnualReport['tables']['review'], L: ReportLabels): Grid {
  const t = L.t4;
  return {
    id: 't4',
    widths: REVIEW_GROUPS.flatMap(() => REVIEW_CELLS.map(() => 100 / 15)),
    head: [
      [head(t.review, 5), head(t.litigation, 10)],
      [...REVIEW_CELLS.map((c) => head(t[c], 1, 2)), head(t.direct, 5), head(t.afterReview, 5)],
      [...REVIEW_CELLS.map((c) => head(t[c])), ...REVIEW_CELLS.map((c) => head(t[c]))],
    ],
    body: [REVIEW_GROUPS.flatMap((g) => REVIEW_CELLS.map((c) => num(`t4|${g}|${c}`, r[g][c])))],
  };
}

/** Every figure of the report by key (tables and the figures quoted in sections 二 and 六). */
export function reportFigures(report: AnnualReport, L: ReportLabels): Map<string, number> {
  const out = new Map<string, number>();
  const grids = [
    table2Grid(report.tables.proactive, L),
    table3Grid(report.tables.applications.rows, L),
    table4Grid(report.tables.review, L),
  ];
  for (const g of grids)
    for (const row of g.body) for (const c of row) if (c.key) out.set(c.key, c.value ?? 0);
  for (const [k, v] of Object.entries(report.catalogue)) out.set(`catalogue|${k}`, v);
  for (const [k, v] of Object.entries(report.letters)) out.set(`letters|${k}`, v);
  out.set('fees|amount', report.fees.amount);
  return out;
}

/** The row and column labels of a number cell, for its accessible name (e.g. "1.属于国家秘密 · 自然人"). */
export function figureLabel(key: string, L: ReportLabels): string {
  const [table, a = '', b = ''] = key.split('|');
  if (table === 't3') return `${L.t3.rows[rowKey(a)] ?? a} · ${L.t3[b as ReportColumn]}`;
  if (table === 't4') {
    const group = {
      review: L.t4.review,
      litigationDirect: L.t4.direct,
      litigationAfterReview: L.t4.afterReview,
    };
    return `${group[a as keyof typeof group]} · ${L.t4[b as (typeof REVIEW_CELLS)[number]]}`;
  }
  if (table === 't2') {
    const col = {
      issued: L.t2.issued,
      repealed: L.t2.repealed,
      inForce: L.t2.inForce,
      decisions: L.t2.decisions,
      amountWan: L.t2.feeAmount,
    };
    return `${L.t2[a as keyof typeof L.t2]} · ${col[b as keyof typeof col]}`;
  }
  return key;
}
