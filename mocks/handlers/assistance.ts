import { HttpResponse } from 'msw';
import { z } from 'zod';
import { figureId } from '@/features/assistance/rules';
import { summarize } from '@/features/assistance/summary';
import {
  assistanceFigureSchema,
  assistanceQuerySchema,
  copyResultSchema,
  PROGRAMS,
  publishResultSchema,
  publishSchema,
  putFigureSchema,
  summaryQuerySchema,
  summarySchema,
  valuesSchemas,
  type AssistanceFigure,
  type Program,
} from '@/features/assistance/types';
import { nowOf } from '../../server/domain/time';
import {
  checkVersion,
  errors,
  idempotent,
  parseBody,
  parseQuery,
  WRITERS,
  withEtag,
} from '../http';
import { route } from '../route';
import {
  checkTarget,
  copyFromPrevious,
  periodError,
  publishFigures,
  upsertFigure,
} from '../../server/domain/assistance';

const READERS = ['admin', 'clerk', 'leader'] as const;
const order = (a: AssistanceFigure, b: AssistanceFigure) =>
  a.period.localeCompare(b.period) ||
  a.regionCode.localeCompare(b.regionCode) ||
  PROGRAMS.indexOf(a.program) - PROGRAMS.indexOf(b.program);

const param = (v: unknown) => (typeof v === 'string' ? v : '');

const periodParam = { period: 'YYYY-MM' };

export const assistanceRoutes = [
  route({
    method: 'get',
    path: '/assistance',
    summary: 'Social-assistance figures (filters: year, period, region, program, status)',
    roles: [...READERS],
    tag: 'assistance',
    query: assistanceQuerySchema,
    response: z.array(assistanceFigureSchema),
    errors: [403],
    handler: async (ctx) => {
      const q = parseQuery(ctx, assistanceQuerySchema);
      let rows = await ctx.tx.assistance.all();
      if (q.year) rows = rows.filter((f) => f.period.startsWith(`${q.year}-`));
      if (q.period) rows = rows.filter((f) => f.period === q.period);
      if (q.region) rows = rows.filter((f) => f.regionCode === q.region);
      if (q.program) rows = rows.filter((f) => f.program === q.program);
      if (q.status) rows = rows.filter((f) => f.status === q.status);
      return HttpResponse.json(rows.sort(order));
    },
  }),
  route({
    method: 'get',
    path: '/assistance/summary',
    summary: 'Published figures of a year by month, region or program, with the year before',
    roles: [...READERS],
    tag: 'assistance',
    query: summaryQuerySchema,
    response: summarySchema,
    errors: [400, 403],
    description:
      'Only published figures count. Stocks (低保/特困 persons, households) are taken at the latest month, flows (person-times, household-times, spending) summed; `previous` covers the same months of the year before (regions created in 2018 include the units they replaced).',
    handler: async (ctx) => {
      const q = parseQuery(ctx, summaryQuerySchema);
      const figs = (await ctx.tx.assistance.all()).filter(
        (f) =>
          f.status === 'published' &&
          (f.period.startsWith(`${q.year}-`) || f.period.startsWith(`${q.year - 1}-`)),
      );
      return HttpResponse.json(
        summarize(figs, { year: q.year, groupBy: q.groupBy, today: ctx.tx.today }),
      );
    },
  }),
  route({
    method: 'get',
    path: '/assistance/{period}/{regionCode}/{program}',
    summary: 'One figure (ETag = version)',
    roles: [...READERS],
    tag: 'assistance',
    response: assistanceFigureSchema,
    errors: [403, 404],
    handler: async ({ tx, params }) => {
      const id = figureId(
        param(params.period),
        param(params.regionCode),
        param(params.program) as Program,
      );
      const rec = await tx.assistance.get(id);
      if (!rec) throw errors.notFound();
      return withEtag(rec);
    },
  }),
  route({
    method: 'put',
    path: '/assistance/{period}/{regionCode}/{program}',
    summary:
      'Create or change a figure (a draft; a changed published figure becomes a draft again)',
    roles: WRITERS,
    tag: 'assistance',
    body: putFigureSchema,
    response: assistanceFigureSchema,
    ifMatch: true,
    errors: [403, 409, 422, 428],
    description: `201 when created (no If-Match needed), 200 when changed (If-Match required: 428 without, 409 when stale). 422 field errors: \`period\` (${periodParam.period}, not in the future), \`regionCode\` (a unit in force on the month's first day: 13 before December 2018, 12 after), \`program\`, \`values.<field>\` (counts non-negative integers; money at most 2 decimals; persons ≥ households; concentrated + dispersed = persons). Audited (GET /audit?entity=assistance&id=<period>:<regionCode>:<program>).`,
    handler: async (ctx) => {
      const target = {
        period: param(ctx.params.period),
        regionCode: param(ctx.params.regionCode),
        program: param(ctx.params.program),
      };
      const { tx } = ctx;
      checkTarget(target, tx.today, ctx.locale);
      const body = await parseBody(ctx, z.object({ values: valuesSchemas[target.program] }));
      const existing = await tx.assistance.getForUpdate(
        figureId(target.period, target.regionCode, target.program),
      );
      if (existing) checkVersion(ctx.request, existing);
      const { figure, created } = await upsertFigure(tx, target, body.values, ctx.user, nowOf(tx));
      return withEtag(figure, { status: created ? 201 : 200 });
    },
  }),
  route({
    method: 'post',
    path: '/assistance/{period}/{regionCode}/{program}/publish',
    summary: 'Publish one draft',
    roles: WRITERS,
    tag: 'assistance',
    response: assistanceFigureSchema,
    ifMatch: true,
    errors: [403, 404, 409, 428],
    handler: async (ctx) => {
      const period = param(ctx.params.period);
      const id = figureId(
        period,
        param(ctx.params.regionCode),
        param(ctx.params.program) as Program,
      );
      const rec = await ctx.tx.assistance.getForUpdate(id);
      if (!rec) throw errors.notFound();
      checkVersion(ctx.request, rec);
      const [next] = await publishFigures(
        ctx.tx,
        period,
        [{ id, version: rec.version }],
        ctx.user,
        nowOf(ctx.tx),
        ctx.locale,
      );
      return withEtag(next!);
    },
  }),
  route({
    method: 'post',
    path: '/assistance/{period}/publish',
    summary: "Publish a month's drafts, each at the version the client saw",
    roles: WRITERS,
    tag: 'assistance',
    body: publishSchema,
    response: publishResultSchema,
    errors: [403, 409, 422],
    description:
      'All or nothing: a figure of another month (422), a stale version (409 version-conflict, `current` lists the current figures) or one already published (409 invalid-transition) publishes none.',
    handler: async (ctx) => {
      const period = param(ctx.params.period);
      const body = await ctx.body();
      const items = await publishFigures(
        ctx.tx,
        period,
        body.figures,
        ctx.user,
        nowOf(ctx.tx),
        ctx.locale,
      );
      return HttpResponse.json({ published: items.length, items });
    },
  }),
  route({
    method: 'post',
    path: '/assistance/{period}/copy-from-previous',
    summary: "Create drafts from the previous month's figures for every figure the month lacks",
    roles: WRITERS,
    tag: 'assistance',
    response: copyResultSchema,
    status: 201,
    idempotent: true,
    errors: [403, 422],
    description:
      '201 with the created drafts, 200 with `created: 0` when nothing was missing. Units created in the 2018 reorganisation start from the sum of the units they replaced.',
    handler: async (ctx) =>
      idempotent(ctx, async () => {
        const period = param(ctx.params.period);
        const bad = periodError(period, ctx.tx.today, ctx.locale);
        if (bad) throw errors.validation({ period: bad });
        const items = await copyFromPrevious(ctx.tx, period, ctx.user, nowOf(ctx.tx));
        return { status: items.length ? 201 : 200, body: { created: items.length, items } };
      }),
  }),
];
