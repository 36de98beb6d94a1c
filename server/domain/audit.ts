import type { AuditEntry, AuditEvent, User } from '@/types/api';
import type { ReadTx, Tx } from './ports';
import { chinaDate, instant } from './time';

export type Actor = Pick<User, 'id' | 'name' | 'role'>;

export const SYSTEM_ACTOR: Actor = { id: 'system', name: '系统', role: 'admin' };

/**
 * Tells apart entries made in one millisecond by this process (ids only; the trail sorts by time,
 * then id). Another instance (or another tab's mock) counts on its own, so each id also carries a
 * random part: an entry is never stored over another's id (a put of an existing id replaces it).
 */
let seq = 0;
const nonce = () => crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36).padStart(7, '0');

export type AuditExtra = {
  before?: unknown;
  after?: unknown;
  at?: string;
  event?: AuditEvent;
  address?: string;
};

/** Append one audit entry, in the transaction of the change it describes. */
export function audit(
  tx: Tx,
  entity: string,
  entityId: string,
  action: string,
  /** Who did it; null for an anonymous caller (a failed sign-in). */
  actor: Actor | null,
  detail: string,
  extra: AuditExtra = {},
): Promise<AuditEntry> {
  return tx.audit.put(auditEntry(tx.now, entity, entityId, action, actor, detail, extra));
}

/** An audit entry as of `now` (ms): pure. */
export function auditEntry(
  now: number,
  entity: string,
  entityId: string,
  action: string,
  /** Who did it; null for an anonymous caller (a failed sign-in). */
  actor: Actor | null,
  detail: string,
  extra: AuditExtra = {},
): AuditEntry {
  seq += 1;
  return {
    id: `${entity}-${entityId}-${now.toString(36)}-${String(seq).padStart(9, '0')}-${nonce()}`,
    at: extra.at ?? instant(now),
    actor: actor
      ? { id: actor.id, name: actor.name, role: actor.role }
      : { id: 'anonymous', name: '—', role: null },
    entity,
    entityId,
    action,
    detail,
    ...(extra.event ? { event: extra.event } : {}),
    ...(extra.before !== undefined ? { before: extra.before } : {}),
    ...(extra.after !== undefined ? { after: extra.after } : {}),
    ...(extra.address !== undefined ? { address: extra.address } : {}),
  };
}

/** A record's trail, oldest first (its entries found by the index on `entityId`). */
export async function auditTrail(
  tx: ReadTx,
  entity: string,
  entityId: string,
): Promise<AuditEntry[]> {
  return trailOf(await tx.audit.where('entityId', entityId), entity, entityId);
}

export const trailOf = (all: AuditEntry[], entity: string, entityId: string) =>
  all
    .filter((e) => e.entity === entity && e.entityId === entityId)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id.localeCompare(b.id)));

/** The fields that differ, for an audit entry's before/after. */
export function diff<T extends object>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (k === 'version' || k === 'updatedAt') continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

/**
 * The administration's entries (GET /audit/log): sign-ins, accounts, sections, settings, the
 * calendar, the admin tools (a letter's or an application's changes are in its own trail, on its
 * page). The SQL index of the log (migration 0006, server/db/schema.ts)
 * repeats this list in its predicate; a test holds the two together.
 */
export const ADMINISTRATION = ['auth', 'user', 'section', 'admin', 'settings', 'calendar'] as const;
const administration: ReadonlySet<string> = new Set(ADMINISTRATION);

/** Which of the administration's entries the log shows (every field optional: all of them). */
export interface AuditLogFilter {
  /** What this person did, and what was done to their account (a failed sign-in under their name). */
  actorId?: string;
  action?: string;
  /** The first and last days shown, in China time (`YYYY-MM-DD`), both included. */
  from?: string;
  to?: string;
}

export interface AuditLogPage {
  /** 1-based. */
  page: number;
  pageSize: number;
}

/**
 * The audit log, answered by the storage: in SQL from a partial index over the administration's
 * entries in the log's order (server/storage/audit-log.ts), never by reading the whole trail.
 */
export interface AuditLogSearch {
  /** One page of the entries the filter selects, newest first, and how many it selects in all. */
  list(filter: AuditLogFilter, page: AuditLogPage): Promise<{ items: AuditEntry[]; total: number }>;
  count(filter: AuditLogFilter): Promise<number>;
}

/**
 * Whether the log shows entry `e` for `f`: the rule. The day of an entry is its date in China
 * time. Every entry's `at` is written by `instant()` (or as a seeded instant of the same form):
 * `YYYY-MM-DDTHH:MM:SS+08:00`, fixed width with China's offset, so its first ten characters are
 * that date and its text sorts as its instant — what the SQL storage compares (auditDayRange).
 */
export function inAuditLog(e: AuditEntry, f: AuditLogFilter): boolean {
  if (!administration.has(e.entity)) return false;
  if (f.actorId && e.actor.id !== f.actorId && e.entityId !== f.actorId) return false;
  if (f.action && e.action !== f.action) return false;
  if (f.from || f.to) {
    const day = chinaDate(new Date(e.at));
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
  }
  return true;
}

/**
 * The log's order: newest first, by `at`, then by id, both compared as text code unit by code
 * unit (SQL's "C" collation), so that every storage breaks ties alike.
 */
export const auditLogOrder = (a: AuditEntry, b: AuditEntry): number =>
  a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id === b.id ? 0 : a.id < b.id ? 1 : -1;

/**
 * The bounds on `at` (as text) of the days `from`–`to`: `at >= lower` and `at < upper` selects
 * exactly the entries whose China date is in the range, given the form of `at` (inAuditLog).
 */
export function auditDayRange(f: AuditLogFilter): { lower?: string; upper?: string } {
  const next = (d: string) =>
    new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    ...(f.from ? { lower: f.from } : {}),
    ...(f.to ? { upper: next(f.to) } : {}),
  };
}

/** The log over every entry, filtered and sorted in memory (the mock's storage, and the tests' rule). */
export function searchAuditLog(
  all: AuditEntry[],
  filter: AuditLogFilter,
  { page, pageSize }: AuditLogPage,
): { items: AuditEntry[]; total: number } {
  const hits = all.filter((e) => inAuditLog(e, filter)).sort(auditLogOrder);
  const start = (page - 1) * pageSize;
  return { items: hits.slice(start, start + pageSize), total: hits.length };
}

/** The audit log over a store's `all()` (the memory storage). */
export const memoryAuditLog = (all: () => Promise<AuditEntry[]>): AuditLogSearch => ({
  list: async (filter, page) => searchAuditLog(await all(), filter, page),
  count: async (filter) => (await all()).filter((e) => inAuditLog(e, filter)).length,
});
