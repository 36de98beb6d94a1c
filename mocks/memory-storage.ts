/**
 * The storage port (server/domain/ports.ts) over the mock's Db: the MSW mock's storage, in the
 * browser (IndexedDB behind it) and in Vitest (memory). The server stores in SQL instead
 * (server/storage/sql-storage.ts); one contract suite (tests/storage/contract.ts) runs on both.
 *
 * A write transaction keeps its changes in the Db's overlay — reads inside it see them, nobody
 * else's reads do (a read transaction reads the committed records) — and applies them, then
 * commits (persistence, live events), only when its function resolves; when it throws, nothing of
 * it is applied. One writer at a time: the services await between the read a change is based on
 * and the write, so a second writer waits for the first to end (an async mutex). A write made
 * straight on `db` while a transaction is open (no service does this now) lands in the same
 * overlay, so it commits and rolls back with it.
 */
import {
  isIndexed,
  type IndexedField,
  type ReadStore,
  type ReadTx,
  type Storage,
  type Tx,
  type WriteStore,
} from '../server/domain/ports';
import { memoryAuditLog } from '../server/domain/audit';
import { memoryLetterSearch } from '../server/domain/letter-query';
import { STORE_NAMES, type StoreName, type StoreRecords } from '../server/domain/records';
import { today } from './clock';
import type { CommitListener } from './commits';
import { db as globalDb, type Db, type Overlay } from './db';

type AnyRecord = { id: string };
/** A store as the storage builds it: `where` by any declared field (ports.ts: INDEXED). */
type AnyRead = ReadStore<AnyRecord, string>;
type AnyWrite = WriteStore<AnyRecord, string>;

/** `where` over the records `all` gives: the same rule as an index, at the mock's size. */
function whereOf(name: StoreName, all: () => Promise<AnyRecord[]>): AnyRead['where'] {
  return async (field, value) => {
    if (!isIndexed(name, field)) throw new Error(`no index on ${name}.${field}`);
    return (await all()).filter((r) => (r as Record<string, unknown>)[field] === value);
  };
}

/** A FIFO lock: `run` waits for every earlier holder. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => {});
    return result;
  }
}

function clock(db: Db) {
  const revision = db.committedRevision;
  return { today: today(), now: Date.now(), revision: async () => revision };
}

/** Reads of the committed records (a write transaction's overlay is not seen). */
function committedStore(db: Db, name: StoreName): AnyRead {
  const st = db.store(name);
  const all = async () => [...st.map.values()];
  return { get: async (id) => st.map.get(id), all, where: whereOf(name, all) };
}

/** Reads and writes through the open transaction's overlay (after `io`, a simulated round trip). */
function txStore(db: Db, name: StoreName, io: () => Promise<void>): AnyWrite {
  const st = db.store(name);
  const all = async () => (await io(), st.all());
  return {
    get: async (id) => (await io(), st.get(id)),
    getForUpdate: async (id) => (await io(), st.get(id)),
    all,
    where: whereOf(name, all),
    put: async (rec) => (await io(), st.put(rec)),
    delete: async (id) => (await io(), st.delete(id)),
  };
}

const noDelay = async () => {};

export function memoryReadTx(db: Db = globalDb): ReadTx {
  const stores = Object.fromEntries(
    STORE_NAMES.map((n) => [n, committedStore(db, n)]),
  ) as unknown as {
    [K in StoreName]: ReadStore<StoreRecords[K], IndexedField<K>>;
  };
  return {
    ...clock(db),
    ...stores,
    letterSearch: memoryLetterSearch(stores.letters.all),
    auditLog: memoryAuditLog(stores.audit.all),
  };
}

/**
 * A transaction over the stores as they are with the open overlay (or without one: the seed,
 * built straight into the stores before anything is stored).
 */
export function memoryTx(
  db: Db = globalDb,
  io: () => Promise<void> = noDelay,
  after: (() => Promise<void> | void)[] = [],
): Tx {
  const stores = Object.fromEntries(STORE_NAMES.map((n) => [n, txStore(db, n, io)])) as unknown as {
    [K in StoreName]: WriteStore<StoreRecords[K], IndexedField<K>>;
  };
  return {
    ...clock(db),
    ...stores,
    letterSearch: memoryLetterSearch(stores.letters.all),
    auditLog: memoryAuditLog(stores.audit.all),
    afterCommit(fn) {
      after.push(fn);
    },
    async nextSeq(counter, count = 1) {
      const cur = (await stores.counters.getForUpdate(counter))?.value ?? 0;
      await stores.counters.put({ id: counter, value: cur + count });
      return cur + 1;
    },
  };
}

export interface MemoryStorageOptions {
  /**
   * Tests: each store call of a write transaction first waits this long (ms), as a round trip to
   * a database would, so that concurrent requests really interleave between a read and a write.
   */
  ioDelayMs?: number;
}

export class MemoryStorage implements Storage {
  private readonly writer = new Mutex();
  /** The write transaction under way (one at a time): a reset inside it gives it a new overlay. */
  private open: { overlay: Overlay } | null = null;
  private readonly io: () => Promise<void>;
  constructor(
    private readonly db: Db = globalDb,
    opts: MemoryStorageOptions = {},
  ) {
    const ms = opts.ioDelayMs ?? 0;
    this.io = ms > 0 ? () => new Promise((r) => setTimeout(r, ms)) : noDelay;
  }

  async read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T> {
    await this.db.ready;
    return fn(memoryReadTx(this.db));
  }

  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.writer.run(async () => {
      await this.db.ready;
      const open = { overlay: this.db.begin() };
      this.open = open;
      const after: (() => Promise<void> | void)[] = [];
      let result: T;
      try {
        result = await fn(memoryTx(this.db, this.io, after));
      } catch (e) {
        this.db.end(open.overlay, false);
        throw e;
      } finally {
        this.open = null;
      }
      // Stored first, then applied: a write the database refused is not seen by anyone.
      await this.db.commitTransaction(open.overlay);
      for (const f of after) await f();
      return result;
    });
  }

  /** Called after each commit with its changes (or 'all' after a reset). */
  onCommit(fn: CommitListener) {
    return this.db.onCommit(fn);
  }

  /**
   * Replaces every record but the sessions with the seed and stores it at once; inside a write
   * transaction, what the transaction writes afterwards (the reset's audit entry) commits with it.
   */
  async reseed() {
    await this.db.reseed();
    if (this.open) this.open.overlay = this.db.begin();
  }
}

/** The mock's storage: every handler's transaction runs here. */
export const memoryStorage = new MemoryStorage();
