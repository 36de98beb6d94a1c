import { http, HttpResponse } from 'msw';
import { timeLimitsSchema } from '@/features/letters/types';
import { organisationSchema } from '@/features/settings/types';
import { db } from '../db';
import { ALL, API, authed, parseBody } from '../http';
import { audit, diff } from '../services/audit';
import { organisation, timeLimits } from '../services/settings';

export const settingsHandlers = [
  http.get(
    `${API}/settings/time-limits`,
    authed(ALL, () => HttpResponse.json(timeLimits())),
  ),
  http.put(
    `${API}/settings/time-limits`,
    authed(['admin'], async (ctx) => {
      const body = await parseBody(ctx, timeLimitsSchema);
      const before = timeLimits();
      db.settings.put({ id: 'timeLimits', value: body });
      audit(
        'settings',
        'timeLimits',
        'update',
        ctx.user,
        '修改办理时限（已登记来信的期限不变）',
        diff(before, body),
      );
      await db.commit();
      return HttpResponse.json(body);
    }),
  ),
  http.get(
    `${API}/settings/organisation`,
    authed(ALL, () => HttpResponse.json(organisation())),
  ),
  http.put(
    `${API}/settings/organisation`,
    authed(['admin'], async (ctx) => {
      const body = await parseBody(ctx, organisationSchema);
      const before = organisation();
      db.settings.put({ id: 'organisation', value: body });
      audit('settings', 'organisation', 'update', ctx.user, '修改机关信息', diff(before, body));
      await db.commit();
      return HttpResponse.json(body);
    }),
  ),
];
