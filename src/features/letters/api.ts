import type { z } from 'zod';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey, requestRaw } from '@/lib/api-client';
import { queryRoots } from '@/lib/queries/roots';
import { settingsKeys } from '@/lib/queries/settings';
import type { AuditEntry, Paged } from '@/types/api';
import type { LetterAction } from './rules';
import type {
  BulkLetterInput,
  BulkLetterResult,
  CreateLetterInput,
  UpdateLetterInput,
  Letter,
  LetterAlerts,
  LetterDue,
  LetterDueQuery,
  SavedView,
  TimeLimits,
  letterListQuerySchema,
} from './types';

/** A list's filters: the list query's values as parsed (the URL's, a link's, a saved view's). */
export type LetterFilters = Partial<z.output<typeof letterListQuerySchema>>;

export const getLetters = (f: LetterFilters, signal?: AbortSignal) =>
  api.get<Paged<Letter>>('/letters', f as Record<string, string | number>, signal);
export const exportLetters = (f: LetterFilters) =>
  api.get<{ items: Letter[]; total: number }>('/letters/export', {
    ...f,
    page: undefined,
    pageSize: undefined,
  } as never);
export const getLetter = async (id: string, signal?: AbortSignal) =>
  (await requestRaw<Letter>(`/letters/${id}`, { signal })).data;
export const getLetterDue = (q: LetterDueQuery, signal?: AbortSignal) =>
  api.get<LetterDue>('/letters/due', q, signal);
export const getLetterAlerts = () => api.get<LetterAlerts>('/letters/alerts');
export const getLetterAudit = (id: string) =>
  api.get<Omit<AuditEntry, 'id' | 'entity' | 'entityId'>[]>('/audit', { entity: 'letter', id });
export const createLetter = (input: CreateLetterInput, idempotencyKey: string) =>
  api.post<Letter>('/letters', input, { idempotencyKey });
export const letterAction = (id: string, action: LetterAction, body: object, version: number) =>
  api.post<Letter>(`/letters/${id}/${action}`, body, { version });
export const updateLetter = (id: string, patch: UpdateLetterInput, version: number) =>
  api.patch<Letter>(`/letters/${id}`, patch, { version });
export const bulkLetters = (input: BulkLetterInput) =>
  api.post<BulkLetterResult>('/letters/bulk', input);
export type VersionedTimeLimits = TimeLimits & { version: number };
export const getTimeLimits = () => api.get<VersionedTimeLimits>('/settings/time-limits');
export const putTimeLimits = (v: TimeLimits, version: number) =>
  api.put<VersionedTimeLimits>('/settings/time-limits', v, { version });
export const getSavedViews = () => api.get<SavedView[]>('/views/letters');
export const createSavedView = (v: { name: string; query: string }) =>
  api.post<SavedView>('/views/letters', v);
export const deleteSavedView = (id: string) => api.delete<void>(`/views/letters/${id}`);

export const letterQueries = {
  all: () => queryRoots.letters,
  lists: () => [...letterQueries.all(), 'list'] as const,
  list: (f: LetterFilters) =>
    queryOptions({
      queryKey: [...letterQueries.lists(), f],
      queryFn: ({ signal }) => getLetters(f, signal),
    }),
  details: () => [...letterQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...letterQueries.details(), id],
      queryFn: ({ signal }) => getLetter(id, signal),
    }),
  audit: (id: string) =>
    queryOptions({
      queryKey: [...letterQueries.details(), id, 'audit'],
      queryFn: () => getLetterAudit(id),
    }),
  /** The deadline registering a letter with these fields would store (the same rule). */
  due: (q: LetterDueQuery) =>
    queryOptions({
      queryKey: [...letterQueries.all(), 'due', q],
      queryFn: ({ signal }) => getLetterDue(q, signal),
    }),
  alerts: () =>
    queryOptions({
      queryKey: [...letterQueries.all(), 'alerts'],
      queryFn: getLetterAlerts,
      refetchInterval: 60_000,
      refetchOnWindowFocus: true,
    }),
  views: () =>
    queryOptions({ queryKey: [...letterQueries.all(), 'views'], queryFn: getSavedViews }),
  /** The letters' time limits (a setting: its key is shared, its shape is the letters'). */
  timeLimits: () => queryOptions({ queryKey: settingsKeys.timeLimits(), queryFn: getTimeLimits }),
};

/** Letters on a page of the list. */
export const LETTERS_PAGE_SIZE = 20;

/** A page of the letters' list for its filters: the list page's query, which its route prefetches. */
export const letterListPage = (f: LetterFilters) =>
  letterQueries.list({ ...f, pageSize: LETTERS_PAGE_SIZE });

/** One create, one key: a retry of the same submission reuses the key and yields one record. */
export function useCreateLetter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateLetterInput; key: string }) =>
      createLetter(input, key),
    onSuccess: (letter) => {
      qc.setQueryData(letterQueries.detail(letter.id).queryKey, letter);
      void qc.invalidateQueries({ queryKey: letterQueries.lists() });
      void qc.invalidateQueries({ queryKey: letterQueries.alerts().queryKey });
    },
  });
}

export { newIdempotencyKey };

export function useLetterAction(id: string, action: LetterAction) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: object; version: number }) =>
      letterAction(id, action, body, version),
    onSuccess: (letter) => {
      void qc.invalidateQueries({ queryKey: letterQueries.lists() });
      void qc.invalidateQueries({ queryKey: letterQueries.alerts().queryKey });
      // 退回 takes the letter out of the section's scope: its page is left (the dialog navigates
      // to the list) and nothing of it is read again.
      if (action === 'return') return;
      qc.setQueryData(letterQueries.detail(id).queryKey, letter);
      void qc.invalidateQueries({ queryKey: letterQueries.audit(id).queryKey });
    },
  });
}

export function useSaveTimeLimits() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ values, version }: { values: TimeLimits; version: number }) =>
      putTimeLimits(values, version),
    onSuccess: (v) => qc.setQueryData(letterQueries.timeLimits().queryKey, v),
  });
}

export function useSavedViews() {
  const qc = useQueryClient();
  const invalidate = () => qc.invalidateQueries({ queryKey: letterQueries.views().queryKey });
  return {
    create: useMutation({ mutationFn: createSavedView, onSuccess: invalidate }),
    remove: useMutation({ mutationFn: deleteSavedView, onSuccess: invalidate }),
  };
}

/** PATCH: the 重复件 link and the mayor's-mailbox platform fields (the office). */
export function useUpdateLetter(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ patch, version }: { patch: UpdateLetterInput; version: number }) =>
      updateLetter(id, patch, version),
    onSuccess: (letter) => {
      qc.setQueryData(letterQueries.detail(id).queryKey, letter);
      void qc.invalidateQueries({ queryKey: letterQueries.lists() });
      void qc.invalidateQueries({ queryKey: letterQueries.audit(id).queryKey });
    },
  });
}

/** 批量转办 / 批量督办: one request, a result per letter. */
export function useBulkLetters() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: bulkLetters,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: letterQueries.all() });
    },
  });
}
