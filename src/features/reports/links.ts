/**
 * Where each figure of the report leads: the filtered list of the records behind it. Pure.
 * The lists filter applications and letters by the year received and catalogue entries by the
 * year published, so a few figures link to the closest list (noted below).
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
    const applicantType = b === 'total' ? undefined : b;
    if (a === '1' || a === '4') return withQuery(paths.applications, { year, applicantType });
    // Carried over: received last year (the list cannot filter "undecided on 1 January").
    if (a === '2') return withQuery(paths.applications, { year: year - 1, applicantType });
    if (a === '3.7')
      return withQuery(paths.applications, { year, status: 'decided', applicantType });
    return withQuery(paths.applications, { year, applicantType, outcome: a });
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
