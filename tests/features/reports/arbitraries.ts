/** Generated record sets for the compile tests: dates from 2015 to 2022, decisions after receipt. */
import fc from 'fast-check';
import type { AppIn, LetterIn, ReviewIn } from '@/features/reports/compile';
import { APPLICANT_COLUMNS, OUTCOME_CODES } from '@/lib/disclosure-template';

const DAY = 86_400_000;
const BASE = Date.UTC(2015, 0, 1);
export const iso = (day: number) => new Date(BASE + day * DAY).toISOString().slice(0, 10);
/** Days from 2015-01-01 to 2022-12-31: the years under test are 2016–2021, with records around them. */
export const dayArb = fc.integer({ min: 0, max: 2921 });
export const yearArb = fc.integer({ min: 2016, max: 2021 });

export const appArb: fc.Arbitrary<AppIn> = fc
  .record({
    applicantType: fc.constantFrom(...APPLICANT_COLUMNS),
    received: dayArb,
    decided: fc.option(
      fc.record({
        after: fc.integer({ min: 0, max: 500 }),
        outcome: fc.constantFrom(...OUTCOME_CODES),
        fee: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
      }),
      { nil: null },
    ),
  })
  .map(({ applicantType, received, decided }) => ({
    applicantType,
    receivedOn: iso(received),
    decision: decided
      ? { outcome: decided.outcome, decidedOn: iso(received + decided.after), fee: decided.fee }
      : null,
  }));
export const appsArb = fc.array(appArb, { maxLength: 60 });

export const inYear = (d: string | null, y: number) => Boolean(d?.startsWith(`${y}-`));

export const caseArb: fc.Arbitrary<ReviewIn> = fc
  .record({
    kind: fc.constantFrom('review', 'litigation_direct', 'litigation_after_review' as const),
    filed: dayArb,
    concluded: fc.option(
      fc.record({
        after: fc.integer({ min: 0, max: 700 }),
        result: fc.constantFrom('upheld', 'corrected', 'other' as const),
      }),
      { nil: null },
    ),
  })
  .map(({ kind, filed, concluded }) => ({
    kind,
    filedOn: iso(filed),
    result: concluded ? concluded.result : 'pending',
    concludedOn: concluded ? iso(filed + concluded.after) : null,
  }));

export const letterArb: fc.Arbitrary<LetterIn> = fc
  .record({
    source: fc.constantFrom('mayor_mailbox', 'hotline_12345', 'website', 'phone', 'mail'),
    received: dayArb,
    closed: fc.option(
      fc.record({ after: fc.integer({ min: 0, max: 120 }), onTime: fc.boolean() }),
      {
        nil: null,
      },
    ),
  })
  .map(({ source, received, closed }) => ({
    source,
    receivedOn: iso(received),
    closedOn: closed ? iso(received + closed.after) : null,
    onTime: closed ? closed.onTime : null,
  }));
