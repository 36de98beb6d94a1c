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
import { nowInstant, today } from '../clock';
import { db } from '../db';
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
import { audit, diff } from '../services/sync';
import { annualReport, getNarrative, saveNarrative } from '../services/reports';

const READERS = ['admin', 'clerk', 'leader'] as const;

const yearOf = (raw: unknown) => {
  const r = z.coerce.number().int().min(2008).max(2100).safeParse(raw);
  if (!r.success || r.data > Number(today().slice(0, 4))) throw errors.notFound();
  return r.data;
};

async function parseReview(ctx: Ctx, base?: ReviewCase) {
  const raw = base ? { ...base, ...(await readPatch(ctx)) } : await readJson(ctx.request);
  const r = reviewInputSchema.safeParse(raw);
  if (!r.success) throw errors.validation(fieldErrors(r.error, ctx.locale));
  // Not filed or concluded after the backend's today (the schema bounds them below by 2000).
  const now = today();
  const future = (['filedOn', 'concludedOn'] as const).filter((f) => (r.data[f] ?? '') > now);
  if (future.length)
    throw errors.validation(
      Object.fromEntries(future.map((f) => [f, translate(ctx.locale, 'validation.notFuture')])),
    );
  if (r.data.applicationId && !db.applications.get(r.data.applicationId))
    throw errors.validation({ applicationId: 'unknown application' });
  return r.data;
}

export const reportHandlers = [
  http.get(
    `${API}/reports/annual/:year`,
    authed([...READERS], ({ params }) => HttpResponse.json(annualReport(yearOf(params.year)))),
  ),
  http.put(
    `${API}/reports/annual/:year/narrative`,
    authed(WRITERS, async (ctx) => {
      const year = yearOf(ctx.params.year);
      const before = getNarrative(year);
      // Like every change to an existing record: 428 without If-Match, 409 (with the current
      // text) when someone else saved since.
      checkVersion(ctx.request, before);
      const body = await parseBody(ctx, narrativeSchema);
      // Checked again after the body was awaited: one of two saves with one version wins.
      const current = getNarrative(year);
      checkVersion(ctx.request, current);
      const next = saveNarrative(year, body, current);
      audit(
        'report',
        String(year),
        'narrative',
        ctx.user,
        `保存${year}年度报告文字部分`,
        diff(current, next),
      );
      await db.commit();
      return withEtag(next);
    }),
  ),
  http.get(
    `${API}/reviews`,
    authed([...READERS], () =>
      HttpResponse.json(db.reviews.all().sort((a, b) => b.filedOn.localeCompare(a.filedOn))),
    ),
  ),
  http.post(
    `${API}/reviews`,
    authed(WRITERS, async (ctx) =>
      idempotent(ctx, async () => {
        const v = await parseReview(ctx);
        const at = nowInstant();
        const rec: ReviewCase = {
          id: crypto.randomUUID(),
          ...v,
          version: 1,
          createdAt: at,
          updatedAt: at,
        };
        db.reviews.put(rec);
        audit('review', rec.id, 'create', ctx.user, `登记${v.kind}案件（${v.filedOn}）`, { at });
        return { status: 201, body: rec };
      }),
    ),
  ),
  http.patch(
    `${API}/reviews/:id`,
    authed(WRITERS, async (ctx) => {
      const rec = db.reviews.get(String(ctx.params.id));
      if (!rec) throw errors.notFound();
      checkVersion(ctx.request, rec);
      const v = await parseReview(ctx, rec);
      const current = db.reviews.get(rec.id)!;
      checkVersion(ctx.request, current);
      const next: ReviewCase = {
        ...current,
        ...v,
        version: current.version + 1,
        updatedAt: nowInstant(),
      };
      db.reviews.put(next);
      audit('review', rec.id, 'update', ctx.user, '修改复议诉讼案件', diff(current, next));
      await db.commit();
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
