/**
 * The storage port (server/domain/ports.ts) in SQL: every request's transaction is a database
 * transaction over the rows of `records(store, id, value jsonb, seq)`, so nothing of the records
 * lives in the server's memory and several server processes may share one PostgreSQL.
 *
 * - `read`: one REPEATABLE READ, READ ONLY transaction: a consistent snapshot of what is committed.
 * - `write`: one transaction that first takes a transaction-scoped advisory lock, so there is one
 *   writer at a time across every instance on the database (an office writes little; the services
 *   read, check — some over `all()` — and then write, which stays right when writers take turns).
 *   `getForUpdate` locks the row; `put` upserts (a replaced record keeps its `seq`, its place in
 *   `all()`); `nextSeq` is an upsert of the counter's row that returns the new value. When the
 *   service throws, the transaction rolls back: nothing is stored, no counter moves.
 * - After a commit: the transaction's `afterCommit` callbacks, then the commit listeners with each
 *   changed record before and after (live events, the attachments' bytes on a reset).
 * - The clock of a transaction: the real date in China, or — with the test hooks on — the test
 *   clock stored in `server_state`, read as the transaction begins, so every instance agrees.
 * - PostgreSQL unreachable (stopped, restarting): 503, for reads and writes alike.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CommittedChange, Snapshot } from '@mocks/db';
import type { Database, Queryable } from '../db/client';
import { errors } from '../domain/errors';
import {
  isIndexed,
  type ReadStore,
  type ReadTx,
  type Storage,
  type Tx,
  type WriteStore,
} from '../domain/ports';
import { STORE_NAMES, type StoreName } from '../domain/records';
import { chinaDate } from '../domain/time';
import type { LetterRecord } from '@/features/letters/types';
import type { LetterSearch } from '../domain/letter-query';
import {
  indexLetter,
  letterIndexCurrent,
  rebuildLetterIndex,
  sqlLetterSearch,
} from './letter-index';
import { sqlAuditLog } from './audit-log';
import { unreachable } from './sql-persistence';

type AnyRecord = { id: string };
export type CommitListener = (changes: CommittedChange[] | 'all') => void;

/** The one writer's lock: a fixed key for `pg_advisory_xact_lock` ("gkwr" in ASCII). */
const WRITER_LOCK = 0x676b7772;
/** Rows per statement when a whole seed is written (a JSON array unpacked by jsonb_to_recordset). */
const CHUNK = 2000;
const TEST_TODAY_KEY = 'testToday';
/** Where each instance tells the others of its commits (PostgreSQL's NOTIFY, sent on COMMIT). */
const COMMITS_CHANNEL = 'gkwb_commits';
/** NOTIFY's payload must stay under 8000 bytes: a bigger commit is told as 'all' (refetch). */
const MAX_NOTICE = 7000;

/**
 * What another instance needs of a changed record to tell its users (services/events.ts): which
 * record, its version and section, an attachment's parent — never the record's personal data.
 */
function slim(rec: AnyRecord | null): AnyRecord | null {
  if (!rec) return null;
  const r = rec as AnyRecord & Record<string, unknown>;
  const out: Record<string, unknown> = { id: r.id };
  for (const k of ['version', 'sectionId', 'parentType', 'parentId'])
    if (r[k] !== undefined) out[k] = r[k];
  return out as AnyRecord;
}

/** The notice of a commit for the other instances: its changes slimmed, or 'all'. */
function notice(from: string, changes: CommittedChange[] | 'all'): string {
  const all = JSON.stringify({ from, changes: 'all' });
  if (changes === 'all') return all;
  const text = JSON.stringify({
    from,
    changes: changes.map((c) => ({ ...c, value: slim(c.value), before: slim(c.before) })),
  });
  return text.length <= MAX_NOTICE ? text : all;
}

/** The `server_state` row every commit that changes something advances (ReadTx.revision). */
const REVISION_KEY = 'revision';

export interface SqlStorageOptions {
  /** The test hooks are on: the test clock is read from (and set in) the database. */
  testClock?: boolean;
  /**
   * Told the stored test clock as each transaction begins (null: the real date), so code that
   * still asks the process for today (the seed) agrees with the database.
   */
  onTestClock?: (today: string | null) => void;
  /** Builds the records a reset starts from (the demo seed): every store but the sessions. */
  seed?: () => Promise<Snapshot>;
}

/** The transaction under way in this async context (for the blob store, and to refuse nesting). */
interface Open {
  q: Queryable;
  write: boolean;
  /**
   * Set when the transaction has ended: callbacks created inside it (a live-event stream's timer
   * and deliveries, begun by the request that opened it) still see it in their async context.
   */
  ended: boolean;
  /** Set when a reset replaced everything inside this transaction. */
  reset: boolean;
  changes: Map<string, CommittedChange>;
  /** Letters written and not yet indexed (their facts are written in one go before a search or the commit). */
  letters: Map<string, { before: LetterRecord | null; after: LetterRecord | null }>;
}
const openTx = new AsyncLocalStorage<Open>();

/** The transaction under way in this async context, if any (not one that has ended). */
function current(): Open | undefined {
  const open = openTx.getStore();
  return open && !open.ended ? open : undefined;
}

/** The open SQL transaction's connection in this async context, if any (server/storage/sql-blobs.ts). */
export const currentSqlTransaction = (): Queryable | undefined => current()?.q;

/** Runs `fn` as the async context's open transaction, which ends with it. */
async function within<T>(open: Open, fn: () => Promise<T>): Promise<T> {
  try {
    return await openTx.run(open, fn);
  } finally {
    open.ended = true;
  }
}

const key = (store: string, id: string) => `${store}\u0000${id}`;

function record(store: StoreName, q: Queryable, open: Open, write: boolean) {
  const track = (id: string, before: AnyRecord | null, value: AnyRecord | null) => {
    const k = key(store, id);
    const prior = open.changes.get(k);
    open.changes.set(k, { store, id, value, before: prior ? prior.before : before });
  };
  const pend = (id: string, before: AnyRecord | null, after: AnyRecord | null) => {
    const prior = open.letters.get(id);
    open.letters.set(id, {
      before: prior ? prior.before : (before as LetterRecord | null),
      after: after as LetterRecord | null,
    });
  };
  const get = async (id: string, lock = false) => {
    const rows = await q.query<{ value: AnyRecord }>(
      `SELECT value FROM records WHERE store = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [store, id],
    );
    return rows[0]?.value;
  };
  const reads: ReadStore<AnyRecord, string> = {
    get: (id) => get(id),
    all: async () =>
      (
        await q.query<{ value: AnyRecord }>(
          'SELECT value FROM records WHERE store = $1 ORDER BY seq',
          [store],
        )
      ).map((r) => r.value),
    where: async (field, value) => {
      if (!isIndexed(store, field)) throw new Error(`no index on ${store}.${field}`);
      // The store and the field are written into the statement — both are names of the code's
      // (INDEXED), never input — so that it is the expression of the partial index
      // (records_<store>_<field>_idx, server/db/schema.ts) and the planner uses it.
      return (
        await q.query<{ value: AnyRecord }>(
          `SELECT value FROM records WHERE store = '${store}' AND value->>'${field}' = $1 ORDER BY seq`,
          [value],
        )
      ).map((r) => r.value);
    },
  };
  if (!write) return reads;
  const writes: WriteStore<AnyRecord, string> = {
    ...reads,
    getForUpdate: (id) => get(id, true),
    async put(rec) {
      // The record as it was, and the upsert, in one statement (both see the same snapshot).
      const [row] = await q.query<{ before: AnyRecord | null }>(
        `WITH old AS (SELECT value FROM records WHERE store = $1 AND id = $2),
              up AS (INSERT INTO records (store, id, value) VALUES ($1, $2, $3::jsonb)
                     ON CONFLICT (store, id) DO UPDATE SET value = EXCLUDED.value)
         SELECT (SELECT value FROM old) AS before`,
        [store, rec.id, JSON.stringify(rec)],
      );
      track(rec.id, row?.before ?? null, rec);
      if (store === 'letters') pend(rec.id, row?.before ?? null, rec);
      return rec;
    },
    async delete(id) {
      const rows = await q.query<{ value: AnyRecord }>(
        'DELETE FROM records WHERE store = $1 AND id = $2 RETURNING value',
        [store, id],
      );
      if (rows[0]) track(id, rows[0].value, null);
      if (rows[0] && store === 'letters') pend(id, rows[0].value, null);
    },
  };
  return writes;
}

/** Runs `fn`, turning "the database is unreachable" into 503 (nothing was written). */
async function reachable<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (unreachable(e)) {
      console.error('[db] the database is unreachable:', (e as Error).message);
      throw errors.unavailable();
    }
    throw e;
  }
}

export class SqlStorage implements Storage {
  private readonly listeners = new Set<CommitListener>();
  constructor(
    private readonly db: Database,
    private readonly opts: SqlStorageOptions = {},
  ) {}

  /** This process among the instances sharing the database (its own notices are not news). */
  private readonly instance = crypto.randomUUID();
  private readonly remote = new Set<CommitListener>();
  private stopListening: (() => void) | null = null;

  /**
   * Called with the commits of the other instances on the same PostgreSQL (LISTEN/NOTIFY): their
   * changed records slimmed to id, version, section and an attachment's parent — what live events
   * need — or 'all' for a reset or a commit too big to tell. None on the embedded database, which
   * one process owns.
   */
  onRemoteCommit(fn: CommitListener) {
    this.remote.add(fn);
    this.stopListening ??=
      this.db.listen?.(COMMITS_CHANNEL, (payload) => {
        let msg: { from?: string; changes?: CommittedChange[] | 'all' };
        try {
          msg = JSON.parse(payload) as typeof msg;
        } catch {
          return;
        }
        if (msg.from === this.instance || !msg.changes) return;
        for (const f of this.remote) f(msg.changes);
      }) ?? null;
    return () => void this.remote.delete(fn);
  }

  /** Called after each commit with its changes (or 'all' after a reset). */
  onCommit(fn: CommitListener) {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  private notify(changes: CommittedChange[] | 'all') {
    for (const fn of this.listeners) {
      try {
        fn(changes);
      } catch (e) {
        console.error('[server] a commit listener failed:', e);
      }
    }
  }

  /**
   * The clock and the revision of a transaction that has just begun on `q`. The test clock, when
   * the hooks are on, is read at once (every instance agrees on it); the revision every commit
   * advances only when asked (a cache's key): in a read, from its snapshot; in a write, before its
   * own commit advances it (writers take turns under the lock).
   */
  private async begin(q: Queryable) {
    const now = Date.now();
    const revision = async () => {
      const [row] = await q.query<{ value: unknown }>(
        'SELECT value FROM server_state WHERE key = $1',
        [REVISION_KEY],
      );
      return Number(row?.value ?? 0);
    };
    if (!this.opts.testClock) return { now, today: chinaDate(new Date(now)), revision };
    const [row] = await q.query<{ value: unknown }>(
      'SELECT value FROM server_state WHERE key = $1',
      [TEST_TODAY_KEY],
    );
    const pinned = typeof row?.value === 'string' ? row.value : null;
    this.opts.onTestClock?.(pinned);
    return { now, today: pinned ?? chinaDate(new Date(now)), revision };
  }

  private refuseNesting() {
    // A transaction inside another would wait for itself (one connection in PGlite, the writer's
    // lock in PostgreSQL): a bug, to be told at once rather than hang.
    if (current()) throw new Error('a storage transaction inside another');
  }

  async read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T> {
    this.refuseNesting();
    return reachable(() =>
      this.db.transaction(
        async (q) => {
          const open: Open = {
            q,
            write: false,
            ended: false,
            reset: false,
            changes: new Map(),
            letters: new Map(),
          };
          const stores = Object.fromEntries(STORE_NAMES.map((n) => [n, record(n, q, open, false)]));
          const searches = { letterSearch: sqlLetterSearch(q), auditLog: sqlAuditLog(q) };
          const tx = { ...(await this.begin(q)), ...stores, ...searches } as unknown as ReadTx;
          return within(open, () => fn(tx));
        },
        { readOnly: true },
      ),
    );
  }

  async write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    this.refuseNesting();
    const after: (() => Promise<void> | void)[] = [];
    let open!: Open;
    /** What the transaction changed: 'all' after a reset, null when nothing. */
    let committed: CommittedChange[] | 'all' | null = null;
    const result = await reachable(() =>
      this.db.transaction(async (q) => {
        await q.query('SELECT pg_advisory_xact_lock($1)', [WRITER_LOCK]);
        open = {
          q,
          write: true,
          ended: false,
          reset: false,
          changes: new Map(),
          letters: new Map(),
        };
        const stores = Object.fromEntries(STORE_NAMES.map((n) => [n, record(n, q, open, true)]));
        const flush = () => flushLetters(q, open);
        const tx: Tx = {
          ...(await this.begin(q)),
          ...(stores as unknown as Omit<
            Tx,
            'today' | 'now' | 'revision' | 'nextSeq' | 'afterCommit' | 'letterSearch' | 'auditLog'
          >),
          letterSearch: searchAfter(flush, sqlLetterSearch(q)),
          auditLog: sqlAuditLog(q),
          afterCommit: (f) => void after.push(f),
          nextSeq: async (counter, count = 1) => {
            // The counter's last number after taking `count`; the first of them is returned.
            const [row] = await q.query<{ n: number }>(
              `INSERT INTO records (store, id, value)
               VALUES ('counters', $1, jsonb_build_object('id', $1::text, 'value', $2::bigint))
               ON CONFLICT (store, id) DO UPDATE
                 SET value = jsonb_set(records.value, '{value}',
                                       to_jsonb(coalesce((records.value->>'value')::bigint, 0) + $2))
               RETURNING (value->>'value')::int AS n`,
              [counter, count],
            );
            const n = row!.n;
            const k = key('counters', counter);
            open.changes.set(k, {
              store: 'counters',
              id: counter,
              value: { id: counter, value: n } as AnyRecord,
              before: open.changes.has(k)
                ? open.changes.get(k)!.before
                : n > count
                  ? ({ id: counter, value: n - count } as AnyRecord)
                  : null,
            });
            return n - count + 1;
          },
        };
        const out = await within(open, () => fn(tx));
        await flush();
        committed = open.reset ? 'all' : open.changes.size ? [...open.changes.values()] : null;
        if (committed) {
          // It advances the shared revision (what caches check) and, on PostgreSQL, is told to
          // the other instances (NOTIFY is delivered on COMMIT).
          if (this.db.kind === 'postgres')
            await q.query('SELECT pg_notify($1, $2)', [
              COMMITS_CHANNEL,
              notice(this.instance, committed),
            ]);
          await q.query(
            `INSERT INTO server_state (key, value) VALUES ($1, '1')
             ON CONFLICT (key) DO UPDATE SET value = to_jsonb((server_state.value #>> '{}')::bigint + 1)`,
            [REVISION_KEY],
          );
        }
        return out;
      }),
    );
    for (const f of after) await f();
    if (committed) this.notify(committed);
    return result;
  }

  /**
   * Runs `fn` outside the transaction under way: for work a request begins that outlives it (a
   * live-event stream's deliveries, which read in transactions of their own).
   */
  outsideTransaction<T>(fn: () => T): T {
    return openTx.exit(fn);
  }

  /**
   * Replaces every record but the sessions (who is signed in stays signed in) with the seed, in
   * the write transaction under way (its reset's audit entry then comes first in the new trail)
   * or in one of its own. The listeners hear 'all' after the commit.
   */
  async reseed(): Promise<void> {
    const open = current();
    if (!open) return this.write(() => this.reseed());
    if (!open.write) throw new Error('a reset in a read transaction');
    if (!this.opts.seed) throw new Error('no seed to reset to');
    const snapshot = await this.opts.seed();
    await open.q.query("DELETE FROM records WHERE store <> 'sessions'");
    await insertSnapshot(open.q, snapshot, (s) => s !== 'sessions');
    open.letters.clear();
    await rebuildLetterIndex(open.q);
    open.reset = true;
    open.changes.clear();
  }

  /** Sets (or with null clears) the test clock that every instance's transactions read. */
  async setTestToday(today: string | null) {
    await reachable(async () => {
      if (today === null)
        await this.db.query('DELETE FROM server_state WHERE key = $1', [TEST_TODAY_KEY]);
      else
        await this.db.query(
          `INSERT INTO server_state (key, value) VALUES ($1, to_jsonb($2::text))
           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
          [TEST_TODAY_KEY, today],
        );
    });
    this.opts.onTestClock?.(today);
  }

  /** Whether any record is stored (an empty database: a first start). */
  async isEmpty(): Promise<boolean> {
    return reachable(
      async () => (await this.db.query('SELECT 1 FROM records LIMIT 1')).length === 0,
    );
  }

  /**
   * Rebuilds the letters' facts when they are not this version's or miss letters (a database
   * moved or restored from its records, an older server's); true when it did. Under the writer's
   * lock: of several instances starting at once, one rebuilds.
   */
  async ensureLetterIndex(): Promise<boolean> {
    return this.write(async () => {
      const { q } = current()!;
      if (await letterIndexCurrent(q)) return false;
      await rebuildLetterIndex(q);
      return true;
    });
  }

  /**
   * Stores the seed `build` makes when the database holds no record (a first start), in one
   * transaction under the writer's lock: of several instances starting at once, one seeds.
   */
  async seedIfEmpty(build: () => Promise<Snapshot>): Promise<boolean> {
    return this.write(async () => {
      const { q } = current()!;
      if ((await q.query('SELECT 1 FROM records LIMIT 1')).length > 0) return false;
      await insertSnapshot(q, await build(), () => true);
      await rebuildLetterIndex(q);
      return true;
    });
  }
}

/** Inserts a snapshot's records, store by store in its order (their `seq` follows it). */
async function insertSnapshot(q: Queryable, snapshot: Snapshot, keep: (s: StoreName) => boolean) {
  const rows = STORE_NAMES.filter(keep).flatMap((store) =>
    (snapshot[store] ?? []).map((value) => ({ store, id: value.id, value })),
  );
  for (let i = 0; i < rows.length; i += CHUNK)
    await q.query(
      `INSERT INTO records (store, id, value)
       SELECT x.store, x.id, x.value
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (store text, id text, value jsonb))
            WITH ORDINALITY AS x(store, id, value, n)
       ORDER BY x.n
       ON CONFLICT (store, id) DO UPDATE SET value = EXCLUDED.value`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
}

/** Writes the facts of the letters the transaction changed since the last flush. */
async function flushLetters(q: Queryable, open: Open) {
  const pending = [...open.letters.values()];
  open.letters.clear();
  await indexLetter(q, pending);
}

/** A search that first indexes what its transaction wrote (a write transaction reads its writes). */
function searchAfter(flush: () => Promise<void>, search: LetterSearch): LetterSearch {
  return {
    list: async (query, page) => (await flush(), search.list(query, page)),
    count: async (query) => (await flush(), search.count(query)),
    facts: async (query) => (await flush(), search.facts(query)),
    groups: async (query, by) => (await flush(), search.groups(query, by)),
    sections: async (scope) => (await flush(), search.sections(scope)),
  };
}
