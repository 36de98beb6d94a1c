import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { Navigate, Outlet } from 'react-router';
import { paths } from '@/config/paths';
import { dashboardQueries, dashboardYear } from '@/features/dashboard/api';
import { restoreSession } from '@/lib/session';
import { LoadingState } from '@/components/loading-state';
import { loadAllMessages } from '@/lib/i18n/core';
import { HomeRedirect, RequireAuth, RequireRole } from './guards';
import { NotFoundPage, RouteErrorPage } from './routes/status-pages';
import { rolesOf } from './nav';

/** Starts a page's main query; the page's own useQuery then takes the request in flight. */
type Prefetch = (queryClient: QueryClient, url: URL) => void;

const prefetchDashboard: Prefetch = (queryClient, url) =>
  void queryClient.prefetchQuery(dashboardQueries.overview(dashboardYear(url.searchParams)));

/**
 * The letters' page of the URL's filters: on a change of filter too (the loader runs again), so
 * the request leaves before React renders the page anew. Its modules come with the page's chunk
 * (imported here, they would weigh on the sign-in page); a failure is the page's query's to show.
 */
const prefetchLetters: Prefetch = (queryClient, url) =>
  void Promise.all([import('@/features/letters/api'), import('@/features/letters/utils')])
    .then(([{ letterListPage }, { letterUrlFilters }]) =>
      queryClient.prefetchQuery(letterListPage(letterUrlFilters.parse(url.searchParams))),
    )
    .catch(() => undefined);

/**
 * The app's routes. Each page is its own chunk; the guard wraps the lazily loaded component. A
 * page with a `prefetch` starts its data in the route's loader, which runs while the chunks are
 * still downloading (for the first URL: before React has rendered anything) and returns at once,
 * so the page's first render can already have its data. Only for a session whose role may open
 * the page; the page's own query shows loading and errors as before.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const page = (
    match: string,
    load: () => Promise<{ default: React.ComponentType }>,
    prefetch?: Prefetch,
  ): Pick<RouteObject, 'lazy' | 'loader'> => ({
    lazy: async () => {
      const { default: Page } = await load();
      return {
        Component: () => (
          <RequireRole roles={rolesOf(match)}>
            <Page />
          </RequireRole>
        ),
      };
    },
    ...(prefetch && {
      loader: ({ request }) => {
        const session = restoreSession();
        if (session && rolesOf(match).includes(session.user.role)) {
          prefetch(queryClient, new URL(request.url));
        }
        return null;
      },
    }),
  });

  return [
    {
      errorElement: <RouteErrorPage />,
      // Shown while the first URL's lazy routes (shell, page) arrive, instead of a blank page.
      hydrateFallbackElement: <LoadingState />,
      children: [
        {
          path: paths.login,
          lazy: () => import('./routes/login').then((m) => ({ Component: m.default })),
        },
        {
          path: '/',
          // Every signed-in page's texts: the sign-in page ships only its own (i18n/core.ts).
          lazy: () => loadAllMessages().then(() => ({})),
          element: (
            <RequireAuth>
              <Outlet />
            </RequireAuth>
          ),
          errorElement: <RouteErrorPage />,
          children: [
            {
              // The shell (header, navigation, alerts) is its own chunk too: the login page, the
              // first screen anyone sees, does not download it.
              lazy: () =>
                import('./routes/authed-layout').then((m) => ({ Component: m.AuthedLayout })),
              children: [
                { index: true, element: <HomeRedirect /> },
                { path: 'todo', ...page('/todo', () => import('./routes/todo')) },
                {
                  path: 'dashboard',
                  ...page('/dashboard', () => import('./routes/dashboard'), prefetchDashboard),
                },
                {
                  path: 'letters',
                  ...page('/letters', () => import('./routes/letters'), prefetchLetters),
                },
                {
                  path: 'letters/new',
                  ...page('/letters/new', () => import('./routes/letter-new')),
                },
                {
                  path: 'letters/:id',
                  ...page('/letters', () => import('./routes/letter-detail')),
                },
                {
                  path: 'applications',
                  ...page('/applications', () => import('./routes/applications')),
                },
                {
                  path: 'applications/new',
                  ...page('/applications/new', () => import('./routes/application-new')),
                },
                {
                  path: 'applications/:id',
                  ...page('/applications', () => import('./routes/application-detail')),
                },
                { path: 'catalogue', ...page('/catalogue', () => import('./routes/catalogue')) },
                {
                  path: 'catalogue/new',
                  ...page('/catalogue/new', () => import('./routes/catalogue-edit')),
                },
                {
                  path: 'catalogue/import',
                  ...page('/catalogue/new', () => import('./routes/catalogue-import')),
                },
                {
                  path: 'catalogue/:id',
                  ...page('/catalogue', () => import('./routes/catalogue-entry')),
                },
                {
                  path: 'catalogue/:id/edit',
                  ...page('/catalogue/new', () => import('./routes/catalogue-edit')),
                },
                { path: 'assistance', ...page('/assistance', () => import('./routes/assistance')) },
                {
                  path: 'reports/annual',
                  element: <Navigate to={paths.annualReport(new Date().getFullYear())} replace />,
                },
                {
                  path: 'reports/annual/:year',
                  ...page('/reports', () => import('./routes/annual-report')),
                },
                { path: 'settings', ...page('/settings', () => import('./routes/settings')) },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ];
}
