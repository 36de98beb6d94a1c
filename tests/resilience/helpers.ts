import { waitFor } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { afterEach, expect } from 'vitest';
import { server } from '@mocks/node';
import { as } from '../api';
import { renderWithProviders } from '../utils';

export { pickOption, type UserEv } from '../features/letters/helpers';

/** What the UI says for an injected 503 (errors.server). */
export const SERVER_503 = '服务器暂时无法处理请求（503），请稍后重试。';

/**
 * Fault injection through the contract's own endpoint, `PUT/DELETE /api/v1/admin/faults`, as admin.
 * The admin logs in at once: under faults every later call fails, the login too.
 */
export async function faultInjector() {
  const admin = await as('admin');
  return {
    admin,
    /** Every later call (except /admin/faults) answers `status`. */
    async fail(status = 503) {
      const r = await admin.put('/admin/faults', { latencyMs: 0, failRate: 1, failStatus: status });
      expect(r.status).toBe(200);
    },
    /** Every later call waits `latencyMs` and then succeeds. */
    async slow(latencyMs = 800) {
      const r = await admin.put('/admin/faults', { latencyMs, failRate: 0, failStatus: 503 });
      expect(r.status).toBe(200);
    },
    async clear() {
      const r = await admin.del('/admin/faults');
      expect(r.status).toBe(204);
      expect((await admin.get('/admin/faults')).body).toEqual({
        latencyMs: 0,
        failRate: 0,
        failStatus: 503,
      });
    },
  };
}

export interface Captured {
  method: string;
  path: string;
  headers: Headers;
}

const stops: (() => void)[] = [];
let client: QueryClient | null = null;
afterEach(async () => {
  while (stops.length) stops.pop()!();
  // A request still in flight would answer 401 once the next test resets the sessions, and the
  // api-client's module-level 401 handler would then sign out the next test's user.
  if (client) await settled(client);
  client = null;
});

/** renderWithProviders, remembering the query client so the test ends only once it is idle. */
export async function renderApp(opts: Parameters<typeof renderWithProviders>[0]) {
  const view = await renderWithProviders(opts);
  client = view.queryClient;
  return view;
}

/**
 * Records the requests reaching the mock backend whose method and path (below /api/v1) match,
 * as the server sees them (headers included). Stops after the test.
 */
export function captureRequests(method: string, path: string | RegExp): Captured[] {
  const seen: Captured[] = [];
  const listener = ({ request }: { request: Request }) => {
    const p = new URL(request.url).pathname.replace(/^\/api\/v1/, '');
    const hit = typeof path === 'string' ? p === path : path.test(p);
    if (request.method === method && hit)
      seen.push({ method: request.method, path: p, headers: new Headers(request.headers) });
  };
  server.events.on('request:start', listener);
  stops.push(() => server.events.removeListener('request:start', listener));
  return seen;
}

/** No query is loading: faults set now hit only what the test does next. */
export async function settled(queryClient: QueryClient) {
  await waitFor(() => {
    expect(queryClient.isFetching()).toBe(0);
    expect(queryClient.isMutating()).toBe(0);
  });
}

/** The form's submit button shows Mantine's loading state (spinner, disabled). */
export function expectLoading(button: HTMLElement) {
  expect(button).toHaveAttribute('data-loading', 'true');
  expect(button).toBeDisabled();
}
