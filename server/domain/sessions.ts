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

/** The user of a stored session while it lives, as of the transaction's clock. */
export async function userOfSession(tx: ReadTx, sessionId: string): Promise<User | null> {
  const s = await tx.sessions.get(sessionId);
  return sessionUser(s, s && (await tx.users.get(s.userId)), tx.now);
}

/**
 * The session of `token`, if it is live; its idle expiry pushed on (and stored, in a small write
 * transaction of its own) when due. Called before the request's own transaction.
 */
export async function liveSession(
  storage: Storage,
  token: string,
): Promise<{ session: SessionRecord; user: User } | null> {
  const id = await tokenId(token);
  const found = await storage.read(async (tx) => {
    const user = await userOfSession(tx, id);
    const session = await tx.sessions.get(id);
    return user && session ? { user, session, now: tx.now } : null;
  });
  if (!found) return null;
  const { session: s, now } = found;
  const next = Math.min(now + SESSION_IDLE_MS, s.absoluteExpiresAt);
  if (next - s.expiresAt > SLIDE_EVERY_MS)
    await storage.write(async (tx) => {
      const cur = await tx.sessions.getForUpdate(id);
      if (cur && cur.expiresAt < next) await tx.sessions.put({ ...cur, expiresAt: next });
    });
  return { session: s, user: found.user };
}

export async function endSession(tx: Tx, token: string) {
  await tx.sessions.delete(await tokenId(token));
}

/** Ends every session of `userId` but `keep` (a session id): on disable and password changes. */
export async function endSessionsOf(tx: Tx, userId: string, keep?: string) {
  for (const s of await tx.sessions.where('userId', userId))
    if (s.id !== keep) await tx.sessions.delete(s.id);
}
