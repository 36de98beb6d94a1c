import {
  catalogueInputSchema,
  type CatalogueEntry,
  type CatalogueRecord,
  type CatalogueValues,
} from '@/features/catalogue/types';
import { timeliness as timelinessOf } from '@/features/catalogue/timeliness';
import { translate, type Locale } from '@/lib/i18n/core';
import type { WorkdayCalendar } from '@/lib/workdays';
import { audit, diff, type Actor } from './audit';
import { errors, fieldErrors } from './errors';
import type { Tx } from './ports';
import { organisation } from './settings';

/** 条例第二十六条 against the office's calendar (the rule itself: features/catalogue/timeliness). */
export const timeliness = (
  cal: WorkdayCalendar,
  rec: Pick<CatalogueRecord, 'formedOn' | 'publishedOn'>,
) => timelinessOf(cal, rec);

/** An entry as the API shows it, with its timeliness under `cal` (the office's calendar). */
export function presentEntry(cal: WorkdayCalendar, rec: CatalogueRecord): CatalogueEntry {
  // Records stored before expiredOn existed read as null (the date was not recorded).
  return { ...rec, expiredOn: rec.expiredOn ?? null, ...timeliness(cal, rec) };
}

/**
 * The dates of an entry that lie after the backend's today (a schema cannot know it): field →
 * message key, {} when none. The lower bound (2000-01-01) is the schema's. Create, change and
 * import all apply it, so no entry is formed, published or repealed in the future.
 */
export function futureDateErrors(
  v: Pick<CatalogueValues, 'formedOn' | 'publishedOn' | 'repealedOn' | 'expiredOn'>,
  now: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of ['formedOn', 'publishedOn', 'repealedOn', 'expiredOn'] as const) {
    const d = v[field];
    if (d && d > now) out[field] = 'validation.notFuture';
  }
  return out;
}

/** 索引号 `<org code>/<year>-<5-digit seq>`; the counter only grows, so numbers are never reused. */
export async function nextIndexNo(tx: Tx, year: number): Promise<string> {
  const seq = await tx.nextSeq(`catalogue:${year}`);
  return `${(await organisation(tx)).orgCode}/${year}-${String(seq).padStart(5, '0')}`;
}

export type NewEntry = Omit<
  CatalogueRecord,
  'id' | 'indexNo' | 'version' | 'createdAt' | 'updatedAt' | 'withdrawn' | 'withdrawnReason'
>;

export async function createEntry(
  tx: Tx,
  input: NewEntry,
  actor: Actor,
  at: string,
  id?: string,
): Promise<CatalogueRecord> {
  const rec: CatalogueRecord = {
    ...input,
    id: id ?? crypto.randomUUID(),
    indexNo: await nextIndexNo(tx, Number(input.formedOn.slice(0, 4))),
    withdrawn: false,
    withdrawnReason: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await tx.catalogue.put(rec);
  await audit(tx, 'catalogue', rec.id, 'create', actor, `登记 ${rec.indexNo}《${rec.title}》`, {
    at,
    event: { type: 'created', params: { indexNo: rec.indexNo, title: rec.title } },
  });
  return rec;
}

/** A change to an entry: validated merged values, version +1, audit with before/after. */
export async function updateEntry(
  tx: Tx,
  rec: CatalogueRecord,
  values: CatalogueValues,
  actor: Actor,
  at: string,
): Promise<CatalogueRecord> {
  if (rec.withdrawn) throw errors.invalidTransition('A withdrawn entry cannot be changed');
  const next: CatalogueRecord = { ...rec, ...values, version: rec.version + 1, updatedAt: at };
  await tx.catalogue.put(next);
  const change = diff(rec, next);
  await audit(tx, 'catalogue', rec.id, 'update', actor, `修改《${next.title}》`, {
    at,
    ...change,
    event: {
      type: 'updated',
      params: { title: next.title, fields: Object.keys(change.after).join(',') },
    },
  });
  return next;
}

/** DELETE withdraws: the record stays, marked withdrawn with the reason. */
export async function withdrawEntry(
  tx: Tx,
  rec: CatalogueRecord,
  reason: string,
  actor: Actor,
  at: string,
): Promise<CatalogueRecord> {
  if (rec.withdrawn) throw errors.invalidTransition('Already withdrawn');
  const next: CatalogueRecord = {
    ...rec,
    withdrawn: true,
    withdrawnReason: reason,
    version: rec.version + 1,
    updatedAt: at,
  };
  await tx.catalogue.put(next);
  await audit(tx, 'catalogue', rec.id, 'withdraw', actor, `撤回《${rec.title}》：${reason}`, {
    at,
    event: { type: 'withdrawn', params: { title: rec.title, reason } },
    ...diff(rec, next),
  });
  return next;
}

/** Validate every row first; any error and nothing is written (422 with `rows.N.field` errors). */
export async function importEntries(
  tx: Tx,
  rows: unknown[],
  actor: Actor,
  at: string,
  locale: Locale,
): Promise<CatalogueRecord[]> {
  const errs: Record<string, string> = {};
  const valid: CatalogueValues[] = [];
  const now = tx.today;
  rows.forEach((row, i) => {
    const r = catalogueInputSchema.safeParse(row);
    // The same rules as a single create: the schema's (dates from 2000-01-01), then nothing
    // formed, published or repealed in the future.
    const future = r.success ? Object.entries(futureDateErrors(r.data, now)) : [];
    if (future.length)
      for (const [k, key] of future) errs[`rows.${i}.${k}`] = translate(locale, key);
    else if (r.success) valid.push(r.data);
    else
      for (const [k, v] of Object.entries(fieldErrors(r.error, locale)))
        errs[`rows.${i}.${k}`] ??= v;
  });
  if (Object.keys(errs).length) throw errors.validation(errs);
  const created: CatalogueRecord[] = [];
  for (const v of valid) created.push(await createEntry(tx, v, actor, at));
  await audit(tx, 'catalogue', 'import', 'import', actor, `批量导入 ${created.length} 条`, {
    at,
    event: { type: 'imported', params: { n: created.length } },
  });
  return created;
}
