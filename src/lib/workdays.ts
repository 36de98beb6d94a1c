/**
 * Working-day (工作日) calendar for deadline counting under China's official holiday schedule.
 *
 * Pure module: no React, no I/O, no clock. All arithmetic is on integer day numbers
 * (days since 1970-01-01, i.e. Date.UTC(y, m - 1, d) / 86_400_000).
 *
 * Rules:
 * - Years covered by the `chinese-days` package (国务院办公厅 holiday notices, 2004–2026) are
 *   "official": a day is a working day iff it is an official 调休 make-up day, or it is Mon–Fri
 *   and not an official day off.
 * - Other years fall back to Mon–Fri plus the days an administrator enters (AdminYear). Years
 *   after the official data start with the statutory holidays that 《全国年节及纪念日放假办法》
 *   (2024 revision) 第二条 fixes by date (statutoryDays): days off, provisional until the year's
 *   notice is entered; the notice's 调休 and bridging days are added to them (domain.md §6).
 * - Admin days for an official year may only supplement it (e.g. an extra local day off); entries
 *   that contradict an official entry are ignored here and reported by validateAdminYear.
 * - "N working days from D" is the Nth working day after D (D itself is not counted).
 * - workdaysBetween costs O(log n), n the number of listed days (holidays, make-up days), whatever
 *   the span.
 */
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { isoDateParts, toIsoDate, type IsoDate } from './dates';

export type { IsoDate };
export type YearSource = 'official' | 'admin' | 'none';
export interface AdminDay {
  date: IsoDate;
  workday: boolean;
  name: string;
}
export interface AdminYear {
  year: number;
  complete: boolean;
  days: AdminDay[];
}
/** makeup = weekend day that is a working day (调休上班). */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';
export interface DayInfo {
  date: IsoDate;
  workday: boolean;
  kind: DayKind;
  name: string | null;
}
export interface SkippedDay {
  date: IsoDate;
  name: string;
  kind: 'weekend' | 'holiday';
}
export interface WorkdayResult {
  /** The resulting (count-th) working day; `from` itself when count is 0. */
  date: IsoDate;
  /** Some day in from+1..date lies in a year that is neither official nor admin-complete. */
  provisional: boolean;
  /** Working days counted, in order (length = count). */
  counted: IsoDate[];
  /** Non-working days passed over, in order (weekends are named '周末'). */
  skipped: SkippedDay[];
  /** Weekend make-up days (调休上班) that were counted. */
  makeUpDays: { date: IsoDate; name: string }[];
}
export interface WorkdayCalendar {
  yearSource(year: number): YearSource;
  yearComplete(year: number): boolean;
  dayInfo(date: IsoDate): DayInfo;
  isWorkday(date: IsoDate): boolean;
  addWorkdays(from: IsoDate, count: number): WorkdayResult;
  workdaysBetween(from: IsoDate, to: IsoDate): number;
}

/** Explicit status of one day (official holiday / make-up day, or an admin entry). */
interface Entry {
  workday: boolean;
  name: string;
  /** A statutory day off assumed before the year's notice (statutoryDays). */
  statutory?: true;
}

// ---------------------------------------------------------------------------------------------
// Day-number arithmetic (proleptic Gregorian; Howard Hinnant's civil-date algorithms). Equivalent
// to Date.UTC for every 4-digit year, but integer-only and free of Date.UTC's 0–99 → 19xx quirk.

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function civilFromDays(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, doy - Math.floor((153 * mp + 2) / 5) + 1];
}

/** Day number of a strict 'YYYY-MM-DD' real calendar date (lib/dates.ts decides), or null. */
function parse(s: string): number | null {
  const parts = isoDateParts(s);
  return parts && daysFromCivil(...parts);
}

function toDayNum(date: IsoDate): number {
  const n = parse(date);
  if (n === null) throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${String(date)}`);
  return n;
}

function toIso(n: number): IsoDate {
  return toIsoDate(...civilFromDays(n));
}

const yearOf = (n: number) => civilFromDays(n)[0];
const weekdayOf = (n: number) => (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
const isWeekendNum = (n: number) => {
  const w = weekdayOf(n);
  return w === 0 || w === 6;
};

/**
 * Number of Mon–Fri days among the day numbers m < n, counted from the Monday 1970-01-05 (day 4):
 * negative before it. Only differences are used, so the origin does not matter.
 */
function monFriBefore(n: number): number {
  const k = n - 4;
  const weeks = Math.floor(k / 7);
  return weeks * 5 + Math.min(k - weeks * 7, 5);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Day offset must be an integer: ${n}`);
  return toIso(toDayNum(date) + n);
}

/**
 * Working days left from `today` to a deadline: 0 on the due day, negative once it has passed —
 * −1 on the first working day after it, and already on the days off in between (a case due on a
 * Friday is overdue on Saturday, not "due today"). One rule for letters and applications.
 */
export function workdaysLeft(cal: WorkdayCalendar, today: IsoDate, dueOn: IsoDate): number {
  const n = cal.workdaysBetween(today, dueOn);
  return n === 0 && today > dueOn ? -1 : n;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return weekdayOf(toDayNum(date));
}

// ---------------------------------------------------------------------------------------------
// Official table, built once from chinese-days' data. Values look like "National Day,国庆节,3"
// (English name, Chinese name, statutory length). `holidays` = official days off (including those
// falling on weekends); `workdays` = 调休 make-up working days (all on weekends in the data).

type RawTable = Record<string, string>;
const RAW = chineseDays as unknown as { holidays: RawTable; workdays: RawTable };

const OFFICIAL = new Map<number, Entry>();
for (const [table, workday] of [
  [RAW.holidays, false],
  [RAW.workdays, true],
] as const) {
  for (const [date, value] of Object.entries(table)) {
    OFFICIAL.set(toDayNum(date), { workday, name: value.split(',')[1] ?? value });
  }
}
const officialYears = [...OFFICIAL.keys()].map(yearOf);
export const OFFICIAL_FIRST_YEAR: number = Math.min(...officialYears); // 2004 in chinese-days 1.5.7
export const OFFICIAL_LAST_YEAR: number = Math.max(...officialYears); // 2026 in chinese-days 1.5.7

const isOfficialYear = (y: number) => y >= OFFICIAL_FIRST_YEAR && y <= OFFICIAL_LAST_YEAR;

/** The last year whose lunar dates chinese-days can convert. */
const LUNAR_LAST_YEAR = 2099;

/**
 * The days off that 《全国年节及纪念日放假办法》(2024 revision) 第二条 fixes by date, for a year
 * without an official schedule after the bundled data (none for the official years, nor for years
 * before them, which the 2024 rules did not govern): 元旦 1 Jan; 春节 农历除夕 to 正月初三; 清明节
 * the 清明 solar term; 劳动节 1–2 May; 端午节 农历五月初五; 中秋节 农历八月十五; 国庆节 1–3 Oct.
 * The notice for the year adds its 调休 make-up days and bridging days; these stay.
 */
export function statutoryDays(year: number): AdminDay[] {
  if (!Number.isInteger(year) || year <= OFFICIAL_LAST_YEAR || year > LUNAR_LAST_YEAR) return [];
  const lunar = (m: number, d: number) => getSolarDateFromLunar(toIsoDate(year, m, d)).date;
  const newYear = toDayNum(lunar(1, 1)); // 正月初一
  const days: AdminDay[] = [
    { date: `${year}-01-01`, workday: false, name: '元旦' },
    ...[-1, 0, 1, 2].map((k) => ({ date: toIso(newYear + k), workday: false, name: '春节' })),
    { date: getSolarTermDate(year, 4, 'pure_brightness'), workday: false, name: '清明节' },
    { date: `${year}-05-01`, workday: false, name: '劳动节' },
    { date: `${year}-05-02`, workday: false, name: '劳动节' },
    { date: lunar(5, 5), workday: false, name: '端午节' },
    { date: lunar(8, 15), workday: false, name: '中秋节' },
    ...[1, 2, 3].map((d) => ({ date: `${year}-10-0${d}`, workday: false, name: '国庆节' })),
  ];
  // 除夕 can fall in the previous Gregorian year only if 春节 were on 1 Jan, which it never is;
  // keep the year's own days, in order, once each (中秋 and 国庆 can coincide).
  const seen = new Set<string>();
  return days
    .filter((d) => d.date.startsWith(`${year}-`) && !seen.has(d.date) && seen.add(d.date))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Statutory days off of the years after the official data, as calendar entries (built once). */
let statutoryTable: Map<number, Entry> | null = null;
function statutoryEntries(): Map<number, Entry> {
  if (statutoryTable) return statutoryTable;
  statutoryTable = new Map();
  for (let y = OFFICIAL_LAST_YEAR + 1; y <= LUNAR_LAST_YEAR; y++)
    for (const d of statutoryDays(y))
      statutoryTable.set(toDayNum(d.date), { workday: false, name: d.name, statutory: true });
  return statutoryTable;
}

// ---------------------------------------------------------------------------------------------

/**
 * Field-path → message key (validation.*, worded by the locale files) for every problem in an admin year; {} when valid.
 * An entry is only meaningful if it changes a day's status: a weekday off (extra holiday) or a
 * weekend working day (make-up). In official years it must not touch an officially listed day.
 */
export function validateAdminYear(y: AdminYear): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Number.isInteger(y.year) || y.year < 1 || y.year > 9999) errors.year = 'validation.invalid';
  const official = isOfficialYear(y.year);
  const seen = new Set<number>();
  y.days.forEach((day, i) => {
    const p = `days.${i}`;
    const n = parse(day.date);
    if (n === null) {
      errors[`${p}.date`] = 'validation.dateInvalid';
      return;
    }
    if (yearOf(n) !== y.year || seen.has(n)) {
      errors[`${p}.date`] = seen.has(n) ? 'validation.duplicateDate' : 'validation.dateNotInYear';
      return;
    }
    seen.add(n);
    if (!day.name.trim()) errors[`${p}.name`] = 'validation.nameRequired';
    const off = official ? OFFICIAL.get(n) : undefined;
    if (off) {
      errors[`${p}.workday`] =
        off.workday === day.workday
          ? 'validation.duplicatesOfficial'
          : 'validation.contradictsOfficial';
    } else if (day.workday && !isWeekendNum(n)) {
      errors[`${p}.workday`] = 'validation.alreadyWorkday';
    } else if (!day.workday && isWeekendNum(n)) {
      errors[`${p}.workday`] = 'validation.alreadyWeekend';
    }
  });
  return errors;
}

export function createCalendar(adminYears: AdminYear[] = []): WorkdayCalendar {
  // Per-instance lookup: official entries, the statutory days of later years, admin supplements.
  const table = new Map([...OFFICIAL, ...statutoryEntries()]);
  const admin = new Map<number, AdminYear>();
  for (const ay of adminYears) {
    if (admin.has(ay.year)) throw new RangeError(`Duplicate admin year: ${ay.year}`);
    admin.set(ay.year, ay);
    const errors = validateAdminYear(ay);
    ay.days.forEach((d, i) => {
      // Entries rejected by validation (bad/duplicate/out-of-year dates, pointless entries,
      // contradictions of the official schedule) are ignored: the official schedule always wins.
      if (errors[`days.${i}.date`] || errors[`days.${i}.workday`]) return;
      table.set(toDayNum(d.date), {
        workday: d.workday,
        name: d.name.trim() || (d.workday ? '调休上班' : '休息日'),
      });
    });
  }

  const yearSource = (y: number): YearSource =>
    isOfficialYear(y) ? 'official' : admin.has(y) ? 'admin' : 'none';
  const yearComplete = (y: number): boolean => isOfficialYear(y) || admin.get(y)?.complete === true;
  const isWork = (n: number): boolean => {
    const e = table.get(n);
    return e ? e.workday : !isWeekendNum(n);
  };
  // workdaysBetween in O(log entries), whatever the span: a date in year 0000 costs no more than
  // one in 2020. isWork(n) = MonFri(n) + flip(n), where flip is non-zero only on a table entry
  // that changes the Mon–Fri default (+1 a weekend make-up day, −1 a weekday off; an official
  // holiday on a weekend changes nothing). So the working days up to n = the Mon–Fri days up to n
  // (closed form) + the flips up to n (prefix sums over the sorted flips, built on first use and
  // kept with this calendar: its table does not change after createCalendar).
  let flips: { days: number[]; sums: number[] } | null = null; // sums[i] = flips of days[0..i-1]
  const buildFlips = () => {
    const list: [number, number][] = [];
    for (const [n, e] of table)
      if (e.workday === isWeekendNum(n)) list.push([n, e.workday ? 1 : -1]);
    list.sort((x, y) => x[0] - y[0]);
    const sums = [0];
    for (const [, f] of list) sums.push(sums[sums.length - 1]! + f);
    return { days: list.map(([n]) => n), sums };
  };
  /** Working days among the days ≤ n, up to a constant (only differences are meaningful). */
  const workdaysUpTo = (n: number): number => {
    const { days, sums } = (flips ??= buildFlips());
    let lo = 0; // → the number of flip days ≤ n
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (days[mid]! <= n) lo = mid + 1;
      else hi = mid;
    }
    return monFriBefore(n + 1) + sums[lo]!;
  };
  /** True if any day in [a, b] lies in a year that is neither official nor marked complete. */
  const provisional = (a: number, b: number): boolean => {
    if (b < a) return false;
    for (let y = yearOf(a), last = yearOf(b); y <= last; y++) if (!yearComplete(y)) return true;
    return false;
  };

  return {
    yearSource,
    yearComplete,
    isWorkday: (date) => isWork(toDayNum(date)),
    dayInfo(date) {
      const n = toDayNum(date);
      const e = table.get(n);
      const weekend = isWeekendNum(n);
      const workday = e ? e.workday : !weekend;
      const kind: DayKind = workday ? (weekend ? 'makeup' : 'workday') : e ? 'holiday' : 'weekend';
      return { date: toIso(n), workday, kind, name: e?.name ?? null };
    },
    addWorkdays(from, count) {
      if (!Number.isInteger(count) || count < 0)
        throw new RangeError(`Count must be a non-negative integer: ${count}`);
      const start = toDayNum(from);
      const counted: IsoDate[] = [];
      const skipped: SkippedDay[] = [];
      const makeUpDays: { date: IsoDate; name: string }[] = [];
      let n = start;
      while (counted.length < count) {
        n++;
        const e = table.get(n);
        const weekend = isWeekendNum(n);
        const iso = toIso(n);
        if (e ? e.workday : !weekend) {
          counted.push(iso);
          if (weekend) makeUpDays.push({ date: iso, name: e?.name ?? '' });
        } else {
          skipped.push(
            e
              ? { date: iso, name: e.name, kind: 'holiday' }
              : { date: iso, name: '周末', kind: 'weekend' },
          );
        }
      }
      return {
        date: toIso(n),
        provisional: provisional(start + 1, n),
        counted,
        skipped,
        makeUpDays,
      };
    },
    workdaysBetween(from, to) {
      const a = toDayNum(from);
      const b = toDayNum(to);
      const c = workdaysUpTo(Math.max(a, b)) - workdaysUpTo(Math.min(a, b)); // in (min, max]
      return a <= b || c === 0 ? c : -c; // never -0
    },
  };
}
