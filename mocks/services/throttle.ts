/**
 * Sign-in throttling: repeated failures for one username or from one client address are refused
 * with 429 and Retry-After for a while. The counts live in the store (shared by every server
 * instance), not in process memory.
 */
import { db } from '../db';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures within the window before a username, or an address, is locked for the window. */
export const LIMITS = { user: 5, address: 20 } as const;

interface Counter {
  count: number;
  since: number;
  lockedUntil: number;
}
const idOf = (kind: keyof typeof LIMITS, key: string) =>
  `throttle:${kind}:${key.trim().toLowerCase()}`;
const read = (id: string): Counter | null =>
  (db.meta.get(id)?.value as Counter | undefined) ?? null;

/** Seconds until the first of `keys` is free again, or 0 when none is locked. */
export function lockedFor(keys: [keyof typeof LIMITS, string][], now = Date.now()): number {
  let wait = 0;
  for (const [kind, key] of keys) {
    const c = read(idOf(kind, key));
    if (c && c.lockedUntil > now) wait = Math.max(wait, Math.ceil((c.lockedUntil - now) / 1000));
  }
  return wait;
}

export function recordFailure(keys: [keyof typeof LIMITS, string][], now = Date.now()) {
  for (const [kind, key] of keys) {
    const id = idOf(kind, key);
    const c = read(id);
    const fresh = !c || now - c.since > THROTTLE_WINDOW_MS;
    const count = fresh ? 1 : c.count + 1;
    db.meta.put({
      id,
      value: {
        count,
        since: fresh ? now : c.since,
        lockedUntil: count >= LIMITS[kind] ? now + THROTTLE_WINDOW_MS : 0,
      } satisfies Counter,
    });
  }
}

/** A successful sign-in clears its username's failures (not the address's). */
export function clearFailures(username: string) {
  const id = idOf('user', username);
  if (db.meta.get(id)) db.meta.delete(id);
}
