import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Paged } from '@/types/api';
import type { Dashboard } from './types';

export const getDashboard = (year: number, signal?: AbortSignal) =>
  api.get<Dashboard>('/dashboard', { year }, signal);

const count = (query: Record<string, string | number>) =>
  api.get<Paged<unknown>>('/letters', { ...query, pageSize: 1 }).then((p) => p.total);

export interface LetterCounts {
  received: number;
  closed: number;
  overdue: number;
  dueSoon: number;
  mayorMailbox: number;
}

/** Letter figures of a year, from the list endpoint's totals (used by the annual report page). */
export async function getLetterCounts(year: number): Promise<LetterCounts> {
  const [received, closed, overdue, dueSoon, mayorMailbox] = await Promise.all([
    count({ year }),
    count({ year, status: 'closed' }),
    count({ year, alert: 'overdue' }),
    count({ year, alert: 'due_soon' }),
    count({ year, source: 'mayor_mailbox' }),
  ]);
  return { received, closed, overdue, dueSoon, mayorMailbox };
}

export const dashboardQueries = {
  all: () => ['dashboard'] as const,
  /** GET /dashboard: every KPI of the leadership page, computed by the server. */
  overview: (year: number) =>
    queryOptions({
      queryKey: [...dashboardQueries.all(), 'overview', year],
      queryFn: ({ signal }) => getDashboard(year, signal),
      placeholderData: keepPreviousData,
    }),
  letterCounts: (year: number) =>
    queryOptions({
      queryKey: [...dashboardQueries.all(), 'letters', year],
      queryFn: () => getLetterCounts(year),
    }),
};
