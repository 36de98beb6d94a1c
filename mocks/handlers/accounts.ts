/**
 * Accounts (api.md, Accounts): users and sections, admin only (others 403); the sections list
 * itself is reference data every role reads (reference.ts). And the audit log, admin only.
 */
import { HttpResponse } from 'msw';
import type { z } from 'zod';
import {
  auditLogQuerySchema,
  pagedAuditSchema,
  pagedUsersSchema,
  sectionCreateSchema,
  sectionPatchSchema,
  temporaryPasswordSchema,
  userCreatedSchema,
  userCreateSchema,
  userPatchSchema,
  usersQuerySchema,
} from '@/features/accounts/types';
import { sectionSchema, userSchema, type AuditEntry, type Paged } from '@/types/api';
import { publicUser } from '../db';
import {
  checkVersion,
  clientAddress,
  errors,
  parseQuery,
  readPatch,
  fieldErrors,
  withEtag,
  type Ctx,
} from '../http';
import {
  createSection,
  createUser,
  listUsers,
  resetPassword,
  updateSection,
  updateUser,
  type Caller,
} from '../../server/domain/accounts';
import { route } from '../route';

const ADMIN = ['admin'] as const;
const caller = (ctx: Ctx): Caller => ({
  actor: ctx.user,
  address: clientAddress(ctx.request),
  locale: ctx.locale,
});
const param = (ctx: Ctx, name: string) => String(ctx.params[name] ?? '');
function found<T>(rec: T | undefined): T {
  if (!rec) throw errors.notFound();
  return rec;
}

/** The record a change is based on (read for update) or shown. */
async function userOr404(ctx: Ctx) {
  const rec = await ctx.tx.users.getForUpdate(param(ctx, 'id'));
  if (!rec) throw errors.notFound();
  return rec;
}
async function sectionOr404(ctx: Ctx) {
  const rec = await ctx.tx.sections.getForUpdate(param(ctx, 'id'));
  if (!rec) throw errors.notFound();
  return rec;
}

/** A PATCH body against its schema: 422 with field errors, never a half-applied change. */
async function patchBody<S extends typeof userPatchSchema | typeof sectionPatchSchema>(
  ctx: Ctx,
  schema: S,
) {
  const r = schema.safeParse(await readPatch(ctx));
  if (!r.success) throw errors.validation(fieldErrors(r.error, ctx.locale));
  return r.data as ReturnType<S['parse']>;
}

export const accountRoutes = [
  route({
    method: 'get',
    path: '/users',
    summary: 'Users, with search (username, name, phone) and filters; active ones first',
    roles: [...ADMIN],
    tag: 'accounts',
    query: usersQuerySchema,
    response: pagedUsersSchema,
    errors: [400, 403],
    handler: async (ctx) =>
      HttpResponse.json(await listUsers(ctx.tx, parseQuery(ctx, usersQuerySchema))),
  }),
  route({
    method: 'post',
    path: '/users',
    summary: 'Add a user: the answer carries a one-time password, shown once',
    roles: [...ADMIN],
    tag: 'accounts',
    body: userCreateSchema,
    response: userCreatedSchema,
    status: 201,
    errors: [403, 422],
    description:
      'A section officer (handler) needs a section that is not retired; the other roles have none. The username (case-insensitive) must be free. The new user must change the one-time password at the first sign-in: until then every call but /auth/me, /auth/password and /auth/logout answers 403 `password-change-required`. Not under Idempotency-Key (its answer carries a password, which is never stored): a retried create is refused by the username (422).',
    // Not under Idempotency-Key: its answer carries the one-time password, which is never stored.
    // A retried create is refused by the username instead (422), and a reset gives a new password.
    handler: async (ctx) => {
      const body = await ctx.body();
      const created = await createUser(ctx.tx, body, caller(ctx));
      return HttpResponse.json(created, {
        status: 201,
        headers: { Location: `/api/v1/users/${created.user.id}` },
      });
    },
  }),
  route({
    method: 'get',
    path: '/users/{id}',
    summary: 'One user (with its version as ETag)',
    roles: [...ADMIN],
    tag: 'accounts',
    response: userSchema,
    errors: [403, 404],
    handler: async (ctx) => {
      const user = publicUser(await ctx.tx.users.get(param(ctx, 'id')).then(found));
      return withEtag({ ...user, version: user.version ?? 1 });
    },
  }),
  route({
    method: 'patch',
    path: '/users/{id}',
    summary: 'Change name, role, section, phone, or disable / enable',
    roles: [...ADMIN],
    tag: 'accounts',
    body: userPatchSchema,
    response: userSchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
    description:
      'A role other than handler drops the section. Disabling ends the user’s sessions. The last active administrator cannot be disabled or given another role, and nobody disables themselves (422). A handler’s scope follows their section at their next request.',
    handler: async (ctx) => {
      const body = await patchBody(ctx, userPatchSchema);
      const rec = await userOr404(ctx); // as it is now, after the body was awaited
      checkVersion(ctx.request, { ...rec, version: rec.version ?? 1 }, publicUser);
      const user = await updateUser(ctx.tx, rec, body, {
        ...caller(ctx),
        sessionId: ctx.sessionId,
      });
      return withEtag({ ...user, version: user.version ?? 1 });
    },
  }),
  route({
    method: 'post',
    path: '/users/{id}/reset-password',
    summary: 'Reset a password: a one-time password, shown once; every session of the user ends',
    roles: [...ADMIN],
    tag: 'accounts',
    response: temporaryPasswordSchema,
    errors: [403, 404],
    handler: async (ctx) => {
      const rec = await userOr404(ctx);
      const temporaryPassword = await resetPassword(ctx.tx, rec, caller(ctx));
      return HttpResponse.json({ temporaryPassword });
    },
  }),
  route({
    method: 'post',
    path: '/sections',
    summary: 'Add a section (its id is generated)',
    roles: [...ADMIN],
    tag: 'accounts',
    body: sectionCreateSchema,
    response: sectionSchema,
    status: 201,
    errors: [403, 422],
    handler: async (ctx) => {
      const body = await ctx.body();
      const section = await createSection(ctx.tx, body, caller(ctx));
      return withEtag(section, { status: 201 });
    },
  }),
  route({
    method: 'patch',
    path: '/sections/{id}',
    summary: 'Rename a section, retire it or restore it',
    roles: [...ADMIN],
    tag: 'accounts',
    body: sectionPatchSchema,
    response: sectionSchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
    description:
      'A retired section takes no new transfers (letters, applications: 422 on sectionId) and no new users; its letters and applications keep it and stay readable, its officers keep their view.',
    handler: async (ctx) => {
      const body = await patchBody(ctx, sectionPatchSchema);
      const rec = await sectionOr404(ctx);
      checkVersion(ctx.request, rec, ({ order: _o, ...s }) => s);
      const section = await updateSection(ctx.tx, rec, body, caller(ctx));
      return withEtag(section);
    },
  }),
  route({
    method: 'get',
    path: '/audit/log',
    summary:
      'The administration’s audit trail, newest first: sign-ins with their address, accounts, sections, settings, the calendar, the admin tools',
    roles: [...ADMIN],
    tag: 'accounts',
    query: auditLogQuerySchema as unknown as z.ZodObject,
    response: pagedAuditSchema,
    errors: [400, 403],
    description:
      '`actorId` finds what a person did and what was done to their account (a failed sign-in under their name); `from`/`to` are days in China time. A record’s own changes are in its trail (GET /audit?entity=…&id=…).',
    handler: async (ctx) => {
      const q = parseQuery(ctx, auditLogQuerySchema);
      // What the log shows — the administration of the system (ADMINISTRATION), a person's
      // entries, days in China time — and its order: server/domain/audit.ts (inAuditLog),
      // answered by the storage (in SQL from an index, never by reading the whole trail).
      const { actorId, action, from, to, page: n, pageSize } = q;
      const { items, total } = await ctx.tx.auditLog.list(
        { actorId, action, from, to },
        { page: n, pageSize },
      );
      const page: Paged<AuditEntry> = { items, total, page: n, pageSize };
      return HttpResponse.json(page);
    },
  }),
];
