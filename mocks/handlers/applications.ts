import { http, HttpResponse } from 'msw';
import {
  applicationListQuerySchema,
  type Application,
  type ApplicationRecord,
} from '@/features/applications/types';
import { db } from '../db';
import { ALL, API, authed, pageOf, parseQuery } from '../http';

/** The list of 依申请公开 applications (the full workflow lands with its own issue). */
export const applicationHandlers = [
  http.get(
    `${API}/applications`,
    authed(ALL, (ctx) => {
      const q = parseQuery(ctx, applicationListQuerySchema);
      let rows = (db.applications.all() as unknown as ApplicationRecord[]).map(
        (a): Application => ({ ...a, remainingWorkdays: null, alert: 'none' }),
      );
      if (ctx.user.role === 'handler')
        rows = rows.filter((a) => a.sectionId === ctx.user.sectionId);
      if (q.status) rows = rows.filter((a) => a.status === q.status);
      if (q.applicantType) rows = rows.filter((a) => a.applicantType === q.applicantType);
      if (q.year) rows = rows.filter((a) => a.receivedOn.startsWith(String(q.year)));
      if (q.outcome) rows = rows.filter((a) => a.outcome === q.outcome);
      return HttpResponse.json(
        pageOf(rows, q, {
          search: (a) => `${a.serialNo} ${a.applicantName} ${a.description}`,
          sortable: { receivedOn: (a) => a.receivedOn, dueOn: (a) => a.dueOn },
          defaultSort: '-receivedOn',
        }),
      );
    }),
  ),
];
