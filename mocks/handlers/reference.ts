import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { isoDate } from '@/types/api';
import { API, authed, parseQuery } from '../http';
import { regionsOn } from '../seed/reference';
import { listSections } from '../../server/domain/accounts';

export const referenceHandlers = [
  http.get(
    `${API}/sections`,
    // Every role reads them (names on letters and filters); retired ones too, flagged.
    authed('any', async (ctx) => HttpResponse.json(await listSections(ctx.tx))),
  ),
  http.get(
    `${API}/regions`,
    authed('any', (ctx) => {
      const q = parseQuery(ctx, z.object({ on: isoDate.optional() }));
      return HttpResponse.json(regionsOn(q.on ?? ctx.tx.today));
    }),
  ),
];
