/**
 * The administration's audit log (ReadTx.auditLog, GET /audit/log), part of the storage contract:
 * on every storage, in a read and inside a write, each filter alone and combined — a person, an
 * action, days in China time (instants on either side of midnight there) — the order (newest
 * first, ties on the instant by id compared code unit by code unit), pages and totals are exactly
 * the rule of server/domain/audit.ts over every entry (`searchAuditLog` over `all()`). The SQL
 * storage answers from a partial index (migration 0006), so this keeps it to the rule.
 */
import { expect, it } from 'vitest';
import type { AuditEntry } from '@/types/api';
import { ADMINISTRATION, searchAuditLog, type AuditLogFilter } from '../../server/domain/audit';
import type { ReadTx, Storage } from '../../server/domain/ports';
import { instant } from '../../server/domain/time';

/** 2031-03-09 23:59:59 in China, and one second later the 10th begins. */
const MIDNIGHT = Date.UTC(2031, 2, 9, 16, 0, 0);
const INSTANTS = [
  MIDNIGHT - 1000,
  MIDNIGHT,
  MIDNIGHT - 86_400_000, // the 9th begins
  MIDNIGHT - 86_400_000 - 1000, // the 8th ends
  MIDNIGHT + 86_400_000 - 1000, // the 10th ends
  MIDNIGHT + 86_400_000, // the 11th begins
  MIDNIGHT + 5 * 3600_000, // 05:00 on the 10th
].map(instant);
const ENTITIES = [...ADMINISTRATION, 'letter', 'application'];
const ACTIONS = ['login', 'update', 'create', 'login_failed'];
/** Suffixes whose order as code units differs from a locale's ('B' < '_' < 'a'). */
const SUFFIXES = ['a', 'B', '_', 'b', 'A', '-', '0'];

/** The ids of the log's answer for `filter`, page by page (pages of 3), with the totals. */
async function answers(tx: ReadTx, filters: AuditLogFilter[]) {
  const all = await tx.audit.all();
  for (const f of filters) {
    const rule = searchAuditLog(all, f, { page: 1, pageSize: 1_000_000 });
    const total = await tx.auditLog.count(f);
    expect(total, JSON.stringify(f)).toBe(rule.total);
    const pages = Math.ceil(rule.total / 3) + 1; // and one past the end
    const seen: AuditEntry[] = [];
    for (let page = 1; page <= Math.min(pages, 6); page++) {
      const got = await tx.auditLog.list(f, { page, pageSize: 3 });
      expect(got, `${JSON.stringify(f)} page ${page}`).toEqual(
        searchAuditLog(all, f, { page, pageSize: 3 }),
      );
      seen.push(...got.items);
    }
    // A big page: the whole answer at once, in the rule's order.
    const whole = await tx.auditLog.list(f, { page: 1, pageSize: 100 });
    expect(whole, JSON.stringify(f)).toEqual(searchAuditLog(all, f, { page: 1, pageSize: 100 }));
    if (rule.total <= 15) expect(seen).toEqual(rule.items);
  }
}

export function auditLogContract(storage: () => Storage, fresh: () => string) {
  it('the audit log is the rule over every entry: filters alone and combined, order, pages, totals', async () => {
    const p = fresh();
    const [alice, bob, carol] = [`${p}-alice`, `${p}-bob`, `${p}-carol`];
    const actors = [alice, bob, 'anonymous'];
    const entries: AuditEntry[] = [];
    for (let i = 0; i < 56; i++) {
      const actor = actors[i % 3]!;
      entries.push({
        id: `${p}-${String(Math.floor(i / SUFFIXES.length)).padStart(2, '0')}${SUFFIXES[i % SUFFIXES.length]}`,
        at: INSTANTS[i % INSTANTS.length]!,
        actor: { id: actor, name: actor, role: actor === 'anonymous' ? null : 'admin' },
        entity: ENTITIES[i % ENTITIES.length]!,
        // What was done to an account: some entries name alice or carol as their record.
        entityId: i % 5 === 0 ? alice : i % 5 === 1 ? carol : `${p}-rec-${i}`,
        action: ACTIONS[i % ACTIONS.length]!,
        detail: `entry ${i}`,
      });
    }
    // Ties on the instant: the same instant under ids that sort differently by locale.
    for (const s of SUFFIXES)
      entries.push({
        ...entries[0]!,
        id: `${p}-tie${s}`,
        entity: 'auth',
        action: 'login',
        detail: `tie ${s}`,
      });
    const days = ['2031-03-08', '2031-03-09', '2031-03-10', '2031-03-11'];
    const filters: AuditLogFilter[] = [
      {},
      { actorId: alice },
      { actorId: bob },
      { actorId: carol },
      { actorId: `${p}-nobody` },
      { action: 'login' },
      { action: 'login_failed', actorId: alice },
      ...days.flatMap((d) => [{ from: d }, { to: d }, { from: d, to: d }]),
      { from: days[1], to: days[2] },
      { actorId: alice, from: days[2], to: days[2] },
      { actorId: bob, action: 'update', from: days[1], to: days[3] },
      { actorId: alice, action: 'login', from: days[0], to: days[1] },
    ];

    // Inside the write that stores them (a write reads its own writes), then in a read.
    await storage().write(async (tx) => {
      for (const e of entries) await tx.audit.put(e);
      await answers(tx, filters);
    });
    await storage().read((tx) => answers(tx, filters));

    // The rule itself, on these entries: the midnight in China splits the days exactly…
    await storage().read(async (tx) => {
      const ids = async (f: AuditLogFilter) =>
        (await tx.auditLog.list({ actorId: alice, ...f }, { page: 1, pageSize: 100 })).items.map(
          (e) => e.at,
        );
      const on10 = await ids({ from: '2031-03-10', to: '2031-03-10' });
      expect(on10.length).toBeGreaterThan(0);
      expect(on10.every((at) => at.startsWith('2031-03-10'))).toBe(true);
      expect(on10).toContain('2031-03-10T00:00:00+08:00');
      expect(on10).toContain('2031-03-10T23:59:59+08:00');
      expect(await ids({ to: '2031-03-09' })).toContain('2031-03-09T23:59:59+08:00');
      // …a person's entries are what they did and what was done to their account…
      const mine = (await tx.auditLog.list({ actorId: alice }, { page: 1, pageSize: 100 })).items;
      const expected = entries.filter(
        (e) =>
          (ADMINISTRATION as readonly string[]).includes(e.entity) &&
          (e.actor.id === alice || e.entityId === alice),
      );
      expect(new Set(mine.map((e) => e.id))).toEqual(new Set(expected.map((e) => e.id)));
      // …and ties on the instant go by id, code unit by code unit, descending.
      const ties = (await tx.auditLog.list({ actorId: alice }, { page: 1, pageSize: 100 })).items
        .filter((e) => e.id.startsWith(`${p}-tie`))
        .map((e) => e.id.slice(`${p}-tie`.length));
      expect(ties).toEqual(['b', 'a', '_', 'B', 'A', '0', '-']);
    });
  });
}
