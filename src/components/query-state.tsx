import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isRetryable } from '@/lib/errors';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';

/**
 * Loading → skeleton; error with nothing to show → error with retry; otherwise the children.
 * A refetch that fails for a passing reason (5xx, network) keeps what is on screen — the page, an
 * open dialog, a half-edited form; a 4xx (403, 404) means the record has left this user's view.
 */
export function QueryState<T>({
  query,
  rows,
  children,
}: {
  query: UseQueryResult<T>;
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState rows={rows ?? 0} />;
  if (query.isError && (query.data === undefined || !isRetryable(query.error)))
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data as T)}</>;
}
