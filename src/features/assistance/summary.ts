/**
 * GET /assistance/summary as a pure function of the published figures: by month, by region or by
 * program, each with the same months of the year before. Stocks (低保/特困 persons, households) are
 * taken at the latest month, flows (person-times, household-times, spending) are summed.
 */
import { lineageOf, monthsOf, periodOf, relativeChange } from './rules';
import {
  PROGRAMS,
  RECIPIENTS,
  type AssistanceFigure,
  type AssistanceSummary,
  type GroupBy,
  type Program,
  type SummaryRow,
} from './types';

export type SummaryFigure = Pick<
  AssistanceFigure,
  'period' | 'regionCode' | 'program' | 'values' | 'illustrative'
>;

const round2 = (n: number) => Math.round(n * 100) / 100;
const v = (f: SummaryFigure, field: string) => f.values[field] ?? 0;

export interface Totals {
  recipients: number;
  households: number | null;
  standard: number | null;
  expenditure: number;
}

/** One program's figures (any months, any regions) reduced to its totals. */
export function aggregate(program: Program, figs: readonly SummaryFigure[]): Totals | null {
  if (figs.length === 0) return null;
  const latest = figs.reduce((m, f) => (f.period > m ? f.period : m), figs[0]!.period);
  const atLatest = figs.filter((f) => f.period === latest);
  const { field, kind } = RECIPIENTS[program];
  const dibao = program === 'urban_dibao' || program === 'rural_dibao';
  const persons = atLatest.reduce((s, f) => s + v(f, 'persons'), 0);
  return {
    recipients: (kind === 'stock' ? atLatest : figs).reduce((s, f) => s + v(f, field), 0),
    households: dibao ? atLatest.reduce((s, f) => s + v(f, 'households'), 0) : null,
    standard:
      dibao && persons > 0
        ? round2(atLatest.reduce((s, f) => s + v(f, 'standard') * v(f, 'persons'), 0) / persons)
        : null,
    expenditure: round2(figs.reduce((s, f) => s + v(f, 'expenditure'), 0)),
  };
}

function row(key: string, program: Program, cur: Totals, prev: Totals | null): SummaryRow {
  const previous = {
    recipients: prev?.recipients ?? null,
    expenditure: prev?.expenditure ?? null,
  };
  return {
    key,
    program,
    ...cur,
    previous,
    change: {
      recipients: relativeChange(cur.recipients, previous.recipients),
      expenditure: relativeChange(cur.expenditure, previous.expenditure),
    },
  };
}

const sameMonthLastYear = (period: string) => `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;

/**
 * `figures` should hold the published figures of `year` and `year − 1` (others are ignored).
 * Nothing after the month of `today` counts, and the year before is cut at the same month as this
 * year's latest published month, so a year in progress is compared with the same months.
 */
export function summarize(
  figures: readonly SummaryFigure[],
  opts: { year: number; groupBy: GroupBy; today: string },
): AssistanceSummary {
  const { year, groupBy, today } = opts;
  const months = new Set(monthsOf(year, today));
  const cur = figures.filter((f) => months.has(f.period));
  const through = cur.reduce<string | null>(
    (m, f) => (m === null || f.period > m ? f.period : m),
    null,
  );
  const lastMonthOfYear = through ? through.slice(5) : '00';
  const prev = figures.filter(
    (f) =>
      f.period.startsWith(`${year - 1}-`) &&
      f.period.slice(5) <= lastMonthOfYear &&
      f.period <= periodOf(today),
  );
  const rows: SummaryRow[] = [];
  const groups = new Map<string, { key: string; program: Program; figs: SummaryFigure[] }>();
  const keyOf = (f: SummaryFigure) =>
    groupBy === 'month' ? f.period : groupBy === 'region' ? f.regionCode : f.program;
  for (const f of cur) {
    const key = keyOf(f);
    const id = `${key}|${f.program}`;
    const g = groups.get(id) ?? { key, program: f.program, figs: [] };
    g.figs.push(f);
    groups.set(id, g);
  }
  const order = (a: { key: string; program: Program }, b: { key: string; program: Program }) =>
    a.key === b.key
      ? PROGRAMS.indexOf(a.program) - PROGRAMS.indexOf(b.program)
      : groupBy === 'program'
        ? PROGRAMS.indexOf(a.program) - PROGRAMS.indexOf(b.program)
        : a.key.localeCompare(b.key);
  for (const g of [...groups.values()].sort(order)) {
    const before = prev.filter((f) => {
      if (f.program !== g.program) return false;
      if (groupBy === 'month') return f.period === sameMonthLastYear(g.key);
      if (groupBy === 'region') return lineageOf(g.key).includes(f.regionCode);
      return true;
    });
    rows.push(row(g.key, g.program, aggregate(g.program, g.figs)!, aggregate(g.program, before)));
  }
  return { year, groupBy, through, illustrative: cur.some((f) => f.illustrative), rows };
}

export interface MonthChange {
  program: Program;
  current: Totals;
  previous: Totals | null;
  change: { recipients: number | null; expenditure: number | null };
}

/**
 * A month's totals by program (what publishing it makes public) against the month before's, for
 * the publish confirmation: one row per program the month has figures of.
 */
export function monthComparison(
  current: readonly SummaryFigure[],
  previous: readonly SummaryFigure[],
): MonthChange[] {
  return PROGRAMS.flatMap((program) => {
    const cur = aggregate(
      program,
      current.filter((f) => f.program === program),
    );
    if (!cur) return [];
    const prev = aggregate(
      program,
      previous.filter((f) => f.program === program),
    );
    return [
      {
        program,
        current: cur,
        previous: prev,
        change: {
          recipients: relativeChange(cur.recipients, prev?.recipients ?? null),
          expenditure: relativeChange(cur.expenditure, prev?.expenditure ?? null),
        },
      },
    ];
  });
}
