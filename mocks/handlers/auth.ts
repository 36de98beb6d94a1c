import { http, HttpResponse } from 'msw';
import {
  changePasswordSchema,
  loginSchema,
  type BackendInfo,
  type LoginResponse,
} from '@/types/api';
import { translate } from '@/lib/i18n/core';
import { nowInstant } from '../clock';
import { db, publicUser } from '../db';
import { API, authed, clientAddress, errors, HttpError, open, parseBody } from '../http';
import { audit } from '../services/audit';
import {
  decoyHash,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  verifyPassword,
} from '../services/passwords';
import { createSession, endSession, endSessionsOf } from '../services/sessions';
import { clearFailures, lockedFor, recordFailure } from '../services/throttle';

const bearer = (request: Request) =>
  request.headers.get('Authorization')?.match(/^Bearer\s+(.+)$/i)?.[1] ?? null;

export const authHandlers = [
  // The mock is always the demo: its accounts are the demo accounts.
  http.get(
    `${API}/info`,
    open(() => HttpResponse.json({ demo: true } satisfies BackendInfo)),
  ),
  http.post(
    `${API}/auth/login`,
    open(async (ctx) => {
      const body = await parseBody(ctx, loginSchema);
      const address = clientAddress(ctx.request);
      const keys: Parameters<typeof lockedFor>[0] = [
        ['user', body.username],
        ['address', address],
      ];
      const wait = lockedFor(keys);
      if (wait > 0)
        throw new HttpError(429, 'too-many-attempts', 'Too many failed sign-ins', {
          detail: translate(ctx.locale, 'auth.throttled', { minutes: Math.ceil(wait / 60) }),
          headers: { 'Retry-After': String(wait) },
        });
      const user = db.users.all().find((u) => u.username === body.username);
      // An unknown user costs the same as a wrong password: the same answer, after a hash check.
      const check = await verifyPassword(user?.passwordHash ?? (await decoyHash()), body.password);
      if (!user || !check.ok || user.active === false) {
        recordFailure(keys);
        audit(
          'auth',
          user?.id ?? body.username,
          'login_failed',
          user ? publicUser(user) : null,
          `登录失败：${body.username}（${address}）`,
          {
            address,
            event: { type: 'login_failed', params: { username: body.username, address } },
          },
        );
        await db.commit();
        throw new HttpError(401, 'invalid-credentials', 'Invalid username or password', {
          detail: translate(ctx.locale, 'auth.invalidCredentials'),
        });
      }
      // A hash of an older kind (the demo seed's PBKDF2 on the server) becomes the current one.
      const current = check.rehash
        ? { ...user, passwordHash: await hashPassword(body.password) }
        : user;
      if (check.rehash) db.users.put(current);
      clearFailures(body.username);
      const session = await createSession(current);
      audit('user', user.id, 'login', publicUser(user), `登录（${address}）`, {
        address,
        event: { type: 'login', params: { address } },
      });
      await db.commit();
      const res: LoginResponse = {
        token: session.token,
        user: publicUser(current),
        expiresAt: nowInstant(new Date(session.expiresAt)),
      };
      return HttpResponse.json(res);
    }),
  ),
  http.get(
    `${API}/auth/me`,
    authed('any', ({ user }) => HttpResponse.json(user)),
  ),
  http.put(
    `${API}/auth/password`,
    authed('any', async (ctx) => {
      const body = await parseBody(ctx, changePasswordSchema);
      const rec = db.users.get(ctx.user.id)!;
      const v = (field: string, key: string) =>
        errors.validation({ [field]: translate(ctx.locale, key, { n: MIN_PASSWORD_LENGTH }) });
      if (!(await verifyPassword(rec.passwordHash, body.currentPassword)).ok)
        throw v('currentPassword', 'validation.currentPassword');
      if (body.newPassword.toLowerCase().includes(rec.username.toLowerCase()))
        throw v('newPassword', 'validation.passwordHasUsername');
      if (body.newPassword === body.currentPassword)
        throw v('newPassword', 'validation.passwordUnchanged');
      // The record as it is now, after the hashing awaited above.
      const now = db.users.get(ctx.user.id)!;
      db.users.put({
        ...now,
        passwordHash: await hashPassword(body.newPassword),
        mustChangePassword: false,
      });
      // Every other session of this user ends (a stolen one among them); this one stays.
      endSessionsOf(now.id, ctx.sessionId);
      audit('user', now.id, 'password_changed', ctx.user, '修改密码', {
        event: { type: 'password_changed', params: {} },
        address: clientAddress(ctx.request),
      });
      await db.commit();
      return new HttpResponse(null, { status: 204 });
    }),
  ),
  http.post(
    `${API}/auth/logout`,
    authed('any', async ({ request, user }) => {
      const token = bearer(request);
      if (!token) throw errors.unauthorized();
      await endSession(token);
      audit('user', user.id, 'logout', user, '退出登录', {
        address: clientAddress(request),
        event: { type: 'logout', params: {} },
      });
      await db.commit();
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];
