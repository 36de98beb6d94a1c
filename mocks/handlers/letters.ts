import { HttpResponse } from 'msw';
import {
  bulkLetterSchema,
  bulkResultSchema,
  createLetterSchema,
  createSavedViewSchema,
  letterActionSchemas,
  letterAlertsSchema,
  letterDueQuerySchema,
  letterDueSchema,
  letterListQuerySchema,
  letterListSchema,
  type LetterRecord,
  letterSchema,
  type SavedView,
  savedViewSchema,
  updateLetterSchema,
} from '@/features/letters/types';
import {
  ACTION_ROLES,
  SAVED_VIEW_ROLES,
  BULK_ROLES,
  LETTER_ACTIONS,
  type LetterAction,
} from '@/features/letters/rules';
import { z } from 'zod';
import { requireOpenSection } from '../../server/domain/accounts';
import { bulkAction, checkCreateExtras, updateLetter } from '../../server/domain/letter-cases';
import {
  applyAction,
  createLetter,
  inScope,
  letterDue,
  letterView,
  maySeePhone,
  present,
  type ActionInput,
} from '../../server/domain/letters';
import type { ReadTx, Tx } from '../../server/domain/ports';
import { alertRange, letterQueryOf, scopeOf } from '../../server/domain/letter-query';
import { instant } from '../../server/domain/time';
import {
  checkVersion,
  errors,
  fieldErrors,
  idempotent,
  parseBody,
  parseQuery,
  readPatch,
  WRITERS,
  withEtag,
  type Ctx,
} from '../http';
import { translate } from '@/lib/i18n/core';
import { addDays } from '@/lib/workdays';
import type { User } from '@/types/api';
import { route } from '../route';

/** The letter, if the caller may see it (else 404); read for update when a change is based on it. */
async function find(tx: Tx, user: User, id: unknown, forUpdate = false): Promise<LetterRecord> {
  const rec =
    typeof id !== 'string'
      ? undefined
      : await (forUpdate ? tx.letters.getForUpdate(id) : tx.letters.get(id));
  if (!rec || !inScope(user, rec)) throw errors.notFound();
  return rec;
}

/**
 * The letters a list's query selects, answered by the storage (in SQL from indexed facts), and
 * presented — phone masked — for the rows returned only.
 */
async function filtered(ctx: Ctx) {
  const q = parseQuery(ctx, letterListQuerySchema);
  const view = await letterView(ctx.tx);
  const query = letterQueryOf(q, ctx.user, view);
  const page = async (p: number, size: number) => {
    const r = await ctx.tx.letterSearch.list(query, { offset: (p - 1) * size, limit: size });
    return {
      items: r.items.map((l) => present(view, l, { mask: true })),
      total: r.total,
      page: p,
      pageSize: size,
    };
  };
  return { q, page };
}

/** The most urgent N letters come with the counts (default 50). */
export const alertsQuerySchema = z.object({
  limit: z.coerce.number().int().min(0).max(1000).default(50),
});

export const letterRoutes = [
  route({
    method: 'get',
    path: '/letters',
    summary: 'List letters (handlers: own section only; phone masked)',
    roles: 'any',
    tag: 'letters',
    query: letterListQuerySchema,
    response: letterListSchema,
    handler: async (ctx) => {
      const { q, page } = await filtered(ctx);
      return HttpResponse.json(await page(q.page, q.pageSize));
    },
  }),
  // Every filtered row (no cap), phone masked: the client turns it into CSV.
  route({
    method: 'get',
    path: '/letters/export',
    summary: 'Every letter matching the filters, no paging (phone masked), for CSV export',
    roles: 'any',
    tag: 'letters',
    query: letterListQuerySchema.omit({ page: true, pageSize: true }),
    response: z.object({ items: z.array(letterSchema), total: z.number().int() }),
    handler: async (ctx) => {
      const all = await (await filtered(ctx)).page(1, Number.MAX_SAFE_INTEGER);
      return HttpResponse.json({ items: all.items, total: all.total });
    },
  }),
  // Before /letters/:id: the deadline a registration with these fields would store.
  route({
    method: 'get',
    path: '/letters/due',
    summary:
      'The deadline a letter with this receipt date, source and category gets (its time limit in working days): the registration form previews it, POST /letters stores the same dueOn (one rule)',
    roles: WRITERS,
    tag: 'letters',
    query: letterDueQuerySchema,
    response: letterDueSchema,
    errors: [400, 403, 422],
    handler: async (ctx) => {
      const q = parseQuery(ctx, letterDueQuerySchema);
      if (q.receivedOn > ctx.tx.today)
        throw errors.validation({ receivedOn: translate(ctx.locale, 'validation.notFuture') });
      return HttpResponse.json(await letterDue(ctx.tx, q));
    },
  }),
  route({
    method: 'get',
    path: '/letters/alerts',
    summary:
      "Counts of overdue and due-soon letters in the caller's scope, with the most urgent `limit` of them",
    roles: 'any',
    tag: 'letters',
    query: alertsQuerySchema,
    response: letterAlertsSchema,
    handler: async (ctx) => {
      const { limit } = parseQuery(ctx, alertsQuerySchema);
      const view = await letterView(ctx.tx);
      const search = ctx.tx.letterSearch;
      const scope = scopeOf(ctx.user);
      const overdue = alertRange('overdue', view);
      const dueSoon = alertRange('due_soon', view);
      // Flagged: due soon or overdue, or 督办件 not yet replied (a replied one is the office's to
      // close). The most urgent first — remaining working days follow the deadline — then the
      // 督办件 not yet due.
      // One after another: a transaction's statements share one connection.
      const nOverdue = await search.count({ ...scope, ...overdue });
      const nDueSoon = await search.count({ ...scope, ...dueSoon });
      const nSupervised = await search.count({ ...scope, open: true, supervised: true });
      const late = await search.list(
        { ...scope, open: true, dueTo: dueSoon.dueTo, sort: { key: 'openDueOn', desc: false } },
        { offset: 0, limit },
      );
      const supervised = await search.list(
        {
          ...scope,
          open: true,
          supervised: true,
          dueFrom: addDays(dueSoon.dueTo, 1),
          sort: { key: 'openDueOn', desc: false },
        },
        { offset: 0, limit },
      );
      return HttpResponse.json({
        overdue: nOverdue,
        dueSoon: nDueSoon,
        supervised: nSupervised,
        // The most urgent first; the counts cover all of them.
        items: [...late.items, ...supervised.items]
          .slice(0, limit)
          .map((l) => present(view, l, { mask: true })),
      });
    },
  }),
  route({
    method: 'post',
    path: '/letters',
    summary: 'Register a letter',
    roles: WRITERS,
    tag: 'letters',
    body: createLetterSchema,
    response: letterSchema,
    status: 201,
    idempotent: true,
    errors: [403, 422],
    handler: async (ctx) =>
      idempotent(ctx, async () => {
        const body = await ctx.body();
        const { tx } = ctx;
        if (body.receivedOn > tx.today)
          throw errors.validation({ receivedOn: translate(ctx.locale, 'validation.notFuture') });
        const duplicateOf = await checkCreateExtras(tx, body, ctx.user, tx.today, ctx.locale);
        const rec = await createLetter(tx, { ...body, duplicateOf }, ctx.user);
        return { status: 201, body: present(await letterView(tx), rec, { mask: false }) };
      }),
  }),
  route({
    method: 'get',
    path: '/letters/{id}',
    summary: 'One letter (ETag = version; full phone to clerk/admin and the assigned section)',
    roles: 'any',
    tag: 'letters',
    response: letterSchema,
    errors: [404],
    handler: async ({ tx, user, params }) => {
      const rec = await find(tx, user, params.id);
      return withEtag(present(await letterView(tx), rec, { mask: !maySeePhone(user, rec) }));
    },
  }),
  // The office completes the record: the 重复件 link, the mayor's-mailbox platform fields.
  route({
    method: 'patch',
    path: '/letters/{id}',
    summary: "Complete a letter's record: the 重复件 link and the mayor's-mailbox platform fields",
    roles: 'any',
    rolesNote: '(checked in the domain after the 404: admin, clerk; others 403)',
    tag: 'letters',
    body: updateLetterSchema,
    response: letterSchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
    description:
      '`duplicateOf` (a letter id, `null` to unlink) must exist, not be this letter, not have been received after it, and not lead back to it. `platformRef`, `platformAssignedOn`, `platformFeedbackOn` only on a `mayor_mailbox` letter (422 on any other); 平台交办日期 not in the future and not after receipt, 反馈平台日期 not before it and not in the future. The workflow (status, section, deadline) is changed only by the action POSTs. Handlers (their section) and leaders: 404/403.',
    handler: async (ctx) => {
      const { tx } = ctx;
      await find(tx, ctx.user, ctx.params.id); // 404 before 403
      if (!WRITERS.includes(ctx.user.role)) throw errors.forbidden();
      const raw = await readPatch(ctx);
      const r = updateLetterSchema.safeParse(raw);
      if (!r.success) throw errors.validation(fieldErrors(r.error, ctx.locale));
      // The record as it is now, after the body was read: its version decides.
      const current = await find(tx, ctx.user, ctx.params.id, true);
      const view = await letterView(tx);
      checkVersion(ctx.request, current, (x) => present(view, x, { mask: false }));
      const next = await updateLetter(tx, current, r.data, ctx.user, undefined, ctx.locale);
      return withEtag(present(view, next, { mask: false }));
    },
  }),
  // One action on many letters, each with the version the caller saw; per-letter results.
  route({
    method: 'post',
    path: '/letters/bulk',
    summary: '批量转办 / 批量督办: one action on many letters, with a result per letter',
    roles: BULK_ROLES,
    tag: 'letters',
    body: bulkLetterSchema,
    response: bulkResultSchema,
    errors: [403, 422],
    description:
      "Each item carries the version the caller saw (what If-Match carries on a single action) and is judged on its own exactly as `POST /letters/{id}/assign` or `/supervise` would judge it: an unknown or out-of-scope id, a stale version, a state that does not allow the action (or a transfer to the section already handling it) fail that item with the status and reason the single call would give, in the caller's language. The items that pass are written together in one transaction; the others are untouched. Not all-or-nothing, on purpose: the office wants the transferable letters to go and to see which were not and why. The body as a whole is 422 (nothing written) when the section is unknown or retired, a note is missing, or more than 100 items are sent.",
    handler: async (ctx) => {
      const body = await ctx.body();
      if (body.sectionId) await requireOpenSection(ctx.tx, body.sectionId, ctx.locale);
      const result = await bulkAction(ctx.tx, body, ctx.user, undefined, ctx.locale);
      return HttpResponse.json(result);
    },
  }),
  route({
    method: 'post',
    path: '/letters/{id}/{action}',
    summary: 'Letter action',
    roles: 'any',
    tag: 'letters',
    response: letterSchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
    // Which role may take which action is the domain's (after the 404 for a letter out of scope).
    variants: LETTER_ACTIONS.map((a) => ({
      path: `/letters/{id}/${a}`,
      summary: `Letter action: ${a}`,
      body: letterActionSchemas[a],
      rolesNote: `(this action: ${ACTION_ROLES[a].join(', ')}${ACTION_ROLES[a].includes('handler') ? ' (a handler on their own section’s letters)' : ''}; others 403)`,
    })),
    handler: async (ctx) => {
      const action = ctx.params.action as LetterAction;
      if (!LETTER_ACTIONS.includes(action)) throw errors.notFound();
      const { tx } = ctx;
      // 404 before 403: existence outside the scope does not leak.
      await find(tx, ctx.user, ctx.params.id);
      if (!ACTION_ROLES[action].includes(ctx.user.role)) throw errors.forbidden();
      const body = await parseBody(ctx, letterActionSchemas[action]);
      // The record as it is now, after the body was read, read for update: its version decides.
      const current = await find(tx, ctx.user, ctx.params.id, true);
      const view = await letterView(tx);
      checkVersion(ctx.request, current, (r) =>
        present(view, r, { mask: !maySeePhone(ctx.user, r) }),
      );
      const next = await applyAction(
        tx,
        current,
        { action, ...body } as ActionInput,
        ctx.user,
        undefined,
        ctx.locale,
      );
      return withEtag(present(view, next, { mask: !maySeePhone(ctx.user, next) }));
    },
  }),
  // Saved list views, per user.
  route({
    method: 'get',
    path: '/views/letters',
    summary: "The caller's saved list views",
    roles: 'any',
    tag: 'letters',
    response: z.array(savedViewSchema),
    handler: async ({ tx, user }) => HttpResponse.json(await views(tx, user)),
  }),
  route({
    method: 'post',
    path: '/views/letters',
    summary: 'Save a list view',
    roles: SAVED_VIEW_ROLES,
    rolesNote: '(leaders write nothing: 403)',
    tag: 'letters',
    body: createSavedViewSchema,
    response: savedViewSchema,
    status: 201,
    errors: [403, 422],
    handler: async (ctx) => {
      const body = await ctx.body();
      const view: SavedView = {
        id: crypto.randomUUID(),
        name: body.name,
        query: body.query,
        createdAt: instant(ctx.tx.now),
      };
      const list = await views(ctx.tx, ctx.user);
      await ctx.tx.settings.put({ id: viewsKey(ctx.user), value: [...list, view] });
      return HttpResponse.json(view, { status: 201 });
    },
  }),
  route({
    method: 'delete',
    path: '/views/letters/{viewId}',
    summary: 'Delete a saved view',
    roles: SAVED_VIEW_ROLES,
    rolesNote: '(leaders write nothing: 403)',
    tag: 'letters',
    status: 204,
    errors: [403, 404],
    handler: async ({ tx, user, params }) => {
      const list = await views(tx, user);
      if (!list.some((v) => v.id === params.viewId)) throw errors.notFound();
      await tx.settings.put({
        id: viewsKey(user),
        value: list.filter((v) => v.id !== params.viewId),
      });
      return new HttpResponse(null, { status: 204 });
    },
  }),
];

const viewsKey = (user: User) => `views:letters:${user.id}`;
const views = async (tx: ReadTx, user: User) =>
  ((await tx.settings.get(viewsKey(user)))?.value as SavedView[] | undefined) ?? [];
