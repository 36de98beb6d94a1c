import { http, HttpResponse } from 'msw';
import { loginSchema, type BackendInfo, type LoginResponse } from '@/types/api';
import { nowInstant } from '../clock';
import { db, publicUser } from '../db';
import { API, authed, errors, HttpError, open, parseBody } from '../http';
import { audit } from '../services/audit';
import { hashPassword } from '../seed/users';

/** Sessions last a working day (sliding is not needed for a mock). */
export const SESSION_TTL_MS = 12 * 3600_000;

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
      const user = db.users.all().find((u) => u.username === body.username);
      if (!user || user.passwordHash !== hashPassword(body.password)) {
        throw new HttpError(401, 'invalid-credentials', 'Invalid username or password', {
          detail: ctx.locale === 'zh-CN' ? '用户名或密码错误' : 'Wrong username or password',
        });
      }
      const token = crypto.randomUUID().replace(/-/g, '') + crypto.randomUUID().replace(/-/g, '');
      const expiresAt = Date.now() + SESSION_TTL_MS;
      db.sessions.put({ id: token, userId: user.id, expiresAt });
      audit('user', user.id, 'login', user, '登录');
      await db.commit();
      const res: LoginResponse = {
        token,
        user: publicUser(user),
        expiresAt: nowInstant(new Date(expiresAt)),
      };
      return HttpResponse.json(res);
    }),
  ),
  http.get(
    `${API}/auth/me`,
    authed('any', ({ user }) => HttpResponse.json(user)),
  ),
  http.post(
    `${API}/auth/logout`,
    authed('any', async ({ request }) => {
      const token = request.headers.get('Authorization')?.replace(/^Bearer\s+/i, '');
      if (!token) throw errors.unauthorized();
      db.sessions.delete(token);
      await db.commit();
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];
