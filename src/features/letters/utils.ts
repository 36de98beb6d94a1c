import { toCsv } from '@/lib/csv';
import type { LetterFilters } from './api';
import { letterListQuerySchema, type Letter } from './types';

export const FILTER_KEYS = [
  'q',
  'status',
  'source',
  'category',
  'sectionId',
  'year',
  'alert',
  'supervised',
  'receivedFrom',
  'receivedTo',
  'dueOn',
  'extensionRequested',
  'rated',
  'replied',
  'sort',
  'page',
] as const;

/** URL → filters: invalid values are dropped, not errors, so an old link still opens. */
export function filtersFromParams(sp: URLSearchParams): LetterFilters {
  const out: Record<string, string | number> = {};
  for (const key of FILTER_KEYS) {
    const v = sp.get(key);
    if (v === null || v === '') continue;
    const single = letterListQuerySchema.pick({ [key]: true } as never).safeParse({ [key]: v });
    if (single.success) {
      const parsed = (single.data as Record<string, string | number>)[key];
      if (parsed !== undefined) out[key] = parsed;
    }
  }
  return out as LetterFilters;
}

export function paramsFromFilters(f: LetterFilters): URLSearchParams {
  const sp = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = (f as Record<string, unknown>)[key];
    if (v === undefined || v === null || v === '' || (key === 'page' && v === 1)) continue;
    sp.set(key, String(v));
  }
  return sp;
}

/** The filtered letters as CSV: phone already masked by the server; formula cells neutralised. */
export function lettersCsv(
  letters: Letter[],
  label: (key: string) => string,
  sectionName: (id: string) => string,
): string {
  const header = [
    'serialNo',
    'receivedOn',
    'source',
    'category',
    'subject',
    'citizenName',
    'citizenPhone',
    'section',
    'status',
    'dueOn',
    'remaining',
    'repliedOn',
    'closedOn',
    'onTime',
    'satisfaction',
  ];
  const rows = letters.map((l) => [
    l.serialNo,
    l.receivedOn,
    label(`letters.sources.${l.source}`),
    label(`letters.categories.${l.category}`),
    l.subject,
    l.citizenName,
    l.citizenPhone ?? '',
    l.sectionId ? sectionName(l.sectionId) : '',
    label(`letters.statuses.${l.status}`),
    l.dueOn,
    l.remainingWorkdays ?? '',
    l.reply?.repliedOn ?? '',
    l.closedOn ?? '',
    l.onTime === null ? '' : l.onTime ? label('app.yes') : label('app.no'),
    l.satisfaction ? label(`letters.satisfactions.${l.satisfaction}`) : '',
  ]);
  return toCsv(
    header.map((h) => label(`letters.csv.${h}`)),
    rows,
  );
}
