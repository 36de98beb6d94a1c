import type { CatalogueEntry, CatalogueRecord } from '@/features/catalogue/types';
import { calendar } from './calendar';
import { db } from '../db';
import { organisation } from './settings';
import { audit, type Actor } from './audit';

/** 条例第二十六条: publish within 20 working days of the information being formed or changed. */
export const PUBLISH_LIMIT_WORKDAYS = 20;

export function timeliness(rec: Pick<CatalogueRecord, 'formedOn' | 'publishedOn'>): {
  timely: boolean | null;
  lateWorkdays: number;
} {
  if (!rec.publishedOn) return { timely: null, lateWorkdays: 0 };
  const cal = calendar();
  const limit = cal.addWorkdays(rec.formedOn, PUBLISH_LIMIT_WORKDAYS).date;
  if (rec.publishedOn <= limit) return { timely: true, lateWorkdays: 0 };
  return { timely: false, lateWorkdays: cal.workdaysBetween(limit, rec.publishedOn) };
}

export function presentEntry(rec: CatalogueRecord): CatalogueEntry {
  return { ...rec, ...timeliness(rec) };
}

/** 索引号 `<org code>/<year>-<5-digit seq>`; the counter only grows, so numbers are never reused. */
export function nextIndexNo(year: number): string {
  const seq = db.nextSeq(`catalogue:${year}`);
  return `${organisation().orgCode}/${year}-${String(seq).padStart(5, '0')}`;
}

export type NewEntry = Omit<
  CatalogueRecord,
  'id' | 'indexNo' | 'version' | 'createdAt' | 'updatedAt' | 'withdrawn' | 'withdrawnReason'
>;

export function createEntry(
  input: NewEntry,
  actor: Actor,
  at: string,
  id?: string,
): CatalogueRecord {
  const rec: CatalogueRecord = {
    ...input,
    id: id ?? crypto.randomUUID(),
    indexNo: nextIndexNo(Number(input.formedOn.slice(0, 4))),
    withdrawn: false,
    withdrawnReason: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  db.catalogue.put(rec);
  audit('catalogue', rec.id, 'create', actor, `登记 ${rec.indexNo}《${rec.title}》`, { at });
  return rec;
}
