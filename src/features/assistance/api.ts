import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, newIdempotencyKey } from '@/lib/api-client';
import { queryRoots } from '@/lib/queries/roots';
import type { AuditEntry, Region } from '@/types/api';
import type { AssistanceFigure, AssistanceSummary, FigureValues, GroupBy, Program } from './types';

export type FigureAudit = Omit<AuditEntry, 'id' | 'entity' | 'entityId'>;

export const getRegions = (on: string) => api.get<Region[]>('/regions', { on });
export const getFigures = (period: string, signal?: AbortSignal) =>
  api.get<AssistanceFigure[]>('/assistance', { period }, signal);
export const getSummary = (year: number, groupBy: GroupBy, signal?: AbortSignal) =>
  api.get<AssistanceSummary>('/assistance/summary', { year, groupBy }, signal);
export const getFigureAudit = (id: string) =>
  api.get<FigureAudit[]>('/audit', { entity: 'assistance', id });

export const putFigure = (
  target: { period: string; regionCode: string; program: Program },
  values: FigureValues,
  version: number | undefined,
) =>
  api.put<AssistanceFigure>(
    `/assistance/${target.period}/${target.regionCode}/${target.program}`,
    { values },
    version === undefined ? {} : { version },
  );
export const publishMonth = (period: string, figures: { id: string; version: number }[]) =>
  api.post<{ published: number; items: AssistanceFigure[] }>(`/assistance/${period}/publish`, {
    figures,
  });
export const copyFromPrevious = (period: string, idempotencyKey: string) =>
  api.post<{ created: number; items: AssistanceFigure[] }>(
    `/assistance/${period}/copy-from-previous`,
    {},
    { idempotencyKey },
  );

export const assistanceQueries = {
  all: () => queryRoots.assistance,
  regions: (on: string) =>
    queryOptions({ queryKey: ['regions', on], queryFn: () => getRegions(on), staleTime: Infinity }),
  months: () => [...assistanceQueries.all(), 'month'] as const,
  month: (period: string) =>
    queryOptions({
      queryKey: [...assistanceQueries.months(), period],
      queryFn: ({ signal }) => getFigures(period, signal),
    }),
  summaries: () => [...assistanceQueries.all(), 'summary'] as const,
  summary: (year: number, groupBy: GroupBy = 'month') =>
    queryOptions({
      queryKey: [...assistanceQueries.summaries(), year, groupBy],
      queryFn: ({ signal }) => getSummary(year, groupBy, signal),
    }),
  audits: () => [...assistanceQueries.all(), 'audit'] as const,
  audit: (id: string) =>
    queryOptions({
      queryKey: [...assistanceQueries.audits(), id],
      queryFn: () => getFigureAudit(id),
    }),
};

/** After any write: the month, the summaries, the figure histories and the dashboard refetch. */
function useInvalidate() {
  const qc = useQueryClient();
  return (period: string) => {
    void qc.invalidateQueries({ queryKey: assistanceQueries.month(period).queryKey });
    void qc.invalidateQueries({ queryKey: assistanceQueries.summaries() });
    void qc.invalidateQueries({ queryKey: assistanceQueries.audits() });
    void qc.invalidateQueries({ queryKey: queryRoots.dashboard });
  };
}

export interface SaveRow {
  id: string;
  regionCode: string;
  program: Program;
  values: FigureValues;
  version: number | undefined;
}

/**
 * Save rows one PUT each; every row settles on its own (a conflict on one does not lose the
 * others), and the caller gets each outcome.
 */
export function useSaveRows(period: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (rows: SaveRow[]) =>
      Promise.allSettled(
        rows.map((r) =>
          putFigure({ period, regionCode: r.regionCode, program: r.program }, r.values, r.version),
        ),
      ),
    onSettled: () => invalidate(period),
  });
}

export function usePublishMonth(period: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (figures: { id: string; version: number }[]) => publishMonth(period, figures),
    onSettled: () => invalidate(period),
  });
}

/**
 * One key per month until a copy succeeds: a retry after a failure or a lost reply sends the same
 * key again, so the server answers it once.
 */
export function useCopyFromPrevious(period: string) {
  const invalidate = useInvalidate();
  const pending = useRef<{ period: string; key: string } | null>(null);
  return useMutation({
    mutationFn: () => {
      if (pending.current?.period !== period)
        pending.current = { period, key: newIdempotencyKey() };
      return copyFromPrevious(period, pending.current.key);
    },
    onSuccess: () => {
      pending.current = null;
      invalidate(period);
    },
  });
}
