import { toCsv } from '@/lib/csv';
import type { Params } from '@/lib/i18n/core';
import { urlFilters } from '@/lib/url-filters';
import type { LetterFilters } from './api';
import { letterListQuerySchema, type Letter } from './types';

/** The list's URL (`/letters?status=…&page=2`): the list query's fields, less the page size. */
export const letterUrlFilters = urlFilters(
  letterListQuerySchema.omit({ pageSize: true, duplicateOf: true }),
);

/** How many filters narrow the list (the sort and the page are not filters): 「筛选（n）」. */
export function activeFilterCount(f: LetterFilters): number {
  const n = Object.entries(f).filter(
    ([k, v]) => k !== 'page' && k !== 'sort' && v !== undefined && v !== '',
  ).length;
  // A date range is one filter, however many of its ends are set.
  return f.receivedFrom && f.receivedTo ? n - 1 : n;
}

/** The filtered letters as CSV: phone already masked by the server; formula cells neutralised. */
export function lettersCsv(
  letters: Letter[],
  label: (key: string, params?: Params) => string,
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
  const extra = [
    'platformRef',
    'platformAssignedOn',
    'platformFeedbackOn',
    'duplicateOf',
    'supervised',
    'extensionDays',
    'previousDueOn',
    'extensionReason',
    'extensionRequested',
    'content',
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
    // The mayor's-mailbox platform (issue #20): text cells, neutralised like every other.
    l.platformRef ?? '',
    l.platformAssignedOn ?? '',
    l.platformFeedbackOn ?? '',
    l.duplicateOf?.serialNo ?? '',
    l.supervised ? label('app.yes') : label('app.no'),
    l.extension?.days ?? '',
    l.extension?.previousDueOn ?? '',
    l.extension?.reason ?? '',
    l.extensionRequest
      ? label('letters.cases.csv.requestedDays', { n: l.extensionRequest.days })
      : '',
    l.content,
  ]);
  return toCsv(
    [
      ...header.map((h) => label(`letters.csv.${h}`)),
      ...extra.map((h) => label(`letters.cases.csv.${h}`)),
    ],
    rows,
  );
}
