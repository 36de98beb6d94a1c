import { HttpResponse } from 'msw';
import {
  type BackendInfo,
  backendInfoSchema,
  changePasswordSchema,
  type LoginResponse,
  loginResponseSchema,
  loginSchema,
  userSchema,
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
import { clientAddress, errors, HttpError, problemResponse } from '../http';
import { route } from '../route';

const bearer = (request: Request) =>
  request.headers.get('Authorization')?.match(/^Bearer\s+(.+)$/i)?.[1] ?? null;

export const authRoutes = [
  // The mock is always the demo: its accounts are the demo accounts.
  route({
    method: 'get',
    path: '/info',
    summary: 'Whether this backend runs the demo (the login page then lists the demo accounts)',
    roles: 'public',
    tag: 'auth',
    response: backendInfoSchema,
    errors: [],
    handler: () => HttpResponse.json({ demo: true } satisfies BackendInfo),
  }),
  route({
    method: 'post',
    path: '/auth/login',
    summary: 'Log in',
    roles: 'public',
    tag: 'auth',
    body: loginSchema,
    response: loginResponseSchema,
    errors: [401, 422, 429],
    description:
      'The token is 32 random bytes (the server keeps only its SHA-256); the session ends after 12 h without use and at the latest after 7 days. An unknown user and a wrong password get the same 401. After 5 failures for a username (20 from one address) within 15 minutes sign-in is refused with 429 and Retry-After.',
    handler: async (ctx) => {
      const body = await ctx.body();
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
    },
  }),
  route({
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user',
    roles: 'any',
    tag: 'auth',
    response: userSchema,
    handler: ({ user }) => HttpResponse.json(user),
  }),
  route({
    method: 'put',
    path: '/auth/password',
    summary: '修改密码: change the signed-in user’s password (their other sessions end)',
    roles: 'any',
    tag: 'auth',
    body: changePasswordSchema,
    status: 204,
    errors: [401, 422],
    description:
      'The new password: at least 10 characters, not containing the username, not the current one. Stored as argon2id on the server (PBKDF2-SHA256 in the browser mock).',
    handler: async (ctx) => {
      const body = await ctx.body();
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
    },
  }),
  route({
    method: 'post',
    path: '/auth/logout',
    summary: 'End the session',
    roles: 'any',
    tag: 'auth',
    status: 204,
    handler: async ({ tx, request, user }) => {
      const token = bearer(request);
      if (!token) throw errors.unauthorized();
      await endSession(tx, token);
      await audit(tx, 'user', user.id, 'logout', user, '退出登录', {
        address: clientAddress(request),
        event: { type: 'logout', params: {} },
      });
      return new HttpResponse(null, { status: 204 });
    },
  }),
];
