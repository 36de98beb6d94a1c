// @vitest-environment node
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { isIsoDate } from '@/lib/dates';
import {
  OFFICIAL_FIRST_YEAR,
  OFFICIAL_LAST_YEAR,
  addDays,
  createCalendar,
  statutoryDays,
  validateAdminYear,
  weekday,
  type AdminYear,
  type IsoDate,
  type WorkdayCalendar,
} from '../../src/lib/workdays';

// ---------------------------------------------------------------------------------------------
// Independent reference helpers (Date-based, deliberately not using the module under test).

const RAW = chineseDays as unknown as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};
const zh = (value: string): string => value.split(',')[1] ?? '';
const DAY_MS = 86_400_000;
const dnOf = (iso: IsoDate): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (dn: number): IsoDate => new Date(dn * DAY_MS).toISOString().slice(0, 10);
const shift = (iso: IsoDate, n: number): IsoDate => isoOf(dnOf(iso) + n);
const isWeekendIso = (iso: IsoDate): boolean =>
  [0, 6].includes(new Date(dnOf(iso) * DAY_MS).getUTCDay());
const yearOfIso = (iso: IsoDate): number => Number(iso.slice(0, 4));
const range = (from: IsoDate, to: IsoDate): IsoDate[] => {
  const out: IsoDate[] = [];
  for (let n = dnOf(from); n <= dnOf(to); n++) out.push(isoOf(n));
  return out;
};

const cal = createCalendar();
const FESTIVALS = ['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆节'];

// Official holiday periods: maximal runs of consecutive official days off (any name — e.g. in 2017
// 中秋 10/4 sits inside 国庆节 10/1–8, in 2023 中秋 9/29 directly precedes 国庆节 9/30–10/6).
interface Period {
  start: IsoDate;
  end: IsoDate;
  names: Set<string>;
}
const periods: Period[] = [];
for (const date of Object.keys(RAW.holidays).sort()) {
  const last = periods.at(-1);
  const name = zh(RAW.holidays[date] ?? '');
  if (last && shift(last.end, 1) === date) {
    last.end = date;
    last.names.add(name);
  } else {
    periods.push({ start: date, end: date, names: new Set([name]) });
  }
}
const periods2017 = periods.filter((p) => p.end >= '2017-01-01' && p.start <= '2026-12-31');
const makeups2017 = Object.keys(RAW.workdays)
  .filter((d) => d >= '2017-01-01' && d <= '2026-12-31')
  .sort();

describe('data coverage', () => {
  it('derives the official year range from the data', () => {
    expect(OFFICIAL_FIRST_YEAR).toBe(2004);
    expect(OFFICIAL_LAST_YEAR).toBe(2026);
    expect(cal.yearSource(2004)).toBe('official');
    expect(cal.yearSource(2026)).toBe('official');
    expect(cal.yearSource(2003)).toBe('none');
    expect(cal.yearSource(2027)).toBe('none');
  });

  it('every festival (by name and year) 2017–2026 falls inside a derived period', () => {
    for (let year = 2017; year <= 2026; year++) {
      for (const name of FESTIVALS) {
        // 2020: 中秋 fell on 10/1 and the whole 10/1–8 break is labelled 国庆节 in the data.
        if (year === 2020 && name === '中秋') continue;
        const groupDays = Object.keys(RAW.holidays).filter(
          (d) => yearOfIso(d) === year && zh(RAW.holidays[d] ?? '') === name,
        );
        expect(groupDays.length, `${year} ${name}`).toBeGreaterThan(0);
        for (const d of groupDays)
          expect(periods2017.some((p) => p.start <= d && d <= p.end && p.names.has(name))).toBe(
            true,
          );
      }
    }
    expect(periods2017.length).toBeGreaterThanOrEqual(60);
  });
});

describe('official holiday periods 2017–2026 at their edges', () => {
  for (const p of periods2017) {
    it(`${[...p.names].join('/')} ${p.start}..${p.end}`, () => {
      const before = shift(p.start, -1);
      const after = shift(p.end, 1);
      // Periods are maximal, so the neighbours are never official days off.
      expect(cal.dayInfo(before).kind).not.toBe('holiday');
      expect(cal.dayInfo(after).kind).not.toBe('holiday');
      if (!isWeekendIso(before)) expect(cal.isWorkday(before)).toBe(true);
      if (!isWeekendIso(after)) expect(cal.isWorkday(after)).toBe(true);
      expect(cal.isWorkday(p.start)).toBe(false);
      expect(cal.isWorkday(p.end)).toBe(false);
      for (const d of range(p.start, p.end)) {
        const info = cal.dayInfo(d);
        expect(info).toEqual({
          date: d,
          workday: false,
          kind: 'holiday',
          name: zh(RAW.holidays[d] ?? ''),
        });
        expect(p.names.has(info.name ?? '')).toBe(true);
      }
    });
  }

  it('every make-up day 2017–2026 is a weekend working day of kind makeup', () => {
    expect(makeups2017.length).toBeGreaterThan(40);
    for (const d of makeups2017) {
      expect(isWeekendIso(d)).toBe(true);
      expect(cal.dayInfo(d)).toEqual({
        date: d,
        workday: true,
        kind: 'makeup',
        name: zh(RAW.workdays[d] ?? ''),
      });
    }
  });
});

describe('hand-written cases from the State Council notices', () => {
  // All weekend working days of the year, as listed in the official notices.
  const MAKEUP: Record<number, IsoDate[]> = {
    2017: ['2017-01-22', '2017-02-04', '2017-04-01', '2017-05-27', '2017-09-30'],
    2018: [
      '2018-02-11',
      '2018-02-24',
      '2018-04-08',
      '2018-04-28',
      '2018-09-29',
      '2018-09-30',
      '2018-12-29',
    ],
    2019: ['2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05', '2019-09-29', '2019-10-12'],
    2020: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
    2024: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
    2025: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    2026: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  };
  for (const [year, days] of Object.entries(MAKEUP)) {
    it(`${year}: make-up days are exactly ${days.length} weekend working days`, () => {
      const found = range(`${year}-01-01`, `${year}-12-31`).filter(
        (d) => isWeekendIso(d) && cal.isWorkday(d),
      );
      expect(found).toEqual(days);
      for (const d of days) expect(cal.dayInfo(d).kind).toBe('makeup');
    });
  }

  const OFF: [string, IsoDate, IsoDate][] = [
    ['国庆节', '2017-10-01', '2017-10-08'],
    ['春节', '2017-01-27', '2017-02-02'],
    ['春节', '2018-02-15', '2018-02-21'],
    ['劳动节', '2018-04-29', '2018-05-01'],
    ['元旦', '2018-12-30', '2019-01-01'],
    ['劳动节', '2019-05-01', '2019-05-04'],
    ['国庆节', '2019-10-01', '2019-10-07'],
    ['春节', '2020-01-24', '2020-02-02'], // incl. the COVID-19 extension announced 2020-01-27
    ['国庆节', '2020-10-01', '2020-10-08'],
    ['春节', '2025-01-28', '2025-02-04'],
    ['春节', '2026-02-15', '2026-02-23'],
    ['国庆节', '2026-10-01', '2026-10-07'],
  ];
  for (const [name, from, to] of OFF) {
    it(`${name} ${from}..${to} is off, bounded by working days`, () => {
      for (const d of range(from, to)) expect(cal.isWorkday(d), d).toBe(false);
      expect(cal.isWorkday(shift(to, 1)) || isWeekendIso(shift(to, 1))).toBe(true);
    });
  }

  it('dayInfo kinds and names', () => {
    expect(cal.dayInfo('2017-10-04')).toEqual({
      date: '2017-10-04',
      workday: false,
      kind: 'holiday',
      name: '中秋',
    });
    expect(cal.dayInfo('2017-09-30')).toEqual({
      date: '2017-09-30',
      workday: true,
      kind: 'makeup',
      name: '国庆节',
    });
    expect(cal.dayInfo('2020-10-03')).toEqual({
      date: '2020-10-03',
      workday: false,
      kind: 'holiday',
      name: '国庆节',
    });
    expect(cal.dayInfo('2017-10-09')).toEqual({
      date: '2017-10-09',
      workday: true,
      kind: 'workday',
      name: null,
    });
    expect(cal.dayInfo('2017-10-14')).toEqual({
      date: '2017-10-14',
      workday: false,
      kind: 'weekend',
      name: null,
    });
  });

  it("addWorkdays('2018-09-20', 20) → '2018-10-24' across 中秋 and 国庆节", () => {
    const r = cal.addWorkdays('2018-09-20', 20);
    expect(r.date).toBe('2018-10-24');
    expect(r.provisional).toBe(false);
    expect(r.counted).toHaveLength(20);
    expect(r.counted).toContain('2018-09-29');
    expect(r.counted).toContain('2018-09-30');
    expect(r.makeUpDays).toEqual([
      { date: '2018-09-29', name: '国庆节' },
      { date: '2018-09-30', name: '国庆节' },
    ]);
    const weekend = (date: IsoDate) => ({ date, name: '周末', kind: 'weekend' });
    expect(r.skipped).toEqual([
      weekend('2018-09-22'),
      weekend('2018-09-23'),
      { date: '2018-09-24', name: '中秋', kind: 'holiday' },
      ...range('2018-10-01', '2018-10-07').map((date) => ({
        date,
        name: '国庆节',
        kind: 'holiday',
      })),
      weekend('2018-10-13'),
      weekend('2018-10-14'),
      weekend('2018-10-20'),
      weekend('2018-10-21'),
    ]);
    expect(cal.workdaysBetween('2018-09-20', '2018-10-24')).toBe(20);
    expect(cal.workdaysBetween('2018-10-24', '2018-09-20')).toBe(-20);
    expect(cal.workdaysBetween('2018-10-24', '2018-10-24')).toBe(0);
    expect(Object.is(cal.workdaysBetween('2018-10-07', '2018-10-01'), 0)).toBe(true); // not -0
    expect(cal.workdaysBetween('2017-09-29', '2017-10-09')).toBe(2); // 9/30 make-up + 10/9
  });

  it('count 0 returns the start date with nothing counted', () => {
    expect(cal.addWorkdays('2017-10-01', 0)).toEqual({
      date: '2017-10-01',
      provisional: false,
      counted: [],
      skipped: [],
      makeUpDays: [],
    });
    expect(cal.addWorkdays('2027-06-01', 0).provisional).toBe(false);
  });
});

describe('fallback years and admin years', () => {
  const admin2027 = (complete: boolean): AdminYear => ({
    year: 2027,
    complete,
    days: [
      { date: '2027-01-01', workday: false, name: '元旦' },
      { date: '2027-02-06', workday: true, name: '春节' },
    ],
  });

  it('uncovered years are Mon–Fri but for the statutory days, and provisional', () => {
    for (const year of [2027, 2030]) {
      expect(cal.yearSource(year)).toBe('none');
      expect(cal.yearComplete(year)).toBe(false);
    }
    expect(cal.dayInfo('2027-01-01')).toEqual({
      date: '2027-01-01',
      workday: false,
      kind: 'holiday',
      name: '元旦',
    });
    expect(cal.dayInfo('2027-01-04')).toEqual({
      date: '2027-01-04',
      workday: true,
      kind: 'workday',
      name: null,
    });
    expect(cal.dayInfo('2030-10-05')).toEqual({
      date: '2030-10-05',
      workday: false,
      kind: 'weekend',
      name: null,
    });
    // Fri 2030-09-27 + 5: Mon 30 Sep, then 国庆 1–3 Oct (statutory), Fri 4, the weekend, Mon 7 …
    const r = cal.addWorkdays('2030-09-27', 5);
    expect(r).toMatchObject({ date: '2030-10-09', provisional: true, makeUpDays: [] });
    expect(r.skipped.map((s) => s.name)).toEqual([
      '周末',
      '周末',
      '国庆节',
      '国庆节',
      '国庆节',
      '周末',
      '周末',
    ]);
    expect(cal.addWorkdays('2027-03-01', 5)).toMatchObject({
      date: '2027-03-08',
      provisional: true,
    });
  });

  it('crossing from 2026 into 2027 is provisional; staying within 2026 is not', () => {
    expect(cal.addWorkdays('2026-12-28', 3)).toMatchObject({
      date: '2026-12-31',
      provisional: false,
    });
    // Thu 12-31 is the first; Fri 2027-01-01 is 元旦 (statutory, provisional) → Mon 01-04.
    expect(cal.addWorkdays('2026-12-30', 2)).toMatchObject({
      date: '2027-01-04',
      provisional: true,
    });
  });

  it('a complete admin year is not provisional and skips its days off by name', () => {
    const c = createCalendar([admin2027(true)]);
    expect(c.yearSource(2027)).toBe('admin');
    expect(c.yearComplete(2027)).toBe(true);
    const r = c.addWorkdays('2026-12-31', 1);
    expect(r).toMatchObject({ date: '2027-01-04', provisional: false });
    expect(r.skipped).toEqual([
      { date: '2027-01-01', name: '元旦', kind: 'holiday' },
      { date: '2027-01-02', name: '周末', kind: 'weekend' },
      { date: '2027-01-03', name: '周末', kind: 'weekend' },
    ]);
    expect(c.dayInfo('2027-02-06')).toEqual({
      date: '2027-02-06',
      workday: true,
      kind: 'makeup',
      name: '春节',
    });
    expect(c.addWorkdays('2027-02-05', 1)).toMatchObject({
      date: '2027-02-06',
      makeUpDays: [{ date: '2027-02-06', name: '春节' }],
    });
    expect(c.addWorkdays('2027-12-30', 2)).toMatchObject({ date: '2028-01-03', provisional: true }); // into 2028
  });

  it('the start day itself does not make a result provisional', () => {
    expect(cal.addWorkdays('2003-12-31', 1)).toMatchObject({
      date: '2004-01-02',
      provisional: false,
    });
    const c = createCalendar([{ year: 2028, complete: true, days: [] }]);
    expect(c.addWorkdays('2027-12-31', 1)).toMatchObject({
      date: '2028-01-03',
      provisional: false,
    });
    expect(c.addWorkdays('2027-12-30', 1)).toMatchObject({ date: '2027-12-31', provisional: true });
  });

  it('an incomplete admin year stays provisional', () => {
    const c = createCalendar([admin2027(false)]);
    expect(c.yearSource(2027)).toBe('admin');
    expect(c.yearComplete(2027)).toBe(false);
    expect(c.addWorkdays('2026-12-31', 1)).toMatchObject({ date: '2027-01-04', provisional: true });
  });

  it('admin days supplement an official year but never overwrite it', () => {
    const c = createCalendar([
      {
        year: 2020,
        complete: false,
        days: [
          { date: '2020-03-02', workday: false, name: '本地假日' }, // extra local day off: applied
          { date: '2020-10-01', workday: true, name: '冲突' }, // contradicts 国庆节: ignored
          { date: '2020-09-27', workday: false, name: '冲突' }, // contradicts a make-up day: ignored
        ],
      },
    ]);
    expect(c.yearSource(2020)).toBe('official');
    expect(c.yearComplete(2020)).toBe(true);
    expect(c.dayInfo('2020-03-02')).toEqual({
      date: '2020-03-02',
      workday: false,
      kind: 'holiday',
      name: '本地假日',
    });
    expect(c.dayInfo('2020-10-01').name).toBe('国庆节');
    expect(c.isWorkday('2020-09-27')).toBe(true);
    expect(c.addWorkdays('2020-02-28', 1)).toMatchObject({
      date: '2020-03-03',
      provisional: false,
    });
    expect(cal.isWorkday('2020-03-02')).toBe(true); // other calendars are unaffected
  });

  it('rejects duplicate admin years', () => {
    expect(() => createCalendar([admin2027(true), admin2027(false)])).toThrow(RangeError);
  });
});

describe('date helpers and argument checking', () => {
  it('addDays and weekday agree with Date.UTC over years 0001–9999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -719_162, max: 2_932_896 }),
        fc.integer({ min: -1000, max: 1000 }),
        (dn, k) => {
          const iso = isoOf(dn);
          expect(isIsoDate(iso)).toBe(true);
          expect(addDays('1970-01-01', dn)).toBe(iso);
          expect(weekday(iso)).toBe(new Date(dn * DAY_MS).getUTCDay());
          if (dn + k >= -719_162 && dn + k <= 2_932_896)
            expect(addDays(iso, k)).toBe(isoOf(dn + k));
        },
      ),
      { numRuns: 300 },
    );
    expect(weekday('2018-09-20')).toBe(4);
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
  });

  it('throws RangeError for invalid dates and counts', () => {
    expect(() => cal.isWorkday('2020-02-30')).toThrow(RangeError);
    expect(() => cal.dayInfo('20200101')).toThrow(RangeError);
    expect(() => cal.workdaysBetween('2020-01-01', 'x')).toThrow(RangeError);
    expect(() => cal.addWorkdays('2020-01-01', -1)).toThrow(RangeError);
    expect(() => cal.addWorkdays('2020-01-01', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkdays('2020-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => cal.addWorkdays('2020-1-1', 1)).toThrow(RangeError);
    expect(() => addDays('2020-01-01', 0.5)).toThrow(RangeError);
    expect(() => weekday('nope')).toThrow(RangeError);
  });
});

/**
 * The statutory days off of 《全国年节及纪念日放假办法》(2024) 第二条 for the years after the
 * official data, written out by hand from the lunar calendar (春节 = 除夕 to 初三; 端午 五月初五;
 * 中秋 八月十五; 清明 the solar term), not computed by the code under test.
 */
const STATUTORY_BY_YEAR: Record<number, string[]> = {
  // 春节 2027-02-06 (初一); 清明 04-05; 端午 06-09; 中秋 09-15 (domain.md §6: 春节 5–8 Feb).
  2027: [
    '01-01',
    '02-05',
    '02-06',
    '02-07',
    '02-08',
    '04-05',
    '05-01',
    '05-02',
    '06-09',
    '09-15',
    '10-01',
    '10-02',
    '10-03',
  ],
  // 春节 2028-01-26; 清明 04-04; 端午 05-28; 中秋 10-03, the same day as 国庆's third.
  2028: [
    '01-01',
    '01-25',
    '01-26',
    '01-27',
    '01-28',
    '04-04',
    '05-01',
    '05-02',
    '05-28',
    '10-01',
    '10-02',
    '10-03',
  ],
  // 春节 2029-02-13; 清明 04-04; 端午 06-16; 中秋 09-22.
  2029: [
    '01-01',
    '02-12',
    '02-13',
    '02-14',
    '02-15',
    '04-04',
    '05-01',
    '05-02',
    '06-16',
    '09-22',
    '10-01',
    '10-02',
    '10-03',
  ],
  // 春节 2030-02-03; 清明 04-05; 端午 06-05; 中秋 09-12.
  2030: [
    '01-01',
    '02-02',
    '02-03',
    '02-04',
    '02-05',
    '04-05',
    '05-01',
    '05-02',
    '06-05',
    '09-12',
    '10-01',
    '10-02',
    '10-03',
  ],
  // 春节 2031-01-23; 清明 04-05; 端午 06-24; 中秋 10-01, the same day as 国庆's first (counts run into 2031).
  2031: [
    '01-01',
    '01-22',
    '01-23',
    '01-24',
    '01-25',
    '04-05',
    '05-01',
    '05-02',
    '06-24',
    '10-01',
    '10-02',
    '10-03',
  ],
};
const STATUTORY = new Set(
  Object.entries(STATUTORY_BY_YEAR).flatMap(([y, days]) => days.map((d) => `${y}-${d}`)),
);

describe('years without a notice: the statutory holidays (《全国年节及纪念日放假办法》2024, 第二条)', () => {
  it.each(Object.entries(STATUTORY_BY_YEAR))('%s: the statutory days, each once', (y, days) => {
    expect(statutoryDays(Number(y)).map((d) => d.date)).toEqual(days.map((d) => `${y}-${d}`));
    for (const d of statutoryDays(Number(y))) expect(d.workday).toBe(false);
  });

  it('none for the official years, nor for years the 2024 rules did not govern', () => {
    expect(statutoryDays(2026)).toEqual([]);
    expect(statutoryDays(2017)).toEqual([]);
    expect(statutoryDays(2003)).toEqual([]);
  });

  it('春节 2027 (5–8 Feb) is off and provisional; a deadline across it skips it by name', () => {
    expect(cal.dayInfo('2027-02-08')).toEqual({
      date: '2027-02-08',
      workday: false,
      kind: 'holiday',
      name: '春节',
    });
    // Thu 2027-02-04 + 1 working day: Fri 5 Feb is 除夕, the weekend, Mon 8 Feb 初三 → Tue 9 Feb.
    const r = cal.addWorkdays('2027-02-04', 1);
    expect(r).toMatchObject({ date: '2027-02-09', provisional: true });
    expect(r.skipped.map((s) => s.name)).toEqual(['春节', '春节', '春节', '春节']);
  });

  it("the year's notice, once entered, adds its make-up and bridging days to them", () => {
    const c = createCalendar([
      {
        year: 2027,
        complete: true,
        days: [
          { date: '2027-02-09', workday: false, name: '春节' }, // a bridging day
          { date: '2027-02-20', workday: true, name: '春节调休' }, // a Saturday make-up day
        ],
      },
    ]);
    expect(c.isWorkday('2027-02-05')).toBe(false); // 除夕 stays off
    expect(c.isWorkday('2027-02-09')).toBe(false);
    expect(c.isWorkday('2027-02-20')).toBe(true);
    expect(c.addWorkdays('2027-02-04', 1)).toMatchObject({
      date: '2027-02-10',
      provisional: false,
    });
  });
});

describe('properties', () => {
  const FIRST = dnOf('2004-01-01');
  const LAST = dnOf('2030-12-31');
  const arbDate = fc.integer({ min: FIRST, max: LAST }).map(isoOf);
  const arbCount = fc.integer({ min: 0, max: 60 });

  // Meaningful admin entries only (weekday off / weekend on), never touching official entries.
  const arbAdminYear = (year: number) =>
    fc
      .record({
        complete: fc.boolean(),
        offsets: fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 40 }),
      })
      .map(({ complete, offsets }): AdminYear => ({
        year,
        complete,
        days: offsets
          .map((o) => shift(`${year}-01-01`, o))
          .filter((d) => !(d in RAW.holidays) && !(d in RAW.workdays))
          .map((date) => ({
            date,
            workday: isWeekendIso(date),
            name: isWeekendIso(date) ? '调休上班' : '本地假日',
          })),
      }));
  const arbAdminYears = fc.oneof(
    fc.constant<AdminYear[]>([]),
    fc.uniqueArray(fc.constantFrom(2019, 2026, 2027, 2028, 2030).chain(arbAdminYear), {
      selector: (a) => a.year,
      maxLength: 5,
    }),
  );

  /** Reference working-day predicate straight from the raw data, the statutory days and the admin entries. */
  const refIsWorkday = (admin: AdminYear[], d: IsoDate): boolean => {
    const a = admin.flatMap((y) => y.days).find((x) => x.date === d);
    if (a) return a.workday;
    if (d in RAW.workdays) return true;
    if (d in RAW.holidays) return false;
    if (STATUTORY.has(d)) return false;
    return !isWeekendIso(d);
  };
  const refComplete = (admin: AdminYear[], year: number): boolean =>
    (year >= 2004 && year <= 2026) || admin.some((a) => a.year === year && a.complete);

  const opts = { numRuns: 250 };

  it('isWorkday / dayInfo match the reference predicate', () => {
    fc.assert(
      fc.property(
        arbAdminYears,
        fc.array(arbDate, { minLength: 1, maxLength: 20 }),
        (admin, dates) => {
          const c = createCalendar(admin);
          for (const d of dates) {
            const info = c.dayInfo(d);
            expect(info.workday).toBe(refIsWorkday(admin, d));
            expect(c.isWorkday(d)).toBe(info.workday);
            expect(info.kind === 'makeup' || info.kind === 'weekend').toBe(
              isWeekendIso(d) && !(info.kind === 'holiday'),
            );
          }
        },
      ),
      opts,
    );
  });

  it('addWorkdays: N working days strictly after the start, partitioning the range', () => {
    fc.assert(
      fc.property(arbAdminYears, arbDate, arbCount, (admin, from, n) => {
        const c = createCalendar(admin);
        const r = c.addWorkdays(from, n);
        expect(r.counted).toHaveLength(n);
        if (n === 0) {
          expect(r.date).toBe(from);
          expect(r.skipped).toEqual([]);
          return;
        }
        expect(r.date > from).toBe(true);
        expect(c.isWorkday(r.date)).toBe(true);
        expect(r.counted.at(-1)).toBe(r.date);
        for (const d of r.counted) expect(refIsWorkday(admin, d)).toBe(true);
        for (const s of r.skipped) expect(refIsWorkday(admin, s.date)).toBe(false);
        // counted ∪ skipped is exactly from+1 .. date, in order
        const all = [...r.counted, ...r.skipped.map((s) => s.date)].sort();
        expect(all).toEqual(range(shift(from, 1), r.date));
        expect(r.makeUpDays.map((m) => m.date)).toEqual(r.counted.filter(isWeekendIso));
      }),
      opts,
    );
  });

  it('addWorkdays is strictly increasing in N', () => {
    fc.assert(
      fc.property(arbAdminYears, arbDate, arbCount, (admin, from, n) => {
        const c = createCalendar(admin);
        expect(c.addWorkdays(from, n + 1).date > c.addWorkdays(from, n).date).toBe(true);
      }),
      opts,
    );
  });

  it('workdaysBetween inverts addWorkdays (and mirrors when reversed)', () => {
    fc.assert(
      fc.property(arbAdminYears, arbDate, arbCount, (admin, from, n) => {
        const c = createCalendar(admin);
        const { date } = c.addWorkdays(from, n);
        expect(c.workdaysBetween(from, date)).toBe(n);
        expect(c.workdaysBetween(date, from)).toBe(n === 0 ? 0 : -n);
      }),
      opts,
    );
  });

  it('provisional ⇔ some day in from+1..date lies in a year neither official nor complete', () => {
    fc.assert(
      fc.property(arbAdminYears, arbDate, arbCount, (admin, from, n) => {
        const c = createCalendar(admin);
        const r = c.addWorkdays(from, n);
        const days = n === 0 ? [] : range(shift(from, 1), r.date);
        expect(r.provisional).toBe(days.some((d) => !refComplete(admin, yearOfIso(d))));
        for (const d of days)
          expect(c.yearComplete(yearOfIso(d))).toBe(refComplete(admin, yearOfIso(d)));
      }),
      opts,
    );
  });
});

describe('workdaysBetween: counted without walking the span (F3), same result as the walk', () => {
  /** The definition before F3, kept as the reference: a walk over every day in (min, max]. */
  const walk = (c: WorkdayCalendar, from: IsoDate, to: IsoDate): number => {
    const a = dnOf(from);
    const b = dnOf(to);
    let n = 0;
    for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) if (c.isWorkday(isoOf(d))) n++;
    return a <= b || n === 0 ? n : -n;
  };

  const FIRST = dnOf('2000-01-01');
  const LAST = dnOf('2030-12-31');
  const arbDay = fc.integer({ min: FIRST, max: LAST });
  // Any pair, and pairs close together (within a month, across a year end, the same day).
  const arbPair = fc.oneof(
    fc.tuple(arbDay, arbDay),
    fc
      .tuple(arbDay, fc.integer({ min: -40, max: 40 }))
      .map(([d, k]) => [d, Math.min(LAST, Math.max(FIRST, d + k))] as const),
    fc
      .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: -3, max: 3 }))
      .map(([y, k]) => [dnOf(`${y}-01-01`) - 1, dnOf(`${y}-01-01`) + k] as const),
  );
  // Admin years before, inside and after the official range. Entries of every kind: extra days off,
  // make-up working days (a weekend day with workday: true), and the pointless or contradicting
  // ones the calendar ignores (an official day, a weekday "workday", a weekend "day off").
  const arbAnyAdminYear = (year: number) =>
    fc
      .record({
        complete: fc.boolean(),
        days: fc.uniqueArray(
          fc.record({ offset: fc.integer({ min: 0, max: 364 }), workday: fc.boolean() }),
          { selector: (d) => d.offset, maxLength: 60 },
        ),
      })
      .map(({ complete, days }): AdminYear => ({
        year,
        complete,
        days: days.map(({ offset, workday }) => ({
          date: shift(`${year}-01-01`, offset),
          workday,
          name: workday ? '调休上班' : '本地假日',
        })),
      }));
  const arbAdmin = fc.oneof(
    fc.constant<AdminYear[]>([]),
    fc.uniqueArray(
      fc.constantFrom(2000, 2002, 2003, 2008, 2020, 2026, 2027, 2029, 2030).chain(arbAnyAdminYear),
      { selector: (a) => a.year, maxLength: 6 },
    ),
  );

  it('equals the walk for random date pairs 2000–2030, with admin years and make-up days', () => {
    let makeUps = 0;
    fc.assert(
      fc.property(arbAdmin, arbPair, (admin, [a, b]) => {
        const c = createCalendar(admin);
        const from = isoOf(a);
        const to = isoOf(b);
        expect(c.workdaysBetween(from, to)).toBe(walk(c, from, to));
        expect(c.workdaysBetween(to, from)).toBe(walk(c, to, from));
        // Admin make-up days that were applied (a weekend day that is now a working day).
        for (const y of admin)
          for (const d of y.days) if (isWeekendIso(d.date) && c.isWorkday(d.date)) makeUps++;
      }),
      { numRuns: 200 },
    );
    expect(makeUps).toBeGreaterThan(0); // the generator did exercise admin make-up days
  });

  it('equals the walk over short spans anywhere in 0001–9999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -719_162, max: 2_932_896 - 800 }),
        fc.integer({ min: 0, max: 800 }),
        (d, k) => {
          const from = isoOf(d);
          const to = isoOf(d + k);
          expect(cal.workdaysBetween(from, to)).toBe(walk(cal, from, to));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adds up over consecutive spans, for any dates 0001–9999', () => {
    const arbAny = fc.integer({ min: -719_162, max: 2_932_896 }).map(isoOf);
    fc.assert(
      fc.property(arbAdmin, arbAny, arbAny, arbAny, (admin, a, b, c3) => {
        const c = createCalendar(admin);
        expect(c.workdaysBetween(a, c3)).toBe(c.workdaysBetween(a, b) + c.workdaysBetween(b, c3));
      }),
      { numRuns: 200 },
    );
  });

  it('exact examples', () => {
    // National Day 2020: 9/27 (Sun) and 10/10 (Sat) are make-up days, 10/1–8 off.
    expect(cal.workdaysBetween('2020-09-25', '2020-10-10')).toBe(6);
    expect(cal.workdaysBetween('2020-10-10', '2020-09-25')).toBe(-6);
    expect(cal.workdaysBetween('2020-09-30', '2020-10-09')).toBe(1);
    expect(cal.workdaysBetween('2020-10-01', '2020-10-08')).toBe(0);
    expect(Object.is(cal.workdaysBetween('2020-10-08', '2020-10-01'), 0)).toBe(true); // never -0
    expect(cal.workdaysBetween('2024-05-06', '2024-05-06')).toBe(0);
    // Whole years (the first day of each year is 元旦, so (12-31, 12-31] is the year's total).
    expect(cal.workdaysBetween('2018-12-31', '2019-12-31')).toBe(250);
    expect(cal.workdaysBetween('2023-12-31', '2024-12-31')).toBe(251);
    // Monday–Friday fallback: January 2030 has 23 weekdays, 1/1 (Tue) is not counted.
    expect(cal.workdaysBetween('2030-01-01', '2030-01-31')).toBe(22);
    const withAdmin = createCalendar([
      {
        year: 2030,
        complete: true,
        days: [
          { date: '2030-01-05', workday: true, name: '调休上班' }, // Saturday
          { date: '2030-01-06', workday: true, name: '调休上班' }, // Sunday
          { date: '2030-01-02', workday: false, name: '本地假日' }, // Wednesday
          { date: '2030-01-03', workday: true, name: '无效' }, // a Thursday already works: ignored
        ],
      },
    ]);
    expect(withAdmin.workdaysBetween('2030-01-01', '2030-01-31')).toBe(23);
    expect(withAdmin.workdaysBetween('2030-01-04', '2030-01-06')).toBe(2);
    expect(cal.workdaysBetween('2030-01-04', '2030-01-06')).toBe(0); // other calendars unaffected
    // Formed 2005, published 2020 (the review's example): 3,801 working days past the limit.
    const limit = cal.addWorkdays('2005-03-01', 20).date;
    expect(limit).toBe('2005-03-29');
    expect(cal.workdaysBetween(limit, '2020-06-15')).toBe(walk(cal, limit, '2020-06-15'));
    expect(cal.workdaysBetween(limit, '2020-06-15')).toBe(3801);
  });

  // No walk over the span (src/lib/workdays.ts): checked by value here, not by a timed assertion.
  it('counts year 0000 to 9999 at once: the Mon–Fri days plus the flips of the listed days', () => {
    const c = createCalendar([admin2030]);
    const span = c.workdaysBetween('0000-01-01', '9999-12-31');
    expect(span).toBe(
      c.workdaysBetween('0000-01-01', '2017-01-01') + c.workdaysBetween('2017-01-01', '9999-12-31'),
    );
    expect(span).toBeGreaterThan(2_600_000);
  });
  const admin2030: AdminYear = { year: 2030, complete: true, days: [] };
});

describe('validateAdminYear', () => {
  const year = (y: number, days: AdminYear['days']): AdminYear => ({
    year: y,
    complete: true,
    days,
  });

  it('accepts meaningful entries', () => {
    expect(
      validateAdminYear(
        year(2027, [
          { date: '2027-01-01', workday: false, name: '元旦' },
          { date: '2027-02-06', workday: true, name: '春节调休' },
        ]),
      ),
    ).toEqual({});
    expect(validateAdminYear(year(2027, []))).toEqual({});
    // official year: an extra local day off, or a local weekend working day, only supplement it
    expect(
      validateAdminYear(
        year(2020, [
          { date: '2020-03-02', workday: false, name: '本地假日' },
          { date: '2020-03-07', workday: true, name: '本地调休' },
        ]),
      ),
    ).toEqual({});
  });

  it('flags invalid, out-of-year and duplicate dates', () => {
    const e = validateAdminYear(
      year(2027, [
        { date: '2027-02-30', workday: false, name: 'a' },
        { date: '2027-2-3', workday: false, name: 'b' },
        { date: '2028-01-03', workday: false, name: 'c' },
        { date: '2027-03-01', workday: false, name: 'd' },
        { date: '2027-03-01', workday: false, name: 'e' },
      ]),
    );
    expect(Object.keys(e).sort()).toEqual([
      'days.0.date',
      'days.1.date',
      'days.2.date',
      'days.4.date',
    ]);
    expect(e['days.2.date']).toBe('validation.dateNotInYear');
    expect(e['days.4.date']).toBe('validation.duplicateDate');
  });

  it('flags pointless entries and missing names', () => {
    const e = validateAdminYear(
      year(2027, [
        { date: '2027-01-05', workday: true, name: '周二上班' }, // a Tuesday is already a workday
        { date: '2027-01-02', workday: false, name: '周六休息' }, // a Saturday is already off
        { date: '2027-01-04', workday: false, name: '  ' },
      ]),
    );
    expect(Object.keys(e).sort()).toEqual(['days.0.workday', 'days.1.workday', 'days.2.name']);
  });

  it('flags entries that contradict or merely repeat the official schedule', () => {
    const e = validateAdminYear(
      year(2020, [
        { date: '2020-10-01', workday: true, name: '上班' }, // official day off
        { date: '2020-09-27', workday: false, name: '休息' }, // official make-up day
        { date: '2020-10-02', workday: false, name: '国庆' }, // already off officially
      ]),
    );
    expect(Object.keys(e).sort()).toEqual(['days.0.workday', 'days.1.workday', 'days.2.workday']);
    expect(e['days.0.workday']).toBe('validation.contradictsOfficial');
    expect(e['days.1.workday']).toBe('validation.contradictsOfficial');
    expect(e['days.2.workday']).toBe('validation.duplicatesOfficial');
  });

  it('flags a non-integer year', () => {
    expect(validateAdminYear({ year: 2027.5, complete: false, days: [] })).toHaveProperty('year');
  });
});
