/**
 * Live updates (api.md "Live events"): the app follows `GET /events` and invalidates the queries
 * an event touches, so open lists, details, the alert bell and the dashboard follow other people's
 * changes within a second or two. Loaded after the first paint (authed-layout.tsx). Reconnects
 * with backoff (1 s doubling to 30 s) and Last-Event-ID; a `reset` event, or an event about the
 * settings (from which every deadline is computed), refetches everything; one about the calendar
 * refetches everything computed from it (`calendarDependents`).
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { userQueries, auditLogQueries } from '@/features/accounts/api';
import { applicationQueries } from '@/features/applications/api';
import { assistanceQueries } from '@/features/assistance/api';
import { attachmentQueries } from '@/features/attachments/api';
import type { AttachmentParent } from '@/features/attachments/types';
import { authQueries } from '@/features/auth/api';
import { catalogueQueries } from '@/features/catalogue/api';
import { dashboardQueries } from '@/features/dashboard/api';
import { letterQueries } from '@/features/letters/api';
import { reportQueries } from '@/features/reports/api';
import { todoQueries } from '@/features/todo/api';
import { env } from '@/config/env';
import { calendarDependents } from '@/lib/queries/calendar';
import { sectionQueries } from '@/lib/sections';

export interface LiveEvent {
  entity: string;
  id: string | null;
  version: number | null;
  action: string;
}

const ATTACHMENT_PARENT: Record<string, AttachmentParent> = {
  letter: 'letters',
  application: 'applications',
  catalogue: 'catalogue',
  review: 'reviews',
};

/** The record's attachments (an attachment added or removed, a document issued, is an event of its parent). */
const attachmentsOf = (e: LiveEvent): QueryKey[] => {
  const parent = ATTACHMENT_PARENT[e.entity];
  return parent && e.id ? [attachmentQueries.list(parent, e.id).queryKey] : [];
};

/** The queries an event makes stale ('all': every query). */
export function staleBy(e: LiveEvent, me: string): QueryKey[] | 'all' {
  switch (e.entity) {
    case 'letter':
      return [
        letterQueries.all(),
        todoQueries.all(),
        dashboardQueries.all(),
        reportQueries.all(),
        ...attachmentsOf(e),
      ];
    case 'application':
      return [
        applicationQueries.all(),
        todoQueries.all(),
        dashboardQueries.all(),
        reportQueries.all(),
        ...attachmentsOf(e),
      ];
    case 'catalogue':
      return [
        catalogueQueries.all(),
        dashboardQueries.all(),
        reportQueries.all(),
        ...attachmentsOf(e),
      ];
    case 'assistance':
      return [assistanceQueries.all(), dashboardQueries.all()];
    case 'review':
      return [reportQueries.all(), ...attachmentsOf(e)];
    case 'section':
      return [sectionQueries.all().queryKey];
    case 'user':
      return [
        userQueries.all(),
        auditLogQueries.all(),
        ...(e.id === me ? [authQueries.me().queryKey] : []),
      ];
    case 'calendar': // the same as saving a year here (useSaveCalendarYear)
      return calendarDependents();
    default: // settings (time limits, the organisation), a reset
      return 'all';
  }
}

/** Parses a Server-Sent Events body, calling `onFrame` per event with data. */
async function readFrames(
  body: ReadableStream<Uint8Array>,
  onFrame: (id: string | null, data: string) => void,
) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, cut).split('\n');
      buffer = buffer.slice(cut + 2);
      let id: string | null = null;
      const data: string[] = [];
      for (const line of lines) {
        if (line.startsWith('id:')) id = line.slice(3).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length) onFrame(id, data.join('\n'));
    }
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Follows the stream as `token` until `stop()`; returns `stop`. */
export function startLiveUpdates(qc: QueryClient, token: string, me: string): () => void {
  const ctrl = new AbortController();
  const pending = new Map<string, QueryKey>();
  let everything = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A burst of changes (an import, a bulk transfer) is one refetch, not one per record.
  const flush = () => {
    timer = undefined;
    if (everything) void qc.invalidateQueries();
    else for (const key of pending.values()) void qc.invalidateQueries({ queryKey: key });
    pending.clear();
    everything = false;
  };
  const onEvent = (e: LiveEvent) => {
    const keys = staleBy(e, me);
    if (keys === 'all') everything = true;
    else for (const k of keys) pending.set(JSON.stringify(k), k);
    timer ??= setTimeout(flush, 300);
  };

  void (async () => {
    const last: { id: string | null } = { id: null };
    let delay = 1000;
    for (let attempt = 0; attempt < 100_000 && !ctrl.signal.aborted; attempt++) {
      try {
        const headers: Record<string, string> = {
          Accept: 'text/event-stream',
          Authorization: `Bearer ${token}`,
        };
        if (last.id) headers['Last-Event-ID'] = last.id;
        const res = await fetch(`${env.apiBaseUrl}/events`, { headers, signal: ctrl.signal });
        // No stream for this session (ended: the app's next call signs out) or on this backend.
        if ([204, 401, 403, 404].includes(res.status) || !res.body) return;
        if (res.ok) {
          delay = 1000;
          // A reconnect after a gap: what changed meanwhile comes first (or a reset).
          await readFrames(res.body, (id, data) => {
            if (id) last.id = id;
            onEvent(JSON.parse(data) as LiveEvent);
          });
        }
      } catch {
        // Network gone or server restarting: try again after the delay.
      }
      await sleep(delay * (0.75 + Math.random() / 2), ctrl.signal);
      delay = Math.min(delay * 2, 30_000);
    }
  })();

  return () => {
    ctrl.abort();
    if (timer) clearTimeout(timer);
  };
}
