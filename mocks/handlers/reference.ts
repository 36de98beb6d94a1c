import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { isoDate } from '@/types/api';
import { today } from '../clock';
import { API, authed, parseQuery } from '../http';
import { regionsOn, SECTIONS } from '../seed/reference';

export const referenceHandlers = [
  http.get(
    `${API}/sections`,
    authed('any', () => HttpResponse.json(SECTIONS)),
  ),
  http.get(
    `${API}/regions`,
    authed('any', (ctx) => {
      const q = parseQuery(ctx, z.object({ on: isoDate.optional() }));
      return HttpResponse.json(regionsOn(q.on ?? today()));
    }),
  ),
];
