// @vitest-environment node
/**
 * Passwords and sessions (issue 16): salted hashes, tokens stored only as their SHA-256, idle and
 * absolute expiry, revocation, the password rules, and sign-in throttling.
 */
import { describe, expect, it } from 'vitest';
import { db } from '@mocks/db';
import { hashPassword, pbkdf2Hasher, tokenId, verifyPassword } from '../../server/domain/passwords';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../server/domain/sessions';
import { LIMITS, THROTTLE_WINDOW_MS } from '../../server/domain/throttle';
import { DEMO_PASSWORD_HASH, upgradeLegacyPasswordHash } from '@mocks/seed/users';
import { MemoryPersistence } from '@mocks/persistence/memory';
import { seedAll } from '@mocks/seed';
import { call } from '../api';
import { seedOn } from '../seed-day';

// Passwords and sessions do not depend on the day: one run is enough (tests/run-all.mjs).
seedOn('2026-11-26');

const signIn = (username: string, password: string, headers: Record<string, string> = {}) =>
  call<any>('POST', '/auth/login', { body: { username, password }, headers });
async function session(username: string, password = 'demo123') {
  const r = await signIn(username, password);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.token as string;
}
const me = (token: string) => call<any>('GET', '/auth/me', { token });

describe('password hashes', () => {
  it('PBKDF2 with its own salt: the same password hashes differently and verifies', async () => {
    const a = await pbkdf2Hasher.hash('a long passphrase');
    const b = await pbkdf2Hasher.hash('a long passphrase');
    expect(a).toMatch(/^pbkdf2-sha256\$600000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'a long passphrase')).toEqual({ ok: true, rehash: false });
    expect((await verifyPassword(a, 'a long passphrasE')).ok).toBe(false);
    expect((await verifyPassword(DEMO_PASSWORD_HASH, 'demo123')).ok).toBe(true);
  });

  it('nothing else verifies: unknown forms, FNV-1a values, too few iterations', async () => {
    for (const stored of ['fnv1a:93a9a3f1', '', '!', 'plain', 'pbkdf2-sha256$1$AAAA$AAAA'])
      expect((await verifyPassword(stored, 'demo123')).ok).toBe(false);
  });

  it('a store made before real hashes gets the demo hash for the demo password, an unusable one otherwise', () => {
    let h = 0x811c9dc5;
    for (const ch of 'demo123') h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    expect(upgradeLegacyPasswordHash(`fnv1a:${h.toString(16)}`)).toBe(DEMO_PASSWORD_HASH);
    expect(upgradeLegacyPasswordHash('fnv1a:deadbeef')).toBe('!');
    expect(upgradeLegacyPasswordHash(DEMO_PASSWORD_HASH)).toBeNull();
  });

  it('loading such a store upgrades it at once: the demo accounts sign in, no FNV-1a value is left', async () => {
    let h = 0x811c9dc5;
    for (const ch of 'demo123') h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    const old = new MemoryPersistence();
    await old.replaceAll({
      ...db.snapshot(),
      users: db.users.all().map((u) => ({ ...u, passwordHash: `fnv1a:${h.toString(16)}` })),
    });
    await db.init(old, seedAll);
    expect(db.users.all().every((u) => u.passwordHash === DEMO_PASSWORD_HASH)).toBe(true);
    expect(JSON.stringify(await old.load())).not.toContain('fnv1a');
    expect((await signIn('clerk', 'demo123')).status).toBe(200);
  });

  it('no password or hash is ever in an answer', async () => {
    const token = await session('admin');
    const body = JSON.stringify((await me(token)).body);
    expect(body).not.toMatch(/pbkdf2|passwordHash|demo123/);
    expect(JSON.stringify((await signIn('admin', 'demo123')).body)).not.toMatch(/pbkdf2|Hash/);
  });
});

describe('sessions', () => {
  it('the token is 32 random bytes; the store keeps only its SHA-256', async () => {
    const token = await session('clerk');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(db.sessions.get(token)).toBeUndefined();
    const stored = db.sessions.get(await tokenId(token));
    expect(stored).toMatchObject({ userId: 'u-clerk' });
    expect(JSON.stringify(db.sessions.all())).not.toContain(token);
  });

  it('an idle session ends after 12 hours; use pushes the idle expiry on, never past 7 days', async () => {
    const token = await session('clerk');
    const id = await tokenId(token);
    const s = db.sessions.get(id)!;
    expect(s.expiresAt - s.createdAt).toBe(SESSION_IDLE_MS);
    expect(s.absoluteExpiresAt - s.createdAt).toBe(SESSION_ABSOLUTE_MS);
    // Used an hour later: the idle expiry moves to an hour + 12 h.
    db.sessions.put({ ...s, createdAt: s.createdAt - 3600_000, expiresAt: s.expiresAt - 3600_000 });
    expect((await me(token)).status).toBe(200);
    const slid = db.sessions.get(id)!;
    expect(slid.expiresAt).toBeGreaterThan(s.expiresAt - 3600_000 + 3000_000);
    // Idle past its expiry: over.
    db.sessions.put({ ...slid, expiresAt: Date.now() - 1 });
    expect((await me(token)).status).toBe(401);
    // In use, but 7 days old: over too.
    const other = await session('clerk');
    const o = db.sessions.get(await tokenId(other))!;
    db.sessions.put({ ...o, absoluteExpiresAt: Date.now() - 1 });
    expect((await me(other)).status).toBe(401);
  });

  it('logout ends the session; a disabled user’s sessions end', async () => {
    const token = await session('leader');
    expect((await call('POST', '/auth/logout', { token })).status).toBe(204);
    expect((await me(token)).status).toBe(401);
    expect(db.sessions.get(await tokenId(token))).toBeUndefined();
    const live = await session('leader');
    db.users.put({ ...db.users.get('u-leader')!, active: false });
    expect((await me(live)).status).toBe(401);
    expect((await signIn('leader', 'demo123')).status).toBe(401);
  });
});

describe('修改密码 (PUT /auth/password)', () => {
  it('needs the current password; the new one ≥ 10 characters, without the username, not the same', async () => {
    const token = await session('handler');
    const put = (body: object) => call<any>('PUT', '/auth/password', { token, body });
    const cases: [object, string][] = [
      [{ currentPassword: 'wrong', newPassword: 'Correct horse 42' }, 'currentPassword'],
      [{ currentPassword: 'demo123', newPassword: 'short' }, 'newPassword'],
      [{ currentPassword: 'demo123', newPassword: 'my-handler-2026' }, 'newPassword'],
      [{ currentPassword: 'demo123', newPassword: 'MyHANDLERpass' }, 'newPassword'],
      [{ currentPassword: 'demo123' }, 'newPassword'],
    ];
    const before = db.users.get('u-handler')!.passwordHash;
    for (const [body, field] of cases) {
      const r = await put(body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(r.body.errors)).toEqual([field]);
    }
    expect(db.users.get('u-handler')!.passwordHash).toBe(before);
    expect((await call('PUT', '/auth/password', { body: {} })).status).toBe(401);
  });

  it('changes it: the old password no longer signs in, the new one does; other sessions end, this one stays', async () => {
    const here = await session('handler2');
    const elsewhere = await session('handler2');
    const r = await call('PUT', '/auth/password', {
      token: here,
      body: { currentPassword: 'demo123', newPassword: 'Correct horse 42' },
    });
    expect(r.status).toBe(204);
    expect((await me(here)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
    expect((await signIn('handler2', 'demo123')).status).toBe(401);
    expect((await signIn('handler2', 'Correct horse 42')).status).toBe(200);
    const stored = db.users.get('u-handler2')!.passwordHash;
    expect(stored).toMatch(/^pbkdf2-sha256\$/);
    expect(stored).not.toBe(DEMO_PASSWORD_HASH);
    expect(db.users.get('u-handler2')!.mustChangePassword).toBe(false);
    const admin = await session('admin');
    const trail = (await call<any>('GET', '/audit?entity=user&id=u-handler2', { token: admin }))
      .body as { action: string; detail: string }[];
    // Only the administrator reads sign-ins and account changes.
    expect((await call('GET', '/audit?entity=user&id=u-handler2', { token: here })).status).toBe(
      404,
    );
    expect(trail.map((e) => e.action)).toContain('password_changed');
    expect(JSON.stringify(trail)).not.toContain('Correct horse');
  });
});

describe('sign-in throttling', () => {
  it(`after ${LIMITS.user} failures for a username: 429 with Retry-After, even with the right password; other users unaffected`, async () => {
    for (let i = 0; i < LIMITS.user; i++) {
      const r = await signIn('clerk', `wrong-${i}`);
      expect(r.status).toBe(401);
    }
    const locked = await signIn('clerk', 'demo123');
    expect(locked.status).toBe(429);
    const retry = Number(locked.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(THROTTLE_WINDOW_MS / 1000);
    expect(locked.body.detail).toMatch(/分钟后再试/);
    expect((await signIn('admin', 'demo123')).status).toBe(200);
  });

  it('the lock lifts after its window', async () => {
    for (let i = 0; i < LIMITS.user; i++) await signIn('leader', 'wrong');
    expect((await signIn('leader', 'demo123')).status).toBe(429);
    const id = 'throttle:user:leader';
    const c = db.meta.get(id)!.value as { lockedUntil: number; since: number };
    db.meta.put({
      id,
      value: { ...c, lockedUntil: Date.now() - 1, since: Date.now() - THROTTLE_WINDOW_MS - 1 },
    });
    expect((await signIn('leader', 'demo123')).status).toBe(200);
  });

  it(`after ${LIMITS.address} failures from one address: that address is refused for every username`, async () => {
    const from = { 'X-Client-Address': '10.0.0.9' };
    for (let i = 0; i < LIMITS.address; i++) await signIn(`nobody-${i}`, 'wrong', from);
    expect((await signIn('admin', 'demo123', from)).status).toBe(429);
    expect((await signIn('admin', 'demo123', { 'X-Client-Address': '10.0.0.10' })).status).toBe(
      200,
    );
  });

  it('an unknown user and a wrong password get the same answer', async () => {
    const a = await signIn('no-such-user', 'demo123');
    const b = await signIn('admin', 'not-the-password');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body).toEqual(b.body);
  });

  it('failed sign-ins are in the audit trail with the address; passwords never', async () => {
    await signIn('admin', 'secret-attempt', { 'X-Client-Address': '10.0.0.7' });
    const token = await session('admin');
    const trail = (await call<any>('GET', '/audit?entity=auth&id=u-admin', { token })).body as {
      action: string;
      detail: string;
    }[];
    expect(trail.some((e) => e.action === 'login_failed' && e.detail.includes('10.0.0.7'))).toBe(
      true,
    );
    expect(JSON.stringify(trail)).not.toContain('secret-attempt');
  });
});

describe('new passwords', () => {
  it('are hashed with the preferred hasher', async () => {
    expect(await hashPassword('x'.repeat(12))).toMatch(/^pbkdf2-sha256\$/);
  });
});
