/**
 * The leadership dashboard's arithmetic, as pure functions of plain facts about the records.
 * `today` is always a parameter (the backend passes its own); working days come in as a function.
 * A rate is shown only when it rests on at least MIN_CASES cases.
 *
 * A letter's facts may stand for several letters (`n`, the letters the storage grouped under the
 * same facts): every count sums the weights, so n letters with the same facts count as n letters.
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

/** A value that occurs `n` times. */
export interface Weighted {
  value: number;
  n: number;
}

const once = (xs: readonly number[]): Weighted[] => xs.map((value) => ({ value, n: 1 }));
const totalWeight = (xs: readonly { n: number }[]) => xs.reduce((a, x) => a + x.n, 0);

/** The median of the values, each counted `n` times. */
export function weightedMedian(xs: readonly Weighted[]): number | null {
  const count = totalWeight(xs);
  if (count === 0) return null;
  const s = [...xs].sort((a, b) => a.value - b.value);
  // The value at a position of the values in order, each repeated n times.
  const at = (i: number) => {
    let seen = 0;
    for (const x of s) if ((seen += x.n) > i) return x.value;
    return s.at(-1)!.value;
  };
  const mid = Math.floor(count / 2);
  return count % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** The mean of the values, each counted `n` times, to one decimal. */
export function weightedMean(xs: readonly Weighted[]): number | null {
  const count = totalWeight(xs);
  if (count === 0) return null;
  return Math.round((xs.reduce((a, x) => a + x.value * x.n, 0) / count) * 10) / 10;
}

export const median = (xs: readonly number[]): number | null => weightedMedian(once(xs));
export const mean = (xs: readonly number[]): number | null => weightedMean(once(xs));

export const weightedDurationKpi = (days: readonly Weighted[]): KpiDuration => ({
  median: weightedMedian(days),
  mean: weightedMean(days),
  n: totalWeight(days),
});

export const durationKpi = (days: readonly number[]): KpiDuration =>
  weightedDurationKpi(once(days));

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
  /** How many letters these facts stand for (1 when absent). */
  n?: number;
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

/** How many letters facts stand for. */
const weight = (f: { n?: number }) => f.n ?? 1;
const letters = (xs: readonly { n?: number }[]) => xs.reduce((a, f) => a + weight(f), 0);

export function letterKpis(facts: readonly LetterFact[], ctx: KpiContext): Dashboard['letters'] {
  const w = yearWindow(ctx.year, ctx.today);
  const cur = facts.filter((f) => within(f.receivedOn, w.from, w.to));
  const prev = facts.filter((f) => within(f.receivedOn, w.previousFrom, w.previousTo));
  const closed = (xs: readonly LetterFact[]) => xs.filter((f) => f.closed);
  const onTime = (xs: readonly LetterFact[]) => letters(closed(xs).filter((f) => f.onTime));
  const rated = (xs: readonly LetterFact[]) => xs.filter((f) => f.closed && f.satisfaction);
  const pleased = (xs: readonly LetterFact[]) =>
    letters(rated(xs).filter((f) => f.satisfaction !== 'unsatisfied'));
  const perMonth = (year: number) =>
    monthlyTotals(
      facts.map((f) => ({ date: f.receivedOn, amount: weight(f) })),
      year,
      ctx.today,
    );
  return {
    received: countKpi(letters(cur), letters(prev)),
    closed: countKpi(letters(closed(cur)), letters(closed(prev))),
    onTimeRate: rateKpi(onTime(cur), letters(closed(cur)), {
      numerator: onTime(prev),
      denominator: letters(closed(prev)),
    }),
    satisfactionRate: rateKpi(pleased(cur), letters(rated(cur)), {
      numerator: pleased(prev),
      denominator: letters(rated(prev)),
    }),
    responseDays: weightedDurationKpi(
      cur
        .filter((f) => f.repliedOn !== null)
        .map((f) => ({ value: ctx.workdaysBetween(f.receivedOn, f.repliedOn!), n: weight(f) })),
    ),
    overdue: letters(facts.filter((f) => !f.closed && f.alert === 'overdue')),
    dueSoon: letters(facts.filter((f) => !f.closed && f.alert === 'due_soon')),
    monthly: { current: perMonth(ctx.year), previous: perMonth(ctx.year - 1) },
  };
}

/** What the per-section table needs of a letter (or of `n` letters with the same facts). */
export interface SectionLetterFact extends Pick<
  LetterFact,
  'n' | 'receivedOn' | 'closed' | 'onTime' | 'alert'
> {
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
      inProgress: letters(mine.filter((f) => f.atSection)),
      overdue: letters(mine.filter((f) => !f.closed && f.alert === 'overdue')),
      onTimeRate: rateKpi(letters(closed.filter((f) => f.onTime)), letters(closed)),
      supervised: letters(cur.filter((f) => f.supervised)),
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
