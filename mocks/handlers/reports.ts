import { HttpResponse } from 'msw';
import { z } from 'zod';
import {
  annualReportSchema,
  narrativeRecordSchema,
  narrativeSchema,
  reviewCaseSchema,
  reviewInputSchema,
  type ReviewCase,
} from '@/features/reports/types';
import { translate } from '@/lib/i18n/core';
import type { Tx } from '../../server/domain/ports';
import { instant } from '../../server/domain/time';
import {
  checkVersion,
  errors,
  fieldErrors,
  idempotent,
  readJson,
  readPatch,
  WRITERS,
  withEtag,
  type Ctx,
} from '../http';
import { route } from '../route';
import { audit, diff } from '../../server/domain/audit';
import { annualReport, getNarrative, saveNarrative } from '../../server/domain/reports';

const READERS = ['admin', 'clerk', 'leader'] as const;

const yearOf = (tx: { today: string }, raw: unknown) => {
  const r = z.coerce.number().int().min(2008).max(2100).safeParse(raw);
  if (!r.success || r.data > Number(tx.today.slice(0, 4))) throw errors.notFound();
  return r.data;
};

async function parseReview(ctx: Ctx, base?: ReviewCase) {
  const raw = base ? { ...base, ...(await readPatch(ctx)) } : await readJson(ctx.request);
  const r = reviewInputSchema.safeParse(raw);
  if (!r.success) throw errors.validation(fieldErrors(r.error, ctx.locale));
  // Not filed or concluded after the backend's today (the schema bounds them below by 2000).
  const now = ctx.tx.today;
  const future = (['filedOn', 'concludedOn'] as const).filter((f) => (r.data[f] ?? '') > now);
  if (future.length)
    throw errors.validation(
      Object.fromEntries(future.map((f) => [f, translate(ctx.locale, 'validation.notFuture')])),
    );
  if (r.data.applicationId && !(await ctx.tx.applications.get(r.data.applicationId)))
    throw errors.validation({ applicationId: 'unknown application' });
  return r.data;
}

export const reportRoutes = [
  route({
    method: 'get',
    path: '/reports/annual/{year}',
    summary:
      "The annual report compiled from the records at request time, with the checks' warnings",
    roles: [...READERS],
    tag: 'reports',
    response: annualReportSchema,
    errors: [404],
    handler: async ({ tx, params }) =>
      HttpResponse.json(await annualReport(tx, yearOf(tx, params.year))),
  }),
  route({
    method: 'put',
    path: '/reports/annual/{year}/narrative',
    summary: 'Save sections 一, 五 and 六 (If-Match: the narrative version from the report)',
    roles: WRITERS,
    tag: 'reports',
    body: narrativeSchema,
    response: narrativeRecordSchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
    description:
      'The narrative carries a `version` (1 for a year never saved, +1 on every save). A stale If-Match gets 409 with the current narrative in `current`; none gets 428.',
    handler: async (ctx) => {
      const { tx } = ctx;
      const year = yearOf(tx, ctx.params.year);
      const before = await getNarrative(tx, year);
      // Like every change to an existing record: 428 without If-Match, 409 (with the current
      // text) when someone else saved since.
      checkVersion(ctx.request, before);
      const body = await ctx.body();
      // Checked again after the body was awaited: one of two saves with one version wins.
      const current = await getNarrative(tx, year, true);
      checkVersion(ctx.request, current);
      const next = await saveNarrative(tx, year, body, current);
      await audit(
        tx,
        'report',
        String(year),
        'narrative',
        ctx.user,
        `保存${year}年度报告文字部分`,
        diff(current, next),
      );
      return withEtag(next);
    },
  }),
  route({
    method: 'get',
    path: '/reviews',
    summary: 'Administrative review and litigation cases (table 四)',
    roles: [...READERS],
    tag: 'reports',
    response: z.array(reviewCaseSchema),
    handler: async ({ tx }) =>
      HttpResponse.json(
        (await tx.reviews.all()).sort((a, b) => b.filedOn.localeCompare(a.filedOn)),
      ),
  }),
  route({
    method: 'post',
    path: '/reviews',
    summary: 'Register a case',
    roles: WRITERS,
    tag: 'reports',
    body: reviewInputSchema,
    response: reviewCaseSchema,
    status: 201,
    idempotent: true,
    errors: [403, 422],
    handler: async (ctx) =>
      idempotent(ctx, async () => {
        const v = await parseReview(ctx);
        const at = instant(ctx.tx.now);
        const rec: ReviewCase = {
          id: crypto.randomUUID(),
          ...v,
          version: 1,
          createdAt: at,
          updatedAt: at,
        };
        await ctx.tx.reviews.put(rec);
        await audit(
          ctx.tx,
          'review',
          rec.id,
          'create',
          ctx.user,
          `登记${v.kind}案件（${v.filedOn}）`,
          {
            at,
          },
        );
        return { status: 201, body: rec };
      }),
  }),
  route({
    method: 'patch',
    path: '/reviews/{id}',
    summary: 'Change a case (e.g. record its result)',
    roles: WRITERS,
    tag: 'reports',
    body: reviewInputSchema,
    response: reviewCaseSchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
    handler: async (ctx) => {
      const tx: Tx = ctx.tx;
      const rec = await tx.reviews.get(String(ctx.params.id));
      if (!rec) throw errors.notFound();
      checkVersion(ctx.request, rec);
      const v = await parseReview(ctx, rec);
      // The record as it is now, after the body was read, read for update: its version decides.
      const current = (await tx.reviews.getForUpdate(rec.id))!;
      checkVersion(ctx.request, current);
      const next: ReviewCase = {
        ...current,
        ...v,
        version: current.version + 1,
        updatedAt: instant(tx.now),
      };
      await tx.reviews.put(next);
      await audit(
        tx,
        'review',
        rec.id,
        'update',
        ctx.user,
        '修改复议诉讼案件',
        diff(current, next),
      );
      return withEtag(next);
    },
  }),
];
