import { http, HttpResponse } from 'msw';
import {
  changePasswordSchema,
  loginSchema,
  type BackendInfo,
  type LoginResponse,
} from '@/types/api';
import { translate } from '@/lib/i18n/core';
import { audit } from '../../server/domain/audit';
import {
  decoyHash,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  verifyPassword,
} from '../../server/domain/passwords';
import { publicUser } from '../../server/domain/records';
import { createSession, endSession, endSessionsOf } from '../../server/domain/sessions';
import { clearFailures, lockedFor, recordFailure } from '../../server/domain/throttle';
import { instant } from '../../server/domain/time';
import {
  API,
  authed,
  clientAddress,
  errors,
  HttpError,
  open,
  parseBody,
  problemResponse,
} from '../http';

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
      const keys: Parameters<typeof lockedFor>[1] = [
        ['user', body.username],
        ['address', address],
      ];
      const wait = await lockedFor(ctx.tx, keys);
      if (wait > 0)
        throw new HttpError(429, 'too-many-attempts', 'Too many failed sign-ins', {
          detail: translate(ctx.locale, 'auth.throttled', { minutes: Math.ceil(wait / 60) }),
          headers: { 'Retry-After': String(wait) },
        });
      const user = (await ctx.tx.users.all()).find((u) => u.username === body.username);
      // An unknown user costs the same as a wrong password: the same answer, after a hash check.
      const check = await verifyPassword(user?.passwordHash ?? (await decoyHash()), body.password);
      if (!user || !check.ok || user.active === false) {
        await recordFailure(ctx.tx, keys);
        await audit(
          ctx.tx,
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
        // Answered, not thrown: the failure and its audit entry are kept (a throw rolls back).
        return problemResponse(
          new HttpError(401, 'invalid-credentials', 'Invalid username or password', {
            detail: translate(ctx.locale, 'auth.invalidCredentials'),
          }),
        );
      }
      // A hash of an older kind (the demo seed's PBKDF2 on the server) becomes the current one.
      const current = check.rehash
        ? { ...user, passwordHash: await hashPassword(body.password) }
        : user;
      if (check.rehash) await ctx.tx.users.put(current);
      await clearFailures(ctx.tx, body.username);
      const session = await createSession(ctx.tx, current);
      await audit(ctx.tx, 'user', user.id, 'login', publicUser(user), `登录（${address}）`, {
        address,
        event: { type: 'login', params: { address } },
      });
      const res: LoginResponse = {
        token: session.token,
        user: publicUser(current),
        expiresAt: instant(session.expiresAt),
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
      const rec = (await ctx.tx.users.getForUpdate(ctx.user.id))!;
      const v = (field: string, key: string) =>
        errors.validation({ [field]: translate(ctx.locale, key, { n: MIN_PASSWORD_LENGTH }) });
      if (!(await verifyPassword(rec.passwordHash, body.currentPassword)).ok)
        throw v('currentPassword', 'validation.currentPassword');
      if (body.newPassword.toLowerCase().includes(rec.username.toLowerCase()))
        throw v('newPassword', 'validation.passwordHasUsername');
      if (body.newPassword === body.currentPassword)
        throw v('newPassword', 'validation.passwordUnchanged');
      const now = rec;
      await ctx.tx.users.put({
        ...now,
        passwordHash: await hashPassword(body.newPassword),
        mustChangePassword: false,
      });
      // Every other session of this user ends (a stolen one among them); this one stays.
      await endSessionsOf(ctx.tx, now.id, ctx.sessionId);
      await audit(ctx.tx, 'user', now.id, 'password_changed', ctx.user, '修改密码', {
        event: { type: 'password_changed', params: {} },
        address: clientAddress(ctx.request),
      });
      return new HttpResponse(null, { status: 204 });
    }),
  ),
  http.post(
    `${API}/auth/logout`,
    authed('any', async ({ tx, request, user }) => {
      const token = bearer(request);
      if (!token) throw errors.unauthorized();
      await endSession(tx, token);
      await audit(tx, 'user', user.id, 'logout', user, '退出登录', {
        address: clientAddress(request),
        event: { type: 'logout', params: {} },
      });
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];
