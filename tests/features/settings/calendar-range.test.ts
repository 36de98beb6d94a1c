import { describe, expect, it } from 'vitest';
import { calendarRangeSchema, expandRange, mergeDays } from '@/features/settings/calendar-range';

const range = (from: string, to: string, workday = false, name = '春节') => ({
  from,
  to,
  workday,
  name,
});
const errorsOf = (r: ReturnType<typeof range>, year: number) => {
  const res = calendarRangeSchema(year).safeParse(r);
  return res.success
    ? {}
    : Object.fromEntries(res.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('a range of calendar days', () => {
  it('as days off, expands to the weekdays in it (the weekend is off anyway)', () => {
    const { days, skipped } = expandRange(range('2027-02-05', '2027-02-11'), 2027);
    expect(days.map((d) => d.date)).toEqual([
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
    expect(days.every((d) => !d.workday && d.name === '春节')).toBe(true);
    expect(skipped).toBe(2);
  });

  it('as make-up working days, expands to the weekend days in it', () => {
    const { days, skipped } = expandRange(range('2027-02-05', '2027-02-07', true, '补班'), 2027);
    expect(days).toEqual([
      { date: '2027-02-06', workday: true, name: '补班' },
      { date: '2027-02-07', workday: true, name: '补班' },
    ]);
    expect(skipped).toBe(1);
  });

  it('a single day is a range of one', () => {
    expect(expandRange(range('2027-03-01', '2027-03-01'), 2027).days).toHaveLength(1);
  });

  it('passes over what the official schedule already lists', () => {
    // 2026-10-01…07 is 国庆节 in the official schedule: nothing there to add.
    expect(expandRange(range('2026-10-01', '2026-10-07'), 2026).days).toEqual([]);
  });

  it('refuses an end before the start, dates outside the year and a missing name, on their fields', () => {
    expect(errorsOf(range('2027-02-11', '2027-02-05'), 2027)).toEqual({
      to: 'validation.rangeEndBeforeStart',
    });
    expect(errorsOf(range('2026-12-30', '2027-01-02'), 2027)).toEqual({
      from: 'validation.dateNotInYear',
    });
    expect(errorsOf(range('2027-12-30', '2028-01-02'), 2027)).toEqual({
      to: 'validation.dateNotInYear',
    });
    expect(errorsOf(range('2027-02-05', '2027-02-11', false, ' '), 2027)).toHaveProperty('name');
    expect(errorsOf(range('', '2027-02-11'), 2027)).toEqual({ from: 'validation.required' });
    expect(errorsOf(range('2027-02-05', '2027-02-11'), 2027)).toEqual({});
  });

  it('merging replaces the entries of the same dates and keeps the list in date order', () => {
    const merged = mergeDays(
      [
        { date: '2027-02-08', workday: false, name: '旧' },
        { date: '2027-01-01', workday: false, name: '元旦' },
        { date: '', workday: false, name: '' },
      ],
      expandRange(range('2027-02-05', '2027-02-09'), 2027).days,
    );
    expect(merged.map((d) => `${d.date}:${d.name}`)).toEqual([
      '2027-01-01:元旦',
      '2027-02-05:春节',
      '2027-02-08:春节',
      '2027-02-09:春节',
      ':',
    ]);
  });
});
