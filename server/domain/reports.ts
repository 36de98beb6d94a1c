import type { LedgerEvent } from '@/features/applications/clock';
import { compileReport } from '@/features/reports/compile';
import {
  NARRATIVE_FIRST_VERSION,
  narrativeText,
  type AnnualReport,
  type Narrative,
  type NarrativeRecord,
} from '@/features/reports/types';
import { calendar } from './calendar';
import { presentEntry } from './catalogue';
import { lettersOf } from './letters';
import type { ReadTx, Tx } from './ports';
import { organisation } from './settings';
import { instant } from './time';

export const EMPTY_NARRATIVE: Narrative = {
  overview: '',
  problems: '',
  other: '',
  publishedOn: '',
};
export const narrativeKey = (year: number) => `narrative:${year}`;
/** The year's narrative with its version; stored before versions existed (or never saved): 1. */
export async function getNarrative(
  tx: ReadTx,
  year: number,
  forUpdate = false,
): Promise<NarrativeRecord> {
  const key = narrativeKey(year);
  const rec = await (forUpdate ? (tx as Tx).settings.getForUpdate(key) : tx.settings.get(key));
  const stored = rec?.value as (Narrative & { version?: number }) | undefined;
  return {
    ...narrativeText(stored ?? EMPTY_NARRATIVE),
    version: stored?.version ?? NARRATIVE_FIRST_VERSION,
  };
}
/** Saves the text as the next version. */
export async function saveNarrative(
  tx: Tx,
  year: number,
  text: Narrative,
  base: NarrativeRecord,
): Promise<NarrativeRecord> {
  const next: NarrativeRecord = { ...narrativeText(text), version: base.version + 1 };
  await tx.settings.put({ id: narrativeKey(year), value: next });
  return next;
}

/** Compiled at request time from the records: nothing in the report is stored but the narrative. */
export async function annualReport(tx: ReadTx, year: number): Promise<AnnualReport> {
  const org = await organisation(tx);
  const cal = await calendar(tx);
  return compileReport(
    {
      apps: (await tx.applications.all()).map((a) => ({
        applicantType: a.applicantType,
        receivedOn:
          (a.ledger as LedgerEvent[]).find((e) => e.kind === 'received')?.on ?? a.receivedOn,
        decision: a.decision
          ? { outcome: a.decision.outcome, decidedOn: a.decision.decidedOn, fee: a.decision.fee }
          : null,
      })),
      entries: (await tx.catalogue.all()).map((e) => presentEntry(cal, e)),
      // The year's letters only (compileLetters counts the letters received in the year).
      letters: await lettersOf(tx, { year, sort: { key: 'receivedOn', desc: false } }),
      reviews: await tx.reviews.all(),
      feesWan: org.administrativeFeesWan[String(year)] ?? 0,
      organisation: org.name,
      narrative: await getNarrative(tx, year),
    },
    year,
    instant(tx.now),
  );
}
