import { HttpResponse } from 'msw';
import { z } from 'zod';
import {
  catalogueEntrySchema,
  catalogueInputSchema,
  catalogueListQuerySchema,
  cataloguePageSchema,
  facetsSchema,
  importSchema,
  timelinessReportSchema,
  withdrawSchema,
  type CatalogueEntry,
  type CatalogueRecord,
  type TimelinessReport,
} from '@/features/catalogue/types';
import {
  checkVersion,
  errors,
  fieldErrors,
  idempotent,
  pageOf,
  parseQuery,
  readJson,
  readPatch,
  WRITERS,
  withEtag,
  type Ctx,
} from '../http';
import { route } from '../route';
import {
  createEntry,
  futureDateErrors,
  importEntries,
  presentEntry,
  updateEntry,
  withdrawEntry,
} from '../../server/domain/catalogue';
import { calendar } from '../../server/domain/calendar';
import type { ReadTx, Tx } from '../../server/domain/ports';
import { instant } from '../../server/domain/time';

/** Handlers work letters and applications; the catalogue is the office's and the leaders'. */
const READERS = ['admin', 'clerk', 'leader'] as const;

/** The entry (else 404); read for update when a change is based on it. */
async function find(tx: Tx, id: unknown, forUpdate = false): Promise<CatalogueRecord> {
  const rec =
    typeof id !== 'string'
      ? undefined
      : await (forUpdate ? tx.catalogue.getForUpdate(id) : tx.catalogue.get(id));
  if (!rec) throw errors.notFound();
  return rec;
}
/** Presents entries under the calendar as this transaction reads it. */
const presenter = async (tx: ReadTx) => {
  const cal = await calendar(tx);
  return (rec: CatalogueRecord) => presentEntry(cal, rec);
};

type ListQuery = z.infer<typeof catalogueListQuerySchema>;

async function filtered(tx: ReadTx, q: ListQuery, skipCategory = false): Promise<CatalogueEntry[]> {
  let rows = (await tx.catalogue.all()).map(await presenter(tx));
  if (q.includeWithdrawn !== 'true') rows = rows.filter((e) => !e.withdrawn);
  if (q.category && !skipCategory) rows = rows.filter((e) => e.category === q.category);
  if (q.docType) rows = rows.filter((e) => e.docType === q.docType);
  if (q.attribute) rows = rows.filter((e) => e.attribute === q.attribute);
  if (q.channel) rows = rows.filter((e) => e.channels.includes(q.channel!));
  if (q.validity) rows = rows.filter((e) => e.validity === q.validity);
  if (q.year) rows = rows.filter((e) => e.publishedOn?.startsWith(String(q.year)));
  if (q.timely) rows = rows.filter((e) => String(e.timely) === q.timely);
  const s = q.q?.trim().toLowerCase();
  if (s) rows = rows.filter((e) => search(e).toLowerCase().includes(s));
  return rows;
}
const search = (e: CatalogueEntry) =>
  `${e.indexNo} ${e.title} ${e.docNo ?? ''} ${e.keywords.join(' ')} ${e.summary ?? ''}`;
const SORTS = {
  sortable: {
    publishedOn: (e: CatalogueEntry) => e.publishedOn,
    formedOn: (e: CatalogueEntry) => e.formedOn,
    indexNo: (e: CatalogueEntry) => e.indexNo,
    title: (e: CatalogueEntry) => e.title,
  },
  defaultSort: '-publishedOn',
};

async function parseEntry(ctx: Ctx, base?: CatalogueRecord) {
  const merged = base ? { ...base, ...(await readPatch(ctx)) } : await readJson(ctx.request);
  const r = catalogueInputSchema.safeParse(merged);
  if (!r.success) throw errors.validation(fieldErrors(r.error, ctx.locale));
  // Nothing formed, published or repealed after the backend's today.
  const future = Object.entries(futureDateErrors(r.data, ctx.tx.today));
  if (future.length)
    throw errors.validation(
      Object.fromEntries(future.map(([field, key]) => [field, fieldErrorsText(ctx, key)])),
    );
  return r.data;
}
const fieldErrorsText = (ctx: Ctx, key: string) =>
  fieldErrors(
    new z.ZodError([{ code: 'custom', path: ['x'], message: key, input: null }]),
    ctx.locale,
  ).x!;

const listQuery = catalogueListQuerySchema;

export const catalogueRoutes = [
  route({
    method: 'get',
    path: '/catalogue',
    summary: 'List catalogue entries (withdrawn ones only with includeWithdrawn=true)',
    roles: [...READERS],
    tag: 'catalogue',
    query: listQuery,
    response: cataloguePageSchema,
    handler: async (ctx) => {
      const q = parseQuery(ctx, catalogueListQuerySchema);
      return HttpResponse.json(pageOf(await filtered(ctx.tx, q), { ...q, q: undefined }, SORTS));
    },
  }),
  // Counts per category for the current filters (category itself not applied): the tree's numbers.
  route({
    method: 'get',
    path: '/catalogue/facets',
    summary: 'Counts per category under the current filters (category not applied)',
    roles: [...READERS],
    tag: 'catalogue',
    query: listQuery,
    response: facetsSchema,
    handler: async (ctx) => {
      const q = parseQuery(ctx, catalogueListQuerySchema);
      const rows = await filtered(ctx.tx, q, true);
      const categories: Record<string, number> = {};
      for (const e of rows) categories[e.category] = (categories[e.category] ?? 0) + 1;
      return HttpResponse.json({ total: rows.length, categories });
    },
  }),
  // Every filtered row for export (no cap).
  route({
    method: 'get',
    path: '/catalogue/export',
    summary: 'Every entry matching the filters, for CSV/Excel export',
    roles: [...READERS],
    tag: 'catalogue',
    query: listQuery.omit({ page: true, pageSize: true }),
    response: z.object({ items: z.array(catalogueEntrySchema), total: z.number().int() }),
    handler: async (ctx) => {
      const q = parseQuery(ctx, catalogueListQuerySchema);
      const all = pageOf(
        await filtered(ctx.tx, q),
        { ...q, q: undefined, page: 1, pageSize: Number.MAX_SAFE_INTEGER },
        SORTS,
      );
      return HttpResponse.json({ items: all.items, total: all.total });
    },
  }),
  // Per category and month of publication: how many published, how many on time; the late ones.
  route({
    method: 'get',
    path: '/catalogue/timeliness',
    summary: 'Share published on time per category and month of a year, and the late entries',
    roles: [...READERS],
    tag: 'catalogue',
    query: z.object({ year: z.coerce.number().int() }),
    response: timelinessReportSchema,
    handler: async (ctx) => {
      const { year } = parseQuery(
        ctx,
        z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      );
      const rows = (await ctx.tx.catalogue.all())
        .filter((e) => !e.withdrawn && e.publishedOn?.startsWith(String(year)))
        .map(await presenter(ctx.tx));
      const cells = new Map<string, TimelinessReport['months'][number]>();
      for (const e of rows) {
        const month = Number(e.publishedOn!.slice(5, 7));
        const key = `${e.category}:${month}`;
        const c = cells.get(key) ?? { category: e.category, month, published: 0, timely: 0 };
        c.published += 1;
        if (e.timely) c.timely += 1;
        cells.set(key, c);
      }
      const late = rows
        .filter((e) => e.timely === false)
        .sort((a, b) => b.lateWorkdays - a.lateWorkdays);
      const body: TimelinessReport = {
        year,
        months: [...cells.values()].sort(
          (a, b) => a.category.localeCompare(b.category) || a.month - b.month,
        ),
        late,
      };
      return HttpResponse.json(body);
    },
  }),
  route({
    method: 'post',
    path: '/catalogue',
    summary: 'Create an entry (索引号 assigned by the server, never reused)',
    roles: WRITERS,
    tag: 'catalogue',
    body: catalogueInputSchema,
    response: catalogueEntrySchema,
    status: 201,
    idempotent: true,
    errors: [403, 422],
    handler: async (ctx) =>
      idempotent(ctx, async () => {
        const values = await parseEntry(ctx);
        const rec = await createEntry(ctx.tx, values, ctx.user, instant(ctx.tx.now));
        return { status: 201, body: (await presenter(ctx.tx))(rec) };
      }),
  }),
  route({
    method: 'post',
    path: '/catalogue/import',
    summary: 'Import many entries, all or nothing (422 with rows.N.field errors)',
    roles: WRITERS,
    tag: 'catalogue',
    body: importSchema,
    response: z.object({ created: z.number().int(), indexNos: z.array(z.string()) }),
    status: 201,
    idempotent: true,
    errors: [403, 422],
    handler: async (ctx) =>
      idempotent(ctx, async () => {
        const body = await ctx.body();
        const created = await importEntries(
          ctx.tx,
          body.rows,
          ctx.user,
          instant(ctx.tx.now),
          ctx.locale,
        );
        return {
          status: 201,
          body: { created: created.length, indexNos: created.map((c) => c.indexNo) },
        };
      }),
  }),
  route({
    method: 'get',
    path: '/catalogue/{id}',
    summary: 'One catalogue entry (ETag = version)',
    roles: [...READERS],
    tag: 'catalogue',
    response: catalogueEntrySchema,
    errors: [404],
    handler: async ({ tx, params }) => withEtag((await presenter(tx))(await find(tx, params.id))),
  }),
  route({
    method: 'patch',
    path: '/catalogue/{id}',
    summary: 'Change an entry (fields merged, then validated as a whole)',
    roles: WRITERS,
    tag: 'catalogue',
    body: catalogueInputSchema,
    response: catalogueEntrySchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
    handler: async (ctx) => {
      const { tx } = ctx;
      const present = await presenter(tx);
      const rec = await find(tx, ctx.params.id);
      checkVersion(ctx.request, rec, present);
      // The state first: a withdrawn entry is 409 whatever the body, not 422 on its fields.
      if (rec.withdrawn) throw errors.invalidTransition('A withdrawn entry cannot be changed');
      const values = await parseEntry(ctx, rec);
      // Checked again on the record as it is after the body was read, read for update.
      const current = await find(tx, ctx.params.id, true);
      checkVersion(ctx.request, current, present);
      const next = await updateEntry(tx, current, values, ctx.user, instant(tx.now));
      return withEtag(present(next));
    },
  }),
  route({
    method: 'delete',
    path: '/catalogue/{id}',
    summary: 'Withdraw an entry: it stays, withdrawn with the reason',
    roles: WRITERS,
    tag: 'catalogue',
    body: withdrawSchema,
    response: catalogueEntrySchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
    handler: async (ctx) => {
      const { tx } = ctx;
      const present = await presenter(tx);
      const rec = await find(tx, ctx.params.id);
      checkVersion(ctx.request, rec, present);
      const { reason } = await ctx.body();
      const current = await find(tx, ctx.params.id, true);
      checkVersion(ctx.request, current, present);
      const next = await withdrawEntry(tx, current, reason, ctx.user, instant(tx.now));
      return withEtag(present(next));
    },
  }),
];
