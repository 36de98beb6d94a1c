/** Pure shaping for the report page: which table 四 cell a case counts in, and the register's filter. */
import { compileTable4 } from './compile';
import { REVIEW_KINDS, REVIEW_RESULTS, type ReviewCase } from './types';

export type ReviewKind = (typeof REVIEW_KINDS)[number];
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

const GROUP = {
  review: 'review',
  litigation_direct: 'litigationDirect',
  litigation_after_review: 'litigationAfterReview',
} as const;

/** The result under which a case counts in `year`'s table 四, or null (the same rule as the compile). */
export function reviewCountsIn(
  c: Pick<ReviewCase, 'kind' | 'filedOn' | 'result' | 'concludedOn'>,
  year: number,
): ReviewResult | null {
  const cell = compileTable4([c], year)[GROUP[c.kind]];
  return REVIEW_RESULTS.find((r) => cell[r] > 0) ?? null;
}

export interface ReviewFilter {
  year: number;
  /** Only the cases that count in the year's table 四 (else all cases). */
  countedOnly: boolean;
  kind?: ReviewKind;
  result?: ReviewResult;
}

export function filterReviews(cases: ReviewCase[], f: ReviewFilter): ReviewCase[] {
  return cases.filter((c) => {
    const counted = reviewCountsIn(c, f.year);
    if ((f.countedOnly || f.kind || f.result) && !counted) return false;
    if (f.kind && c.kind !== f.kind) return false;
    if (f.result && counted !== f.result) return false;
    return true;
  });
}

export const pickReviewKind = (v: string | null) =>
  (REVIEW_KINDS as readonly string[]).includes(v ?? '') ? (v as ReviewKind) : undefined;
export const pickReviewResult = (v: string | null) =>
  (REVIEW_RESULTS as readonly string[]).includes(v ?? '') ? (v as ReviewResult) : undefined;
