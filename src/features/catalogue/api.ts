import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Paged } from '@/types/api';
import type { CatalogueEntry, CatalogueListQuery } from './types';

export type CatalogueFilters = Partial<CatalogueListQuery>;

export const getCatalogue = (f: CatalogueFilters, signal?: AbortSignal) =>
  api.get<Paged<CatalogueEntry>>('/catalogue', f as never, signal);

export const catalogueQueries = {
  all: () => ['catalogue'] as const,
  lists: () => [...catalogueQueries.all(), 'list'] as const,
  list: (f: CatalogueFilters) =>
    queryOptions({
      queryKey: [...catalogueQueries.lists(), f],
      queryFn: ({ signal }) => getCatalogue(f, signal),
      placeholderData: keepPreviousData,
    }),
};
