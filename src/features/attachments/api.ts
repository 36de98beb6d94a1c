import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { env } from '@/config/env';
import { api, apiErrorOf, authHeaders, NetworkError } from '@/lib/api-client';
import type { Attachment, AttachmentParent } from './types';

export const getAttachments = (parent: AttachmentParent, id: string, signal?: AbortSignal) =>
  api.get<Attachment[]>(`/${parent}/${id}/attachments`, undefined, signal);
export const deleteAttachment = (id: string) => api.delete<void>(`/attachments/${id}`);

export const attachmentQueries = {
  all: () => ['attachments'] as const,
  lists: () => [...attachmentQueries.all(), 'list'] as const,
  list: (parent: AttachmentParent, id: string) =>
    queryOptions({
      queryKey: [...attachmentQueries.lists(), parent, id],
      queryFn: ({ signal }) => getAttachments(parent, id, signal),
    }),
};

/**
 * One file up, over XMLHttpRequest so that its progress can be shown (fetch cannot report an
 * upload's progress); the same headers as every call (lib/api-client.ts).
 */
export function uploadAttachment(
  parent: AttachmentParent,
  id: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${env.apiBaseUrl}/${parent}/${id}/attachments`);
    for (const [k, v] of Object.entries({ Accept: 'application/json', ...authHeaders() }))
      xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as Attachment);
      } else reject(apiErrorOf(xhr.status, xhr.responseText, xhr.statusText));
    };
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** An attachment's bytes, fetched with the session (a plain link would carry no token). */
export async function fetchAttachment(id: string, inline = false): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(`${env.apiBaseUrl}/attachments/${id}${inline ? '?inline=1' : ''}`, {
      headers: authHeaders(),
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  if (!res.ok) throw apiErrorOf(res.status, await res.text(), res.statusText);
  return res.blob();
}

/**
 * After a file is added or removed: the list, and the parent record's queries (its history shows
 * the change), whatever feature they belong to — their keys all carry the record's id.
 */
export function useAttachmentsChanged(parent: AttachmentParent, id: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: attachmentQueries.list(parent, id).queryKey }),
      qc.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== 'attachments' && q.queryKey.includes(id),
      }),
    ]);
}

export function useRemoveAttachment(parent: AttachmentParent, id: string) {
  const changed = useAttachmentsChanged(parent, id);
  return useMutation({
    mutationFn: (a: Attachment) => deleteAttachment(a.id),
    onSuccess: changed,
  });
}
