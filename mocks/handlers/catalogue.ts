import { http, HttpResponse } from 'msw';
import {
  catalogueEntrySchema,
  catalogueListQuerySchema,
  cataloguePageSchema,
  type CatalogueEntry,
} from '@/features/catalogue/types';
import { db } from '../db';
import { API, authed, errors, pageOf, parseQuery, withEtag, ALL as ALL_ROLE_LIST } from '../http';
import type { Route } from '../openapi-route';
import { ALL_ROLES as ALL } from '../openapi-route';
import { presentEntry } from '../services/catalogue';

export const catalogueHandlers = [
  http.get(
    `${API}/catalogue`,
    authed(ALL_ROLE_LIST, (ctx) => {
      const q = parseQuery(ctx, catalogueListQuerySchema);
      let rows = db.catalogue.all().map(presentEntry);
      if (q.includeWithdrawn !== 'true') rows = rows.filter((e) => !e.withdrawn);
      if (q.category) rows = rows.filter((e) => e.category === q.category);
      if (q.docType) rows = rows.filter((e) => e.docType === q.docType);
      if (q.attribute) rows = rows.filter((e) => e.attribute === q.attribute);
      if (q.channel) rows = rows.filter((e) => e.channels.includes(q.channel!));
      if (q.validity) rows = rows.filter((e) => e.validity === q.validity);
      if (q.year) rows = rows.filter((e) => e.publishedOn?.startsWith(String(q.year)));
      if (q.timely) rows = rows.filter((e) => String(e.timely) === q.timely);
      return HttpResponse.json(
        pageOf(rows, q, {
          search: (e: CatalogueEntry) =>
            `${e.indexNo} ${e.title} ${e.docNo ?? ''} ${e.keywords.join(' ')} ${e.summary ?? ''}`,
          sortable: {
            publishedOn: (e) => e.publishedOn,
            formedOn: (e) => e.formedOn,
            indexNo: (e) => e.indexNo,
            title: (e) => e.title,
          },
          defaultSort: '-publishedOn',
        }),
      );
    }),
  ),
  http.get(
    `${API}/catalogue/:id`,
    authed(ALL_ROLE_LIST, ({ params }) => {
      const rec = db.catalogue.get(String(params.id));
      if (!rec) throw errors.notFound();
      return withEtag(presentEntry(rec));
    }),
  ),
];

export const catalogueDocs: Route[] = [
  {
    method: 'get',
    path: '/catalogue',
    summary: 'List catalogue entries',
    roles: ALL,
    tag: 'catalogue',
    query: catalogueListQuerySchema,
    response: cataloguePageSchema,
  },
  {
    method: 'get',
    path: '/catalogue/{id}',
    summary: 'One catalogue entry',
    roles: ALL,
    tag: 'catalogue',
    response: catalogueEntrySchema,
    errors: [404],
  },
];
