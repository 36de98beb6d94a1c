/**
 * The leadership dashboard's arithmetic, as pure functions of plain facts about the records.
 * `today` is always a parameter (the backend passes its own); working days come in as a function.
 * A rate is shown only when it rests on at least MIN_CASES cases.
 */
import type { Dashboard, KpiCount, KpiDuration, KpiRate } from './types';

export const MIN_CASES = 5;

export interface Window {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

/** The same calendar day a year earlier (29 February → 28 February). */
export function yearEarlier(date: string): string {
  const y = Number(date.slice(0, 4)) - 1;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}

/**
 * The year to compare: all of it once past, up to today while current (empty when in the future),
 * against the same days of the year before.
 */
export function yearWindow(year: number, today: string): Window {
  const thisYear = Number(today.slice(0, 4));
  const from = `${year}-01-01`;
  const to = year < thisYear ? `${year}-12-31` : year === thisYear ? today : `${year - 1}-12-31`;
  return { from, to, previousFrom: `${year - 1}-01-01`, previousTo: yearEarlier(to) };
}

const within = (d: string | null | undefined, from: string, to: string): d is string =>
  typeof d === 'string' && d >= from && d <= to;

export function relative(value: number, previous: number | null): number | null {
  if (previous === null || previous === 0) return null;
  return (value - previous) / previous;
}

export const countKpi = (value: number, previous: number | null): KpiCount => ({
  value,
  previous,
  change: relative(value, previous),
});

export function rateKpi(
  numerator: number,
  denominator: number,
  previous?: { numerator: number; denominator: number },
): KpiRate {
  const r = (n: number, d: number) => (d >= MIN_CASES ? n / d : null);
  return {
    value: r(numerator, denominator),
    numerator,
    denominator,
    previous: previous ? r(previous.numerator, previous.denominator) : null,
  };
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  return Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
}

export const durationKpi = (days: readonly number[]): KpiDuration => ({
  median: median(days),
  mean: mean(days),
  n: days.length,
});

/** Twelve monthly totals of `year`; months after the month of `today` are null. */
export function monthlyTotals(
  items: readonly { date: string; amount: number }[],
  year: number,
  today: string,
): (number | null)[] {
  const out: (number | null)[] = Array.from({ length: 12 }, (_, i) =>
    `${year}-${String(i + 1).padStart(2, '0')}` > today.slice(0, 7) ? null : 0,
  );
  for (const it of items) {
    if (!it.date.startsWith(`${year}-`)) continue;
    const m = Number(it.date.slice(5, 7)) - 1;
    if (out[m] !== null && out[m] !== undefined) out[m] += it.amount;
  }
  return out;
}

export type Alert = 'none' | 'due_soon' | 'overdue';

export interface LetterFact {
  receivedOn: string;
  closed: boolean;
  onTime: boolean | null;
  satisfaction: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null;
  repliedOn: string | null;
  alert: Alert;
}

export interface KpiContext {
  year: number;
  today: string;
  workdaysBetween: (from: string, to: string) => number;
}

export function letterKpis(facts: readonly LetterFact[], ctx: KpiContext): Dashboard['letters'] {
  const w = yearWindow(ctx.year, ctx.today);
  const cur = facts.filter((f) => within(f.receivedOn, w.from, w.to));
  const prev = facts.filter((f) => within(f.receivedOn, w.previousFrom, w.previousTo));
  const closed = (xs: readonly LetterFact[]) => xs.filter((f) => f.closed);
  const onTime = (xs: readonly LetterFact[]) => closed(xs).filter((f) => f.onTime).length;
  const rated = (xs: readonly LetterFact[]) => xs.filter((f) => f.closed && f.satisfaction);
  const pleased = (xs: readonly LetterFact[]) =>
    rated(xs).filter((f) => f.satisfaction !== 'unsatisfied').length;
  const perMonth = (year: number) =>
    monthlyTotals(
      facts.map((f) => ({ date: f.receivedOn, amount: 1 })),
      year,
      ctx.today,
    );
  return {
    received: countKpi(cur.length, prev.length),
    closed: countKpi(closed(cur).length, closed(prev).length),
    onTimeRate: rateKpi(onTime(cur), closed(cur).length, {
      numerator: onTime(prev),
      denominator: closed(prev).length,
    }),
    satisfactionRate: rateKpi(pleased(cur), rated(cur).length, {
      numerator: pleased(prev),
      denominator: rated(prev).length,
    }),
    responseDays: durationKpi(
      cur
        .filter((f) => f.repliedOn !== null)
        .map((f) => ctx.workdaysBetween(f.receivedOn, f.repliedOn!)),
    ),
    overdue: facts.filter((f) => !f.closed && f.alert === 'overdue').length,
    dueSoon: facts.filter((f) => !f.closed && f.alert === 'due_soon').length,
    monthly: { current: perMonth(ctx.year), previous: perMonth(ctx.year - 1) },
  };
}

/** A letter's facts with what the per-section table needs. */
export interface SectionLetterFact extends LetterFact {
  sectionId: string | null;
  /** At the section (转办, not yet replied): 在办. */
  atSection: boolean;
  supervised: boolean;
}

/**
 * The per-section table (科室): letters at the section now (在办), open and overdue now (已超期, the
 * overdue KPI's rule), the on-time rate of the year's closed letters (the on-time KPI's rule) and
 * the year's 督办件 — for `sections` in their order, then any other section holding letters.
 */
export function sectionKpis(
  facts: readonly SectionLetterFact[],
  sections: readonly string[],
  ctx: Pick<KpiContext, 'year' | 'today'>,
): Dashboard['sections'] {
  const w = yearWindow(ctx.year, ctx.today);
  const ids = [...sections];
  for (const f of facts) if (f.sectionId && !ids.includes(f.sectionId)) ids.push(f.sectionId);
  return ids.map((sectionId) => {
    const mine = facts.filter((f) => f.sectionId === sectionId);
    const cur = mine.filter((f) => within(f.receivedOn, w.from, w.to));
    const closed = cur.filter((f) => f.closed);
    return {
      sectionId,
      inProgress: mine.filter((f) => f.atSection).length,
      overdue: mine.filter((f) => !f.closed && f.alert === 'overdue').length,
      onTimeRate: rateKpi(closed.filter((f) => f.onTime).length, closed.length),
      supervised: cur.filter((f) => f.supervised).length,
    };
  });
}

export interface ApplicationFact {
  receivedOn: string;
  open: boolean;
  decidedOn: string | null;
  late: boolean | null;
  alert: Alert;
}

export function applicationKpis(
  facts: readonly ApplicationFact[],
  ctx: KpiContext,
): Dashboard['applications'] {
  const w = yearWindow(ctx.year, ctx.today);
  const cur = facts.filter((f) => within(f.receivedOn, w.from, w.to));
  const prev = facts.filter((f) => within(f.receivedOn, w.previousFrom, w.previousTo));
  const decided = (xs: readonly ApplicationFact[]) => xs.filter((f) => f.decidedOn !== null);
  const late = (xs: readonly ApplicationFact[]) => decided(xs).filter((f) => f.late).length;
  return {
    received: countKpi(cur.length, prev.length),
    pending: countKpi(cur.filter((f) => f.open).length, null),
    decided: countKpi(decided(cur).length, decided(prev).length),
    late: countKpi(late(cur), late(prev)),
    onTimeRate: rateKpi(decided(cur).length - late(cur), decided(cur).length, {
      numerator: decided(prev).length - late(prev),
      denominator: decided(prev).length,
    }),
    responseDays: durationKpi(
      decided(cur).map((f) => ctx.workdaysBetween(f.receivedOn, f.decidedOn!)),
    ),
    overdue: facts.filter((f) => f.open && f.alert === 'overdue').length,
  };
}

export interface CatalogueFact {
  publishedOn: string | null;
  timely: boolean | null;
  withdrawn: boolean;
}

export function catalogueKpis(
  facts: readonly CatalogueFact[],
  ctx: Pick<KpiContext, 'year' | 'today'>,
): Dashboard['catalogue'] {
  const w = yearWindow(ctx.year, ctx.today);
  const pub = (from: string, to: string) =>
    facts.filter((f) => !f.withdrawn && within(f.publishedOn, from, to));
  const cur = pub(w.from, w.to);
  const prev = pub(w.previousFrom, w.previousTo);
  const late = (xs: CatalogueFact[]) => xs.filter((f) => f.timely === false).length;
  const timely = (xs: CatalogueFact[]) => xs.filter((f) => f.timely === true).length;
  return {
    published: countKpi(cur.length, prev.length),
    late: countKpi(late(cur), late(prev)),
    timelyRate: rateKpi(timely(cur), cur.length, {
      numerator: timely(prev),
      denominator: prev.length,
    }),
  };
}
