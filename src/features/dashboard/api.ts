import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Dashboard } from './types';

export const getDashboard = (year: number, signal?: AbortSignal) =>
  api.get<Dashboard>('/dashboard', { year }, signal);

export const dashboardQueries = {
  all: () => ['dashboard'] as const,
  /** GET /dashboard: every KPI of the leadership page, computed by the server. */
  overview: (year: number) =>
    queryOptions({
      queryKey: [...dashboardQueries.all(), 'overview', year],
      queryFn: ({ signal }) => getDashboard(year, signal),
      placeholderData: keepPreviousData,
    }),
};
