/**
 * Whole snapshots of the server's records (rows of `records(store, id, value jsonb)`), in the
 * shape of the mock backend's `Persistence`: `load` reads every record in its store's order,
 * `replaceAll` replaces every row in one transaction — how `move-to` copies a database. Requests
 * read and write the records through the SQL storage (sql-storage.ts), not through this.
 */
import type { Change, Persistence, Snapshot, StoreName } from '@mocks/db';
import { errors } from '../domain/errors';
import type { Database, Queryable } from '../db/client';

/** Rows per statement in bulk writes (a JSON array unpacked by jsonb_to_recordset). */
const CHUNK = 2000;

const UPSERT = `
  INSERT INTO records (store, id, value)
  SELECT x.store, x.id, x.value
  FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (store text, id text, value jsonb))
       WITH ORDINALITY AS x(store, id, value, n)
  ORDER BY x.n
  ON CONFLICT (store, id) DO UPDATE SET value = EXCLUDED.value`;
const DELETE = `
  DELETE FROM records r USING jsonb_to_recordset($1::jsonb) AS x(store text, id text)
  WHERE r.store = x.store AND r.id = x.id`;

/**
 * The database is unreachable, rather than refusing this write: a connection error (SQLSTATE
 * class 08), the server shutting down or starting (57P01–57P03), or the socket gone.
 */
export function unreachable(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  const code = typeof err?.code === 'string' ? err.code : '';
  if (/^08/.test(code) || /^57P0[123]$/.test(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND'].includes(code)) return true;
  const message = typeof err?.message === 'string' ? err.message : '';
  return /Connection terminated|connection error|not queryable|ECONNREFUSED/i.test(message);
}

type Row = { store: string; id: string; value: { id: string } };

async function inChunks(tx: Queryable, sql: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx.query(sql, [JSON.stringify(rows.slice(i, i + CHUNK))]);
}

export class SqlPersistence implements Persistence {
  constructor(private readonly db: Database) {}

  async load(): Promise<Snapshot | null> {
    const rows = await this.db.query<Row>('SELECT store, id, value FROM records ORDER BY seq');
    if (rows.length === 0) return null;
    const snap: Snapshot = {};
    for (const r of rows) (snap[r.store as StoreName] ??= []).push(r.value);
    return snap;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM records LIMIT 1')).length === 0;
  }

  async save(changes: Change[]): Promise<void> {
    const puts = changes.filter((c) => c.value).map((c) => ({ ...c }));
    const deletes = changes.filter((c) => !c.value).map(({ store, id }) => ({ store, id }));
    try {
      await this.db.transaction(async (tx) => {
        await inChunks(tx, UPSERT, puts);
        await inChunks(tx, DELETE, deletes);
      });
    } catch (e) {
      // PostgreSQL stopped or restarting: 503 (nothing was written), not a 500.
      if (unreachable(e)) {
        console.error('[db] write refused, the database is unreachable:', (e as Error).message);
        throw errors.unavailable();
      }
      throw e;
    }
  }

  async replaceAll(snapshot: Snapshot): Promise<void> {
    const rows = Object.entries(snapshot).flatMap(([store, list]) =>
      (list ?? []).map((value) => ({ store, id: value.id, value })),
    );
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM records');
      await inChunks(tx, UPSERT, rows);
    });
  }
}
