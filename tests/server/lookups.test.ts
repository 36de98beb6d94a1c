/**
 * The services that find a few records by an index instead of reading a whole store (issue #15),
 * on the SQL storage (PGlite) and the memory storage over the same demo records: a record's audit
 * trail, a parent's attachments, the annual report (its year's letters only) and the calendar's
 * recount (the letters not closed only) answer as the rule over every record does.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db, type Snapshot } from '@mocks/db';
import { MemoryStorage } from '@mocks/memory-storage';
import { seedAll } from '@mocks/seed';
import { compileLetters } from '@/features/reports/compile';
import type { LetterRecord } from '@/features/letters/types';
import type { AuditEntry } from '@/types/api';
import type { Attachment } from '@/features/attachments/types';
import { openDatabase, type Database } from '../../server/db/client';
import { listAttachments } from '../../server/domain/attachments';
import { auditTrail, SYSTEM_ACTOR, trailOf } from '../../server/domain/audit';
import { recomputeProvisional } from '../../server/domain/letters';
import type { Storage } from '../../server/domain/ports';
import { annualReport } from '../../server/domain/reports';
import { SqlStorage } from '../../server/storage/sql-storage';
import { tempDataDir } from './harness';

const migrationsFolder = join(process.cwd(), 'server/db/migrations');

describe('lookups by index on SQL and memory, as the rule over every record', () => {
  let snapshot: Snapshot;
  let db: Database;
  let sql: SqlStorage;
  let mem: MemoryStorage;
  /** Letters changed so that the recount has work: a stale provisional deadline in each status. */
  const stale = new Set<string>();

  beforeAll(async () => {
    const built = new Db();
    await seedAll(built);
    snapshot = built.snapshot();
    const letters = snapshot.letters as LetterRecord[];
    for (const status of ['registered', 'assigned', 'replied', 'closed'] as const)
      for (const rec of letters.filter((l) => l.status === status).slice(0, 3)) {
        stale.add(rec.id);
        Object.assign(rec, { calendarProvisional: true, dueOn: '2000-01-03' });
      }
    // Attachments (the demo has none): two letters' files, and one of an application filed
    // under the same id as a letter (a parent is its type and id).
    const file = (id: string, parentType: Attachment['parentType'], parentId: string, at: string) =>
      ({
        id,
        parentType,
        parentId,
        name: `${id}.pdf`,
        type: 'pdf',
        size: 1,
        sha256: '0'.repeat(64),
        uploadedAt: at,
        uploadedBy: { id: 'system', name: '系统' },
      }) satisfies Attachment;
    const [l1, l2] = letters as [LetterRecord, LetterRecord];
    snapshot.attachments = [
      file('f1', 'letters', l1.id, '2026-03-02T10:00:00+08:00'),
      file('f2', 'letters', l2.id, '2026-03-01T10:00:00+08:00'),
      file('f3', 'letters', l1.id, '2026-03-01T09:00:00+08:00'),
      file('f4', 'applications', l1.id, '2026-03-01T09:00:00+08:00'),
    ];
    db = await openDatabase({ dataDir: tempDataDir(), migrationsFolder });
    sql = new SqlStorage(db);
    await sql.seedIfEmpty(async () => snapshot);
    const copy = new Db();
    copy.loadRecords(structuredClone(snapshot));
    mem = new MemoryStorage(copy);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  const both = (): [string, Storage][] => [
    ['sql', sql],
    ['memory', mem],
  ];

  it('a record’s trail: its entries, oldest first', async () => {
    const all = snapshot.audit as AuditEntry[];
    const keys = [...new Set(all.map((e) => `${e.entity}\u0000${e.entityId}`))];
    expect(keys.length).toBeGreaterThan(10);
    for (const [name, storage] of both())
      for (const k of keys.filter((_, i) => i % Math.ceil(keys.length / 40) === 0)) {
        const [entity, id] = k.split('\u0000') as [string, string];
        const trail = await storage.read((tx) => auditTrail(tx, entity, id));
        expect(trail, `${name} ${k}`).toEqual(trailOf(all, entity, id));
        expect(trail.length).toBeGreaterThan(0);
      }
  });

  it('a parent’s attachments', async () => {
    const all = (snapshot.attachments ?? []) as Attachment[];
    const parents = [
      ...new Set(all.map((a) => `${a.parentType}\u0000${a.parentId}`)),
      `letters\u0000none`,
    ];
    expect(parents).toHaveLength(4);
    for (const [name, storage] of both())
      for (const k of parents) {
        const [type, id] = k.split('\u0000') as [Attachment['parentType'], string];
        const expected = all
          .filter((a) => a.parentType === type && a.parentId === id)
          .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt));
        expect(await storage.read((tx) => listAttachments(tx, type, id)), name).toEqual(expected);
      }
  });

  it('the annual report: the year’s letters counted as over every letter', async () => {
    const letters = snapshot.letters as LetterRecord[];
    const years = [...new Set(letters.map((l) => Number(l.receivedOn.slice(0, 4))))];
    for (const year of [...years, Math.min(...years) - 1]) {
      const [a, b] = await Promise.all(
        both().map(([, s]) => s.read((tx) => annualReport(tx, year))),
      );
      const { compiledAt: _a, ...onSql } = a!;
      const { compiledAt: _b, ...onMemory } = b!;
      expect(onSql, String(year)).toEqual(onMemory);
      expect(onSql.letters, String(year)).toEqual(compileLetters(letters, year));
    }
  });

  it('the calendar’s recount moves the stale provisional deadlines of letters not closed, no others', async () => {
    const expected = (snapshot.letters as LetterRecord[]).filter(
      (l) => stale.has(l.id) && l.status !== 'closed',
    ).length;
    expect(expected).toBeGreaterThan(0);
    for (const [name, storage] of both()) {
      const n = await storage.write((tx) => recomputeProvisional(tx, SYSTEM_ACTOR));
      expect(n, name).toBeGreaterThanOrEqual(expected);
      const after = await storage.read(async (tx) =>
        Promise.all([...stale].map(async (id) => (await tx.letters.get(id))!)),
      );
      for (const rec of after)
        if (rec.status === 'closed') expect(rec.dueOn, `${name} ${rec.id}`).toBe('2000-01-03');
        else expect(rec.dueOn, `${name} ${rec.id}`).not.toBe('2000-01-03');
    }
    const [a, b] = await Promise.all(
      both().map(([, s]) => s.read(async (tx) => (await tx.letters.all()).map((l) => l.dueOn))),
    );
    expect(a).toEqual(b);
  });
});
