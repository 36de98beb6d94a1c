import { HttpResponse } from 'msw';
import { z } from 'zod';
import { auditTrail } from '../../server/domain/audit';
import { errors, parseQuery } from '../http';
import { inAppScope } from '../../server/domain/applications';
import { inScope } from '../../server/domain/letters';
import { auditEntrySchema } from '@/types/api';
import { route } from '../route';

export const auditQuerySchema = z.object({
  entity: z.string().min(1).max(40),
  id: z.string().min(1).max(100),
});

export const auditRoutes = [
  route({
    method: 'get',
    path: '/audit',
    summary: 'Audit trail of one record',
    roles: 'any',
    rolesNote: '(handlers: records in their scope)',
    tag: 'audit',
    query: auditQuerySchema,
    response: z.array(auditEntrySchema.omit({ id: true, entity: true, entityId: true })),
    errors: [404],
    handler: async (ctx) => {
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
    },
  }),
];
