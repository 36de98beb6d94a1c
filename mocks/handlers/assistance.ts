import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import {
  assistanceFigureSchema,
  assistanceQuerySchema,
  type AssistanceFigure,
} from '@/features/assistance/types';
import type { Route } from '../openapi-route';
import { db } from '../db';
import { API, authed, parseQuery } from '../http';

export const assistanceHandlers = [
  http.get(
    `${API}/assistance`,
    authed(['admin', 'clerk', 'leader'], (ctx) => {
      const q = parseQuery(ctx, assistanceQuerySchema);
      let rows = db.assistance.all() as unknown as AssistanceFigure[];
      if (q.year) rows = rows.filter((f) => f.period.startsWith(`${q.year}-`));
      if (q.period) rows = rows.filter((f) => f.period === q.period);
      if (q.region) rows = rows.filter((f) => f.regionCode === q.region);
      if (q.program) rows = rows.filter((f) => f.program === q.program);
      return HttpResponse.json(rows.sort((a, b) => a.id.localeCompare(b.id)));
    }),
  ),
];

export const assistanceDocs: Route[] = [
  {
    method: 'get',
    path: '/assistance',
    summary: 'Social-assistance figures',
    roles: 'admin, clerk, leader',
    tag: 'assistance',
    query: assistanceQuerySchema,
    response: z.array(assistanceFigureSchema),
  },
];
