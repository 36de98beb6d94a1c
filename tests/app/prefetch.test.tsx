import { screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server } from '@mocks/node';
import { firstPageReady } from '@/app/create-app';
import { createRoutes } from '@/app/routes';
import { dashboardQueries } from '@/features/dashboard/api';
import { letterListPage } from '@/features/letters/api';
import { letterUrlFilters } from '@/features/letters/utils';
import { api, setApiToken } from '@/lib/api-client';
import { chinaToday } from '@/lib/format';
import { createQueryClient } from '@/lib/query-client';
import { login } from '../api';
import { faultInjector } from '../resilience/helpers';
import { renderWithProviders } from '../utils';

const thisYear = Number(chinaToday().slice(0, 4));

/** Every GET /dashboard the backend receives, with its year. */
function dashboardRequests(): string[] {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/api/v1/dashboard') {
      seen.push(url.searchParams.get('year') ?? '');
    }
  };
  server.events.on('request:start', listener);
  stops.push(() => server.events.removeListener('request:start', listener));
  return seen;
}
const stops: (() => void)[] = [];

/** Every GET /letters (the list) the backend receives, with its query string. */
function letterListRequests(): string[] {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/api/v1/letters') seen.push(url.search);
  };
  server.events.on('request:start', listener);
  stops.push(() => server.events.removeListener('request:start', listener));
  return seen;
}

/** A stored session, as the login page leaves it (what the loader finds on a reload). */
async function storeSession(username: string) {
  const token = await login(username);
  const me = await fetch('http://localhost/api/v1/auth/me', {
    headers: { Authorization: `Bearer ${token}` },
  }).then((r) => r.json());
  localStorage.setItem('gkwb.session', JSON.stringify({ token, user: me }));
}

afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  setApiToken(null);
  localStorage.clear();
});

describe('the dashboard route prefetches its data', () => {
  it('starts GET /dashboard from the route loader, before React renders anything', async () => {
    await storeSession('leader');
    const seen = dashboardRequests();
    const queryClient = createQueryClient({ retry: false });
    // Only the router: no provider, no component; the loader alone must fetch the KPIs.
    createMemoryRouter(createRoutes(queryClient), { initialEntries: ['/dashboard?year=2017'] });
    const key = dashboardQueries.overview(2017).queryKey;
    await expect
      .poll(() => queryClient.getQueryData(key), { timeout: 15_000 })
      .toMatchObject({ year: 2017 });
    expect(seen).toEqual(['2017']);
  });

  it('asks for this year when the URL names no year on record', async () => {
    await storeSession('clerk');
    const seen = dashboardRequests();
    const queryClient = createQueryClient({ retry: false });
    createMemoryRouter(createRoutes(queryClient), { initialEntries: ['/dashboard?year=1999'] });
    await expect
      .poll(() => queryClient.getQueryData(dashboardQueries.overview(thisYear).queryKey), {
        timeout: 15_000,
      })
      .toBeDefined();
    expect(seen).toEqual([String(thisYear)]);
  });

  it('asks for nothing without a session (the page sends the user to the login page)', async () => {
    const seen = dashboardRequests();
    const queryClient = createQueryClient({ retry: false });
    const router = createMemoryRouter(createRoutes(queryClient), {
      initialEntries: ['/dashboard'],
    });
    await expect.poll(() => router.state.initialized, { timeout: 15_000 }).toBe(true);
    expect(queryClient.getQueryCache().findAll({ queryKey: dashboardQueries.all() })).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('the page takes the prefetched request instead of sending its own', async () => {
    const seen = dashboardRequests();
    await renderWithProviders({ route: '/dashboard', user: 'leader' });
    expect(await screen.findAllByTestId('kpi-value')).not.toHaveLength(0);
    expect(seen).toEqual([String(thisYear)]);
  });
});

describe('the letters route prefetches the page of its filters', () => {
  it('starts GET /letters from the loader, and again from the loader when a filter changes', async () => {
    await storeSession('clerk');
    const seen = letterListRequests();
    const queryClient = createQueryClient({ retry: false });
    // Only the router: no component renders, so every request is the loader's.
    const router = createMemoryRouter(createRoutes(queryClient), {
      initialEntries: ['/letters?status=assigned'],
    });
    const pageOf = (search: string) =>
      letterListPage(letterUrlFilters.parse(new URLSearchParams(search))).queryKey;
    const assigned = pageOf('status=assigned');
    await expect
      .poll(() => queryClient.getQueryData(assigned), { timeout: 15_000 })
      .toMatchObject({ page: 1, pageSize: 20 });
    expect(seen).toEqual(['?page=1&status=assigned&pageSize=20']);

    await router.navigate('/letters?status=assigned&q=%E4%BD%8E%E4%BF%9D');
    const searched = pageOf('status=assigned&q=低保');
    await expect
      .poll(() => queryClient.getQueryData(searched), { timeout: 15_000 })
      .toMatchObject({ page: 1 });
    expect(seen).toHaveLength(2);
    expect(new URLSearchParams(seen[1]).get('q')).toBe('低保');
  });

  it('the page takes the prefetched request instead of sending its own', async () => {
    const seen = letterListRequests();
    await renderWithProviders({ route: '/letters?status=closed', user: 'clerk' });
    expect(await screen.findAllByTestId('letter-row')).not.toHaveLength(0);
    expect(seen).toEqual(['?page=1&status=closed&pageSize=20']);
  });
});

describe('firstPageReady (what the first render waits for)', () => {
  const firstPage = (route: string) => {
    const queryClient = createQueryClient({ retry: false });
    const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [route] });
    return { router, queryClient };
  };

  it('resolves once the route modules are loaded and the prefetched KPIs are in the cache', async () => {
    await storeSession('leader');
    const app = firstPage('/dashboard?year=2017');
    await firstPageReady(app);
    expect(app.router.state.initialized).toBe(true);
    expect(app.queryClient.getQueryData(dashboardQueries.overview(2017).queryKey)).toMatchObject({
      year: 2017,
    });
  });

  it('does not wait longer than dataWaitMs for a slow server (the page shows its skeleton)', async () => {
    await storeSession('leader');
    const faults = await faultInjector();
    await faults.slow(3000);
    try {
      const app = firstPage('/dashboard?year=2017');
      const t0 = Date.now();
      await firstPageReady(app, 200);
      expect(Date.now() - t0).toBeLessThan(2500);
      expect(app.router.state.initialized).toBe(true);
      const key = dashboardQueries.overview(2017).queryKey;
      expect(app.queryClient.getQueryData(key)).toBeUndefined();
      expect(app.queryClient.getQueryState(key)?.fetchStatus).toBe('fetching');
    } finally {
      await faults.clear();
    }
  });

  it('waits for no data on a page without a prefetch (the login page)', async () => {
    const app = firstPage('/login');
    await firstPageReady(app, 10_000);
    expect(app.router.state.initialized).toBe(true);
    expect(app.queryClient.isFetching()).toBe(0);
  });
});

describe('the API client', () => {
  it('sends a request at once, in the same task (nothing holds it back)', async () => {
    setApiToken(await login('leader'));
    const spy = vi.spyOn(globalThis, 'fetch');
    try {
      const answer = api.get('/dashboard', { year: 2017 });
      expect(spy).toHaveBeenCalledTimes(1);
      await answer;
    } finally {
      spy.mockRestore();
    }
  });
});
