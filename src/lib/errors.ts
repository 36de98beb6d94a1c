import { ApiError, NetworkError } from './api-client';
import type { MessageKey } from './i18n/core';

/** One sentence for the user about what went wrong, as a locale key plus params. */
export function errorMessage(error: unknown): {
  key: MessageKey;
  params?: Record<string, string | number>;
} {
  if (error instanceof NetworkError) return { key: 'errors.network' };
  if (error instanceof ApiError) {
    if (error.status === 403) return { key: 'errors.forbidden' };
    if (error.status === 404) return { key: 'errors.notFound' };
    if (error.isVersionConflict) return { key: 'errors.conflict' };
    if (error.isInvalidTransition) return { key: 'errors.invalidTransition' };
    if (error.status === 422) return { key: 'errors.validation' };
    return { key: 'errors.server', params: { status: error.status } };
  }
  return { key: 'errors.unexpected' };
}

export const isRetryable = (error: unknown) =>
  error instanceof NetworkError ||
  (error instanceof ApiError && (error.status >= 500 || error.status === 429));
