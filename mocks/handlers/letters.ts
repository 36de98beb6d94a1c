import { http, HttpResponse } from 'msw';
import {
  createLetterSchema,
  createSavedViewSchema,
  letterActionSchemas,
  letterListQuerySchema,
  type LetterRecord,
  type SavedView,
} from '@/features/letters/types';
import { ACTION_ROLES, LETTER_ACTIONS, type LetterAction } from '@/features/letters/rules';
import { nowInstant, today } from '../clock';
import { db } from '../db';
import {
  ALL,
  API,
  authed,
  checkVersion,
  errors,
  idempotent,
  pageOf,
  parseBody,
  parseQuery,
  WRITERS,
  withEtag,
  type Ctx,
} from '../http';
import {
  applyAction,
  createLetter,
  inScope,
  maySeePhone,
  now,
  present,
  type ActionInput,
} from '../services/letters';
import { translate } from '@/lib/i18n/core';
import type { Letter } from '@/features/letters/types';
import type { User } from '@/types/api';

function scoped(user: User): LetterRecord[] {
  const all = db.letters.all();
  return user.role === 'handler' ? all.filter((l) => inScope(user, l)) : all;
}

function find(user: User, id: unknown): LetterRecord {
  const rec = typeof id === 'string' ? db.letters.get(id) : undefined;
  if (!rec || !inScope(user, rec)) throw errors.notFound();
  return rec;
}

function filtered(ctx: Ctx) {
  const q = parseQuery(ctx, letterListQuerySchema);
  const t = today();
  let rows = scoped(ctx.user).map((l) => present(l, { mask: true, today: t }));
  if (q.status) rows = rows.filter((l) => l.status === q.status);
  if (q.source) rows = rows.filter((l) => l.source === q.source);
  if (q.category) rows = rows.filter((l) => l.category === q.category);
  if (q.sectionId) rows = rows.filter((l) => l.sectionId === q.sectionId);
  if (q.year) rows = rows.filter((l) => l.receivedOn.startsWith(String(q.year)));
  if (q.alert) rows = rows.filter((l) => l.alert === q.alert);
  if (q.receivedFrom) rows = rows.filter((l) => l.receivedOn >= q.receivedFrom!);
  if (q.receivedTo) rows = rows.filter((l) => l.receivedOn <= q.receivedTo!);
  return { q, rows };
}

const LIST_OPTS = {
  search: (l: Letter) => `${l.serialNo} ${l.subject} ${l.content} ${l.citizenName}`,
  sortable: {
    receivedOn: (l: Letter) => `${l.receivedOn}${l.serialNo}`,
    dueOn: (l: Letter) => l.dueOn,
    serialNo: (l: Letter) => l.serialNo,
    remainingWorkdays: (l: Letter) => l.remainingWorkdays,
    updatedAt: (l: Letter) => l.updatedAt,
  },
  defaultSort: '-receivedOn',
};

export const letterHandlers = [
  http.get(
    `${API}/letters`,
    authed(ALL, (ctx) => {
      const { q, rows } = filtered(ctx);
      return HttpResponse.json(pageOf(rows, q, LIST_OPTS));
    }),
  ),
  // Every filtered row (no cap), phone masked: the client turns it into CSV.
  http.get(
    `${API}/letters/export`,
    authed(ALL, (ctx) => {
      const { q, rows } = filtered(ctx);
      const all = pageOf(rows, { ...q, page: 1, pageSize: Number.MAX_SAFE_INTEGER }, LIST_OPTS);
      return HttpResponse.json({ items: all.items, total: all.total });
    }),
  ),
  http.get(
    `${API}/letters/alerts`,
    authed(ALL, ({ user }) => {
      const t = today();
      const items = scoped(user)
        .filter((l) => l.status === 'registered' || l.status === 'assigned')
        .map((l) => present(l, { mask: true, today: t }))
        .filter((l) => l.alert !== 'none')
        .sort((a, b) => (a.remainingWorkdays ?? 0) - (b.remainingWorkdays ?? 0));
      return HttpResponse.json({
        overdue: items.filter((l) => l.alert === 'overdue').length,
        dueSoon: items.filter((l) => l.alert === 'due_soon').length,
        items,
      });
    }),
  ),
  http.post(
    `${API}/letters`,
    authed(WRITERS, async (ctx) =>
      idempotent(ctx, async () => {
        const body = await parseBody(ctx, createLetterSchema);
        if (body.receivedOn > today())
          throw errors.validation({ receivedOn: translate(ctx.locale, 'validation.notFuture') });
        const rec = createLetter(body, ctx.user);
        await db.commit();
        return { status: 201, body: present(rec, { mask: false }) };
      }),
    ),
  ),
  http.get(
    `${API}/letters/:id`,
    authed(ALL, ({ user, params }) => {
      const rec = find(user, params.id);
      return withEtag(present(rec, { mask: !maySeePhone(user, rec) }));
    }),
  ),
  http.post(
    `${API}/letters/:id/:action`,
    authed(ALL, async (ctx) => {
      const action = ctx.params.action as LetterAction;
      if (!LETTER_ACTIONS.includes(action)) throw errors.notFound();
      const rec = find(ctx.user, ctx.params.id);
      if (!ACTION_ROLES[action].includes(ctx.user.role)) throw errors.forbidden();
      const body = await parseBody(ctx, letterActionSchemas[action]);
      checkVersion(ctx.request, rec, (r) => present(r, { mask: !maySeePhone(ctx.user, r) }));
      const next = applyAction(
        rec,
        { action, ...body } as ActionInput,
        ctx.user,
        now(),
        ctx.locale,
      );
      await db.commit();
      return withEtag(present(next, { mask: !maySeePhone(ctx.user, next) }));
    }),
  ),
  // Saved list views, per user.
  http.get(
    `${API}/views/letters`,
    authed(ALL, ({ user }) => HttpResponse.json(views(user))),
  ),
  http.post(
    `${API}/views/letters`,
    authed(ALL, async (ctx) => {
      const body = await parseBody(ctx, createSavedViewSchema);
      const view: SavedView = {
        id: crypto.randomUUID(),
        name: body.name,
        query: body.query,
        createdAt: nowInstant(),
      };
      db.settings.put({ id: viewsKey(ctx.user), value: [...views(ctx.user), view] });
      await db.commit();
      return HttpResponse.json(view, { status: 201 });
    }),
  ),
  http.delete(
    `${API}/views/letters/:viewId`,
    authed(ALL, async ({ user, params }) => {
      const list = views(user);
      if (!list.some((v) => v.id === params.viewId)) throw errors.notFound();
      db.settings.put({ id: viewsKey(user), value: list.filter((v) => v.id !== params.viewId) });
      await db.commit();
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];

const viewsKey = (user: User) => `views:letters:${user.id}`;
const views = (user: User) =>
  (db.settings.get(viewsKey(user))?.value as SavedView[] | undefined) ?? [];
