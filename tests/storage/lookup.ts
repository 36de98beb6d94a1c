/**
 * The lookup by a declared field (ReadStore.where, server/domain/ports.ts: INDEXED), part of the
 * storage contract: on every storage, in a read and inside a write, `where(field, value)` is
 * exactly `all()` filtered by that field — the same records in the same (stored) order — after
 * puts, replaces that move a record from one value to another, deletes, and a rolled-back write.
 * The SQL storage answers from partial expression indexes (migration 0004), so this keeps it to
 * the rule.
 */
import { expect, it } from 'vitest';
import type { AuditEntry } from '@/types/api';
import type { Attachment } from '@/features/attachments/types';
import { INDEXED, type ReadTx, type Storage, type Tx } from '../../server/domain/ports';
import type { SessionRecord } from '../../server/domain/records';

const session = (id: string, userId: string): SessionRecord => ({
  id,
  userId,
  createdAt: 0,
  expiresAt: 1,
  absoluteExpiresAt: 2,
});

const entry = (id: string, entityId: string): AuditEntry => ({
  id,
  at: '2026-01-01T00:00:00+08:00',
  actor: { id: 'system', name: '系统', role: 'admin' },
  entity: 'letter',
  entityId,
  action: 'test',
  detail: id,
});

const attachment = (id: string, parentId: string): Attachment => ({
  id,
  parentType: 'letters',
  parentId,
  name: `${id}.pdf`,
  type: 'pdf',
  size: 1,
  sha256: '0'.repeat(64),
  uploadedAt: '2026-01-01T00:00:00+08:00',
  uploadedBy: { id: 'system', name: '系统' },
});

/**
 * Every indexed store's answer for each of `values`: the ids `where` gives, checked equal (records
 * and order) to `all()` filtered.
 */
async function answers(tx: ReadTx, values: string[]) {
  const out: Record<string, string[]> = {};
  for (const v of values) {
    const pairs = [
      ['sessions', await tx.sessions.where('userId', v), await tx.sessions.all()],
      ['audit', await tx.audit.where('entityId', v), await tx.audit.all()],
      ['attachments', await tx.attachments.where('parentId', v), await tx.attachments.all()],
    ] as const;
    for (const [store, byIndex, all] of pairs) {
      const field = INDEXED[store][0];
      const byScan = (all as { id: string }[]).filter(
        (r) => (r as unknown as Record<string, unknown>)[field] === v,
      );
      expect(byIndex, `${store}.${field} = ${v}`).toEqual(byScan);
      out[`${store}:${v}`] = byIndex.map((r) => r.id);
    }
  }
  return out;
}

/** The same ids expected of every store, for each value (the test stores one set of ids in each). */
const expected = (by: Record<string, string[]>) =>
  Object.fromEntries(
    Object.entries(by).flatMap(([v, ids]) =>
      ['sessions', 'audit', 'attachments'].map((s) => [`${s}:${v}`, ids]),
    ),
  );

export function lookupContract(storage: () => Storage, fresh: () => string) {
  it('where(field, value) is all() filtered, in stored order: after puts, replaces, deletes, a rollback, inside a write', async () => {
    const p = fresh();
    const [a, b, c] = [`${p}-A`, `${p}-B`, `${p}-C`];
    const values = [a, b, c];
    /** Puts the record `id` with `value` in its field, in every indexed store. */
    const put = async (tx: Tx, id: string, v: string) => {
      await tx.sessions.put(session(`${p}-${id}`, v));
      await tx.audit.put(entry(`${p}-${id}`, v));
      await tx.attachments.put(attachment(`${p}-${id}`, v));
    };
    const del = async (tx: Tx, id: string) => {
      await tx.sessions.delete(`${p}-${id}`);
      await tx.audit.delete(`${p}-${id}`);
      await tx.attachments.delete(`${p}-${id}`);
    };
    const ids = (...xs: string[]) => xs.map((x) => `${p}-${x}`);
    const read = () => storage().read((tx) => answers(tx, values));

    // Puts, in two transactions; a write reads its own writes.
    const inFirst = await storage().write(async (tx) => {
      await put(tx, '1', a);
      await put(tx, '2', b);
      await put(tx, '3', a);
      return answers(tx, values);
    });
    expect(inFirst).toEqual(expected({ [a]: ids('1', '3'), [b]: ids('2'), [c]: [] }));
    await storage().write(async (tx) => {
      await put(tx, '4', a);
      await put(tx, '5', c);
    });
    expect(await read()).toEqual(
      expected({ [a]: ids('1', '3', '4'), [b]: ids('2'), [c]: ids('5') }),
    );

    // A replace moves a record from one answer to another, keeping its place in the order.
    const inReplace = await storage().write(async (tx) => {
      await put(tx, '1', b);
      await put(tx, '5', a);
      return answers(tx, values);
    });
    const afterReplace = expected({ [a]: ids('3', '4', '5'), [b]: ids('1', '2'), [c]: [] });
    expect(inReplace).toEqual(afterReplace);
    expect(await read()).toEqual(afterReplace);

    // Deletes.
    const inDelete = await storage().write(async (tx) => {
      await del(tx, '3');
      await del(tx, '2');
      return answers(tx, values);
    });
    const afterDelete = expected({ [a]: ids('4', '5'), [b]: ids('1'), [c]: [] });
    expect(inDelete).toEqual(afterDelete);
    expect(await read()).toEqual(afterDelete);

    // A write that fails: seen inside it, nothing of it after.
    let inside: Record<string, string[]> = {};
    await expect(
      storage().write(async (tx) => {
        await put(tx, '6', c);
        await put(tx, '4', c);
        await del(tx, '1');
        inside = await answers(tx, values);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(inside).toEqual(expected({ [a]: ids('5'), [b]: [], [c]: ids('4', '6') }));
    expect(await read()).toEqual(afterDelete);
  });

  it('where refuses a field that is not declared (no index behind it)', async () => {
    const lookUp = (tx: ReadTx) =>
      (tx.meta as unknown as { where(f: string, v: string): Promise<unknown[]> }).where(
        'value',
        'x',
      );
    await expect(storage().read(lookUp)).rejects.toThrow(/no index/);
    await expect(
      storage().read((tx) =>
        (tx.sessions as unknown as { where(f: string, v: string): Promise<unknown[]> }).where(
          'id',
          'x',
        ),
      ),
    ).rejects.toThrow(/no index/);
  });
}
