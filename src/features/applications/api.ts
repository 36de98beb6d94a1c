import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '@/lib/api-client';
import { queryRoots } from '@/lib/queries/roots';
import type { AuditEntry, Paged } from '@/types/api';
import type {
  Application,
  ApplicationAction,
  ApplicationDue,
  ApplicationListQuery,
  CreateApplicationInput,
  FeeQuote,
} from './types';

export type ApplicationFilters = Partial<ApplicationListQuery>;
export interface ApplicationAlerts {
  overdue: number;
  dueSoon: number;
  items: Application[];
}

export const getApplications = (f: ApplicationFilters, signal?: AbortSignal) =>
  api.get<Paged<Application>>('/applications', f as never, signal);
export const getApplication = (id: string, signal?: AbortSignal) =>
  api.get<Application>(`/applications/${id}`, undefined, signal);
export const getApplicationAlerts = () => api.get<ApplicationAlerts>('/applications/alerts');
export const getApplicationAudit = (id: string) =>
  api.get<Omit<AuditEntry, 'id' | 'entity' | 'entityId'>[]>('/audit', {
    entity: 'application',
    id,
  });
export const createApplication = (input: CreateApplicationInput, idempotencyKey: string) =>
  api.post<Application>('/applications', input, { idempotencyKey });
export const applicationAction = (
  id: string,
  action: ApplicationAction,
  body: object,
  version: number,
) => api.post<Application>(`/applications/${id}/${action}`, body, { version });

export const applicationQueries = {
  all: () => queryRoots.applications,
  lists: () => [...applicationQueries.all(), 'list'] as const,
  list: (f: ApplicationFilters) =>
    queryOptions({
      queryKey: [...applicationQueries.lists(), f],
      queryFn: ({ signal }) => getApplications(f, signal),
    }),
  details: () => [...applicationQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...applicationQueries.details(), id],
      queryFn: ({ signal }) => getApplication(id, signal),
    }),
  audit: (id: string) =>
    queryOptions({
      queryKey: [...applicationQueries.details(), id, 'audit'],
      queryFn: () => getApplicationAudit(id),
    }),
  /** The server's fee for a notice with these counts (the amount the notice will record). */
  feeQuote: (id: string, method: 'per_item' | 'per_page', count: number) =>
    queryOptions({
      queryKey: [...applicationQueries.details(), id, 'fee-quote', method, count],
      queryFn: ({ signal }) =>
        api.get<FeeQuote>(`/applications/${id}/fee-quote`, { method, count }, signal),
      enabled: Number.isInteger(count) && count >= 1 && count <= 100000,
    }),
  /** The deadline registering an application received that day would store (the same clock). */
  due: (receivedOn: string) =>
    queryOptions({
      queryKey: [...applicationQueries.all(), 'due', receivedOn],
      queryFn: ({ signal }) => api.get<ApplicationDue>('/applications/due', { receivedOn }, signal),
    }),
  alerts: () =>
    queryOptions({
      queryKey: [...applicationQueries.all(), 'alerts'],
      queryFn: getApplicationAlerts,
      refetchInterval: 60_000,
    }),
};

export { newIdempotencyKey };

export function useCreateApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateApplicationInput; key: string }) =>
      createApplication(input, key),
    onSuccess: (a) => {
      qc.setQueryData(applicationQueries.detail(a.id).queryKey, a);
      void qc.invalidateQueries({ queryKey: applicationQueries.lists() });
      void qc.invalidateQueries({ queryKey: applicationQueries.alerts().queryKey });
    },
  });
}

export function useApplicationAction(id: string, action: ApplicationAction) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: object; version: number }) =>
      applicationAction(id, action, body, version),
    onSuccess: (a) => {
      qc.setQueryData(applicationQueries.detail(id).queryKey, a);
      void qc.invalidateQueries({ queryKey: applicationQueries.lists() });
      void qc.invalidateQueries({ queryKey: applicationQueries.alerts().queryKey });
      void qc.invalidateQueries({ queryKey: applicationQueries.audit(id).queryKey });
    },
  });
}
