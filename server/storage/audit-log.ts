/**
 * The administration's audit log in SQL (issue #15): the rule of server/domain/audit.ts
 * (`inAuditLog`, `auditLogOrder`) as a WHERE and an ORDER BY over the audit store's rows, served
 * by the partial index `records_audit_log_idx` (migration 0006): the administration's entries by
 * `at`, then id, newest first. A page reads the index's first rows (LIMIT/OFFSET), a range of days
 * is a range of the index; the total is a count with the same WHERE. The whole trail — every
 * change in the office writes to it — is never read.
 */
import type { AuditEntry } from '@/types/api';
import type { Queryable } from '../db/client';
import { AUDIT_LOG_AT, AUDIT_LOG_ID, AUDIT_LOG_ROWS } from '../db/schema';
import { auditDayRange, type AuditLogFilter, type AuditLogSearch } from '../domain/audit';

/** The WHERE of the entries `f` selects and its parameters (the index's predicate first, as is). */
function where(f: AuditLogFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (v: unknown) => (params.push(v), `$${params.length}`);
  const conds = [AUDIT_LOG_ROWS];
  if (f.actorId) {
    const p = param(f.actorId);
    conds.push(`(value->'actor'->>'id' = ${p} OR value->>'entityId' = ${p})`);
  }
  if (f.action) conds.push(`value->>'action' = ${param(f.action)}`);
  // Days in China time as a range of `at`'s text (its form makes the two the same: audit.ts).
  const { lower, upper } = auditDayRange(f);
  if (lower) conds.push(`${AUDIT_LOG_AT} >= ${param(lower)}`);
  if (upper) conds.push(`${AUDIT_LOG_AT} < ${param(upper)}`);
  return { sql: conds.join(' AND '), params };
}

export function sqlAuditLog(q: Queryable): AuditLogSearch {
  const count = async (f: AuditLogFilter) => {
    const w = where(f);
    const [row] = await q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM records WHERE ${w.sql}`,
      w.params,
    );
    return row?.n ?? 0;
  };
  return {
    count,
    async list(f, { page, pageSize }) {
      const w = where(f);
      const n = w.params.length;
      const rows = await q.query<{ value: AuditEntry }>(
        `SELECT value FROM records WHERE ${w.sql}
         ORDER BY ${AUDIT_LOG_AT} DESC, ${AUDIT_LOG_ID} DESC
         LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...w.params, pageSize, (page - 1) * pageSize],
      );
      return { items: rows.map((r) => r.value), total: await count(f) };
    },
  };
}
