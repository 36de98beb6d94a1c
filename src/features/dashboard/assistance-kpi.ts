/**
 * The dashboard's assistance figures: pure, published figures in, persons and spending out;
 * `today` is a parameter.
 */
import { countKpi, monthlyTotals, yearWindow, type KpiContext } from './kpi';
import type { Dashboard } from './types';

const within = (d: string, from: string, to: string) => d >= from && d <= to;

export interface AssistanceFact {
  period: string;
  program: string;
  values: Record<string, number>;
  illustrative: boolean;
}

const PERSON_PROGRAMS = ['urban_dibao', 'rural_dibao', 'tekun'];

/** Published figures only: persons in the latest month of the year to date, spending summed. */
export function assistanceKpis(
  facts: readonly AssistanceFact[],
  ctx: Pick<KpiContext, 'year' | 'today'>,
): NonNullable<Dashboard['assistance']> {
  const w = yearWindow(ctx.year, ctx.today);
  const inYear = facts.filter((f) => within(f.period, w.from.slice(0, 7), w.to.slice(0, 7)));
  const through = inYear.reduce<string | null>((m, f) => (!m || f.period > m ? f.period : m), null);
  const lastYear = through ? `${ctx.year - 1}${through.slice(4)}` : null;
  const personsAt = (period: string | null, program?: string) =>
    facts
      .filter(
        (f) =>
          f.period === period &&
          (program ? f.program === program : PERSON_PROGRAMS.includes(f.program)),
      )
      .reduce((s, f) => s + (f.values.persons ?? 0), 0);
  const spent = (from: string, to: string | null) =>
    to === null
      ? 0
      : Math.round(
          facts
            .filter((f) => f.period >= from && f.period <= to)
            .reduce((s, f) => s + (f.values.expenditure ?? 0), 0) * 100,
        ) / 100;
  const hadLastYear = lastYear !== null && facts.some((f) => f.period === lastYear);
  const spending = (year: number) =>
    monthlyTotals(
      facts.map((f) => ({ date: `${f.period}-01`, amount: f.values.expenditure ?? 0 })),
      year,
      ctx.today,
    ).map((v, i) =>
      facts.some((f) => f.period === `${year}-${String(i + 1).padStart(2, '0')}`)
        ? Math.round(v! * 100) / 100
        : null,
    );
  return {
    through,
    persons: countKpi(personsAt(through), hadLastYear ? personsAt(lastYear) : null),
    urbanDibao: through ? personsAt(through, 'urban_dibao') : null,
    ruralDibao: through ? personsAt(through, 'rural_dibao') : null,
    tekun: through ? personsAt(through, 'tekun') : null,
    expenditure: countKpi(
      spent(`${ctx.year}-01`, through),
      hadLastYear ? spent(`${ctx.year - 1}-01`, lastYear) : null,
    ),
    monthly: { current: spending(ctx.year), previous: spending(ctx.year - 1) },
    illustrative: inYear.some((f) => f.illustrative),
  };
}
