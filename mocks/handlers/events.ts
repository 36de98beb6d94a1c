import { z } from 'zod';
import { currentStorage } from '../http';
import { route, type ApiRoute } from '../route';
import { liveEvents, visibleTo, type LiveEvent } from '../services/events';
import { userOfSession } from '../../server/domain/sessions';

/** A comment line this often keeps proxies from closing a quiet stream and ends a dead session's. */
export const HEARTBEAT_MS = 20_000;

const frame = (e: LiveEvent) =>
  `id: ${liveEvents.idOf(e)}\ndata: ${JSON.stringify({
    entity: e.entity,
    id: e.id,
    version: e.version,
    action: e.action,
  })}\n\n`;

/** The stream's user while its session lives, read from the storage (one read per event). */
const whoIs = (sessionId: string) => currentStorage().read((tx) => userOfSession(tx, sessionId));

const liveEventSchema = z
  .object({
    entity: z.enum([
      'letter',
      'application',
      'catalogue',
      'assistance',
      'review',
      'calendar',
      'settings',
      'section',
      'user',
      'all',
    ]),
    id: z.string().nullable(),
    version: z.number().int().nullable(),
    action: z.enum(['created', 'updated', 'deleted', 'reset']),
  })
  .meta({ id: 'LiveEvent' });

/**
 * `GET /events`: Server-Sent Events of the changes the user may see (services/events.ts). With
 * Last-Event-ID the missed ones come first — or, when they cannot (a restart, too long away), one
 * `reset` event: refetch everything. The stream ends when the session does.
 */
export const eventRoutes: ApiRoute[] = [
  route({
    method: 'get',
    path: '/events',
    summary: 'Live updates: Server-Sent Events of the changes the user may see',
    roles: 'any',
    tag: 'events',
    response: liveEventSchema,
    mediaType: 'text/event-stream',
    description:
      "Each event's `data` is one LiveEvent (no personal data) and its `id` is `<epoch>.<seq>`. A section officer receives their section's letters and applications (including one that just left it); the catalogue, assistance figures and review cases go to the office and leaders; accounts to administrators and the account's owner; calendar, settings and sections to everyone. Reconnect with `Last-Event-ID` to receive what was missed; when that cannot be done (a server restart, more than 1,000 events later) one event `{entity: 'all', action: 'reset'}` says to refetch everything. A comment line every 20 s keeps the stream open; it ends with the session. On the browser mock the events are those of its own store, which includes the other tabs' changes.",
    handler: ({ request, sessionId }) => {
      const encoder = new TextEncoder();
      let stop = () => {};
      const storage = currentStorage();
      const outside = <T>(fn: () => T): T =>
        storage.outsideTransaction ? storage.outsideTransaction(fn) : fn();
      // The stream outlives the request's read transaction: its deliveries and heartbeat run
      // outside it, each reading the session in a transaction of its own.
      const stream = outside(
        () =>
          new ReadableStream<Uint8Array>({
            start(controller) {
              let closed = false;
              const send = (text: string) => {
                if (!closed) controller.enqueue(encoder.encode(text));
              };
              const close = () => {
                if (closed) return;
                closed = true;
                stop();
                controller.close();
              };
              const whoNow = () => whoIs(sessionId);
              // In order, one after the other: each may have to read the session first.
              let queue = Promise.resolve();
              const deliver = (e: LiveEvent) => {
                queue = queue
                  .then(async () => {
                    if (closed) return;
                    const who = await whoNow();
                    if (!who) return close();
                    if (visibleTo(who, e)) send(frame(e));
                  })
                  .catch(() => close());
              };
              send('retry: 3000\n\n');
              const last = request.headers.get('Last-Event-ID');
              if (last) {
                const missed = liveEvents.since(last);
                if (missed) missed.forEach(deliver);
                // Numbered as the latest event, so the next reconnect continues from here.
                else
                  send(
                    `id: ${liveEvents.currentId()}\ndata: ${JSON.stringify({ entity: 'all', id: null, version: null, action: 'reset' })}\n\n`,
                  );
              }
              const unsubscribe = liveEvents.subscribe(deliver);
              const heartbeat = setInterval(() => {
                queue = queue
                  .then(async () => {
                    if (await whoNow()) send(': ping\n\n');
                    else close();
                  })
                  .catch(() => close());
              }, HEARTBEAT_MS);
              stop = () => {
                unsubscribe();
                clearInterval(heartbeat);
              };
              request.signal?.addEventListener('abort', close);
            },
            cancel() {
              stop();
            },
          }),
      );
      return new Response(stream, {
        headers: {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-store',
          'X-Accel-Buffering': 'no',
        },
      });
    },
  }),
];
