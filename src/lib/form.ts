import type { z } from 'zod';
import { ApiError } from './api-client';
import { issueKey } from './validation';

/**
 * @mantine/form validator from a zod schema; messages are locale keys, translated by `tx`.
 */
export function zodValidate<S extends z.ZodType>(schema: S, tx: (key: string) => string) {
  return (values: unknown): Record<string, string> => {
    const r = schema.safeParse(values);
    if (r.success) return {};
    const out: Record<string, string> = {};
    for (const issue of r.error.issues) {
      const path = issue.path.map(String).join('.');
      if (out[path]) continue;
      const value = issue.path.reduce<unknown>(
        (v, k) =>
          v && typeof v === 'object'
            ? (v as Record<PropertyKey, unknown>)[k as PropertyKey]
            : undefined,
        values,
      );
      const empty = value === '' || value === null || value === undefined;
      out[path] = tx(
        empty && /\s/.test(issue.message) ? 'validation.required' : issueKey(issue.message),
      );
    }
    return out;
  };
}

/** Field errors of a 422, to put next to the fields (`form.setErrors`). */
export function serverFieldErrors(error: unknown): Record<string, string> | null {
  if (error instanceof ApiError && error.status === 422 && Object.keys(error.errors).length)
    return error.errors;
  return null;
}
