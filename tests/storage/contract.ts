/**
 * The storage port's contract (server/domain/ports.ts), one suite for every implementation: the
 * memory storage the mock runs on (tests/mocks/storage-contract.test.ts) and the server's SQL
 * storage over PGlite and PostgreSQL (tests/server/storage-contract.test.ts), so they cannot drift.
 * Each test works on records of its own (ids with a fresh prefix), so the suites need no reset.
 */
import { describe, expect, it } from 'vitest';
import type { CommittedChange } from '@mocks/db';
import type { Storage } from '../../server/domain/ports';
import { auditLogContract } from './audit-log';
import { letterSearchContract } from './letter-search';
import { lookupContract } from './lookup';

export interface ContractStorage extends Storage {
  onCommit(fn: (changes: CommittedChange[] | 'all') => void): () => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
/** Ids nobody else uses: `<prefix>-a`, `<prefix>-b`, … */
const fresh = () => `contract-${Date.now().toString(36)}-${++n}`;

/** The values of the meta records whose ids start with `prefix`, in the store's order. */
const mine = (recs: { id: string; value: unknown }[], prefix: string) =>
  recs
    .filter((r) => r.id.startsWith(prefix))
    .map((r) => `${r.id.slice(prefix.length)}=${String(r.value)}`);

export function describeStorageContract(name: string, storage: () => ContractStorage) {
  describe(`the storage port contract: ${name}`, () => {
    it('a write reads its own writes: get, getForUpdate and all see them before the commit', async () => {
      const p = fresh();
      const seen = await storage().write(async (tx) => {
        await tx.meta.put({ id: `${p}-a`, value: 1 });
        await tx.meta.put({ id: `${p}-a`, value: 2 });
        await tx.meta.put({ id: `${p}-b`, value: 3 });
        await tx.meta.delete(`${p}-b`);
        return {
          get: (await tx.meta.get(`${p}-a`))?.value,
          locked: (await tx.meta.getForUpdate(`${p}-a`))?.value,
          gone: await tx.meta.get(`${p}-b`),
          all: mine(await tx.meta.all(), p),
        };
      });
      expect(seen).toEqual({ get: 2, locked: 2, gone: undefined, all: ['-a=2'] });
      expect(await storage().read(async (tx) => (await tx.meta.get(`${p}-a`))?.value)).toBe(2);
    });

    it('a read never sees a writer’s changes before they commit, nor half of a commit', async () => {
      const p = fresh();
      await storage().write(async (tx) => {
        await tx.meta.put({ id: `${p}-x`, value: 'old' });
        await tx.meta.put({ id: `${p}-y`, value: 'old' });
      });
      // A writer that changes x, waits, and fails: nobody may ever read its x.
      let changed!: () => void;
      const hasPut = new Promise<void>((r) => (changed = r));
      const failing = storage()
        .write(async (tx) => {
          await tx.meta.put({ id: `${p}-x`, value: 'rolled back' });
          changed();
          await sleep(30);
          throw new Error('boom');
        })
        .catch((e: Error) => e.message);
      await hasPut;
      const during = await storage().read(async (tx) => (await tx.meta.get(`${p}-x`))?.value);
      expect(await failing).toBe('boom');
      expect(during).toBe('old');
      // A writer that changes x, then y a little later: a read sees both or neither.
      const pairs: string[] = [];
      const writing = storage().write(async (tx) => {
        await tx.meta.put({ id: `${p}-x`, value: 'new' });
        await sleep(15);
        await tx.meta.put({ id: `${p}-y`, value: 'new' });
      });
      const reads = Array.from({ length: 4 }, async (_, i) => {
        await sleep(i * 10);
        pairs.push(
          await storage().read(
            async (tx) =>
              `${String((await tx.meta.get(`${p}-x`))?.value)}/${String((await tx.meta.get(`${p}-y`))?.value)}`,
          ),
        );
      });
      await Promise.all([writing, ...reads]);
      for (const pair of pairs) expect(['old/old', 'new/new']).toContain(pair);
      expect(await storage().read(async (tx) => mine(await tx.meta.all(), p))).toEqual([
        '-x=new',
        '-y=new',
      ]);
    });

    it('a write that throws leaves nothing: no put, no delete, no counter step, no commit heard', async () => {
      const p = fresh();
      await storage().write(async (tx) => {
        await tx.meta.put({ id: `${p}-kept`, value: 'kept' });
        expect(await tx.nextSeq(`${p}-counter`)).toBe(1);
      });
      const heard: unknown[] = [];
      const off = storage().onCommit((c) => heard.push(c));
      await expect(
        storage().write(async (tx) => {
          await tx.meta.put({ id: `${p}-new`, value: 'never' });
          await tx.meta.delete(`${p}-kept`);
          expect(await tx.nextSeq(`${p}-counter`)).toBe(2);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      off();
      expect(heard).toEqual([]);
      expect(await storage().read(async (tx) => mine(await tx.meta.all(), p))).toEqual([
        '-kept=kept',
      ]);
      expect(await storage().write((tx) => tx.nextSeq(`${p}-counter`))).toBe(2);
    });

    it('nextSeq never hands a number out twice: 20 concurrent writers take 1…20', async () => {
      const counter = `${fresh()}-serial`;
      const taken = await Promise.all(
        Array.from({ length: 20 }, () =>
          storage().write(async (tx) => {
            const k = await tx.nextSeq(counter);
            await sleep(1);
            return k;
          }),
        ),
      );
      expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await storage().read(async (tx) => (await tx.counters.get(counter))?.value)).toBe(20);
    });

    it('nextSeq with a count takes a block of consecutive numbers: the first is returned, the next call follows the block', async () => {
      const counter = `${fresh()}-block`;
      const [a, b, c] = await storage().write(async (tx) => [
        await tx.nextSeq(counter, 3), // 1, 2, 3
        await tx.nextSeq(counter), // 4
        await tx.nextSeq(counter, 2), // 5, 6
      ]);
      expect([a, b, c]).toEqual([1, 4, 5]);
      expect(await storage().write((tx) => tx.nextSeq(counter, 10))).toBe(7);
      expect(await storage().read(async (tx) => (await tx.counters.get(counter))?.value)).toBe(16);
      // Rolled back: the block is given again.
      await storage()
        .write(async (tx) => {
          await tx.nextSeq(counter, 5);
          throw new Error('rolled back');
        })
        .catch(() => {});
      expect(await storage().write((tx) => tx.nextSeq(counter))).toBe(17);
    });

    it('concurrent read-modify-writes of one record all apply (one writer at a time: no lost update)', async () => {
      const id = `${fresh()}-tally`;
      await storage().write(async (tx) => void (await tx.meta.put({ id, value: 0 })));
      await Promise.all(
        Array.from({ length: 5 }, () =>
          storage().write(async (tx) => {
            const cur = (await tx.meta.getForUpdate(id))!.value as number;
            await sleep(5);
            await tx.meta.put({ id, value: cur + 1 });
          }),
        ),
      );
      expect(await storage().read(async (tx) => (await tx.meta.get(id))?.value)).toBe(5);
    });

    it('a check over all() then a put: of 5 concurrent writers exactly one passes (one writer at a time)', async () => {
      const p = fresh();
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          storage().write(async (tx) => {
            if (mine(await tx.meta.all(), p).length > 0) return 'taken';
            await sleep(5);
            await tx.meta.put({ id: `${p}-${i}`, value: 'unique name' });
            return 'stored';
          }),
        ),
      );
      expect(outcomes.filter((o) => o === 'stored')).toHaveLength(1);
      expect(await storage().read(async (tx) => mine(await tx.meta.all(), p))).toHaveLength(1);
    });

    it('all() keeps the order records were first stored in: a replaced one keeps its place', async () => {
      const p = fresh();
      const order = () => storage().read(async (tx) => mine(await tx.meta.all(), p));
      for (const k of ['a', 'b', 'c'])
        await storage().write(
          async (tx) => void (await tx.meta.put({ id: `${p}-${k}`, value: 1 })),
        );
      await storage().write(async (tx) => void (await tx.meta.put({ id: `${p}-b`, value: 2 })));
      expect(await order()).toEqual(['-a=1', '-b=2', '-c=1']);
      await storage().write(async (tx) => {
        await tx.meta.delete(`${p}-a`);
        await tx.meta.put({ id: `${p}-d`, value: 1 });
      });
      await storage().write(async (tx) => void (await tx.meta.put({ id: `${p}-a`, value: 3 })));
      expect(await order()).toEqual(['-b=2', '-c=1', '-d=1', '-a=3']);
    });

    it('afterCommit runs once the changes are committed, and never for a write that fails', async () => {
      const p = fresh();
      const ran: string[] = [];
      await storage().write(async (tx) => {
        await tx.meta.put({ id: `${p}-a`, value: 'committed' });
        tx.afterCommit(async () => {
          ran.push(String(await storage().read(async (r) => (await r.meta.get(`${p}-a`))?.value)));
        });
        ran.push('body done');
      });
      expect(ran).toEqual(['body done', 'committed']);
      await expect(
        storage().write(async (tx) => {
          tx.afterCommit(() => void ran.push('must not run'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(ran).toEqual(['body done', 'committed']);
    });

    it('commit listeners hear each changed record once, before and after the transaction', async () => {
      const p = fresh();
      const heard: CommittedChange[][] = [];
      const off = storage().onCommit((c) => {
        if (c !== 'all') heard.push(c.filter((x) => x.id.startsWith(p)));
      });
      try {
        await storage().write(async (tx) => {
          await tx.meta.put({ id: `${p}-a`, value: 1 });
          await tx.meta.put({ id: `${p}-a`, value: 2 });
          await tx.meta.put({ id: `${p}-b`, value: 1 });
        });
        await storage().write(async (tx) => {
          await tx.meta.put({ id: `${p}-a`, value: 3 });
          await tx.meta.delete(`${p}-b`);
          await tx.meta.delete(`${p}-never-stored`);
        });
        await storage().read(async (tx) => tx.meta.all());
      } finally {
        off();
      }
      const sorted = (c: CommittedChange[]) => [...c].sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(heard.map(sorted)).toEqual([
        [
          { store: 'meta', id: `${p}-a`, before: null, value: { id: `${p}-a`, value: 2 } },
          { store: 'meta', id: `${p}-b`, before: null, value: { id: `${p}-b`, value: 1 } },
        ],
        [
          {
            store: 'meta',
            id: `${p}-a`,
            before: { id: `${p}-a`, value: 2 },
            value: { id: `${p}-a`, value: 3 },
          },
          { store: 'meta', id: `${p}-b`, before: { id: `${p}-b`, value: 1 }, value: null },
        ],
      ]);
    });

    it('work begun in a transaction that runs after it ended may open transactions of its own', async () => {
      // As a live-event stream does: begun by its request's read, reading on each later event.
      let later!: Promise<number>;
      await storage().read(async () => {
        later = new Promise((resolve, reject) =>
          setTimeout(
            () =>
              storage()
                .read(async (tx) => (await tx.meta.all()).length)
                .then(resolve, reject),
            10,
          ),
        );
      });
      expect(await later).toBeGreaterThanOrEqual(0);
    });

    it('a transaction’s clock is fixed when it begins: today as YYYY-MM-DD, now in ms', async () => {
      const before = Date.now();
      const clock = await storage().read(async (tx) => {
        const first = { today: tx.today, now: tx.now };
        await sleep(5);
        return { ...first, again: tx.now };
      });
      expect(clock.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(clock.now).toBe(clock.again);
      expect(clock.now).toBeGreaterThanOrEqual(before);
    });

    it('the revision advances with each commit that changes something, and only then', async () => {
      const p = fresh();
      const revision = () => storage().read((tx) => tx.revision());
      const r0 = await revision();
      expect(await revision()).toBe(r0); // a read moves nothing
      await storage().write(async (tx) => void (await tx.meta.get(`${p}-a`)));
      expect(await revision()).toBe(r0); // nor a write that changed nothing
      const inside = await storage().write(async (tx) => {
        await tx.meta.put({ id: `${p}-a`, value: 1 });
        return tx.revision();
      });
      expect(inside).toBe(r0); // a transaction sees the revision it began on, after its writes too
      const r1 = await revision();
      expect(r1).toBeGreaterThan(r0);
      await storage()
        .write(async (tx) => {
          await tx.meta.put({ id: `${p}-b`, value: 2 });
          throw new Error('rolled back');
        })
        .catch(() => {});
      expect(await revision()).toBe(r1); // nor one that failed
    });
    letterSearchContract(storage, fresh);
    lookupContract(storage, fresh);
    auditLogContract(storage, fresh);
  });
}
