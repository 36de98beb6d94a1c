import { HttpResponse } from 'msw';
import {
  type Application,
  type ApplicationAction,
  applicationActionSchemas,
  applicationDueQuerySchema,
  applicationDueSchema,
  applicationListQuerySchema,
  applicationPageSchema,
  type ApplicationRecord,
  applicationSchema,
  createApplicationSchema,
  feeQuoteQuerySchema,
  feeQuoteSchema,
} from '@/features/applications/types';
import { applicantWindow, windowLapsing } from '@/features/applications/clock';
import { ACTION_ROLES_APP } from '@/features/applications/rules';
import { coversRow, table3RowsOf } from '@/features/reports/compile';
import { translate } from '@/lib/i18n/core';
import type { User } from '@/types/api';
import type { Tx } from '../../server/domain/ports';
import { readView } from '../../server/domain/view';
import {
  checkVersion,
  errors,
  idempotent,
  pageOf,
  parseBody,
  parseQuery,
  WRITERS,
  withEtag,
} from '../http';
import { route } from '../route';
import {
  applicationDue,
  applyApplicationAction,
  createApplication,
  feeQuote,
  inAppScope,
  presentApplication,
  type ApplicationActionInput,
} from '../../server/domain/applications';
import { z } from 'zod';

/** The application, if the caller may see it (else 404); read for update when a change is based on it. */
async function find(
  tx: Tx,
  user: User,
  id: unknown,
  forUpdate = false,
): Promise<ApplicationRecord> {
  const rec =
    typeof id !== 'string'
      ? undefined
      : await (forUpdate ? tx.applications.getForUpdate(id) : tx.applications.get(id));
  if (!rec || !inAppScope(user, rec)) throw errors.notFound();
  return rec;
}
const fullContact = (user: User) => user.role === 'admin' || user.role === 'clerk';

export const applicationRoutes = [
  route({
    method: 'get',
    path: '/applications',
    summary: 'List 依申请公开 applications',
    roles: 'any',
    tag: 'applications',
    query: applicationListQuerySchema,
    response: applicationPageSchema,
    handler: async (ctx) => {
      const q = parseQuery(ctx, applicationListQuerySchema);
      const view = await readView(ctx.tx);
      const t = view.today;
      let rows = (await ctx.tx.applications.all())
        .filter((a) => inAppScope(ctx.user, a))
        .map((a) => presentApplication(view, a, { mask: true }));
      if (q.status) rows = rows.filter((a) => a.status === q.status);
      if (q.applicantType) rows = rows.filter((a) => a.applicantType === q.applicantType);
      if (q.year) rows = rows.filter((a) => a.receivedOn.startsWith(String(q.year)));
      if (q.alert) rows = rows.filter((a) => a.alert === q.alert);
      if (q.outcome) rows = rows.filter((a) => a.decision?.outcome === q.outcome);
      if (q.open) rows = rows.filter((a) => a.status !== 'decided');
      if (q.late) rows = rows.filter((a) => a.decision?.late === true);
      if (q.lapsing) {
        const [cal, days] = [view.cal, view.dueSoonDays];
        rows = rows.filter((a) => {
          const w = applicantWindow(a.clock);
          return w?.kind === q.lapsing && windowLapsing(cal, t, w, days);
        });
      }
      if (q.reportYear && q.reportRow) {
        const y = q.reportYear;
        const row = q.reportRow;
        rows = rows.filter((a) =>
          coversRow(
            row,
            table3RowsOf(
              { applicantType: a.applicantType, receivedOn: a.receivedOn, decision: a.decision },
              y,
            ),
          ),
        );
      }
      return HttpResponse.json(
        pageOf(rows, q, {
          search: (a: Application) => `${a.serialNo} ${a.applicantName} ${a.description}`,
          sortable: {
            receivedOn: (a) => `${a.receivedOn}${a.serialNo}`,
            dueOn: (a) => a.dueOn,
            serialNo: (a) => a.serialNo,
          },
          defaultSort: '-receivedOn',
        }),
      );
    },
  }),
  route({
    method: 'get',
    path: '/applications/alerts',
    summary: "Counts of overdue and due-soon applications in the caller's scope, with the items",
    roles: 'any',
    tag: 'applications',
    response: z.object({
      overdue: z.number().int(),
      dueSoon: z.number().int(),
      items: z.array(applicationSchema),
    }),
    handler: async ({ tx, user }) => {
      const view = await readView(tx);
      const items = (await tx.applications.all())
        .filter((a) => inAppScope(user, a))
        .map((a) => presentApplication(view, a, { mask: true }))
        .filter((a) => a.alert !== 'none' || a.status === 'fee_expired')
        .sort((a, b) => (a.remainingWorkdays ?? 0) - (b.remainingWorkdays ?? 0));
      return HttpResponse.json({
        overdue: items.filter((a) => a.alert === 'overdue').length,
        dueSoon: items.filter((a) => a.alert === 'due_soon').length,
        items,
      });
    },
  }),
  // Before /applications/:id: the deadline a registration on that receipt date would store.
  route({
    method: 'get',
    path: '/applications/due',
    summary:
      'The statutory deadline an application received on `receivedOn` gets (20 working days, 第三十三条): the registration form previews it, POST /applications stores the same dueOn (one clock function)',
    roles: WRITERS,
    tag: 'applications',
    query: applicationDueQuerySchema,
    response: applicationDueSchema,
    errors: [400, 403, 422],
    handler: async (ctx) => {
      const q = parseQuery(ctx, applicationDueQuerySchema);
      if (q.receivedOn > ctx.tx.today)
        throw errors.validation({ receivedOn: translate(ctx.locale, 'validation.notFuture') });
      return HttpResponse.json(await applicationDue(ctx.tx, q.receivedOn));
    },
  }),
  route({
    method: 'post',
    path: '/applications',
    summary: 'Register an application',
    roles: WRITERS,
    tag: 'applications',
    body: createApplicationSchema,
    response: applicationSchema,
    status: 201,
    idempotent: true,
    errors: [403, 422],
    handler: async (ctx) =>
      idempotent(ctx, async () => {
        const body = await ctx.body();
        if (body.receivedOn > ctx.tx.today)
          throw errors.validation({ receivedOn: translate(ctx.locale, 'validation.notFuture') });
        const rec = await createApplication(ctx.tx, body, ctx.user);
        return {
          status: 201,
          body: presentApplication(await readView(ctx.tx), rec, { mask: false }),
        };
      }),
  }),
  route({
    method: 'get',
    path: '/applications/{id}',
    summary: 'One application with its clock (ETag = version)',
    roles: 'any',
    rolesNote: '(handlers: own section)',
    tag: 'applications',
    response: applicationSchema,
    errors: [404],
    handler: async ({ tx, user, params }) =>
      withEtag(
        presentApplication(await readView(tx), await find(tx, user, params.id), {
          mask: !fullContact(user),
        }),
      ),
  }),
  route({
    method: 'get',
    path: '/applications/{id}/fee-quote',
    summary:
      'The fee a notice with these counts would record (办法 第三条–第五条): the notice form previews it, the fee-notice step records the same amount',
    roles: 'any',
    rolesNote: `(checked after the 404: the fee-notice step's ${ACTION_ROLES_APP['fee-notice'].join(', ')}; others 403)`,
    tag: 'applications',
    query: feeQuoteQuerySchema,
    response: feeQuoteSchema,
    errors: [403, 404, 422],
    handler: async (ctx) => {
      const rec = await find(ctx.tx, ctx.user, ctx.params.id);
      if (!ACTION_ROLES_APP['fee-notice'].includes(ctx.user.role)) throw errors.forbidden();
      const q = parseQuery(ctx, feeQuoteQuerySchema);
      return HttpResponse.json(await feeQuote(ctx.tx, rec, q.method, q.count));
    },
  }),
  route({
    method: 'post',
    path: '/applications/{id}/{action}',
    summary: 'Application step',
    roles: 'any',
    tag: 'applications',
    response: applicationSchema,
    ifMatch: true,
    errors: [403, 404, 409, 422, 428],
    // Which role may take which step is the domain's (after the 404 for a record out of scope).
    variants: (Object.keys(applicationActionSchemas) as ApplicationAction[]).map((a) => ({
      path: `/applications/{id}/${a}`,
      summary: `Application step: ${a}`,
      body: applicationActionSchemas[a],
      rolesNote: `(this step: ${ACTION_ROLES_APP[a].join(', ')}; others 403)`,
    })),
    handler: async (ctx) => {
      const action = ctx.params.action as ApplicationAction;
      if (!Object.hasOwn(applicationActionSchemas, action)) throw errors.notFound(); // not 'constructor' etc.
      const { tx } = ctx;
      // 404 before 403: existence outside the scope does not leak.
      await find(tx, ctx.user, ctx.params.id);
      if (!ACTION_ROLES_APP[action].includes(ctx.user.role)) throw errors.forbidden();
      const body = await parseBody(ctx, applicationActionSchemas[action]);
      // The record as it is now, after the body was read, read for update (see the letters').
      const current = await find(tx, ctx.user, ctx.params.id, true);
      const view = await readView(tx);
      checkVersion(ctx.request, current, (r) =>
        presentApplication(view, r, { mask: !fullContact(ctx.user) }),
      );
      const next = await applyApplicationAction(
        tx,
        current,
        { action, ...body } as ApplicationActionInput,
        ctx.user,
        ctx.locale,
      );
      return withEtag(presentApplication(view, next, { mask: !fullContact(ctx.user) }));
    },
  }),
];
