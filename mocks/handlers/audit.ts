import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { auditTrail } from '../../server/domain/audit';
import { ALL, API, authed, errors, parseQuery } from '../http';
import { inAppScope } from '../../server/domain/applications';
import { inScope } from '../../server/domain/letters';

export const auditQuerySchema = z.object({
  entity: z.string().min(1).max(40),
  id: z.string().min(1).max(100),
});

export const auditHandlers = [
  http.get(
    `${API}/audit`,
    authed(ALL, async (ctx) => {
      const q = parseQuery(ctx, auditQuerySchema);
      if (q.entity === 'letter') {
        const rec = await ctx.tx.letters.get(q.id);
        if (!rec || !inScope(ctx.user, rec)) throw errors.notFound();
      } else if (q.entity === 'application') {
        const rec = await ctx.tx.applications.get(q.id);
        if (!rec || !inAppScope(ctx.user, rec)) throw errors.notFound();
      } else if (ctx.user.role === 'handler') {
        throw errors.notFound();
      } else if ((q.entity === 'user' || q.entity === 'auth') && ctx.user.role !== 'admin') {
        // Sign-ins and account changes are the administrator's to read.
        throw errors.notFound();
      }
      return HttpResponse.json(
        (await auditTrail(ctx.tx, q.entity, q.id)).map(
          ({ id: _id, entity: _e, entityId: _i, ...rest }) => rest,
        ),
      );
    }),
  ),
];
