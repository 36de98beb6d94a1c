import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '@/app/provider';
import { createRoutes } from '@/app/routes';
import type { Locale } from '@/lib/i18n/core';
import { createQueryClient } from '@/lib/query-client';
import { login } from './api';

/**
 * The whole app at `route`, through the real providers and router, against the MSW backend.
 * `user` logs in first (through the API) and stores the session as the app does.
 */
export async function renderWithProviders({
  route = '/',
  user,
  locale = 'zh-CN',
}: { route?: string; user?: string; locale?: Locale } = {}) {
  if (user) {
    const token = await login(user);
    const me = await fetch('http://localhost/api/v1/auth/me', {
      headers: { Authorization: `Bearer ${token}` },
    }).then((r) => r.json());
    localStorage.setItem('gkwb.session', JSON.stringify({ token, user: me }));
  }
  localStorage.setItem('gkwb.locale', locale);
  const queryClient = createQueryClient({ retry: false });
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [route] });
  const u = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient} locale={locale}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, user: u, queryClient };
}
