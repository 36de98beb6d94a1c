import { http, HttpResponse } from 'msw';
import {
  applicationActionSchemas,
  applicationDueQuerySchema,
  applicationDueSchema,
  applicationListQuerySchema,
  createApplicationSchema,
  feeQuoteQuerySchema,
  type Application,
  type ApplicationAction,
  type ApplicationRecord,
} from '@/features/applications/types';
import { applicantWindow, windowLapsing } from '@/features/applications/clock';
import { ACTION_ROLES_APP } from '@/features/applications/rules';
import { coversRow, table3RowsOf } from '@/features/reports/compile';
import { translate } from '@/lib/i18n/core';
import type { User } from '@/types/api';
import type { Tx } from '../../server/domain/ports';
import { readView } from '../../server/domain/view';
import {
  ALL,
  API,
  authed,
  checkVersion,
  errors,
  idempotent,
  pageOf,
  parseBody,
  parseQuery,
  WRITERS,
  withEtag,
} from '../http';
import type { Route } from '../openapi-route';
import {
  applicationDue,
  applyApplicationAction,
  createApplication,
  feeQuote,
  inAppScope,
  presentApplication,
  type ApplicationActionInput,
} from '../../server/domain/applications';

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

export const applicationHandlers = [
  http.get(
    `${API}/applications`,
    authed(ALL, async (ctx) => {
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
    }),
  ),
  http.get(
    `${API}/applications/alerts`,
    authed(ALL, async ({ tx, user }) => {
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
    }),
  ),
  // Before /applications/:id: the deadline a registration on that receipt date would store.
  http.get(
    `${API}/applications/due`,
    authed(WRITERS, async (ctx) => {
      const q = parseQuery(ctx, applicationDueQuerySchema);
      if (q.receivedOn > ctx.tx.today)
        throw errors.validation({ receivedOn: translate(ctx.locale, 'validation.notFuture') });
      return HttpResponse.json(await applicationDue(ctx.tx, q.receivedOn));
    }),
  ),
  http.post(
    `${API}/applications`,
    authed(WRITERS, async (ctx) =>
      idempotent(ctx, async () => {
        const body = await parseBody(ctx, createApplicationSchema);
        if (body.receivedOn > ctx.tx.today)
          throw errors.validation({ receivedOn: translate(ctx.locale, 'validation.notFuture') });
        const rec = await createApplication(ctx.tx, body, ctx.user);
        return {
          status: 201,
          body: presentApplication(await readView(ctx.tx), rec, { mask: false }),
        };
      }),
    ),
  ),
  http.get(
    `${API}/applications/:id`,
    authed(ALL, async ({ tx, user, params }) =>
      withEtag(
        presentApplication(await readView(tx), await find(tx, user, params.id), {
          mask: !fullContact(user),
        }),
      ),
    ),
  ),
  http.get(
    `${API}/applications/:id/fee-quote`,
    authed(ALL, async (ctx) => {
      const rec = await find(ctx.tx, ctx.user, ctx.params.id);
      if (!ACTION_ROLES_APP['fee-notice'].includes(ctx.user.role)) throw errors.forbidden();
      const q = parseQuery(ctx, feeQuoteQuerySchema);
      return HttpResponse.json(await feeQuote(ctx.tx, rec, q.method, q.count));
    }),
  ),
  http.post(
    `${API}/applications/:id/:action`,
    authed(ALL, async (ctx) => {
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
    }),
  ),
];

export const applicationDocs: Route[] = [
  {
    method: 'get',
    path: '/applications/due',
    summary:
      'The statutory deadline an application received on `receivedOn` gets (20 working days, 第三十三条): the registration form previews it, POST /applications stores the same dueOn (one clock function)',
    roles: 'admin, clerk',
    tag: 'applications',
    query: applicationDueQuerySchema,
    response: applicationDueSchema,
    errors: [400, 403, 422],
  },
];
