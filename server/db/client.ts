/**
 * The server's database: an embedded PostgreSQL (PGlite) in `DATA_DIR` by default, or a real
 * PostgreSQL (15 or newer) when `DATABASE_URL` is set. Both are driven through one small interface
 * (parameterised SQL and transactions), and both are migrated with drizzle's migrator from the
 * committed SQL in `migrations/`, under an advisory lock so that several instances may start at once.
 */
import { mkdirSync } from 'node:fs';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. A
   * `readOnly` one reads one consistent snapshot (REPEATABLE READ) and may not write.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: { readOnly?: boolean }): Promise<T>;
  close(): Promise<void>;
  /** The embedded database's own dump of its data directory (a gzipped tar): its backup. */
  dumpDataDir?(): Promise<Blob>;
  /**
   * PostgreSQL: calls `fn` with each notification's payload on `channel` (LISTEN, on a connection
   * of its own that reconnects by itself). Returns the way to stop listening.
   */
  listen?(channel: string, fn: (payload: string) => void): () => void;
}

/**
 * How a transaction begins on each database: on PostgreSQL a read-only one names its isolation
 * level in BEGIN itself (one round trip, not two); PGlite runs one transaction at a time, each
 * already reading one consistent state (writing in a read is refused by the handler layer,
 * mocks/http.ts, and by PostgreSQL in CI's run on it).
 */
export const beginStatement = (kind: Database['kind'], readOnly = false) =>
  kind === 'postgres' && readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY' : 'BEGIN';

/**
 * `db` telling `trace` each statement it sends, with its parameters, transactions' BEGIN and end
 * included: the bench's floor replays exactly what the server sent for a request
 * (tests/bench/server-scale.ts). A test hook (SQL_TRACE with TEST_HOOKS): the parameters hold
 * personal data.
 */
export function traced(db: Database, trace: (sql: string, params: unknown[]) => void): Database {
  const wrap = (q: Queryable): Queryable => ({
    query(sql, params = []) {
      trace(sql, params);
      return q.query(sql, params);
    },
  });
  return {
    ...db,
    ...wrap(db),
    async transaction(fn, opts) {
      trace(beginStatement(db.kind, opts?.readOnly), []);
      try {
        const out = await db.transaction((q) => fn(wrap(q)), opts);
        trace('COMMIT', []);
        return out;
      } catch (e) {
        trace('ROLLBACK', []);
        throw e;
      }
    },
  };
}

/** A fixed key for `pg_advisory_lock` while migrating ("gkwb" in ASCII). */
const MIGRATION_LOCK = 0x676b7762;

export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  migrationsFolder: string;
}): Promise<Database> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.migrationsFolder)
    : openPglite(opts.dataDir, opts.migrationsFolder);
}

/** Closes `db` when `fn` (its migration) fails. */
async function migrated(db: Database, fn: () => Promise<void>): Promise<Database> {
  try {
    await fn();
    return db;
  } catch (e) {
    await db.close();
    throw e;
  }
}

async function openPglite(dataDir: string, migrationsFolder: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create({ dataDir: `${dataDir}/pgdata` });
  const asQueryable = (q: Pick<typeof pg, 'query'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await q.query<T>(sql, params)).rows;
    },
  });
  const db: Database = {
    kind: 'pglite',
    ...asQueryable(pg),
    // BEGIN as beginStatement says: PGlite's own.
    transaction: (fn) => pg.transaction((tx) => fn(asQueryable(tx))),
    close: () => pg.close(),
    dumpDataDir: () => pg.dumpDataDir('gzip'),
  };
  // One process owns an embedded database (the data-dir lock): no advisory lock needed.
  return migrated(db, async () => {
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(drizzle(pg), { migrationsFolder });
  });
}

async function openPostgres(url: string, migrationsFolder: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const listeners = new Set<() => void>();
  // An idle client losing its connection (the database restarting) must not crash the process.
  pool.on('error', (e) => console.error('[db] idle connection lost:', e.message));
  const db: Database = {
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, opts: { readOnly?: boolean } = {}) {
      const client = await pool.connect();
      try {
        await client.query(beginStatement('postgres', opts.readOnly));
        const result = await fn({
          async query<R>(sql: string, params: unknown[] = []) {
            return (await client.query(sql, params)).rows as R[];
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: async () => {
      for (const stop of listeners) stop();
      await pool.end();
    },
    listen(channel, fn) {
      const stop = listenOn(pg, url, channel, fn);
      listeners.add(stop);
      return () => {
        listeners.delete(stop);
        stop();
      };
    },
  };
  // Several instances may start at once: one migrates, the others wait and find nothing to do.
  return migrated(db, async () => {
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
  });
}

/**
 * LISTEN on a connection of its own (not the pool's: it stays open), reconnecting after a loss —
 * the database restarting — with a growing pause (0.5 s … 5 s) until `stop` is called.
 */
function listenOn(
  pg: typeof import('pg').default,
  url: string,
  channel: string,
  fn: (payload: string) => void,
): () => void {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let stopped = false;
  let current: InstanceType<typeof pg.Client> | null = null;
  let pause = 500;
  const connect = async () => {
    if (stopped) return;
    const conn = new pg.Client({ connectionString: url });
    current = conn;
    const retry = () => {
      if (current !== conn || stopped) return;
      current = null;
      void conn.end().catch(() => {});
      setTimeout(() => void connect(), pause).unref();
      pause = Math.min(pause * 2, 5000);
    };
    conn.on('error', (e) => {
      console.error(`[db] LISTEN ${channel} lost:`, e.message);
      retry();
    });
    conn.on('end', retry);
    conn.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) fn(n.payload);
    });
    try {
      await conn.connect();
      await conn.query(`LISTEN ${channel}`);
      pause = 500;
    } catch (e) {
      console.error(`[db] LISTEN ${channel} failed:`, (e as Error).message);
      retry();
    }
  };
  void connect();
  return () => {
    stopped = true;
    void current?.end().catch(() => {});
    current = null;
  };
}
