/**
 * Sessions: an opaque token of 32 random bytes for the client; the store keeps only its SHA-256,
 * with a sliding idle expiry (12 h) that never passes an absolute one (7 days). Ending a session
 * deletes it; disabling a user or changing their password ends their other sessions.
 */
import type { User } from '@/types/api';
import type { ReadTx, Storage, Tx } from './ports';
import { publicUser, type SessionRecord, type UserRecord } from './records';
import { newToken, tokenId } from './passwords';

export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
/** A session's idle expiry is pushed on at most this often (each push is a write). */
const SLIDE_EVERY_MS = 5 * 60_000;

export async function createSession(tx: Tx, user: UserRecord) {
  const now = tx.now;
  const token = newToken();
  const rec: SessionRecord = {
    id: await tokenId(token),
    userId: user.id,
    createdAt: now,
    expiresAt: Math.min(now + SESSION_IDLE_MS, now + SESSION_ABSOLUTE_MS),
    absoluteExpiresAt: now + SESSION_ABSOLUTE_MS,
  };
  await tx.sessions.put(rec);
  return { token, expiresAt: rec.expiresAt };
}

/**
 * The user of a session while it lives (not expired, the user active) at `now`: pure, so the
 * live-event streams can ask it of the records they hold.
 */
export function sessionUser(
  s: SessionRecord | undefined,
  u: UserRecord | undefined,
  now: number,
): User | null {
  // Sessions stored before tokens were hashed have no absolute expiry: they end now.
  if (!s || !s.absoluteExpiresAt || s.expiresAt <= now || s.absoluteExpiresAt <= now) return null;
  return u && u.active !== false ? publicUser(u) : null;
}

/** A stored session and its user while it lives, as of the transaction's clock; null otherwise. */
export async function sessionOf(
  tx: ReadTx,
  sessionId: string,
): Promise<{ session: SessionRecord; user: User } | null> {
  const session = await tx.sessions.get(sessionId);
  const user = sessionUser(session, session && (await tx.users.get(session.userId)), tx.now);
  return user && session ? { session, user } : null;
}

/** The user of a stored session while it lives, as of the transaction's clock. */
export async function userOfSession(tx: ReadTx, sessionId: string): Promise<User | null> {
  return (await sessionOf(tx, sessionId))?.user ?? null;
}

/**
 * The idle expiry a live session should be pushed on to at `now`, or null while the stored one is
 * recent enough (a push is a write: at most one per session every few minutes).
 */
export function slideDue(s: SessionRecord, now: number): number | null {
  const next = Math.min(now + SESSION_IDLE_MS, s.absoluteExpiresAt);
  return next - s.expiresAt > SLIDE_EVERY_MS ? next : null;
}

/** Pushes a session's idle expiry on to `next` (never back: a concurrent push may have gone further). */
export async function slideSession(tx: Tx, sessionId: string, next: number) {
  const cur = await tx.sessions.getForUpdate(sessionId);
  if (cur && cur.expiresAt < next) await tx.sessions.put({ ...cur, expiresAt: next });
}

/**
 * The session of `token`, if it is live, read in a transaction of its own; its idle expiry pushed
 * on (in a small write transaction) when due. For callers outside a request's transaction (the
 * upload gate); a request reads its session in its own transaction (mocks/http.ts `authed`).
 */
export async function liveSession(
  storage: Storage,
  token: string,
): Promise<{ session: SessionRecord; user: User } | null> {
  const id = await tokenId(token);
  const found = await storage.read(async (tx) => {
    const live = await sessionOf(tx, id);
    return live && { ...live, next: slideDue(live.session, tx.now) };
  });
  if (!found) return null;
  if (found.next !== null) await storage.write((tx) => slideSession(tx, id, found.next!));
  return { session: found.session, user: found.user };
}

export async function endSession(tx: Tx, token: string) {
  await tx.sessions.delete(await tokenId(token));
}

/** Ends every session of `userId` but `keep` (a session id): on disable and password changes. */
export async function endSessionsOf(tx: Tx, userId: string, keep?: string) {
  for (const s of await tx.sessions.where('userId', userId))
    if (s.id !== keep) await tx.sessions.delete(s.id);
}
