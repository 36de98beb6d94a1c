/**
 * Helpers for the resilience tests of the catalogue, assistance and report forms: fault injection
 * through the API (as the contract says) and a log of the write requests the app sends.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import { server } from '@mocks/node';
import { as } from '../api';
import type { renderWithProviders } from '../utils';

export type UserEv = Awaited<ReturnType<typeof renderWithProviders>>['user'];

export interface Sent {
  method: string;
  path: string;
  idempotencyKey: string | null;
  ifMatch: string | null;
  body: string;
}

const stops: (() => void)[] = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

/**
 * Records every request the app sends whose method and path match, from now until the test ends:
 * its Idempotency-Key, If-Match and body (read from a clone, so the handlers still get it).
 */
export function captureRequests(method: string, path: RegExp): Sent[] {
  const sent: Sent[] = [];
  const onStart = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (request.method !== method || !path.test(url.pathname)) return;
    const entry: Sent = {
      method: request.method,
      path: url.pathname,
      idempotencyKey: request.headers.get('Idempotency-Key'),
      ifMatch: request.headers.get('If-Match'),
      body: '',
    };
    sent.push(entry);
    void request
      .clone()
      .text()
      .then((t) => {
        entry.body = t;
      });
  };
  server.events.on('request:start', onStart);
  stops.push(() => server.events.removeListener('request:start', onStart));
  return sent;
}

/**
 * An admin client that drives `/admin/faults`. Log in before the faults are set: the login call
 * itself would fail under them.
 */
export async function faultControl() {
  const admin = await as('admin');
  return {
    /** Every later call (but /admin/faults) fails with `status`. */
    fail: async (status = 503) => {
      const r = await admin.put('/admin/faults', { latencyMs: 0, failRate: 1, failStatus: status });
      if (r.status !== 200) throw new Error(`PUT /admin/faults: ${r.status}`);
    },
    /** Every later call is answered after `latencyMs`. */
    slow: async (latencyMs: number) => {
      const r = await admin.put('/admin/faults', { latencyMs, failRate: 0, failStatus: 503 });
      if (r.status !== 200) throw new Error(`PUT /admin/faults: ${r.status}`);
    },
    clear: async () => {
      const r = await admin.del('/admin/faults');
      if (r.status >= 300) throw new Error(`DELETE /admin/faults: ${r.status}`);
    },
  };
}

/** The message the app shows for an injected 503 (errors.server). */
export const SERVER_503 = '服务器暂时无法处理请求（503），请稍后重试。';

/** Picks `option` in the Mantine Select labelled `label` (dropdowns are display:none in jsdom). */
export async function pickOption(
  user: UserEv,
  label: string,
  option: string,
  scope: HTMLElement = document.body,
) {
  await user.click(within(scope).getByRole('combobox', { name: label }));
  const listbox = await screen.findByRole('listbox', { name: label, hidden: true });
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

/** The alert (role="alert") within `scope` that says `text`; other alerts (reminders) may be shown too. */
export function findAlertWith(text: string, scope: HTMLElement = document.body) {
  return waitFor(() => {
    const found = within(scope)
      .queryAllByRole('alert')
      .find((a) => a.textContent?.includes(text));
    if (!found) throw new Error(`no alert saying “${text}”`);
    return found;
  });
}
