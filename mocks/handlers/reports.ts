import { http, HttpResponse } from 'msw';
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
  API,
  authed,
  checkVersion,
  errors,
  fieldErrors,
  idempotent,
  parseBody,
  readJson,
  readPatch,
  WRITERS,
  withEtag,
  type Ctx,
} from '../http';
import type { Route } from '../openapi-route';
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

export const reportHandlers = [
  http.get(
    `${API}/reports/annual/:year`,
    authed([...READERS], async ({ tx, params }) =>
      HttpResponse.json(await annualReport(tx, yearOf(tx, params.year))),
    ),
  ),
  http.put(
    `${API}/reports/annual/:year/narrative`,
    authed(WRITERS, async (ctx) => {
      const { tx } = ctx;
      const year = yearOf(tx, ctx.params.year);
      const before = await getNarrative(tx, year);
      // Like every change to an existing record: 428 without If-Match, 409 (with the current
      // text) when someone else saved since.
      checkVersion(ctx.request, before);
      const body = await parseBody(ctx, narrativeSchema);
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
    }),
  ),
  http.get(
    `${API}/reviews`,
    authed([...READERS], async ({ tx }) =>
      HttpResponse.json(
        (await tx.reviews.all()).sort((a, b) => b.filedOn.localeCompare(a.filedOn)),
      ),
    ),
  ),
  http.post(
    `${API}/reviews`,
    authed(WRITERS, async (ctx) =>
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
    ),
  ),
  http.patch(
    `${API}/reviews/:id`,
    authed(WRITERS, async (ctx) => {
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
    }),
  ),
];

export const reportDocs: Route[] = [
  {
    method: 'get',
    path: '/reports/annual/{year}',
    summary:
      "The annual report compiled from the records at request time, with the checks' warnings",
    roles: 'admin, clerk, leader',
    tag: 'reports',
    response: annualReportSchema,
    errors: [404],
  },
  {
    method: 'put',
    path: '/reports/annual/{year}/narrative',
    summary: 'Save sections 一, 五 and 六 (If-Match: the narrative version from the report)',
    roles: 'admin, clerk',
    tag: 'reports',
    body: narrativeSchema,
    response: narrativeRecordSchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
    description:
      'The narrative carries a `version` (1 for a year never saved, +1 on every save). A stale If-Match gets 409 with the current narrative in `current`; none gets 428.',
  },
  {
    method: 'get',
    path: '/reviews',
    summary: 'Administrative review and litigation cases (table 四)',
    roles: 'admin, clerk, leader',
    tag: 'reports',
    response: z.array(reviewCaseSchema),
  },
  {
    method: 'post',
    path: '/reviews',
    summary: 'Register a case',
    roles: 'admin, clerk',
    tag: 'reports',
    body: reviewInputSchema,
    response: reviewCaseSchema,
    status: 201,
    idempotent: true,
    errors: [403, 422],
  },
  {
    method: 'patch',
    path: '/reviews/{id}',
    summary: 'Change a case (e.g. record its result)',
    roles: 'admin, clerk',
    tag: 'reports',
    body: reviewInputSchema,
    response: reviewCaseSchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
  },
];
