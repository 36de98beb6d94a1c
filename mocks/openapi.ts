/**
 * The OpenAPI 3.1 document, generated from the zod schemas in src/ (the single source of every
 * request and response shape). `npm run openapi` writes mocks/openapi.json; a test fails if the
 * committed file is stale. The mock serves it at GET /api/v1/openapi.json.
 */
import { z } from 'zod';
import { ACTION_ROLES_APP } from '@/features/applications/rules';
import {
  applicationActionSchemas,
  applicationListQuerySchema,
  applicationPageSchema,
  applicationSchema,
  createApplicationSchema,
  feeQuoteQuerySchema,
  feeQuoteSchema,
} from '@/features/applications/types';
import {
  bulkLetterSchema,
  bulkResultSchema,
  createLetterSchema,
  createSavedViewSchema,
  updateLetterSchema,
  letterActionSchemas,
  letterAlertsSchema,
  letterDueQuerySchema,
  letterDueSchema,
  letterListQuerySchema,
  letterListSchema,
  letterSchema,
  savedViewSchema,
} from '@/features/letters/types';
import {
  auditEntrySchema,
  backendInfoSchema,
  changePasswordSchema,
  faultsSchema,
  isoDate,
  loginResponseSchema,
  loginSchema,
  userSchema,
} from '@/types/api';
import { accountDocs } from './handlers/accounts';
import { eventDocs } from './handlers/events';
import { applicationDocs } from './handlers/applications';
import { auditQuerySchema } from './handlers/audit';
import { alertsQuerySchema } from './handlers/letters';
import { dashboardDocs } from './handlers/dashboard';
import { attachmentDocs } from './handlers/attachments';
import { documentDocs } from './handlers/documents';
import type { Route } from './openapi-route';
import { apiRoutes } from './handlers';
import { clockSchema, demoDataSchema } from './handlers/admin';

type Schema = z.ZodType;

import { ALL_ROLES as ALL } from './openapi-route';
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

const routes: Route[] = [
  {
    method: 'get',
    path: '/info',
    summary: 'Whether this backend runs the demo (the login page then lists the demo accounts)',
    roles: 'public',
    tag: 'auth',
    response: backendInfoSchema,
    errors: [],
  },
  {
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
  },
  {
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user',
    roles: ALL,
    tag: 'auth',
    response: userSchema,
  },
  {
    method: 'post',
    path: '/auth/logout',
    summary: 'End the session',
    roles: ALL,
    tag: 'auth',
    status: 204,
  },
  {
    method: 'put',
    path: '/auth/password',
    summary: '修改密码: change the signed-in user’s password (their other sessions end)',
    roles: ALL,
    tag: 'auth',
    body: changePasswordSchema,
    status: 204,
    errors: [401, 422],
    description:
      'The new password: at least 10 characters, not containing the username, not the current one. Stored as argon2id on the server (PBKDF2-SHA256 in the browser mock).',
  },
  {
    method: 'get',
    path: '/letters',
    summary: 'List letters (handlers: own section only; phone masked)',
    roles: ALL,
    tag: 'letters',
    query: letterListQuerySchema,
    response: letterListSchema,
  },
  {
    method: 'get',
    path: '/letters/export',
    summary: 'Every letter matching the filters, no paging (phone masked), for CSV export',
    roles: ALL,
    tag: 'letters',
    query: letterListQuerySchema.omit({ page: true, pageSize: true }),
    response: z.object({ items: z.array(letterSchema), total: z.number().int() }),
  },
  {
    method: 'get',
    path: '/letters/due',
    summary:
      'The deadline a letter with this receipt date, source and category gets (its time limit in working days): the registration form previews it, POST /letters stores the same dueOn (one rule)',
    roles: 'admin, clerk',
    tag: 'letters',
    query: letterDueQuerySchema,
    response: letterDueSchema,
    errors: [400, 403, 422],
  },
  {
    method: 'get',
    path: '/letters/alerts',
    summary:
      "Counts of overdue and due-soon letters in the caller's scope, with the most urgent `limit` of them",
    roles: ALL,
    tag: 'letters',
    query: alertsQuerySchema,
    response: letterAlertsSchema,
  },
  {
    method: 'get',
    path: '/applications/alerts',
    summary: "Counts of overdue and due-soon applications in the caller's scope, with the items",
    roles: ALL,
    tag: 'applications',
    response: z.object({
      overdue: z.number().int(),
      dueSoon: z.number().int(),
      items: z.array(applicationSchema),
    }),
  },
  {
    method: 'post',
    path: '/applications',
    summary: 'Register an application',
    roles: 'admin, clerk',
    tag: 'applications',
    body: createApplicationSchema,
    response: applicationSchema,
    status: 201,
    idempotent: true,
    errors: [403, 422],
  },
  {
    method: 'get',
    path: '/applications/{id}',
    summary: 'One application with its clock (ETag = version)',
    roles: `${ALL} (handlers: own section)`,
    tag: 'applications',
    response: applicationSchema,
    errors: [404],
  },
  {
    method: 'get',
    path: '/applications/{id}/fee-quote',
    summary:
      'The fee a notice with these counts would record (办法 第三条–第五条): the notice form previews it, the fee-notice step records the same amount',
    roles: ACTION_ROLES_APP['fee-notice'].join(', '),
    tag: 'applications',
    query: feeQuoteQuerySchema,
    response: feeQuoteSchema,
    errors: [403, 404, 422],
  },
  ...(Object.keys(applicationActionSchemas) as (keyof typeof applicationActionSchemas)[]).map(
    (a): Route => ({
      method: 'post',
      path: `/applications/{id}/${a}`,
      summary: `Application step: ${a}`,
      roles: ACTION_ROLES_APP[a].join(', '),
      tag: 'applications',
      body: applicationActionSchemas[a],
      response: applicationSchema,
      ifMatch: true,
      errors: [403, 404, 409, 422, 428],
    }),
  ),
  {
    method: 'post',
    path: '/letters',
    summary: 'Register a letter',
    roles: 'admin, clerk',
    tag: 'letters',
    body: createLetterSchema,
    response: letterSchema,
    status: 201,
    idempotent: true,
    errors: [403, 422],
  },
  {
    method: 'get',
    path: '/letters/{id}',
    summary: 'One letter (ETag = version; full phone to clerk/admin and the assigned section)',
    roles: ALL,
    tag: 'letters',
    response: letterSchema,
    errors: [404],
  },
  {
    method: 'patch',
    path: '/letters/{id}',
    summary: "Complete a letter's record: the 重复件 link and the mayor's-mailbox platform fields",
    roles: 'admin, clerk',
    tag: 'letters',
    body: updateLetterSchema,
    response: letterSchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
    description:
      '`duplicateOf` (a letter id, `null` to unlink) must exist, not be this letter, not have been received after it, and not lead back to it. `platformRef`, `platformAssignedOn`, `platformFeedbackOn` only on a `mayor_mailbox` letter (422 on any other); 平台交办日期 not in the future and not after receipt, 反馈平台日期 not before it and not in the future. The workflow (status, section, deadline) is changed only by the action POSTs. Handlers (their section) and leaders: 404/403.',
  },
  {
    method: 'post',
    path: '/letters/bulk',
    summary: '批量转办 / 批量督办: one action on many letters, with a result per letter',
    roles: 'admin, clerk',
    tag: 'letters',
    body: bulkLetterSchema,
    response: bulkResultSchema,
    errors: [403, 422],
    description:
      "Each item carries the version the caller saw (what If-Match carries on a single action) and is judged on its own exactly as `POST /letters/{id}/assign` or `/supervise` would judge it: an unknown or out-of-scope id, a stale version, a state that does not allow the action (or a transfer to the section already handling it) fail that item with the status and reason the single call would give, in the caller's language. The items that pass are written together in one transaction; the others are untouched. Not all-or-nothing, on purpose: the office wants the transferable letters to go and to see which were not and why. The body as a whole is 422 (nothing written) when the section is unknown or retired, a note is missing, or more than 100 items are sent.",
  },
  ...(Object.keys(letterActionSchemas) as (keyof typeof letterActionSchemas)[]).map((a): Route => ({
    method: 'post',
    path: `/letters/{id}/${a}`,
    summary: `Letter action: ${a}`,
    roles: a === 'extend' || a === 'reply' ? 'admin, clerk, handler (own section)' : 'admin, clerk',
    tag: 'letters',
    body: letterActionSchemas[a],
    response: letterSchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
  })),
  {
    method: 'get',
    path: '/views/letters',
    summary: "The caller's saved list views",
    roles: ALL,
    tag: 'letters',
    response: z.array(savedViewSchema),
  },
  {
    method: 'post',
    path: '/views/letters',
    summary: 'Save a list view',
    roles: 'admin, clerk, handler (leaders write nothing: 403)',
    tag: 'letters',
    body: createSavedViewSchema,
    response: savedViewSchema,
    status: 201,
    errors: [403, 422],
  },
  {
    method: 'delete',
    path: '/views/letters/{viewId}',
    summary: 'Delete a saved view',
    roles: 'admin, clerk, handler (leaders write nothing: 403)',
    tag: 'letters',
    status: 204,
    errors: [403, 404],
  },
  {
    method: 'get',
    path: '/applications',
    summary: 'List 依申请公开 applications',
    roles: ALL,
    tag: 'applications',
    query: applicationListQuerySchema,
    response: applicationPageSchema,
  },
  {
    method: 'get',
    path: '/audit',
    summary: 'Audit trail of one record',
    roles: `${ALL} (handlers: records in their scope)`,
    tag: 'audit',
    query: auditQuerySchema,
    response: z.array(auditEntrySchema.omit({ id: true, entity: true, entityId: true })),
    errors: [404],
  },
  {
    method: 'post',
    path: '/admin/reset',
    summary: 'Restore the seed (sessions are kept)',
    roles: 'admin',
    tag: 'admin',
    response: z.object({ ok: z.boolean(), today: isoDate }),
  },
  {
    method: 'post',
    path: '/admin/demo-data',
    summary: 'Add N synthetic letters for load tests',
    roles: 'admin',
    tag: 'admin',
    body: demoDataSchema,
    response: z.object({ added: z.number().int(), total: z.number().int() }),
    status: 201,
  },
  {
    method: 'get',
    path: '/admin/faults',
    summary: 'Current fault injection (mock only)',
    roles: 'admin',
    tag: 'admin',
    response: faultsSchema,
  },
  {
    method: 'put',
    path: '/admin/faults',
    summary: 'Make later calls slow or fail (mock only; never this call itself)',
    roles: 'admin',
    tag: 'admin',
    body: faultsSchema,
    response: faultsSchema,
  },
  {
    method: 'delete',
    path: '/admin/faults',
    summary: 'Turn fault injection off',
    roles: 'admin',
    tag: 'admin',
    status: 204,
  },
  {
    method: 'put',
    path: '/admin/clock',
    summary: 'Test hook (mock only): pin the backend\'s "today"; null returns to the real date',
    roles: 'admin',
    tag: 'admin',
    body: clockSchema,
    response: z.object({ today: isoDate }),
  },
  ...applicationDocs,
  ...accountDocs,
  ...dashboardDocs,
  ...eventDocs,
  ...attachmentDocs,
  ...documentDocs,
  { method: 'get', path: '/openapi.json', summary: 'This document', roles: ALL, tag: 'meta' },
  // The route table's (mocks/route.ts): documented with the roles they enforce.
  ...apiRoutes.flatMap((r) => r.docs),
];

/** Paths in alphabetical order, each path's operations in this one: independent of the modules' order. */
const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete'];
function sortedPaths(paths: Record<string, Record<string, unknown>>) {
  return Object.fromEntries(
    Object.keys(paths)
      .sort()
      .map((p) => [
        p,
        Object.fromEntries(
          Object.entries(paths[p]!).sort(
            ([a], [b]) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b),
          ),
        ),
      ]),
  );
}

const json = (schema: Schema, io: 'input' | 'output') =>
  z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    uri: (id: string) => `#/components/schemas/${id}`,
    reused: 'ref',
  } as never) as Record<string, unknown>;

function stripSchemaKey(s: Record<string, unknown>) {
  const { $schema: _drop, ...rest } = s;
  return rest;
}

/** A schema with an id becomes a $ref; anything else is inlined. */
function ref(schema: Schema, io: 'input' | 'output') {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: `#/components/schemas/${id}` };
  return stripSchemaKey(json(schema, io));
}

const problem = (status: number) => ({
  description:
    {
      400: 'Malformed JSON or query',
      401: 'Not logged in',
      403: 'Role may not do this',
      404: "Not found (or outside a handler's section)",
      409: 'Version conflict (body.current holds the record) or invalid transition',
      422: 'Validation failed: errors maps field paths to messages',
      428: 'If-Match missing',
      413: 'Too large (a file over the limit: detail names it and the limit)',
      500: 'Internal error (never the exception); file-damaged when a file fails its SHA-256 check',
    }[status] ?? 'Error',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

export function buildOpenApi() {
  const components = z.toJSONSchema(z.globalRegistry, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id: string) => `#/components/schemas/${id}`,
  } as never) as { schemas: Record<string, Record<string, unknown>> };
  const schemas = Object.fromEntries(
    // In alphabetical order: independent of which module registers a schema first.
    Object.entries(components.schemas)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, stripSchemaKey(v)]),
  );
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const params: unknown[] = [];
    for (const m of r.path.matchAll(/\{(\w+)\}/g)) params.push({ ...idParam, name: m[1] });
    if (r.query) {
      for (const [name, field] of Object.entries(r.query.shape)) {
        params.push({
          name,
          in: 'query',
          required: !(field as Schema).safeParse(undefined).success,
          schema: stripSchemaKey(json(field as Schema, 'input')),
        });
      }
    }
    if (r.ifMatch)
      params.push({
        name: 'If-Match',
        in: 'header',
        required: true,
        schema: { type: 'string', example: '"3"' },
        description: 'The version the change is based on',
      });
    if (r.idempotent)
      params.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string' },
        description: 'The same key again returns the first response and creates nothing',
      });
    const status = String(r.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]: r.responseContent
        ? { description: 'OK', content: r.responseContent }
        : r.response
          ? {
              description: 'OK',
              content: {
                [r.mediaType ?? 'application/json']: { schema: ref(r.response, 'output') },
              },
            }
          : { description: 'OK' },
    };
    if (r.roles !== 'public') responses['401'] = problem(401);
    for (const e of r.errors ?? []) responses[String(e)] = problem(e);
    if (r.query) responses['400'] = problem(400);
    (paths[r.path] ??= {})[r.method] = {
      tags: [r.tag],
      summary: r.summary,
      description: [`Roles: ${r.roles}.`, r.description].filter(Boolean).join(' '),
      ...(params.length ? { parameters: params } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                [r.bodyMediaType ?? 'application/json']: { schema: ref(r.body, 'input') },
              },
            },
          }
        : {}),
      responses,
      ...(r.roles === 'public' ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '政务公开工作台 REST API (长治市民政局)',
      version: '1.0.0',
      description:
        'Contract between the dashboard and its backend (shared/api.md), generated from the zod schemas in src/. Errors are application/problem+json; every change to an existing record needs If-Match; creates honour Idempotency-Key.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas },
    paths: sortedPaths(paths),
  };
}
