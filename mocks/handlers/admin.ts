import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { faultsSchema, isoDate, type AuditEvent } from '@/types/api';
import { audit } from '../../server/domain/audit';
import { setToday, today } from '../clock';
import { clearFaults, faults, setFaults } from '../faults';
import { API, authed, clientAddress, currentStorage, parseBody, type Ctx } from '../http';
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

export const adminHandlers = [
  http.post(
    `${API}/admin/reset`,
    authed(['admin'], async (ctx) => {
      clearFaults();
      // Replaces every store but the sessions within this transaction; the reset's entry, after it
      // (the reseed empties the trail), is the new trail's first.
      await currentStorage().reseed();
      await auditTool(ctx, 'admin_reset', '恢复演示数据');
      return HttpResponse.json({ ok: true, today: today() });
    }),
  ),
  http.post(
    `${API}/admin/demo-data`,
    authed(['admin'], async (ctx) => {
      const body = await parseBody(ctx, demoDataSchema);
      const added = await addDemoLetters(ctx.tx, body.letters, ctx.user);
      await auditTool(ctx, 'admin_demo_data', `添加演示来信 ${added} 件`, body, { n: added });
      const total = (await ctx.tx.letters.all()).length;
      return HttpResponse.json({ added, total }, { status: 201 });
    }),
  ),
  http.get(
    `${API}/admin/faults`,
    authed(['admin'], () => HttpResponse.json(faults)),
  ),
  http.put(
    `${API}/admin/faults`,
    authed(['admin'], async (ctx) => {
      setFaults(await parseBody(ctx, faultsSchema));
      await auditTool(ctx, 'admin_faults', '设置故障注入', { ...faults }, { on: true });
      return HttpResponse.json(faults);
    }),
  ),
  http.delete(
    `${API}/admin/faults`,
    authed(['admin'], async (ctx) => {
      clearFaults();
      await auditTool(ctx, 'admin_faults', '关闭故障注入', undefined, { on: false });
      return new HttpResponse(null, { status: 204 });
    }),
  ),
  // Test hook (mock only): pin the backend's "today"; {today: null} returns to the real date.
  http.put(
    `${API}/admin/clock`,
    authed(['admin'], async (ctx) => {
      const body = await parseBody(ctx, clockSchema);
      setToday(body.today);
      // On the server every instance reads the clock from the database (once this has committed).
      const storage = currentStorage();
      if (storage.setTestToday) ctx.tx.afterCommit(() => storage.setTestToday!(body.today));
      await auditTool(ctx, 'admin_clock', `测试时钟：${body.today ?? '真实日期'}`, body, {
        today: body.today,
      });
      return HttpResponse.json({ today: today() });
    }),
  ),
];
