/**
 * The working-day calendar: one factory for every feature that shows a deadline (letters,
 * applications, the catalogue's 20-day publishing limit) and for the settings screens that edit it.
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import type { CalendarYearDetail, CalendarYearSummary, WorkdaysResult } from '@/types/calendar';
import { api } from '../api-client';
import { queryRoots } from './roots';

export const getCalendarYears = (signal?: AbortSignal) =>
  api.get<CalendarYearSummary[]>('/calendar/years', undefined, signal);
export const getCalendarYear = (year: number, signal?: AbortSignal) =>
  api.get<CalendarYearDetail>(`/calendar/years/${year}`, undefined, signal);
/** GET /calendar/workdays: the day `count` working days after `from` (the server's count). */
export const getWorkdays = (from: string, count: number, signal?: AbortSignal) =>
  api.get<WorkdaysResult>('/calendar/workdays', { from, count }, signal);

export const calendarQueries = {
  all: () => queryRoots.calendar,
  years: () =>
    queryOptions({
      queryKey: [...calendarQueries.all(), 'years'],
      queryFn: ({ signal }) => getCalendarYears(signal),
    }),
  year: (year: number) =>
    queryOptions({
      queryKey: [...calendarQueries.all(), 'years', year],
      queryFn: ({ signal }) => getCalendarYear(year, signal),
    }),
  workdays: (from: string, count: number) =>
    queryOptions({
      queryKey: [...calendarQueries.all(), 'workdays', from, count],
      queryFn: ({ signal }) => getWorkdays(from, count, signal),
      staleTime: 5 * 60_000,
    }),
};

/**
 * Everything computed from the calendar, stale once it changes: the calendar itself, the letters'
 * and applications' deadlines and alerts, the catalogue's timeliness, the dashboard, the to-do and
 * the reports built from them. Used by the calendar save and by live updates of a calendar event.
 */
export const calendarDependents = (): QueryKey[] => [
  calendarQueries.all(),
  queryRoots.letters,
  queryRoots.applications,
  queryRoots.catalogue,
  queryRoots.dashboard,
  queryRoots.todo,
  queryRoots.reports,
];
