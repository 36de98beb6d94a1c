/**
 * One URL ⇄ filters codec for every list page, driven by the feature's zod query schema (the same
 * schema the server parses the request with). A search parameter is parsed by its own field's
 * schema: a value the schema refuses is dropped rather than an error, so an old or hand-edited
 * link still opens; an absent one takes the field's default. Back to the URL, only the values that
 * differ from the defaults are written, in the schema's key order, so one set of filters has one
 * URL (a saved view, a shared link, the browser's history).
 */
import { useSearchParams } from 'react-router';
import type { z } from 'zod';

export interface UrlFilters<T> {
  /** The URL's filters: each valid value, each absent or refused one at its default (if any). */
  parse(params: URLSearchParams): T;
  /** The URL of `filters`: set, valid and non-default values only, in a stable order. */
  serialize(filters: Partial<T>): URLSearchParams;
}

export function urlFilters<S extends z.ZodObject>(schema: S): UrlFilters<z.output<S>> {
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>);
  const defaults: Record<string, unknown> = {};
  for (const [key, field] of fields) {
    const d = field.safeParse(undefined);
    if (d.success && d.data !== undefined) defaults[key] = d.data;
  }
  const read = (field: z.ZodType, raw: string | null) => {
    if (raw === null || raw === '') return undefined;
    const r = field.safeParse(raw);
    return r.success ? r.data : undefined;
  };
  return {
    parse(params) {
      const out: Record<string, unknown> = { ...defaults };
      for (const [key, field] of fields) {
        const v = read(field, params.get(key));
        if (v !== undefined) out[key] = v;
      }
      return out as z.output<S>;
    },
    serialize(filters) {
      const sp = new URLSearchParams();
      for (const [key, field] of fields) {
        const value = (filters as Record<string, unknown>)[key];
        if (value === undefined || value === null || value === '') continue;
        const v = read(field, String(value));
        if (v === undefined || v === defaults[key]) continue;
        sp.set(key, String(value));
      }
      return sp;
    },
  };
}

/**
 * A list page's filters from its URL, and `update(patch)`: a change of filter goes back to the
 * first page, and the note of where the list was opened from (`from`: the dashboard's or the
 * to-do's figure) stays only while the page or the order changes — otherwise the list is no longer
 * that figure.
 */
export function useUrlFilters<T extends { page?: number; sort?: unknown }>(codec: UrlFilters<T>) {
  const [params, setParams] = useSearchParams();
  const filters = codec.parse(params);
  const update = (patch: Partial<T>) => {
    const next = codec.serialize({ ...filters, page: undefined, ...patch });
    const from = params.get('from');
    if (from && Object.keys(patch).every((k) => k === 'page' || k === 'sort'))
      next.set('from', from);
    setParams(next);
  };
  return { filters, update, params, setParams };
}
