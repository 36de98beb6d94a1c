import { queryOptions } from '@tanstack/react-query';
import { FIRST_YEAR } from '@/config/years';
import { api } from '@/lib/api-client';
import { chinaToday } from '@/lib/format';
import { queryRoots } from '@/lib/queries/roots';
import type { Dashboard } from './types';

/** The year /dashboard?year=YYYY shows: the asked one when on record, else this year. */
export function dashboardYear(params: URLSearchParams, today: string = chinaToday()): number {
  const thisYear = Number(today.slice(0, 4));
  const asked = Number(params.get('year'));
  return asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear;
}

export const getDashboard = (year: number, signal?: AbortSignal) =>
  api.get<Dashboard>('/dashboard', { year }, signal);

export const dashboardQueries = {
  all: () => queryRoots.dashboard,
  /** GET /dashboard: every KPI of the leadership page, computed by the server. */
  overview: (year: number) =>
    queryOptions({
      queryKey: [...dashboardQueries.all(), 'overview', year],
      queryFn: ({ signal }) => getDashboard(year, signal),
    }),
};
