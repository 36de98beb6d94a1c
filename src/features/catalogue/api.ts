import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '@/lib/api-client';
import type { AuditEntry, Paged } from '@/types/api';
import { queryRoots } from '@/lib/queries/roots';
import type { CatalogueEntry, CatalogueInput, CatalogueListQuery, TimelinessReport } from './types';

export type CatalogueFilters = Partial<CatalogueListQuery>;

export const getCatalogue = (f: CatalogueFilters, signal?: AbortSignal) =>
  api.get<Paged<CatalogueEntry>>('/catalogue', f as never, signal);
export const getFacets = (f: CatalogueFilters) =>
  api.get<{ total: number; categories: Record<string, number> }>('/catalogue/facets', {
    ...f,
    page: undefined,
    pageSize: undefined,
  } as never);
export const exportCatalogue = (f: CatalogueFilters) =>
  api.get<{ items: CatalogueEntry[]; total: number }>('/catalogue/export', {
    ...f,
    page: undefined,
    pageSize: undefined,
  } as never);
export const getEntry = (id: string) => api.get<CatalogueEntry>(`/catalogue/${id}`);
export const getEntryAudit = (id: string) =>
  api.get<Omit<AuditEntry, 'id' | 'entity' | 'entityId'>[]>('/audit', { entity: 'catalogue', id });
export const getTimeliness = (year: number) =>
  api.get<TimelinessReport>('/catalogue/timeliness', { year });
export const createEntry = (input: CatalogueInput, key: string) =>
  api.post<CatalogueEntry>('/catalogue', input, { idempotencyKey: key });
export const updateEntry = (id: string, input: Partial<CatalogueInput>, version: number) =>
  api.patch<CatalogueEntry>(`/catalogue/${id}`, input, { version });
export const withdrawEntry = (id: string, reason: string, version: number) =>
  api.delete<CatalogueEntry>(`/catalogue/${id}`, { body: { reason }, version });
export const importEntries = (rows: CatalogueInput[], key: string) =>
  api.post<{ created: number; indexNos: string[] }>(
    '/catalogue/import',
    { rows },
    { idempotencyKey: key },
  );

export const catalogueQueries = {
  all: () => queryRoots.catalogue,
  lists: () => [...catalogueQueries.all(), 'list'] as const,
  list: (f: CatalogueFilters) =>
    queryOptions({
      queryKey: [...catalogueQueries.lists(), f],
      queryFn: ({ signal }) => getCatalogue(f, signal),
    }),
  facets: (f: CatalogueFilters) =>
    queryOptions({
      queryKey: [...catalogueQueries.lists(), 'facets', f],
      queryFn: () => getFacets(f),
    }),
  details: () => [...catalogueQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({ queryKey: [...catalogueQueries.details(), id], queryFn: () => getEntry(id) }),
  audit: (id: string) =>
    queryOptions({
      queryKey: [...catalogueQueries.details(), id, 'audit'],
      queryFn: () => getEntryAudit(id),
    }),
  timelinesses: () => [...catalogueQueries.all(), 'timeliness'] as const,
  timeliness: (year: number) =>
    queryOptions({
      queryKey: [...catalogueQueries.timelinesses(), year],
      queryFn: () => getTimeliness(year),
    }),
};

export { newIdempotencyKey };

function useOnSaved() {
  const qc = useQueryClient();
  return (e?: CatalogueEntry) => {
    if (e) qc.setQueryData(catalogueQueries.detail(e.id).queryKey, e);
    void qc.invalidateQueries({ queryKey: catalogueQueries.lists() });
    void qc.invalidateQueries({ queryKey: catalogueQueries.timelinesses() });
    if (e) void qc.invalidateQueries({ queryKey: catalogueQueries.audit(e.id).queryKey });
  };
}

export function useCreateEntry() {
  const saved = useOnSaved();
  return useMutation({
    mutationFn: ({ input, key }: { input: CatalogueInput; key: string }) => createEntry(input, key),
    onSuccess: (e) => saved(e),
  });
}
export function useUpdateEntry(id: string) {
  const saved = useOnSaved();
  return useMutation({
    mutationFn: ({ input, version }: { input: Partial<CatalogueInput>; version: number }) =>
      updateEntry(id, input, version),
    onSuccess: (e) => saved(e),
  });
}
export function useWithdrawEntry(id: string) {
  const saved = useOnSaved();
  return useMutation({
    mutationFn: ({ reason, version }: { reason: string; version: number }) =>
      withdrawEntry(id, reason, version),
    onSuccess: (e) => saved(e),
  });
}
export function useImportEntries() {
  const saved = useOnSaved();
  return useMutation({
    mutationFn: ({ rows, key }: { rows: CatalogueInput[]; key: string }) =>
      importEntries(rows, key),
    onSuccess: () => saved(),
  });
}
