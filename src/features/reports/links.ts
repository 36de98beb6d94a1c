/**
 * Where each figure of the report leads: the filtered list of the records behind it. Pure.
 * Table 三's cells link to exactly their applications; letters link by the year received and
 * catalogue entries by the year published (the closest list where the report counts otherwise).
 */
import { paths } from '@/config/paths';

const KINDS = {
  review: 'review',
  litigationDirect: 'litigation_direct',
  litigationAfterReview: 'litigation_after_review',
} as const;
export const REVIEW_REGISTER_ID = 'review-register';

const withQuery = (base: string, q: Record<string, string | number | undefined>) => {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') sp.set(k, String(v));
  return `${base}?${sp.toString()}`;
};

/** The link of one figure, or null when no list shows its records. */
export function figureHref(
  key: string,
  year: number,
  opts: { reportPath: string; canSeeSettings: boolean },
): string | null {
  const [table, a = '', b = ''] = key.split('|');
  if (table === 't3') {
    // Exactly the applications counted in that cell (the list filters by table 三's own rules).
    const applicantType = b === 'total' ? undefined : b;
    return withQuery(paths.applications, { reportYear: year, reportRow: a, applicantType });
  }
  if (table === 't4') {
    const q = new URLSearchParams({ reviewKind: KINDS[a as keyof typeof KINDS] ?? a });
    if (b !== 'total') q.set('reviewResult', b);
    return `${opts.reportPath}?${q.toString()}#${REVIEW_REGISTER_ID}`;
  }
  if (table === 't2') {
    if (a === 'regulation' || a === 'normative') {
      if (b === 'issued') return withQuery(paths.catalogue, { docType: a, year });
      return withQuery(paths.catalogue, {
        docType: a,
        validity: b === 'repealed' ? 'repealed' : 'valid',
      });
    }
    if (a === 'licensing' || a === 'penalty')
      return withQuery(paths.catalogue, { category: a, year });
    if (a === 'fees')
      return opts.canSeeSettings ? withQuery(paths.settings, { tab: 'organisation' }) : null;
    return null; // 行政强制: the catalogue has no such category.
  }
  if (table === 'catalogue') {
    if (a === 'timely') return withQuery(paths.catalogue, { year, timely: 'true' });
    if (a === 'powersList') return withQuery(paths.catalogue, { year, category: 'powers_list' });
    return withQuery(paths.catalogue, { year });
  }
  if (table === 'letters') {
    if (a === 'mayorMailbox') return withQuery(paths.letters, { year, source: 'mayor_mailbox' });
    if (a === 'closed' || a === 'closedOnTime')
      return withQuery(paths.letters, { year, status: 'closed' });
    return withQuery(paths.letters, { year });
  }
  if (table === 'fees') return withQuery(paths.applications, { year, status: 'decided' });
  return null;
}
