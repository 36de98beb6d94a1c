import type { QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { createBrowserRouter } from 'react-router';
import { errorMessage } from '@/lib/errors';
import { translate } from '@/lib/i18n/core';
import { createQueryClient } from '@/lib/query-client';
import { createRoutes } from './routes';

export type Router = ReturnType<typeof createBrowserRouter>;

/** The app's query client: a failed background refetch says so in a toast (data stays). */
export const createAppQueryClient = () =>
  createQueryClient({
    onBackgroundError: (e) => {
      const m = errorMessage(e);
      const locale = document.documentElement.lang === 'en-US' ? 'en-US' : 'zh-CN';
      notifications.show({
        id: 'background-refetch',
        color: 'yellow',
        message: translate(locale, m.key, m.params),
      });
    },
  });

/**
 * The query client and the router. Made before the first render: the router starts the first
 * URL's lazy modules (the shell, the page) and its loaders' prefetches at once.
 */
export function createApp(): { router: Router; queryClient: QueryClient } {
  const queryClient = createAppQueryClient();
  const router = createBrowserRouter(createRoutes(queryClient));
  return { router, queryClient };
}

/**
 * Resolves when the first URL's route modules are loaded (the router is initialised) and then the
 * data its loaders asked for has arrived — or `dataWaitMs` after the modules, whichever is first.
 * The first render waits for it (index.html shows a spinner): the page is drawn once, with its
 * data, instead of a loading screen, then the page's skeleton, then the page. A slow server only
 * delays the skeleton by `dataWaitMs`.
 */
export function firstPageReady(
  { router, queryClient }: { router: Router; queryClient: QueryClient },
  dataWaitMs = 300,
): Promise<void> {
  const routes = new Promise<void>((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
  return routes.then(() => {
    // The requests in flight (the loaders' prefetches); failures are the page's to show.
    const inFlight = queryClient
      .getQueryCache()
      .findAll({ fetchStatus: 'fetching' })
      .map((q) => q.promise?.catch(() => undefined));
    if (!inFlight.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      Promise.all(inFlight).then(() => undefined),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, dataWaitMs))),
    ]).finally(() => clearTimeout(timer));
  });
}
