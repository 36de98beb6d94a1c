import { http, HttpResponse } from 'msw';
import { dashboardQuerySchema, dashboardSchema } from '@/features/dashboard/types';
import { today } from '../clock';
import { ALL, API, authed, parseQuery } from '../http';
import type { Route } from '../openapi-route';
import { ALL_ROLES } from '../openapi-route';
import { dashboard } from '../services/dashboard';

export const dashboardHandlers = [
  http.get(
    `${API}/dashboard`,
    authed(ALL, (ctx) => {
      const q = parseQuery(ctx, dashboardQuerySchema);
      const t = today();
      return HttpResponse.json(dashboard(ctx.user, q.year ?? Number(t.slice(0, 4)), t));
    }),
  ),
];

export const dashboardDocs: Route[] = [
  {
    method: 'get',
    path: '/dashboard',
    summary:
      'Leadership KPIs of a year (default: this year), computed from the records at request time',
    roles: `${ALL_ROLES} (handlers: own section's letters and applications; no assistance figures)`,
    tag: 'dashboard',
    query: dashboardQuerySchema,
    response: dashboardSchema,
    errors: [400],
    description:
      'Counts come with the same period of the year before (`previous`, `change`); a year in progress is compared day for day. A rate is null when it rests on fewer than 5 cases (`denominator` says how many). Response times are working days from receipt to reply (letters) or decision (applications), as median and mean. Assistance figures count published figures only and are illustrative in the demo data.',
  },
];
