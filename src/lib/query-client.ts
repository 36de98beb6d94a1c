import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

export interface QueryClientOptions {
  /** Tests pass false to see errors at once. */
  retry?: boolean;
  /** Shown when a background refetch fails while data is already on screen. */
  onBackgroundError?: (error: unknown) => void;
}

const isClientError = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500;

export function createQueryClient({ retry = true, onBackgroundError }: QueryClientOptions = {}) {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data !== undefined) onBackgroundError?.(error);
      },
    }),
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: true,
        retry: retry ? (count, error) => !isClientError(error) && count < 2 : false,
        retryDelay: (n) => Math.min(500 * 2 ** n, 4000),
      },
      mutations: { retry: false },
    },
  });
}
