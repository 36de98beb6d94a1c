import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { faultsSchema, isoDate } from '@/types/api';
import { setToday, today } from '../clock';
import { db } from '../db';
import { clearFaults, faults, setFaults } from '../faults';
import { API, authed, parseBody } from '../http';
import { addDemoLetters } from '../services/demo-data';

export const demoDataSchema = z
  .object({ letters: z.number().int().min(1).max(100000) })
  .meta({ id: 'DemoDataRequest' });
export const clockSchema = z.object({ today: isoDate.nullable() }).meta({ id: 'MockClock' });

export const adminHandlers = [
  http.post(
    `${API}/admin/reset`,
    authed(['admin'], async () => {
      clearFaults();
      await db.reseed();
      return HttpResponse.json({ ok: true, today: today() });
    }),
  ),
  http.post(
    `${API}/admin/demo-data`,
    authed(['admin'], async (ctx) => {
      const body = await parseBody(ctx, demoDataSchema);
      const added = addDemoLetters(body.letters, ctx.user);
      await db.commit();
      return HttpResponse.json({ added, total: db.letters.size }, { status: 201 });
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
      return HttpResponse.json(faults);
    }),
  ),
  http.delete(
    `${API}/admin/faults`,
    authed(['admin'], () => {
      clearFaults();
      return new HttpResponse(null, { status: 204 });
    }),
  ),
  // Test hook (mock only): pin the backend's "today"; {today: null} returns to the real date.
  http.put(
    `${API}/admin/clock`,
    authed(['admin'], async (ctx) => {
      const body = await parseBody(ctx, clockSchema);
      setToday(body.today);
      return HttpResponse.json({ today: today() });
    }),
  ),
];
