/**
 * Sign-in throttling: repeated failures for one username or from one client address are refused
 * with 429 and Retry-After for a while. The counts live in the store (shared by every server
 * instance), not in process memory.
 */
import type { ReadTx, Tx } from './ports';

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
const read = async (tx: ReadTx, id: string): Promise<Counter | null> =>
  ((await tx.meta.get(id))?.value as Counter | undefined) ?? null;

/** Seconds until the first of `keys` is free again, or 0 when none is locked. */
export async function lockedFor(
  tx: ReadTx,
  keys: [keyof typeof LIMITS, string][],
  now = tx.now,
): Promise<number> {
  let wait = 0;
  for (const [kind, key] of keys) {
    const c = await read(tx, idOf(kind, key));
    if (c && c.lockedUntil > now) wait = Math.max(wait, Math.ceil((c.lockedUntil - now) / 1000));
  }
  return wait;
}

export async function recordFailure(tx: Tx, keys: [keyof typeof LIMITS, string][], now = tx.now) {
  for (const [kind, key] of keys) {
    const id = idOf(kind, key);
    const c = await read(tx, id);
    const fresh = !c || now - c.since > THROTTLE_WINDOW_MS;
    const count = fresh ? 1 : c.count + 1;
    await tx.meta.put({
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
export async function clearFailures(tx: Tx, username: string) {
  const id = idOf('user', username);
  if (await tx.meta.get(id)) await tx.meta.delete(id);
}
