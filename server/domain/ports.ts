/**
 * The storage port: what the domain services need from a storage, and nothing of how it stores.
 * A service runs inside one transaction (`Storage.read` / `Storage.write`) and gets its `Tx`:
 * one accessor per store, serial numbers, and the clock as it was when the transaction began.
 *
 * Two implementations: memory (mocks/memory-storage.ts, over the mock's Db: the MSW mock) and SQL
 * (server/storage/sql-storage.ts: the server; `getForUpdate` is `SELECT … FOR UPDATE`, `nextSeq` a
 * counter row). Both run one writer's changes as all or nothing — a service that throws leaves
 * nothing written — and one contract suite (tests/storage/contract.ts) runs on both.
 */
import type { AuditLogSearch } from './audit';
import type { LetterSearch } from './letter-query';
import type { StoreName, StoreRecords } from './records';

/**
 * Attachments' bytes: not in the records but behind this small port (memory in Vitest, IndexedDB
 * in the browser mock, a SQL table on the server, so the database's backup covers the files).
 */
export interface StoredBlob {
  sha256: string;
  bytes: Uint8Array;
}

export interface BlobStore {
  put(id: string, blob: StoredBlob): Promise<void>;
  get(id: string): Promise<StoredBlob | null>;
  delete(id: string): Promise<void>;
  /** Drops every blob (a reset of the demo data). */
  clear(): Promise<void>;
}

/**
 * The fields a store's records are looked up by (`ReadStore.where`): in SQL each has an index
 * (server/db/schema.ts), so a record's trail, a parent's attachments or a user's sessions are
 * found without reading the whole store. Only these pairs may be asked; the values are strings.
 */
export const INDEXED = {
  audit: ['entityId'],
  attachments: ['parentId'],
  sessions: ['userId'],
} as const satisfies { readonly [K in StoreName]?: readonly StringField<StoreRecords[K]>[] };

/** Whether `field` is one store `store` may be looked up by (a storage refuses any other). */
export const isIndexed = (store: StoreName, field: string): boolean =>
  ((INDEXED as Partial<Record<StoreName, readonly string[]>>)[store] ?? []).includes(field);

/** The fields of `T` whose values are strings. */
type StringField<T> = { [F in keyof T]-?: T[F] extends string ? F : never }[keyof T] & string;

/** The fields store `K` may be looked up by (none for a store not in INDEXED). */
export type IndexedField<K extends StoreName> = K extends keyof typeof INDEXED
  ? (typeof INDEXED)[K][number]
  : never;

export interface ReadStore<T extends { id: string }, F extends string = never> {
  get(id: string): Promise<T | undefined>;
  /** Every record, in the order they were first stored (the letters' lists: `letterSearch`). */
  all(): Promise<T[]>;
  /**
   * The records whose `field` is `value`, in the order they were first stored: exactly what
   * filtering `all()` gives, read by an index (the fields of INDEXED only).
   */
  where(field: F, value: string): Promise<T[]>;
}

export interface WriteStore<T extends { id: string }, F extends string = never> extends ReadStore<
  T,
  F
> {
  /** The read a change is based on: in SQL it locks the row until the transaction ends. */
  getForUpdate(id: string): Promise<T | undefined>;
  /** Stores a new record or replaces one (never edit a record read from the store in place). */
  put(rec: T): Promise<T>;
  delete(id: string): Promise<void>;
}

interface Clock {
  /** The business date (Asia/Shanghai) when the transaction began, `YYYY-MM-DD`. */
  readonly today: string;
  /** The instant the transaction began, in ms since the epoch. */
  readonly now: number;
  /**
   * The revision of the committed records this transaction began on: every commit that changes
   * something advances it, in every instance's view (a cache of computed figures is valid while
   * it holds). Asked for, not read with every transaction (only a cache needs it).
   */
  revision(): Promise<number>;
}

/**
 * The letters' lists, counts and figures, answered by the storage (in SQL: from indexed facts,
 * never by reading every letter) — see letter-query.ts — and the audit log.
 */
interface Searches {
  readonly letterSearch: LetterSearch;
  /** The administration's audit log (GET /audit/log): see audit.ts. */
  readonly auditLog: AuditLogSearch;
}

/** A read-only transaction: a consistent view of the committed records. */
export type ReadTx = {
  readonly [K in StoreName]: ReadStore<StoreRecords[K], IndexedField<K>>;
} & Clock &
  Searches;

/** A transaction that may write: its changes are stored together when it ends, or none of them. */
export type Tx = {
  readonly [K in StoreName]: WriteStore<StoreRecords[K], IndexedField<K>>;
} & Clock &
  Searches & {
    /**
     * The next number of a counter (1, 2, …), taken in this transaction: never handed out twice.
     * With `count`, the first of that many consecutive numbers taken at once (a bulk create: one
     * change of the counter, not one per record).
     */
    nextSeq(counter: string, count?: number): Promise<number>;
    /**
     * Runs `fn` once the transaction has committed (never when it fails): for what lives outside
     * the storage, e.g. deleting an attachment's bytes only after its record is gone.
     */
    afterCommit(fn: () => Promise<void> | void): void;
  };

export interface Storage {
  /** Runs `fn` over a read-only view; reads may run at the same time as each other and a writer. */
  read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T>;
  /** Runs `fn` as one transaction, one writer at a time: committed when it resolves, nothing when it throws. */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}
