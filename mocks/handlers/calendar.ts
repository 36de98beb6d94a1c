import { http, HttpResponse } from 'msw';
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
  calendarYearSchema,
  workdaysQuerySchema,
  type CalendarYearDetail,
  type CalendarYearSummary,
  type WorkdaysResult,
} from '@/types/calendar';
import { translate } from '@/lib/i18n/core';
import { today } from '../clock';
import { db } from '../db';
import { API, authed, checkVersion, errors, parseBody, parseQuery, withEtag, ALL } from '../http';
import { audit } from '../services/audit';
import { calendar } from '../services/calendar';
import { recomputeProvisional } from '../services/letters';

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
const versionOf = (year: number) => {
  const stored = db.calendarYears.get(String(year));
  return stored ? (stored.version ?? 1) : 0;
};

function summary(year: number): CalendarYearSummary {
  const cal = calendar();
  return { year, source: cal.yearSource(year), complete: cal.yearComplete(year) };
}

export const calendarHandlers = [
  http.get(
    `${API}/calendar/years`,
    authed(ALL, () => {
      const thisYear = Number(today().slice(0, 4));
      const years = new Set<number>();
      for (
        let y = Math.max(OFFICIAL_FIRST_YEAR, 2017);
        y <= Math.max(OFFICIAL_LAST_YEAR, thisYear) + 1;
        y++
      )
        years.add(y);
      db.calendarYears.all().forEach((y) => years.add(y.year));
      return HttpResponse.json([...years].sort((a, b) => a - b).map(summary));
    }),
  ),
  http.get(
    `${API}/calendar/years/:year`,
    authed(ALL, ({ params }) => {
      const year = yearParam(params.year);
      const stored = db.calendarYears.get(String(year));
      const body: CalendarYearDetail = {
        ...summary(year),
        days: stored?.days ?? [],
        officialDays: officialDays(year),
        assumedDays: statutoryDays(year),
        version: versionOf(year),
      };
      return withEtag(body);
    }),
  ),
  http.put(
    `${API}/calendar/years/:year`,
    authed(['admin'], async (ctx) => {
      const year = yearParam(ctx.params.year);
      const body = await parseBody(ctx, calendarYearSchema);
      const errs = validateAdminYear({ year, ...body });
      if (Object.keys(errs).length) {
        throw errors.validation(
          Object.fromEntries(Object.entries(errs).map(([k, v]) => [k, translate(ctx.locale, v)])),
        );
      }
      // The year as it is now, after the body was awaited: one of two admins saving at once wins.
      const before = db.calendarYears.get(String(year));
      const version = versionOf(year);
      checkVersion(ctx.request, { version }, () => ({
        ...summary(year),
        days: before?.days ?? [],
        officialDays: officialDays(year),
        assumedDays: statutoryDays(year),
        version,
      }));
      db.calendarYears.put({
        id: String(year),
        year,
        complete: calendar().yearSource(year) === 'official' ? true : body.complete,
        days: body.days,
        version: version + 1,
      });
      audit(
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
      // The calendar cache drops on the next read (db change listener), so deadlines are recounted under the new year.
      await db.commit();
      const recomputed = recomputeProvisional(ctx.user);
      await db.commit();
      return withEtag({
        ...summary(year),
        days: body.days,
        officialDays: officialDays(year),
        assumedDays: statutoryDays(year),
        version: version + 1,
        recomputed,
      });
    }),
  ),
  http.get(
    `${API}/calendar/workdays`,
    authed(ALL, (ctx) => {
      const q = parseQuery(ctx, workdaysQuerySchema);
      const r = calendar().addWorkdays(q.from, q.count);
      const body: WorkdaysResult = { from: q.from, count: q.count, ...r };
      return HttpResponse.json(body);
    }),
  ),
];
