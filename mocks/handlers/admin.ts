import { HttpResponse } from 'msw';
import { z } from 'zod';
import { faultsSchema, isoDate, type AuditEvent } from '@/types/api';
import { audit } from '../../server/domain/audit';
import { setToday, today } from '../clock';
import { clearFaults, faults, setFaults } from '../faults';
import { clientAddress, currentStorage, type Ctx } from '../http';
import { route, type ApiRoute } from '../route';
import { addDemoLetters } from '../services/demo-data';

export const demoDataSchema = z
  .object({ letters: z.number().int().min(1).max(100000) })
  .meta({ id: 'DemoDataRequest' });
export const clockSchema = z.object({ today: isoDate.nullable() }).meta({ id: 'MockClock' });

/** The admin tools leave a trace: who used them, when, from where (and what they set). */
function auditTool(
  ctx: Ctx,
  action: string,
  detail: string,
  after?: unknown,
  params: AuditEvent['params'] = {},
) {
  return audit(ctx.tx, 'admin', action, action, ctx.user, detail, {
    address: clientAddress(ctx.request),
    event: { type: action, params },
    ...(after !== undefined ? { after } : {}),
  });
}

export const adminRoutes: ApiRoute[] = [
  route({
    method: 'post',
    path: '/admin/reset',
    summary: 'Restore the seed (sessions are kept)',
    roles: ['admin'],
    tag: 'admin',
    response: z.object({ ok: z.boolean(), today: isoDate }),
    handler: async (ctx) => {
      clearFaults();
      // Replaces every store but the sessions within this transaction; the reset's entry, after it
      // (the reseed empties the trail), is the new trail's first.
      await currentStorage().reseed();
      await auditTool(ctx, 'admin_reset', '恢复演示数据');
      return HttpResponse.json({ ok: true, today: today() });
    },
  }),
  route({
    method: 'post',
    path: '/admin/demo-data',
    summary: 'Add N synthetic letters for load tests',
    roles: ['admin'],
    tag: 'admin',
    body: demoDataSchema,
    response: z.object({ added: z.number().int(), total: z.number().int() }),
    status: 201,
    handler: async (ctx) => {
      const body = await ctx.body();
      const added = await addDemoLetters(ctx.tx, body.letters, ctx.user);
      await auditTool(ctx, 'admin_demo_data', `添加演示来信 ${added} 件`, body, { n: added });
      const total = await ctx.tx.letterSearch.count({});
      return HttpResponse.json({ added, total }, { status: 201 });
    },
  }),
  route({
    method: 'get',
    path: '/admin/faults',
    summary: 'Current fault injection (mock only)',
    roles: ['admin'],
    tag: 'admin',
    response: faultsSchema,
    handler: () => HttpResponse.json(faults),
  }),
  route({
    method: 'put',
    path: '/admin/faults',
    summary: 'Make later calls slow or fail (mock only; never this call itself)',
    roles: ['admin'],
    tag: 'admin',
    body: faultsSchema,
    response: faultsSchema,
    handler: async (ctx) => {
      setFaults(await ctx.body());
      await auditTool(ctx, 'admin_faults', '设置故障注入', { ...faults }, { on: true });
      return HttpResponse.json(faults);
    },
  }),
  route({
    method: 'delete',
    path: '/admin/faults',
    summary: 'Turn fault injection off',
    roles: ['admin'],
    tag: 'admin',
    status: 204,
    handler: async (ctx) => {
      clearFaults();
      await auditTool(ctx, 'admin_faults', '关闭故障注入', undefined, { on: false });
      return new HttpResponse(null, { status: 204 });
    },
  }),
  // Test hook: pin the backend's "today"; {today: null} returns to the real date.
  route({
    method: 'put',
    path: '/admin/clock',
    summary: 'Test hook (mock only): pin the backend\'s "today"; null returns to the real date',
    roles: ['admin'],
    tag: 'admin',
    body: clockSchema,
    response: z.object({ today: isoDate }),
    handler: async (ctx) => {
      const body = await ctx.body();
      setToday(body.today);
      // On the server every instance reads the clock from the database (once this has committed).
      const storage = currentStorage();
      if (storage.setTestToday) ctx.tx.afterCommit(() => storage.setTestToday!(body.today));
      await auditTool(ctx, 'admin_clock', `测试时钟：${body.today ?? '真实日期'}`, body, {
        today: body.today,
      });
      return HttpResponse.json({ today: today() });
    },
  }),
];
