import { HttpResponse } from 'msw';
import { z } from 'zod';
import {
  OFFICIAL_FIRST_YEAR,
  OFFICIAL_LAST_YEAR,
  addDays,
  createCalendar,
  statutoryDays,
  validateAdminYear,
} from '@/lib/workdays';
import {
  calendarYearDetailSchema,
  calendarYearSchema,
  calendarYearSummarySchema,
  workdaysQuerySchema,
  workdaysResultSchema,
  type CalendarYearDetail,
  type CalendarYearSummary,
  type WorkdaysResult,
} from '@/types/calendar';
import { translate } from '@/lib/i18n/core';
import type { WorkdayCalendar } from '@/lib/workdays';
import { audit } from '../../server/domain/audit';
import { calendar } from '../../server/domain/calendar';
import { recomputeProvisional } from '../../server/domain/letters';
import type { CalendarYearRecord } from '../../server/domain/records';
import { checkVersion, errors, parseQuery, withEtag } from '../http';
import { route } from '../route';

const yearParam = (raw: unknown) => {
  const r = z.coerce.number().int().min(2000).max(2100).safeParse(raw);
  if (!r.success) throw errors.notFound();
  return r.data;
};

function officialDays(year: number) {
  const pure = createCalendar([]);
  if (pure.yearSource(year) !== 'official') return [];
  const out: CalendarYearDetail['officialDays'] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    const info = pure.dayInfo(d);
    if (info.kind === 'holiday' || info.kind === 'makeup')
      out.push({ date: d, workday: info.workday, name: info.name ?? '' });
  }
  return out;
}

/** The stored year's version: 0 until an admin first saves it (1 for years saved before versions). */
const versionOf = (stored: CalendarYearRecord | undefined) => (stored ? (stored.version ?? 1) : 0);

function summary(cal: WorkdayCalendar, year: number): CalendarYearSummary {
  return { year, source: cal.yearSource(year), complete: cal.yearComplete(year) };
}

export const calendarRoutes = [
  route({
    method: 'get',
    path: '/calendar/years',
    summary: 'Calendar years and where their holidays come from',
    roles: 'any',
    tag: 'calendar',
    response: z.array(calendarYearSummarySchema),
    handler: async ({ tx }) => {
      const thisYear = Number(tx.today.slice(0, 4));
      const stored = await tx.calendarYears.all();
      const cal = await calendar(tx);
      const years = new Set<number>();
      for (
        let y = Math.max(OFFICIAL_FIRST_YEAR, 2017);
        y <= Math.max(OFFICIAL_LAST_YEAR, thisYear) + 1;
        y++
      )
        years.add(y);
      stored.forEach((y) => years.add(y.year));
      return HttpResponse.json([...years].sort((a, b) => a - b).map((y) => summary(cal, y)));
    },
  }),
  route({
    method: 'get',
    path: '/calendar/years/{year}',
    summary: 'One calendar year: official days and admin-entered days',
    roles: 'any',
    tag: 'calendar',
    response: calendarYearDetailSchema,
    handler: async ({ tx, params }) => {
      const year = yearParam(params.year);
      const stored = await tx.calendarYears.get(String(year));
      const body: CalendarYearDetail = {
        ...summary(await calendar(tx), year),
        days: stored?.days ?? [],
        officialDays: officialDays(year),
        assumedDays: statutoryDays(year),
        version: versionOf(stored),
      };
      return withEtag(body);
    },
  }),
  route({
    method: 'put',
    path: '/calendar/years/{year}',
    summary: "Enter a year's holidays and make-up days",
    roles: ['admin'],
    tag: 'calendar',
    body: calendarYearSchema,
    response: calendarYearDetailSchema,
    ifMatch: true,
    errors: [403, 409, 422, 428],
    description:
      'An official year can only be supplemented. Open letters whose deadline was provisional are recomputed (recorded in their audit trail); the response adds `recomputed` (count). If-Match is the version read (0 for a year never saved): of two admins saving at once one gets 409 with the current year.',
    handler: async (ctx) => {
      const year = yearParam(ctx.params.year);
      const body = await ctx.body();
      const errs = validateAdminYear({ year, ...body });
      if (Object.keys(errs).length) {
        throw errors.validation(
          Object.fromEntries(Object.entries(errs).map(([k, v]) => [k, translate(ctx.locale, v)])),
        );
      }
      // The year as it is now, after the body was awaited: one of two admins saving at once wins.
      const { tx } = ctx;
      const before = await tx.calendarYears.getForUpdate(String(year));
      const version = versionOf(before);
      const cal = await calendar(tx);
      checkVersion(ctx.request, { version }, () => ({
        ...summary(cal, year),
        days: before?.days ?? [],
        officialDays: officialDays(year),
        assumedDays: statutoryDays(year),
        version,
      }));
      await tx.calendarYears.put({
        id: String(year),
        year,
        complete: cal.yearSource(year) === 'official' ? true : body.complete,
        days: body.days,
        version: version + 1,
      });
      await audit(
        tx,
        'calendar',
        String(year),
        'update',
        ctx.user,
        `${year}年日历：${body.days.length}天${body.complete ? '，已完整' : '，未完整'}`,
        {
          before: before ?? null,
          after: body,
          event: {
            type: 'calendar',
            params: { year, days: body.days.length, complete: Boolean(body.complete) },
          },
        },
      );
      // Deadlines are recounted under the new year (the transaction reads the year it just wrote).
      const recomputed = await recomputeProvisional(tx, ctx.user);
      return withEtag({
        ...summary(await calendar(tx), year),
        days: body.days,
        officialDays: officialDays(year),
        assumedDays: statutoryDays(year),
        version: version + 1,
        recomputed,
      });
    },
  }),
  route({
    method: 'get',
    path: '/calendar/workdays',
    summary: 'N working days after a date, explained (skipped days, make-up days)',
    roles: 'any',
    tag: 'calendar',
    query: workdaysQuerySchema,
    response: workdaysResultSchema,
    handler: async (ctx) => {
      const q = parseQuery(ctx, workdaysQuerySchema);
      const r = (await calendar(ctx.tx)).addWorkdays(q.from, q.count);
      const body: WorkdaysResult = { from: q.from, count: q.count, ...r };
      return HttpResponse.json(body);
    },
  }),
];
