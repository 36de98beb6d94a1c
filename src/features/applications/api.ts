import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Paged } from '@/types/api';
import type { Application, ApplicationListQuery } from './types';

export type ApplicationFilters = Partial<ApplicationListQuery>;

export const getApplications = (f: ApplicationFilters, signal?: AbortSignal) =>
  api.get<Paged<Application>>('/applications', f as never, signal);

export const applicationQueries = {
  all: () => ['applications'] as const,
  lists: () => [...applicationQueries.all(), 'list'] as const,
  list: (f: ApplicationFilters) =>
    queryOptions({
      queryKey: [...applicationQueries.lists(), f],
      queryFn: ({ signal }) => getApplications(f, signal),
      placeholderData: keepPreviousData,
    }),
};
