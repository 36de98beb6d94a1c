import { http, HttpResponse } from 'msw';
import {
  bulkLetterSchema,
  createLetterSchema,
  createSavedViewSchema,
  updateLetterSchema,
  letterActionSchemas,
  letterListQuerySchema,
  letterDueQuerySchema,
  type LetterRecord,
  type SavedView,
} from '@/features/letters/types';
import {
  ACTION_ROLES,
  SAVED_VIEW_ROLES,
  alertLevel,
  BULK_ROLES,
  LETTER_ACTIONS,
  phoneMatches,
  phoneQuery,
  remainingWorkdays,
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
import { instant } from '../../server/domain/time';
import {
  ALL,
  API,
  authed,
  checkVersion,
  errors,
  fieldErrors,
  idempotent,
  pageOf,
  parseBody,
  parseQuery,
  readPatch,
  WRITERS,
  withEtag,
  type Ctx,
} from '../http';
import { translate } from '@/lib/i18n/core';
import type { User } from '@/types/api';

async function scoped(tx: ReadTx, user: User): Promise<LetterRecord[]> {
  const all = await tx.letters.all();
  return user.role === 'handler' ? all.filter((l) => inScope(user, l)) : all;
}

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
 * Filters on the stored records first; the read-time fields (remaining working days, alert) are
 * computed only where a filter or sort needs them, and the full record is presented only for the
 * rows returned.
 */
async function filtered(ctx: Ctx) {
  const q = parseQuery(ctx, letterListQuerySchema);
  const view = await letterView(ctx.tx);
  const { cal, dueSoonDays, today: t } = view;
  const remCache = new Map<string, number | null>();
  const rem = (l: LetterRecord) => {
    let v = remCache.get(l.id);
    if (v === undefined && !remCache.has(l.id)) {
      v = remainingWorkdays(cal, t, l);
      remCache.set(l.id, v);
    }
    return v ?? null;
  };
  let rows = await scoped(ctx.tx, ctx.user);
  if (q.status) rows = rows.filter((l) => l.status === q.status);
  if (q.source) rows = rows.filter((l) => l.source === q.source);
  if (q.category) rows = rows.filter((l) => l.category === q.category);
  if (q.sectionId) rows = rows.filter((l) => l.sectionId === q.sectionId);
  if (q.year) rows = rows.filter((l) => l.receivedOn.startsWith(String(q.year)));
  if (q.receivedFrom) rows = rows.filter((l) => l.receivedOn >= q.receivedFrom!);
  if (q.receivedTo) rows = rows.filter((l) => l.receivedOn <= q.receivedTo!);
  if (q.supervised) rows = rows.filter((l) => l.supervised);
  if (q.dueOn) rows = rows.filter((l) => l.dueOn === q.dueOn && rem(l) !== null);
  if (q.extensionRequested) rows = rows.filter((l) => l.extensionRequest !== null);
  if (q.rated)
    rows = rows.filter((l) => l.status === 'closed' && l.followUp?.reached && l.satisfaction);
  if (q.replied) rows = rows.filter((l) => l.reply !== null);
  if (q.alert) rows = rows.filter((l) => alertLevel(rem(l), dueSoonDays) === q.alert);
  // The phone is matched on the stored number; the rows still go out masked.
  if (q.phone) rows = rows.filter((l) => phoneMatches(l.citizenPhone, q.phone!));
  if (q.duplicateOf) rows = rows.filter((l) => l.duplicateOf?.id === q.duplicateOf);
  const text = (l: LetterRecord) => `${l.serialNo} ${l.subject} ${l.content} ${l.citizenName}`;
  // A search that is a phone number (or its last four digits) also finds the citizen's letters.
  const asPhone = q.q ? phoneQuery(q.q) : null;
  if (asPhone) {
    const needle = q.q!.trim().toLowerCase();
    rows = rows.filter(
      (l) => text(l).toLowerCase().includes(needle) || phoneMatches(l.citizenPhone, asPhone),
    );
  }
  const opts = {
    search: text,
    sortable: {
      receivedOn: (l: LetterRecord) => `${l.receivedOn}${l.serialNo}`,
      dueOn: (l: LetterRecord) => l.dueOn,
      serialNo: (l: LetterRecord) => l.serialNo,
      remainingWorkdays: rem,
      updatedAt: (l: LetterRecord) => l.updatedAt,
    },
    defaultSort: '-receivedOn',
  };
  const page = (p: number, size: number) => {
    const r = pageOf(rows, { ...q, q: asPhone ? undefined : q.q, page: p, pageSize: size }, opts);
    return { ...r, items: r.items.map((l) => present(view, l, { mask: true })) };
  };
  return { q, page };
}

/** The most urgent N letters come with the counts (default 50). */
export const alertsQuerySchema = z.object({
  limit: z.coerce.number().int().min(0).max(1000).default(50),
});

export const letterHandlers = [
  http.get(
    `${API}/letters`,
    authed(ALL, async (ctx) => {
      const { q, page } = await filtered(ctx);
      return HttpResponse.json(page(q.page, q.pageSize));
    }),
  ),
  // Every filtered row (no cap), phone masked: the client turns it into CSV.
  http.get(
    `${API}/letters/export`,
    authed(ALL, async (ctx) => {
      const all = (await filtered(ctx)).page(1, Number.MAX_SAFE_INTEGER);
      return HttpResponse.json({ items: all.items, total: all.total });
    }),
  ),
  // Before /letters/:id: the deadline a registration with these fields would store.
  http.get(
    `${API}/letters/due`,
    authed(WRITERS, async (ctx) => {
      const q = parseQuery(ctx, letterDueQuerySchema);
      if (q.receivedOn > ctx.tx.today)
        throw errors.validation({ receivedOn: translate(ctx.locale, 'validation.notFuture') });
      return HttpResponse.json(await letterDue(ctx.tx, q));
    }),
  ),
  http.get(
    `${API}/letters/alerts`,
    authed(ALL, async (ctx) => {
      const { limit } = parseQuery(ctx, alertsQuerySchema);
      const view = await letterView(ctx.tx);
      const { cal, dueSoonDays, today: t } = view;
      const open = (await scoped(ctx.tx, ctx.user)).filter(
        (l) => l.status === 'registered' || l.status === 'assigned',
      );
      const flagged = open
        .map((l) => ({ l, rem: remainingWorkdays(cal, t, l) }))
        .filter((x) => x.l.supervised || alertLevel(x.rem, dueSoonDays) !== 'none')
        // The most urgent first, then 督办件 that are not yet due.
        .sort((a, b) => (a.rem ?? 0) - (b.rem ?? 0));
      const late = flagged.filter((x) => alertLevel(x.rem, dueSoonDays) !== 'none');
      const overdue = late.filter((x) => (x.rem ?? 0) < 0).length;
      return HttpResponse.json({
        overdue,
        dueSoon: late.length - overdue,
        // 督办件 still open (a replied one is the office's to close).
        supervised: open.filter((l) => l.supervised).length,
        // The most urgent first; the counts cover all of them.
        items: flagged.slice(0, limit).map((x) => present(view, x.l, { mask: true })),
      });
    }),
  ),
  http.post(
    `${API}/letters`,
    authed(WRITERS, async (ctx) =>
      idempotent(ctx, async () => {
        const body = await parseBody(ctx, createLetterSchema);
        const { tx } = ctx;
        if (body.receivedOn > tx.today)
          throw errors.validation({ receivedOn: translate(ctx.locale, 'validation.notFuture') });
        const duplicateOf = await checkCreateExtras(tx, body, ctx.user, tx.today, ctx.locale);
        const rec = await createLetter(tx, { ...body, duplicateOf }, ctx.user);
        return { status: 201, body: present(await letterView(tx), rec, { mask: false }) };
      }),
    ),
  ),
  http.get(
    `${API}/letters/:id`,
    authed(ALL, async ({ tx, user, params }) => {
      const rec = await find(tx, user, params.id);
      return withEtag(present(await letterView(tx), rec, { mask: !maySeePhone(user, rec) }));
    }),
  ),
  // The office completes the record: the 重复件 link, the mayor's-mailbox platform fields.
  http.patch(
    `${API}/letters/:id`,
    authed(ALL, async (ctx) => {
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
    }),
  ),
  // One action on many letters, each with the version the caller saw; per-letter results.
  http.post(
    `${API}/letters/bulk`,
    authed(BULK_ROLES, async (ctx) => {
      const body = await parseBody(ctx, bulkLetterSchema);
      if (body.sectionId) await requireOpenSection(ctx.tx, body.sectionId, ctx.locale);
      const result = await bulkAction(ctx.tx, body, ctx.user, undefined, ctx.locale);
      return HttpResponse.json(result);
    }),
  ),
  http.post(
    `${API}/letters/:id/:action`,
    authed(ALL, async (ctx) => {
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
    }),
  ),
  // Saved list views, per user.
  http.get(
    `${API}/views/letters`,
    authed(ALL, async ({ tx, user }) => HttpResponse.json(await views(tx, user))),
  ),
  http.post(
    `${API}/views/letters`,
    authed(SAVED_VIEW_ROLES, async (ctx) => {
      const body = await parseBody(ctx, createSavedViewSchema);
      const view: SavedView = {
        id: crypto.randomUUID(),
        name: body.name,
        query: body.query,
        createdAt: instant(ctx.tx.now),
      };
      const list = await views(ctx.tx, ctx.user);
      await ctx.tx.settings.put({ id: viewsKey(ctx.user), value: [...list, view] });
      return HttpResponse.json(view, { status: 201 });
    }),
  ),
  http.delete(
    `${API}/views/letters/:viewId`,
    authed(SAVED_VIEW_ROLES, async ({ tx, user, params }) => {
      const list = await views(tx, user);
      if (!list.some((v) => v.id === params.viewId)) throw errors.notFound();
      await tx.settings.put({
        id: viewsKey(user),
        value: list.filter((v) => v.id !== params.viewId),
      });
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];

const viewsKey = (user: User) => `views:letters:${user.id}`;
const views = async (tx: ReadTx, user: User) =>
  ((await tx.settings.get(viewsKey(user)))?.value as SavedView[] | undefined) ?? [];
