/**
 * The audit log's index in SQL (migration 0006, issue #15): its predicate is the administration
 * of server/domain/audit.ts, the log's statements are served by it (not a scan of the whole
 * trail), and the form of `at` the SQL's day ranges rely on is the one every entry is written in.
 * The answers themselves are the storage contract's (tests/storage/audit-log.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client';
import { AUDIT_LOG_ROWS } from '../../server/db/schema';
import {
  ADMINISTRATION,
  auditDayRange,
  inAuditLog,
  type AuditLogFilter,
} from '../../server/domain/audit';
import { instant } from '../../server/domain/time';
import { sqlAuditLog } from '../../server/storage/audit-log';
import { tempDataDir } from './harness';

const migrationsFolder = join(process.cwd(), 'server/db/migrations');
const migration = readFileSync(join(migrationsFolder, '0006_audit_log.sql'), 'utf8');

describe('the audit log’s index', () => {
  it('the migration’s predicate is the administration of the domain, as the statements write it', () => {
    const list = /\(value->>'entity'\) IN \(([^)]*)\)/.exec(migration)?.[1];
    expect(list?.split(',').map((s) => s.trim().replace(/^'|'$/g, ''))).toEqual([
      ...ADMINISTRATION,
    ]);
    expect(migration).toContain(`WHERE ${AUDIT_LOG_ROWS};`);
  });

  it('every instant is written fixed-width with China’s offset: its text range is its China day', () => {
    const form = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
    const start = Date.UTC(2026, 0, 1, 15, 59, 58);
    for (let k = 0; k < 2000; k++) {
      // Around each China midnight of a year and a half, and in between.
      const ms = start + Math.floor(k / 4) * 86_400_000 + [0, 1000, 1999, 2000][k % 4]! * 1;
      const at = instant(ms + (k % 4 === 3 ? 7 * 3600_000 : 0));
      expect(at).toMatch(form);
      for (const f of [
        { from: at.slice(0, 10) },
        { to: at.slice(0, 10) },
        { from: '2026-06-30', to: '2026-07-01' },
      ] as AuditLogFilter[]) {
        const { lower, upper } = auditDayRange(f);
        const byText = (!lower || at >= lower) && (!upper || at < upper);
        const e = {
          id: 'x',
          at,
          actor: { id: 'a', name: 'a', role: null },
          entity: 'auth',
          entityId: 'x',
          action: 'login',
          detail: '',
        };
        expect(byText, `${at} ${JSON.stringify(f)}`).toBe(inAuditLog(e, f));
      }
    }
  });

  describe('on the embedded PostgreSQL', () => {
    let db: Database;
    beforeAll(async () => {
      db = await openDatabase({ dataDir: tempDataDir(), migrationsFolder });
      // 20 000 entries, one in ten the administration's, the rest letters'.
      await db.query(
        `INSERT INTO records (store, id, value)
         SELECT 'audit', 'plan-' || g, jsonb_build_object(
           'id', 'plan-' || g,
           'at', to_char(timestamp '2026-01-01' + g * interval '97 seconds', 'YYYY-MM-DD"T"HH24:MI:SS') || '+08:00',
           'actor', jsonb_build_object('id', 'u' || (g % 50), 'name', 'n', 'role', 'admin'),
           'entity', CASE WHEN g % 10 = 0 THEN (ARRAY['auth','user','section','admin','settings','calendar'])[1 + g % 6] ELSE 'letter' END,
           'entityId', 'e' || (g % 300), 'action', (ARRAY['login','update','create'])[1 + g % 3], 'detail', '')
         FROM generate_series(1, 20000) g`,
      );
      await db.query('ANALYZE records');
    });
    afterAll(async () => {
      await db?.close();
    });

    it('a page of the log is read from the index (no scan of the trail), in its order when unfiltered or by days', async () => {
      const plans: string[] = [];
      const explain = sqlAuditLog({
        query: async <T>(sql: string, params?: unknown[]) => {
          const rows = await db.query<Record<string, string>>(`EXPLAIN ${sql}`, params);
          if (sql.includes('LIMIT')) plans.push(rows.map((r) => Object.values(r)[0]).join('\n'));
          return [] as T[];
        },
      });
      for (const f of [
        {},
        { action: 'login' },
        { from: '2026-01-05', to: '2026-01-08' },
        { actorId: 'u10', from: '2026-01-10' },
      ] as AuditLogFilter[])
        await explain.list(f, { page: 2, pageSize: 50 });
      // Every one reads the index; the whole log and a range of days read it in order (a filter
      // the planner thinks rare may fetch its few rows by the index, then sort them).
      for (const plan of plans) {
        expect(plan).toContain('records_audit_log_idx');
        expect(plan).not.toMatch(/Seq Scan/);
      }
      expect(plans[0]).not.toMatch(/Sort/);
      expect(plans[2]).not.toMatch(/Sort/);
    });
  });
});
