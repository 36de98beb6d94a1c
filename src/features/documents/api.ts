import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { settingsKeys } from '@/lib/queries/settings';
import type {
  DocumentNumbering,
  IssuedDocument,
  IssueDocumentInput,
  NextDocumentNumbers,
} from './types';

export type VersionedDocumentNumbering = DocumentNumbering & { version: number };

const numberingKey = () => [...settingsKeys.all(), 'document-numbering'] as const;
const nextKey = () => [...settingsKeys.all(), 'next-document-numbers'] as const;

export const documentQueries = {
  numbering: () =>
    queryOptions({
      queryKey: numberingKey(),
      queryFn: () => api.get<VersionedDocumentNumbering>('/settings/document-numbering'),
    }),
  /** The organisation's registered name, for the documents' 落款 (settings' key, shared). */
  organisation: () =>
    queryOptions({
      queryKey: settingsKeys.organisation(),
      queryFn: () => api.get<{ name: string }>('/settings/organisation'),
    }),
  next: () =>
    queryOptions({
      queryKey: nextKey(),
      queryFn: () => api.get<NextDocumentNumbers>('/documents/next-numbers'),
    }),
};

export function useSaveDocumentNumbering() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ values, version }: { values: DocumentNumbering; version: number }) =>
      api.put<VersionedDocumentNumbering>('/settings/document-numbering', values, { version }),
    onSuccess: (o) => qc.setQueryData(numberingKey(), o),
  });
}

/** Issues a record's document; its attachments, history and the next numbers follow. */
export function useIssueDocument(parent: 'letters' | 'applications', id: string) {
  const qc = useQueryClient();
  // The record's attachments (the issued file), its detail and history: every key naming it.
  const changed = () => qc.invalidateQueries({ predicate: (q) => q.queryKey.includes(id) });
  return useMutation({
    mutationFn: ({ body, key }: { body: IssueDocumentInput; key: string }) =>
      api.post<IssuedDocument>(`/${parent}/${id}/documents`, body, { idempotencyKey: key }),
    onSuccess: () =>
      Promise.all([changed(), qc.invalidateQueries({ queryKey: nextKey() })]).then(() => {}),
  });
}
