/**
 * Where the backend's commits are heard, whichever storage the handlers run on: the memory
 * storage's Db (the browser and Vitest) or the SQL storage (the server) publishes each commit's
 * changes here — every changed record before and after, or 'all' after a reset. The live events
 * (services/events.ts) and the attachments' bytes (handlers/attachments.ts) listen.
 */
import type { CommittedChange } from './db';

export type CommitListener = (changes: CommittedChange[] | 'all') => void;

const listeners = new Set<CommitListener>();

export function onCommit(fn: CommitListener) {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

export function publishCommit(changes: CommittedChange[] | 'all') {
  listeners.forEach((fn) => fn(changes));
}
