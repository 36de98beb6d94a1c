import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import type { Router } from './create-app';
import { AppProviders } from './provider';

export function App({ router, queryClient }: { router: Router; queryClient: QueryClient }) {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
