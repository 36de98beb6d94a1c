// @vitest-environment node
/**
 * The memory storage (mocks/memory-storage.ts): a write transaction is all or nothing, and one
 * writer runs at a time — the guarantees the SQL storage gives with BEGIN/COMMIT and row locks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LetterRecord } from '@/features/letters/types';
import { db } from '@mocks/db';
import { MemoryStorage } from '@mocks/memory-storage';
import { as } from '../api';

const storage = new MemoryStorage(db);
const anyLetter = () => db.letters.all().find((l) => l.status === 'registered')!;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a write transaction', () => {
  it('is seen inside it, by nobody else before it commits, and by everyone after', async () => {
    const l = anyLetter();
    let release!: () => void;
    const paused = new Promise<void>((r) => (release = r));
    const writing = storage.write(async (tx) => {
      await tx.letters.put({ ...l, subject: '事务内' });
      expect((await tx.letters.get(l.id))!.subject).toBe('事务内');
      await paused;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(await storage.read(async (tx) => (await tx.letters.get(l.id))!.subject)).toBe(l.subject);
    release();
    await writing;
    expect(await storage.read(async (tx) => (await tx.letters.get(l.id))!.subject)).toBe('事务内');
    expect(db.letters.get(l.id)!.subject).toBe('事务内');
  });

  it('that throws after a put writes nothing (rollback): no record, no counter, no commit', async () => {
    const l = anyLetter();
    const counters = JSON.stringify(db.counters.all());
    const stored: string[] = [];
    const off = db.onCommit((c) => stored.push(c === 'all' ? 'all' : c.map((x) => x.store).join()));
    await expect(
      storage.write(async (tx) => {
        await tx.letters.put({ ...l, subject: '不该留下' });
        await tx.nextSeq('letters:2099');
        await tx.audit.put({ ...db.audit.all()[0]!, id: 'rolled-back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(db.letters.get(l.id)).toBe(l);
    expect(db.audit.get('rolled-back')).toBeUndefined();
    expect(JSON.stringify(db.counters.all())).toBe(counters);
    off();
    expect(stored).toEqual([]);
  });

  it('runs one at a time: the second begins when the first has ended', async () => {
    const order: string[] = [];
    const slow = (name: string) =>
      storage.write(async (tx) => {
        order.push(`${name} begins`);
        const n = await tx.nextSeq('test:mutex');
        await new Promise((r) => setTimeout(r, 10));
        order.push(`${name} ends`);
        return n;
      });
    const [a, b] = await Promise.all([slow('a'), slow('b')]);
    expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
    expect([a, b]).toEqual([1, 2]);
  });
});

describe('a request that fails after a write leaves nothing behind', () => {
  it('a letter transfer whose audit entry cannot be written: 500, the letter unchanged', async () => {
    const clerk = await as('clerk');
    const l: LetterRecord = anyLetter();
    const auditPut = db.audit.put.bind(db.audit);
    vi.spyOn(db.audit, 'put').mockImplementation((e) => {
      if (e.entity === 'letter') throw new Error('audit store unavailable');
      return auditPut(e);
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const stored: string[] = [];
    const off = db.onCommit((c) => {
      if (c !== 'all') for (const x of c) if (x.store !== 'sessions') stored.push(x.store);
    });
    const r = await clerk.post(
      `/letters/${l.id}/assign`,
      { sectionId: 'elderly' },
      { 'If-Match': `"${l.version}"` },
    );
    expect(r.status).toBe(500);
    expect(db.letters.get(l.id)).toBe(l);
    off();
    expect(stored).toEqual([]);
    vi.restoreAllMocks();
    const again = await clerk.post(
      `/letters/${l.id}/assign`,
      { sectionId: 'elderly' },
      { 'If-Match': `"${l.version}"` },
    );
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(l.version + 1);
  });
});
