import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders } from './provider';
import { routes } from './routes';

// Created when this module loads, before the first render: the lazy modules of the first URL's
// routes (the shell and the page) start downloading while the mock backend and the language are
// still starting, instead of after React has rendered once.
const router = createBrowserRouter(routes);

export function App() {
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
