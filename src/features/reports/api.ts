import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, newIdempotencyKey } from '@/lib/api-client';
import { queryRoots } from '@/lib/queries/roots';
import type { AnnualReport, Narrative, NarrativeRecord, ReviewCase, ReviewInput } from './types';

/** The few fields of an application the review register shows (the applications feature owns the type). */
export interface LinkedApplication {
  id: string;
  serialNo: string;
  applicantName: string;
  receivedOn: string;
}

export const getAnnualReport = (year: number, signal?: AbortSignal) =>
  api.get<AnnualReport>(`/reports/annual/${year}`, undefined, signal);
/** Saves the text over `version` (If-Match); a 409 carries the current narrative. */
export const saveNarrative = (year: number, narrative: Narrative, version: number) =>
  api.put<NarrativeRecord>(`/reports/annual/${year}/narrative`, narrative, { version });
export const getReviews = (signal?: AbortSignal) =>
  api.get<ReviewCase[]>('/reviews', undefined, signal);
export const createReview = (input: ReviewInput, idempotencyKey: string) =>
  api.post<ReviewCase>('/reviews', input, { idempotencyKey });
export const updateReview = (id: string, input: ReviewInput, version: number) =>
  api.patch<ReviewCase>(`/reviews/${id}`, input, { version });
export const searchApplications = (q: string, signal?: AbortSignal) =>
  api.get<{ items: LinkedApplication[] }>(
    '/applications',
    { q: q || undefined, pageSize: 20, sort: '-receivedOn' },
    signal,
  );

export const getLinkedApplication = (id: string, signal?: AbortSignal) =>
  api.get<LinkedApplication>(`/applications/${id}`, undefined, signal);

export const reportQueries = {
  all: () => queryRoots.reports,
  annuals: () => [...reportQueries.all(), 'annual'] as const,
  /** Compiled from the records at request time: refetched whenever the page mounts. */
  annual: (year: number) =>
    queryOptions({
      queryKey: [...reportQueries.annuals(), year],
      queryFn: ({ signal }) => getAnnualReport(year, signal),
      staleTime: 0,
    }),
  reviews: () =>
    queryOptions({
      queryKey: [...reportQueries.all(), 'reviews'],
      queryFn: ({ signal }) => getReviews(signal),
    }),
  applicationSearch: (q: string) =>
    queryOptions({
      queryKey: [...reportQueries.all(), 'application-search', q],
      queryFn: ({ signal }) => searchApplications(q, signal),
      staleTime: 60_000,
    }),
  linkedApplication: (id: string) =>
    queryOptions({
      queryKey: [...reportQueries.all(), 'application', id],
      queryFn: ({ signal }) => getLinkedApplication(id, signal),
      staleTime: 5 * 60_000,
    }),
};

export { newIdempotencyKey };

export function useSaveNarrative(year: number) {
  const setNarrative = useSetNarrative(year);
  return useMutation({
    mutationFn: ({ text, version }: { text: Narrative; version: number }) =>
      saveNarrative(year, text, version),
    onSuccess: (narrative) => setNarrative(narrative),
  });
}

/** Puts a narrative the server sent (a save's answer, or the current one of a 409) in the cache. */
export function useSetNarrative(year: number) {
  const qc = useQueryClient();
  return useCallback(
    (narrative: NarrativeRecord) =>
      qc.setQueryData(reportQueries.annual(year).queryKey, (r) => r && { ...r, narrative }),
    [qc, year],
  );
}

export function useSaveReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      v: { input: ReviewInput; id: string; version: number } | { input: ReviewInput; key: string },
    ) => ('id' in v ? updateReview(v.id, v.input, v.version) : createReview(v.input, v.key)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: reportQueries.reviews().queryKey });
      void qc.invalidateQueries({ queryKey: reportQueries.annuals() });
    },
  });
}
