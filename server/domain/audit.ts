import type { AuditEntry, AuditEvent, User } from '@/types/api';
import type { ReadTx, Tx } from './ports';
import { instant } from './time';

export type Actor = Pick<User, 'id' | 'name' | 'role'>;

export const SYSTEM_ACTOR: Actor = { id: 'system', name: '系统', role: 'admin' };

/** Tells apart entries made in one millisecond (ids only; the trail sorts by time, then id). */
let seq = 0;

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
    id: `${entity}-${entityId}-${now.toString(36)}-${String(seq).padStart(9, '0')}`,
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
