import type { AuditEntry, AuditEvent, User } from '@/types/api';
import { nowInstant } from '../clock';
import { db } from '../db';

export type Actor = Pick<User, 'id' | 'name' | 'role'>;

export const SYSTEM_ACTOR: Actor = { id: 'system', name: '系统', role: 'admin' };

let seq = 0;

/** Append one audit entry (committed with the change it describes). */
export function audit(
  entity: string,
  entityId: string,
  action: string,
  /** Who did it; null for an anonymous caller (a failed sign-in). */
  actor: Actor | null,
  detail: string,
  extra: {
    before?: unknown;
    after?: unknown;
    at?: string;
    event?: AuditEvent;
    address?: string;
  } = {},
): AuditEntry {
  seq += 1;
  const entry: AuditEntry = {
    id: `${entity}-${entityId}-${Date.now().toString(36)}-${String(seq).padStart(9, '0')}`,
    at: extra.at ?? nowInstant(),
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
  return db.audit.put(entry);
}

export function auditTrail(entity: string, entityId: string): AuditEntry[] {
  return db.audit
    .all()
    .filter((e) => e.entity === entity && e.entityId === entityId)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id.localeCompare(b.id)));
}

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
