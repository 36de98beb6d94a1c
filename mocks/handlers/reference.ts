import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { isoDate } from '@/types/api';
import { today } from '../clock';
import { API, authed, parseQuery } from '../http';
import { regionsOn } from '../seed/reference';
import { listSections } from '../services/accounts';

export const referenceHandlers = [
  http.get(
    `${API}/sections`,
    // Every role reads them (names on letters and filters); retired ones too, flagged.
    authed('any', () => HttpResponse.json(listSections())),
  ),
  http.get(
    `${API}/regions`,
    authed('any', (ctx) => {
      const q = parseQuery(ctx, z.object({ on: isoDate.optional() }));
      return HttpResponse.json(regionsOn(q.on ?? today()));
    }),
  ),
];
