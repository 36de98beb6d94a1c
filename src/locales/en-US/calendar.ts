import type { calendarZh } from '../zh-CN/calendar';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** 工作日历 (the working-day calendar and its settings page) (en-US). */
export const calendarEn: Shape<typeof calendarZh> = {
  title: 'Working-day calendar',
  intro:
    'Deadlines count working days under the State Council holiday schedule, make-up working days included. The official schedules for 2004–2026 are built in; for other years an administrator enters the days once the notice is published, and until then the statutory holidays are assumed.',
  year: 'Year',
  source: 'Source',
  sources: {
    official: 'Official (built in)',
    admin: 'Entered by an administrator',
    none: 'Not entered (statutory holidays assumed)',
  },
  complete: 'Complete',
  incomplete: 'Incomplete',
  provisional: 'Provisional',
  provisionalHint:
    'The count passes through a year whose holidays are not confirmed yet, so the result is provisional; it is recounted when that year is entered.',
  officialDays: 'Official schedule',
  assumedDays: 'Days off assumed from the statutory holidays',
  assumedHint:
    'No State Council holiday notice for this year yet (or the year is not marked complete): the statutory holidays fixed by Article 2 of the National Holidays Regulation (2024 revision) below are counted as days off, every other Monday–Friday as a working day. The make-up working days and bridging days come with the notice; once an administrator enters them they count together with these. Until then every deadline counted through this year is provisional.',
  adminDays: 'Days entered by administrators',
  addDay: 'Add a day',
  date: 'Date',
  workday: 'Working',
  dayOff: 'Day off',
  name: 'Name',
  markComplete: "This year's schedule is complete (the State Council notice is out)",
  saved: 'Calendar for {year} saved',
  recomputed: 'Deadlines of {n} open letters recounted',
  officialReadonly:
    'An official year can only be supplemented with local days; official days cannot be changed.',
  noDays: 'No days entered yet',
  removeDay: 'Remove this day',
  range: {
    legend: 'Add a range of days',
    hint: 'Several days in a row at once (a holiday week, say): both ends included, added as one entry a day; days that already are what you choose (a weekend as a day off, a weekday as a working day) are passed over. Save afterwards.',
    from: 'From',
    to: 'To',
    kind: 'Kind',
    off: 'Days off',
    work: 'Make-up working days',
    name: 'Name of the range',
    add: 'Add range',
    added: '{n} days added',
    skipped: ' ({n} passed over: already of that kind or in the official schedule)',
    noneOff: 'No working day in this range to make a day off',
    noneWork: 'No weekend day in this range to make a working day',
  },
  kind: {
    workday: 'Working day',
    weekend: 'Weekend',
    holiday: 'Public holiday',
    makeup: 'Make-up working day',
  },
  weekend: 'Weekend',
  explain: 'How this deadline was computed',
  counted: '{n} working days counted',
  skipped: 'Days off skipped',
  makeUpDays: 'Make-up working days counted',
  from: 'From {date} (that day not counted)',
  result: 'Working day {n} is {date}',
};
