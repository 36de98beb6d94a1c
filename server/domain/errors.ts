/**
 * Domain errors: what went wrong, with the HTTP status and problem type the API answers it with
 * (problem+json, RFC 9457). Plain classes: the adapters (MSW, the server) turn them into responses.
 */
import type { z } from 'zod';
import { translate, type Locale } from '@/lib/i18n/core';
import { issueKey } from '@/lib/validation';
import type { Problem } from '@/types/api';

export class HttpError extends Error {
  readonly headers: Record<string, string>;
  readonly extra: Partial<Problem>;
  constructor(
    readonly status: number,
    readonly kind: string,
    readonly problemTitle: string,
    { headers = {}, ...extra }: Partial<Problem> & { headers?: Record<string, string> } = {},
  ) {
    super(problemTitle);
    this.headers = headers;
    this.extra = extra;
  }
}

export const errors = {
  badRequest: (detail: string) => new HttpError(400, 'bad-request', 'Bad request', { detail }),
  unauthorized: () => new HttpError(401, 'unauthorized', 'Authentication required'),
  forbidden: () => new HttpError(403, 'forbidden', 'Forbidden'),
  notFound: () => new HttpError(404, 'not-found', 'Not found'),
  validation: (errs: Record<string, string>) =>
    new HttpError(422, 'validation', 'Validation failed', { errors: errs }),
  versionConflict: (current: unknown) =>
    new HttpError(409, 'version-conflict', 'The record was changed by someone else', { current }),
  invalidTransition: (detail: string) =>
    new HttpError(409, 'invalid-transition', 'Action not allowed in the current state', { detail }),
  preconditionRequired: () =>
    new HttpError(428, 'precondition-required', 'If-Match header required', {
      detail: 'Send If-Match: "<version>" with every change to an existing record',
    }),
  /** The database cannot be reached: nothing was written; the client may retry (same key). */
  unavailable: () =>
    new HttpError(503, 'unavailable', 'Service unavailable', {
      detail: 'The database cannot be reached; nothing was saved. Try again shortly.',
      headers: { 'Retry-After': '5' },
    }),
};

/** Turn zod issues into `{path: message}` in the caller's language (messages are locale keys). */
export function fieldErrors(error: z.ZodError, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (out[path]) continue;
    out[path] = translate(locale, issueKey(issue.message));
  }
  return out;
}
