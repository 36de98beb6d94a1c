// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparisonSeries } from '@/features/dashboard/charts';
import { assistanceKpis } from '@/features/dashboard/assistance-kpi';
import {
  applicationKpis,
  catalogueKpis,
  countKpi,
  letterKpis,
  mean,
  median,
  MIN_CASES,
  monthlyTotals,
  rateKpi,
  sectionKpis,
  weightedMean,
  weightedMedian,
  yearEarlier,
  yearWindow,
  type LetterFact,
  type SectionLetterFact,
} from '@/features/dashboard/kpi';
import {
  changePhrase,
  monthText,
  rateBasisPhrase,
  ratePointsPhrase,
} from '@/features/dashboard/utils';

/** Calendar days between two dates stand in for working days here. */
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
const ctx = (year: number, today: string) => ({ year, today, workdaysBetween: days });

describe('the window compared', () => {
  it('a year in progress runs to today, against the same days of the year before', () => {
    expect(yearWindow(2026, '2026-11-26')).toEqual({
      from: '2026-01-01',
      to: '2026-11-26',
      previousFrom: '2025-01-01',
      previousTo: '2025-11-26',
    });
  });

  it('a past year is whole; a future one empty; 29 February maps to the 28th', () => {
    expect(yearWindow(2024, '2026-11-26')).toMatchObject({
      to: '2024-12-31',
      previousTo: '2023-12-31',
    });
    const future = yearWindow(2027, '2026-11-26');
    expect(future.to < future.from).toBe(true);
    expect(yearEarlier('2028-02-29')).toBe('2027-02-28');
  });
});

describe('numbers', () => {
  it('median and mean', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean([1, 2, 2])).toBe(1.7);
    expect(mean([])).toBeNull();
  });

  it(`a rate needs at least ${MIN_CASES} cases; otherwise null, with the count`, () => {
    expect(rateKpi(4, 4)).toEqual({ value: null, numerator: 4, denominator: 4, previous: null });
    expect(rateKpi(4, 5, { numerator: 1, denominator: 2 })).toEqual({
      value: 0.8,
      numerator: 4,
      denominator: 5,
      previous: null,
    });
  });

  it('counts carry the year before and the relative change', () => {
    expect(countKpi(12, 10)).toEqual({ value: 12, previous: 10, change: 0.2 });
    expect(countKpi(3, 0)).toEqual({ value: 3, previous: 0, change: null });
    expect(countKpi(3, null).change).toBeNull();
  });

  it('monthly totals stop at the month of today', () => {
    const m = monthlyTotals(
      [
        { date: '2026-01-05', amount: 2 },
        { date: '2026-01-20', amount: 1 },
        { date: '2026-03-01', amount: 4 },
        { date: '2025-03-01', amount: 9 },
      ],
      2026,
      '2026-02-10',
    );
    expect(m.slice(0, 3)).toEqual([3, 0, null]);
    expect(m.filter((v) => v === null)).toHaveLength(10);
  });

  it('property: rates stay within 0..1 and exist exactly from 5 cases', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), (a, b) => {
        const [num, den] = a <= b ? [a, b] : [b, a];
        const r = rateKpi(num, den);
        expect(r.value === null).toBe(den < MIN_CASES);
        if (r.value !== null) expect(r.value >= 0 && r.value <= 1).toBe(true);
      }),
    );
  });

  it('property: median and mean lie between the smallest and the largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1 }), (xs) => {
        const lo = Math.min(...xs);
        const hi = Math.max(...xs);
        for (const v of [median(xs)!, mean(xs)!]) {
          expect(v).toBeGreaterThanOrEqual(lo - 0.05);
          expect(v).toBeLessThanOrEqual(hi + 0.05);
        }
      }),
    );
  });
});

const facts0: LetterFact = {
  receivedOn: '2026-03-02',
  closed: true,
  onTime: true,
  satisfaction: 'satisfied',
  repliedOn: '2026-03-06',
  alert: 'none',
};

describe('letters', () => {
  const letter = (over: Partial<LetterFact>): LetterFact => ({ ...facts0, ...over });
  const facts: LetterFact[] = [
    ...Array.from({ length: 4 }, () => letter({})),
    letter({ onTime: false, satisfaction: 'unsatisfied', repliedOn: '2026-03-22' }),
    letter({ satisfaction: null }),
    letter({ closed: false, onTime: null, satisfaction: null, repliedOn: null, alert: 'overdue' }),
    // received after today: outside the window
    letter({ receivedOn: '2026-12-01' }),
    // last year: one in the same period, one after it
    letter({ receivedOn: '2025-02-01' }),
    letter({
      receivedOn: '2025-12-01',
      closed: false,
      onTime: null,
      repliedOn: null,
      alert: 'due_soon',
    }),
  ];

  it('counts, rates, response times and what is open now', () => {
    const k = letterKpis(facts, ctx(2026, '2026-11-26'));
    expect(k.received).toEqual({ value: 7, previous: 1, change: 6 });
    expect(k.closed.value).toBe(6);
    expect(k.onTimeRate).toMatchObject({ value: 5 / 6, numerator: 5, denominator: 6 });
    expect(k.satisfactionRate).toMatchObject({ value: 4 / 5, numerator: 4, denominator: 5 });
    expect(k.responseDays).toEqual({ median: 4, mean: 6.7, n: 6 });
    // open now, whatever the year of receipt
    expect(k.overdue).toBe(1);
    expect(k.dueSoon).toBe(1);
    expect(k.monthly.current[2]).toBe(7);
    expect(k.monthly.current[11]).toBeNull();
    expect(k.monthly.previous[11]).toBe(1);
  });
});

describe('facts standing for several letters (n: the storage counts letters in groups)', () => {
  /** Each fact repeated n times, without a weight. */
  const repeated = <T extends { n?: number }>(xs: readonly T[]) =>
    xs.flatMap(({ n = 1, ...f }) => Array.from({ length: n }, () => f));
  const date = fc
    .tuple(
      fc.constantFrom('2025', '2026'),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const fact = fc.record({
    n: fc.integer({ min: 1, max: 4 }),
    receivedOn: date,
    closed: fc.boolean(),
    onTime: fc.constantFrom(true, false, null),
    satisfaction: fc.constantFrom('satisfied', 'basically_satisfied', 'unsatisfied', null),
    repliedOn: fc.option(date),
    alert: fc.constantFrom('none', 'due_soon', 'overdue'),
    sectionId: fc.constantFrom('a', 'b', 'c', null),
    atSection: fc.boolean(),
    supervised: fc.boolean(),
  });
  const c = ctx(2026, '2026-11-26');

  it('median and mean of weighted values equal those of the values repeated', () => {
    expect(weightedMedian([])).toBeNull();
    expect(
      weightedMedian([
        { value: 7, n: 3 },
        { value: 1, n: 2 },
      ]),
    ).toBe(7);
    expect(
      weightedMedian([
        { value: 7, n: 2 },
        { value: 1, n: 2 },
      ]),
    ).toBe(4);
    expect(
      weightedMean([
        { value: 1, n: 2 },
        { value: 2, n: 1 },
      ]),
    ).toBe(1.3);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ value: fc.integer({ min: -5, max: 60 }), n: fc.integer({ min: 1, max: 5 }) }),
        ),
        (xs) => {
          const flat = xs.flatMap((x) => Array.from({ length: x.n }, () => x.value));
          expect(weightedMedian(xs)).toBe(median(flat));
          expect(weightedMean(xs)).toBe(mean(flat));
        },
      ),
    );
  });

  it('the letter KPIs and the section table of weighted facts equal those of the facts repeated', () => {
    const one = letterKpis([{ ...facts0, n: 3 }], c);
    expect(one.received.value).toBe(3);
    expect(one.responseDays).toEqual({ median: 4, mean: 4, n: 3 });
    expect(one.monthly.current[2]).toBe(3);
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 40 }), (xs) => {
        const asLetters: LetterFact[] = xs.map(
          ({ sectionId: _s, atSection: _a, supervised: _v, ...f }) => f as LetterFact,
        );
        expect(letterKpis(asLetters, c)).toEqual(letterKpis(repeated(asLetters), c));
        const asSection = xs as SectionLetterFact[];
        expect(sectionKpis(asSection, ['b', 'a'], c)).toEqual(
          sectionKpis(repeated(asSection), ['b', 'a'], c),
        );
      }),
    );
  });
});

describe('applications, catalogue and assistance', () => {
  it('applications: received, pending, late, on-time rate, response times, overdue', () => {
    const a = applicationKpis(
      [
        {
          receivedOn: '2026-02-01',
          open: false,
          decidedOn: '2026-02-21',
          late: false,
          alert: 'none',
        },
        {
          receivedOn: '2026-02-03',
          open: false,
          decidedOn: '2026-03-20',
          late: true,
          alert: 'none',
        },
        { receivedOn: '2026-10-01', open: true, decidedOn: null, late: null, alert: 'overdue' },
        {
          receivedOn: '2025-05-01',
          open: false,
          decidedOn: '2025-05-10',
          late: false,
          alert: 'none',
        },
      ],
      ctx(2026, '2026-11-26'),
    );
    expect(a.received).toEqual({ value: 3, previous: 1, change: 2 });
    expect(a.pending.value).toBe(1);
    expect(a.late).toMatchObject({ value: 1, previous: 0 });
    expect(a.onTimeRate).toMatchObject({ value: null, numerator: 1, denominator: 2 });
    expect(a.responseDays).toEqual({ median: 32.5, mean: 32.5, n: 2 });
    expect(a.overdue).toBe(1);
  });

  it('catalogue: published in the window (withdrawn left out), late, timely rate', () => {
    const pub = (publishedOn: string | null, timely: boolean | null, withdrawn = false) => ({
      publishedOn,
      timely,
      withdrawn,
    });
    const c = catalogueKpis(
      [
        ...Array.from({ length: 5 }, () => pub('2026-04-01', true)),
        pub('2026-05-01', false),
        pub('2026-05-01', true, true),
        pub(null, null),
        pub('2025-04-01', true),
      ],
      { year: 2026, today: '2026-11-26' },
    );
    expect(c.published).toEqual({ value: 6, previous: 1, change: 5 });
    expect(c.late.value).toBe(1);
    expect(c.timelyRate).toMatchObject({
      value: 5 / 6,
      numerator: 5,
      denominator: 6,
      previous: null,
    });
  });

  it('assistance: persons of the latest published month, spending to date, same months last year', () => {
    const fig = (period: string, program: string, persons: number, expenditure: number) => ({
      period,
      program,
      values: { persons, expenditure },
      illustrative: true,
    });
    const s = assistanceKpis(
      [
        fig('2026-01', 'urban_dibao', 100, 1000),
        fig('2026-02', 'urban_dibao', 110, 1100),
        fig('2026-02', 'rural_dibao', 300, 2000),
        fig('2026-02', 'tekun', 50, 500),
        fig('2026-02', 'medical', 999, 700),
        fig('2025-01', 'urban_dibao', 90, 900),
        fig('2025-02', 'urban_dibao', 95, 950),
        fig('2025-03', 'urban_dibao', 95, 5000),
      ],
      { year: 2026, today: '2026-03-10' },
    );
    expect(s.through).toBe('2026-02');
    expect(s.persons).toMatchObject({ value: 460, previous: 95 });
    expect([s.urbanDibao, s.ruralDibao, s.tekun]).toEqual([110, 300, 50]);
    expect(s.expenditure).toMatchObject({ value: 5300, previous: 1850 });
    expect(s.monthly.current.slice(0, 3)).toEqual([1000, 4300, null]);
    expect(s.monthly.previous.slice(0, 3)).toEqual([900, 950, 5000]);
    expect(s.illustrative).toBe(true);
    const none = assistanceKpis([], { year: 2026, today: '2026-03-10' });
    expect(none).toMatchObject({ through: null, persons: { value: 0, previous: null } });
  });
});

describe('words for the numbers', () => {
  const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;
  it('the change against last year', () => {
    expect(changePhrase(countKpi(12, 10), pct)).toEqual({
      key: 'dashboard.change.up',
      params: { value: '20%' },
    });
    expect(changePhrase(countKpi(8, 10), pct).key).toBe('dashboard.change.down');
    expect(changePhrase(countKpi(10, 10), pct).key).toBe('dashboard.change.same');
    expect(changePhrase(countKpi(1, 0), pct)).toEqual({
      key: 'dashboard.change.previous',
      params: { value: 0 },
    });
    expect(changePhrase(countKpi(1, null), pct).key).toBe('dashboard.change.none');
  });

  it('a rate: its basis, why it is missing, its change in points', () => {
    expect(rateBasisPhrase(rateKpi(3, 4))).toEqual({
      key: 'dashboard.rate.insufficient',
      params: { n: 4 },
    });
    expect(rateBasisPhrase(rateKpi(9, 10)).params).toEqual({ num: 9, den: 10 });
    const r = rateKpi(9, 10, { numerator: 8, denominator: 10 });
    expect(ratePointsPhrase(r)).toEqual({
      key: 'dashboard.change.pointsUp',
      params: { value: 10 },
    });
    expect(ratePointsPhrase(rateKpi(9, 10))).toBeNull();
  });

  it('months', () => {
    expect(monthText('2026-10', 'zh-CN')).toBe('2026年10月');
    expect(monthText('2026-10', 'en-US')).toBe('2026-10');
  });
});

describe('comparison charts', () => {
  it('twelve months, scaled, nothing after now', () => {
    const s = comparisonSeries(
      { current: [20000, 30000, 0, ...Array(9).fill(null)], previous: Array(12).fill(10000) },
      2026,
      '2026-02-15',
      'zh-CN',
      10000,
    );
    expect(s).toHaveLength(12);
    expect(s[0]).toEqual({ month: 1, label: '1月', current: 2, previous: 1 });
    expect(s[2]).toEqual({ month: 3, label: '3月', current: null, previous: 1 });
  });
});
