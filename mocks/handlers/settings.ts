import { http } from 'msw';
import type { z } from 'zod';
import { DEFAULT_TIME_LIMITS, timeLimitsSchema } from '@/features/letters/types';
import { DEFAULT_DOCUMENT_NUMBERING, documentNumberingSchema } from '@/features/documents/types';
import { organisationSchema } from '@/features/settings/types';
import type { Tx } from '../../server/domain/ports';
import { audit, diff } from '../../server/domain/audit';
import { DEFAULT_ORGANISATION, versionOf } from '../../server/domain/settings';
import { ALL, API, authed, checkVersion, parseBody, withEtag } from '../http';

/**
 * A setting as one versioned record: GET sends it with its version (ETag), PUT needs If-Match
 * (0 while only the default exists), so of two admins saving at once exactly one wins and the
 * other gets 409 with the current value.
 */
function setting<S extends z.ZodType<object>>(o: {
  id: string;
  path: string;
  schema: S;
  fallback: z.infer<S>;
  detail: string;
}) {
  /** The setting as it is now (read for update in a change). */
  const current = async (tx: Tx, forUpdate = false) => {
    const rec = await (forUpdate ? tx.settings.getForUpdate(o.id) : tx.settings.get(o.id));
    // A value stored before a field existed reads with that field's default.
    return { ...o.fallback, ...(rec?.value as z.infer<S> | undefined), version: versionOf(rec) };
  };
  return [
    http.get(
      `${API}/settings/${o.path}`,
      authed(ALL, async (ctx) => withEtag(await current(ctx.tx))),
    ),
    http.put(
      `${API}/settings/${o.path}`,
      authed(['admin'], async (ctx) => {
        const body = await parseBody(ctx, o.schema);
        // The version as it is now, after the body was awaited.
        const { version, ...before } = await current(ctx.tx, true);
        checkVersion(ctx.request, { ...before, version });
        await ctx.tx.settings.put({ id: o.id, value: body, version: version + 1 });
        await audit(ctx.tx, 'settings', o.id, 'update', ctx.user, o.detail, {
          ...diff(before as object, body as object),
          event: { type: o.id, params: {} },
        });
        return withEtag({ ...body, version: version + 1 });
      }),
    ),
  ];
}

export const settingsHandlers = [
  ...setting({
    id: 'timeLimits',
    path: 'time-limits',
    schema: timeLimitsSchema,
    fallback: DEFAULT_TIME_LIMITS,
    detail: '修改办理时限（已登记来信的期限不变）',
  }),
  ...setting({
    id: 'organisation',
    path: 'organisation',
    schema: organisationSchema,
    fallback: DEFAULT_ORGANISATION,
    detail: '修改机关信息',
  }),
  ...setting({
    id: 'documentNumbering',
    path: 'document-numbering',
    schema: documentNumberingSchema,
    fallback: DEFAULT_DOCUMENT_NUMBERING,
    detail: '修改文号规则（已签发文书的文号不变）',
  }),
];
