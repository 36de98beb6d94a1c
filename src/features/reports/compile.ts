/**
 * The annual report compiled from records (国办公开办函〔2021〕30号 template, domain.md §2).
 * Pure: the records and the year in, the report's tables and the checks' warnings out.
 * Inputs are structural, so any backend's records of these shapes compile the same way.
 */
import { APPLICANT_COLUMNS, OUTCOME_CODES, OUTCOME_GROUPS } from '@/lib/disclosure-template';
import type {
  AnnualReport,
  Narrative,
  ReportColumn,
  ReportRow,
  ReportWarning,
  ReviewCounts,
} from './types';

export interface AppIn {
  applicantType: (typeof APPLICANT_COLUMNS)[number];
  receivedOn: string;
  decision: { outcome: string; decidedOn: string; fee: number | null } | null;
}
export interface EntryIn {
  category: string;
  docType: 'regulation' | 'normative' | 'other';
  formedOn: string;
  publishedOn: string | null;
  validity: 'valid' | 'repealed' | 'expired';
  repealedOn: string | null;
  /** Null on an expired entry recorded before the date was kept: then it counts as expired always. */
  expiredOn?: string | null;
  withdrawn: boolean;
  timely: boolean | null;
}
export interface LetterIn {
  source: string;
  receivedOn: string;
  closedOn: string | null;
  onTime: boolean | null;
}
export interface ReviewIn {
  kind: 'review' | 'litigation_direct' | 'litigation_after_review';
  filedOn: string;
  result: 'upheld' | 'corrected' | 'other' | 'pending';
  concludedOn: string | null;
}

const zero = (): Record<ReportColumn, number> => ({
  natural_person: 0,
  commercial: 0,
  research: 0,
  public_interest: 0,
  legal_service: 0,
  other_org: 0,
  total: 0,
});
const inYear = (d: string | null | undefined, y: number) => Boolean(d && d.startsWith(`${y}-`));
const byEnd = (d: string | null | undefined, y: number) => Boolean(d && d <= `${y}-12-31`);

/**
 * The rows of table 三 an application counts in for a year (1, 2, its outcome, 4), so a list can
 * show exactly the records behind a cell.
 */
export function table3RowsOf(a: AppIn, year: number): string[] {
  const start = `${year}-01-01`;
  const rows: string[] = [];
  if (inYear(a.receivedOn, year)) rows.push('1');
  else if (a.receivedOn < start && !(a.decision && a.decision.decidedOn < start)) rows.push('2');
  if (a.decision && inYear(a.decision.decidedOn, year) && a.receivedOn <= `${year}-12-31`)
    rows.push(a.decision.outcome);
  if (a.receivedOn <= `${year}-12-31` && !(a.decision && byEnd(a.decision.decidedOn, year)))
    rows.push('4');
  return rows;
}

/** Whether a row code (a leaf, a parent such as 3.3, or 3.7 总计) covers the rows an application counts in. */
export function coversRow(code: string, rows: string[]): boolean {
  if (code === '3.7') return rows.some((r) => r.startsWith('3.'));
  return rows.some((r) => r === code || r.startsWith(`${code}.`));
}

/** Table 三 (rows in the template's order, with parents 3.3–3.6 carrying their leaves' sums). */
export function compileTable3(apps: AppIn[], year: number): ReportRow[] {
  const start = `${year}-01-01`;
  const rows = new Map<string, Record<ReportColumn, number>>();
  const add = (code: string, col: ReportColumn) => {
    const r = rows.get(code) ?? zero();
    r[col] += 1;
    r.total += 1;
    rows.set(code, r);
  };
  for (const a of apps) {
    const col = a.applicantType;
    if (inYear(a.receivedOn, year)) add('1', col);
    else if (a.receivedOn < start && !(a.decision && a.decision.decidedOn < start)) add('2', col);
    if (a.decision && inYear(a.decision.decidedOn, year) && a.receivedOn <= `${year}-12-31`)
      add(a.decision.outcome, col);
    if (a.receivedOn <= `${year}-12-31` && !(a.decision && byEnd(a.decision.decidedOn, year)))
      add('4', col);
  }
  const get = (code: string) => rows.get(code) ?? zero();
  const sum = (codes: string[]) => {
    const s = zero();
    for (const c of codes) for (const k of Object.keys(s) as ReportColumn[]) s[k] += get(c)[k];
    return s;
  };
  const out: ReportRow[] = [
    { code: '1', label: '一、本年新收政府信息公开申请数量', parent: false, values: get('1') },
    { code: '2', label: '二、上年结转政府信息公开申请数量', parent: false, values: get('2') },
  ];
  for (const g of OUTCOME_GROUPS) {
    if (g.leaves.length === 1)
      out.push({ code: g.code, label: g.label, parent: false, values: get(g.code) });
    else {
      out.push({
        code: g.code,
        label: g.label,
        parent: true,
        values: sum(g.leaves.map((l) => l.code)),
      });
      for (const l of g.leaves)
        out.push({ code: l.code, label: l.label, parent: false, values: get(l.code) });
    }
  }
  out.push({ code: '3.7', label: '（七）总计', parent: false, values: sum(OUTCOME_CODES) });
  out.push({ code: '4', label: '四、结转下年度继续办理', parent: false, values: get('4') });
  // Outcomes outside the template, kept visible so the check can name them.
  for (const code of rows.keys()) {
    if (!['1', '2', '4', ...OUTCOME_CODES].includes(code))
      out.push({ code, label: code, parent: false, values: get(code) });
  }
  return out;
}

/** The checks that run on every compile (domain.md §2, "Identities for checks"). */
export function checkTable3(rows: ReportRow[], apps: AppIn[], year: number): ReportWarning[] {
  const w: ReportWarning[] = [];
  const row = (code: string) => rows.find((r) => r.code === code)?.values ?? zero();
  for (const col of [...APPLICANT_COLUMNS, 'total'] as ReportColumn[]) {
    const lhs = row('1')[col] + row('2')[col];
    const rhs = row('3.7')[col] + row('4')[col];
    if (lhs !== rhs)
      w.push({ code: 'identity', where: col, message: `一+二 (${lhs}) ≠ 三(七)+四 (${rhs})` });
  }
  for (const r of rows) {
    const six = APPLICANT_COLUMNS.reduce((s, c) => s + r.values[c], 0);
    if (six !== r.values.total)
      w.push({ code: 'total_column', where: r.code, message: `总计 ${r.values.total} ≠ ${six}` });
  }
  for (const g of OUTCOME_GROUPS.filter((x) => x.leaves.length > 1)) {
    const parent = row(g.code);
    for (const col of [...APPLICANT_COLUMNS, 'total'] as ReportColumn[]) {
      const leaves = g.leaves.reduce((s, l) => s + row(l.code)[col], 0);
      if (leaves !== parent[col])
        w.push({
          code: 'parent_row',
          where: `${g.code}/${col}`,
          message: `${parent[col]} ≠ ${leaves}`,
        });
    }
  }
  for (const a of apps) {
    if (!a.decision || !inYear(a.decision.decidedOn, year)) continue;
    if (!a.decision.outcome)
      w.push({
        code: 'missing_outcome',
        where: a.receivedOn,
        message: 'decided without an outcome code',
      });
    else if (!OUTCOME_CODES.includes(a.decision.outcome))
      w.push({
        code: 'unknown_outcome',
        where: a.decision.outcome,
        message: `outcome ${a.decision.outcome} is not a row of table 三`,
      });
  }
  return w;
}

/** Table 二 from the catalogue: 规章 and 行政规范性文件 issued, repealed and in force at year end; decisions published. */
export function compileTable2(
  entries: EntryIn[],
  year: number,
  feesWan: number,
): AnnualReport['tables']['proactive'] {
  const live = entries.filter((e) => !e.withdrawn);
  const docs = (t: 'regulation' | 'normative') => {
    const of = live.filter((e) => e.docType === t);
    return {
      issued: of.filter((e) => inYear(e.formedOn, year)).length,
      repealed: of.filter((e) => inYear(e.repealedOn, year)).length,
      // 现行有效件数 as it stood at that year's end: formed by then, neither repealed nor expired by
      // then — so a published year's figure does not move when a document lapses later.
      inForce: of.filter(
        (e) =>
          byEnd(e.formedOn, year) &&
          !byEnd(e.repealedOn, year) &&
          !byEnd(e.expiredOn ?? null, year) &&
          !(e.validity === 'expired' && !e.expiredOn),
      ).length,
    };
  };
  const decisions = (category: string) =>
    live.filter((e) => e.category === category && inYear(e.publishedOn, year)).length;
  return {
    regulation: docs('regulation'),
    normative: docs('normative'),
    licensing: { decisions: decisions('licensing') },
    penalty: { decisions: decisions('penalty') },
    // The catalogue has no 行政强制 category (api.md): no records, so none are reported.
    coercion: { decisions: 0 },
    fees: { amountWan: feesWan },
  };
}

/** Table 四: a case counts in the year it concludes (by result), or as pending in the year filed if still open at year end. */
export function compileTable4(cases: ReviewIn[], year: number): AnnualReport['tables']['review'] {
  const cell = (): ReviewCounts => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  const out = { review: cell(), litigationDirect: cell(), litigationAfterReview: cell() };
  const key = {
    review: 'review',
    litigation_direct: 'litigationDirect',
    litigation_after_review: 'litigationAfterReview',
  } as const;
  for (const c of cases) {
    const target = out[key[c.kind]];
    if (c.concludedOn && inYear(c.concludedOn, year) && c.result !== 'pending')
      target[c.result] += 1;
    else if (inYear(c.filedOn, year) && !byEnd(c.concludedOn, year)) target.pending += 1;
    else continue;
    target.total += 1;
  }
  return out;
}

export function compileLetters(letters: LetterIn[], year: number): AnnualReport['letters'] {
  const of = letters.filter((l) => inYear(l.receivedOn, year));
  const closed = of.filter((l) => byEnd(l.closedOn, year));
  return {
    received: of.length,
    mayorMailbox: of.filter((l) => l.source === 'mayor_mailbox').length,
    closed: closed.length,
    closedOnTime: closed.filter((l) => l.onTime).length,
  };
}

export function compileReport(
  input: {
    apps: AppIn[];
    entries: EntryIn[];
    letters: LetterIn[];
    reviews: ReviewIn[];
    feesWan: number;
    organisation: string;
    /** The stored text and its version (a year never saved: empty, version 1). */
    narrative: Omit<Narrative, 'publishedOn'> & { publishedOn?: string; version?: number };
  },
  year: number,
  compiledAt: string,
): AnnualReport {
  const rows = compileTable3(input.apps, year);
  const published = input.entries.filter((e) => !e.withdrawn && inYear(e.publishedOn, year));
  return {
    year,
    compiledAt,
    organisation: input.organisation,
    tables: {
      proactive: compileTable2(input.entries, year, input.feesWan),
      applications: { rows },
      review: compileTable4(input.reviews, year),
    },
    catalogue: {
      published: published.length,
      timely: published.filter((e) => e.timely).length,
      powersList: published.filter((e) => e.category === 'powers_list').length,
    },
    letters: compileLetters(input.letters, year),
    fees: {
      amount: input.apps
        .filter((a) => a.decision && inYear(a.decision.decidedOn, year))
        .reduce((s, a) => s + (a.decision!.fee ?? 0), 0),
    },
    narrative: {
      overview: input.narrative.overview,
      problems: input.narrative.problems,
      other: input.narrative.other,
      publishedOn: input.narrative.publishedOn ?? '',
      // NARRATIVE_FIRST_VERSION (types-only import here: the schemas' registration order, and so
      // the OpenAPI document, stays as it was).
      version: input.narrative.version ?? 1,
    },
    warnings: checkTable3(rows, input.apps, year),
  };
}
