import { HttpResponse } from 'msw';
import { dashboardQuerySchema, dashboardSchema, type Dashboard } from '@/features/dashboard/types';
import { dashboard } from '../../server/domain/dashboard';
import { parseQuery } from '../http';
import { route, type ApiRoute } from '../route';

/**
 * The figures of one scope (a handler's section, or everything), year and day, kept until the
 * next commit (the storage's revision, which every instance on one database sees advance): the
 * leadership page is read far more often than its records change, and each computation walks
 * every letter, application and catalogue entry.
 */
const memo = new Map<string, Dashboard>();
const MEMO_SIZE = 64;

export const dashboardRoutes: ApiRoute[] = [
  route({
    method: 'get',
    path: '/dashboard',
    summary:
      'Leadership KPIs of a year (default: this year), computed from the records at request time',
    roles: 'any',
    rolesNote: "(handlers: own section's letters and applications; no assistance figures)",
    tag: 'dashboard',
    query: dashboardQuerySchema,
    response: dashboardSchema,
    errors: [400],
    description:
      'Counts come with the same period of the year before (`previous`, `change`); a year in progress is compared day for day. A rate is null when it rests on fewer than 5 cases (`denominator` says how many). Response times are working days from receipt to reply (letters) or decision (applications), as median and mean. Assistance figures count published figures only and are illustrative in the demo data.',
    handler: async (ctx) => {
      const q = parseQuery(ctx, dashboardQuerySchema);
      const t = ctx.tx.today;
      const year = q.year ?? Number(t.slice(0, 4));
      const { user } = ctx;
      const scope = user.role === 'handler' ? `handler:${user.sectionId}` : user.role;
      const key = `${await ctx.tx.revision()}|${scope}|${year}|${t}`;
      let d = memo.get(key);
      if (!d) {
        d = await dashboard(ctx.tx, user, year, t);
        if (memo.size >= MEMO_SIZE) memo.clear();
        memo.set(key, d);
      }
      return HttpResponse.json(d);
    },
  }),
];
