import { HttpResponse } from 'msw';
import { z } from 'zod';
import { isoDate, regionSchema, sectionSchema } from '@/types/api';
import { parseQuery } from '../http';
import { route } from '../route';
import { regionsOn } from '../seed/reference';
import { listSections } from '../../server/domain/accounts';

const regionsQuery = z.object({ on: isoDate.optional() });

export const referenceRoutes = [
  route({
    method: 'get',
    path: '/sections',
    summary: 'Sections (科室), retired ones flagged, in the bureau’s order',
    // Every role reads them (names on letters and filters); retired ones too, flagged.
    roles: 'any',
    tag: 'reference',
    response: z.array(sectionSchema),
    handler: async (ctx) => HttpResponse.json(await listSections(ctx.tx)),
  }),
  route({
    method: 'get',
    path: '/regions',
    summary: 'County-level units in force on a date (13 before 2018-11-23, 12 after)',
    roles: 'any',
    tag: 'reference',
    query: regionsQuery,
    response: z.array(regionSchema),
    handler: (ctx) => {
      const q = parseQuery(ctx, regionsQuery);
      return HttpResponse.json(regionsOn(q.on ?? ctx.tx.today));
    },
  }),
];
