/**
 * Sessions: an opaque token of 32 random bytes for the client; the store keeps only its SHA-256,
 * with a sliding idle expiry (12 h) that never passes an absolute one (7 days). Ending a session
 * deletes it; disabling a user or changing their password ends their other sessions.
 */
import { db, publicUser, type SessionRecord, type UserRecord } from '../db';
import type { User } from '@/types/api';
import { newToken, tokenId } from './passwords';

export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
/** A session's idle expiry is pushed on at most this often (each push is a write). */
const SLIDE_EVERY_MS = 5 * 60_000;

export async function createSession(user: UserRecord, now = Date.now()) {
  const token = newToken();
  const rec: SessionRecord = {
    id: await tokenId(token),
    userId: user.id,
    createdAt: now,
    expiresAt: Math.min(now + SESSION_IDLE_MS, now + SESSION_ABSOLUTE_MS),
    absoluteExpiresAt: now + SESSION_ABSOLUTE_MS,
  };
  db.sessions.put(rec);
  return { token, expiresAt: rec.expiresAt };
}

/** The user of a stored session while it lives (not ended, not expired, the user active), as now. */
export function userOfSession(sessionId: string, now = Date.now()): User | null {
  const s = db.sessions.get(sessionId);
  // Sessions stored before tokens were hashed have no absolute expiry: they end now.
  if (!s || !s.absoluteExpiresAt || s.expiresAt <= now || s.absoluteExpiresAt <= now) return null;
  const u = db.users.get(s.userId);
  return u && u.active !== false ? publicUser(u) : null;
}

/** The session of `token`, if it is live; its idle expiry pushed on (and stored) when due. */
export async function liveSession(
  token: string,
  now = Date.now(),
): Promise<{ session: SessionRecord; user: User } | null> {
  const id = await tokenId(token);
  const user = userOfSession(id, now);
  const s = db.sessions.get(id);
  if (!user || !s) return null;
  const next = Math.min(now + SESSION_IDLE_MS, s.absoluteExpiresAt);
  if (next - s.expiresAt > SLIDE_EVERY_MS) {
    db.sessions.put({ ...s, expiresAt: next });
    await db.commit();
  }
  return { session: s, user };
}

export async function endSession(token: string) {
  db.sessions.delete(await tokenId(token));
}

/** Ends every session of `userId` but `keep` (a session id): on disable and password changes. */
export function endSessionsOf(userId: string, keep?: string) {
  for (const s of db.sessions.all())
    if (s.userId === userId && s.id !== keep) db.sessions.delete(s.id);
}
