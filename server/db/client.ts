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
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The embedded database's own dump of its data directory (a gzipped tar): its backup. */
  dumpDataDir?(): Promise<Blob>;
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
  // An idle client losing its connection (the database restarting) must not crash the process.
  pool.on('error', (e) => console.error('[db] idle connection lost:', e.message));
  const db: Database = {
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
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
    close: () => pool.end(),
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
