import type { LedgerEvent } from '@/features/applications/clock';
import { compileReport } from '@/features/reports/compile';
import {
  NARRATIVE_FIRST_VERSION,
  narrativeText,
  type AnnualReport,
  type Narrative,
  type NarrativeRecord,
} from '@/features/reports/types';
import { nowInstant } from '../clock';
import { db } from '../db';
import { presentEntry } from '../../server/domain/catalogue';
import { calendar, organisation } from './sync';

export const EMPTY_NARRATIVE: Narrative = {
  overview: '',
  problems: '',
  other: '',
  publishedOn: '',
};
export const narrativeKey = (year: number) => `narrative:${year}`;
/** The year's narrative with its version; stored before versions existed (or never saved): 1. */
export function getNarrative(year: number): NarrativeRecord {
  const stored = db.settings.get(narrativeKey(year))?.value as
    (Narrative & { version?: number }) | undefined;
  return {
    ...narrativeText(stored ?? EMPTY_NARRATIVE),
    version: stored?.version ?? NARRATIVE_FIRST_VERSION,
  };
}
/** Saves the text as the next version. */
export function saveNarrative(year: number, text: Narrative, base: NarrativeRecord) {
  const next: NarrativeRecord = { ...narrativeText(text), version: base.version + 1 };
  db.settings.put({ id: narrativeKey(year), value: next });
  return next;
}

/** Compiled at request time from the records: nothing in the report is stored but the narrative. */
export function annualReport(year: number): AnnualReport {
  const org = organisation();
  return compileReport(
    {
      apps: db.applications.all().map((a) => ({
        applicantType: a.applicantType,
        receivedOn:
          (a.ledger as LedgerEvent[]).find((e) => e.kind === 'received')?.on ?? a.receivedOn,
        decision: a.decision
          ? { outcome: a.decision.outcome, decidedOn: a.decision.decidedOn, fee: a.decision.fee }
          : null,
      })),
      entries: db.catalogue.all().map((e) => presentEntry(calendar(), e)),
      letters: db.letters.all(),
      reviews: db.reviews.all(),
      feesWan: org.administrativeFeesWan[String(year)] ?? 0,
      organisation: org.name,
      narrative: getNarrative(year),
    },
    year,
    nowInstant(),
  );
}
