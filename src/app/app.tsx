import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders, createAppQueryClient } from './provider';
import { createRoutes } from './routes';

type Router = ReturnType<typeof createBrowserRouter>;

/**
 * The query client and the router, made before the first render: the router starts the first
 * URL's lazy modules (the shell, the page) and its loaders' prefetches at once, while the mock
 * backend and the language are still starting, instead of after React has rendered once.
 */
export function createApp(): { router: Router; queryClient: QueryClient } {
  const queryClient = createAppQueryClient();
  return { router: createBrowserRouter(createRoutes(queryClient)), queryClient };
}

export function App({ router, queryClient }: { router: Router; queryClient: QueryClient }) {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
