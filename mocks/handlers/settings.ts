import { z } from 'zod';
import { DEFAULT_TIME_LIMITS, timeLimitsSchema } from '@/features/letters/types';
import { DEFAULT_DOCUMENT_NUMBERING, documentNumberingSchema } from '@/features/documents/types';
import { organisationSchema } from '@/features/settings/types';
import type { Tx } from '../../server/domain/ports';
import { audit, diff } from '../../server/domain/audit';
import { DEFAULT_ORGANISATION, versionOf } from '../../server/domain/settings';
import { checkVersion, withEtag } from '../http';
import { route } from '../route';

/** A setting as read and saved: its fields and its version (ETag; PUT with If-Match). */
const versioned = (schema: z.ZodObject, id: string) =>
  schema
    .extend({
      version: z
        .number()
        .int()
        .meta({ description: '0 while only the default exists; +1 on every save' }),
    })
    .meta({ id });

/**
 * A setting as one versioned record: GET sends it with its version (ETag), PUT needs If-Match
 * (0 while only the default exists), so of two admins saving at once exactly one wins and the
 * other gets 409 with the current value.
 */
function setting<S extends z.ZodObject>(o: {
  id: string;
  path: string;
  schema: S;
  fallback: z.infer<S>;
  detail: string;
  /** The documented schema of the setting with its version (an id in the document). */
  docId: string;
  summaries: { get: string; put: string };
}) {
  const response = versioned(o.schema, o.docId);
  /** The setting as it is now (read for update in a change). */
  const current = async (tx: Tx, forUpdate = false) => {
    const rec = await (forUpdate ? tx.settings.getForUpdate(o.id) : tx.settings.get(o.id));
    // A value stored before a field existed reads with that field's default.
    return { ...o.fallback, ...(rec?.value as z.infer<S> | undefined), version: versionOf(rec) };
  };
  return [
    route({
      method: 'get',
      path: `/settings/${o.path}`,
      summary: o.summaries.get,
      roles: 'any',
      tag: 'settings',
      response,
      handler: async (ctx) => withEtag(await current(ctx.tx)),
    }),
    route({
      method: 'put',
      path: `/settings/${o.path}`,
      summary: o.summaries.put,
      roles: ['admin'],
      tag: 'settings',
      body: o.schema,
      response,
      ifMatch: true,
      errors: [403, 409, 422, 428],
      handler: async (ctx) => {
        const body = await ctx.body();
        // The version as it is now, after the body was awaited.
        const { version, ...before } = await current(ctx.tx, true);
        checkVersion(ctx.request, { ...before, version });
        await ctx.tx.settings.put({ id: o.id, value: body, version: version + 1 });
        await audit(ctx.tx, 'settings', o.id, 'update', ctx.user, o.detail, {
          ...diff(before as object, body as object),
          event: { type: o.id, params: {} },
        });
        return withEtag({ ...body, version: version + 1 });
      },
    }),
  ];
}

export const settingsRoutes = [
  ...setting({
    id: 'timeLimits',
    path: 'time-limits',
    schema: timeLimitsSchema,
    fallback: DEFAULT_TIME_LIMITS,
    detail: '修改办理时限（已登记来信的期限不变）',
    docId: 'VersionedTimeLimits',
    summaries: {
      get: 'Letter time limits',
      put: 'Change letter time limits (existing deadlines never move)',
    },
  }),
  ...setting({
    id: 'organisation',
    path: 'organisation',
    schema: organisationSchema,
    fallback: DEFAULT_ORGANISATION,
    detail: '修改机关信息',
    docId: 'VersionedOrganisation',
    summaries: {
      get: 'The bureau: name, index-number prefix, administrative fees per year',
      put: 'Change the organisation settings',
    },
  }),
  ...setting({
    id: 'documentNumbering',
    path: 'document-numbering',
    schema: documentNumberingSchema,
    fallback: DEFAULT_DOCUMENT_NUMBERING,
    detail: '修改文号规则（已签发文书的文号不变）',
    docId: 'VersionedDocumentNumbering',
    summaries: {
      get: '文号 scheme: the prefix (机关代字) of each document family',
      put: 'Change the 文号 scheme (numbers already issued stay as they are)',
    },
  }),
];
