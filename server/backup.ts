/**
 * Backup and restore, from the command line (issue #17):
 *   backup <file>    the embedded database: its own dump of the data directory (PGlite's
 *                    `dumpDataDir`, a gzipped tar), taken while no server runs on DATA_DIR (the
 *                    data-dir lock refuses otherwise); PostgreSQL: `pg_dump --format=custom`, online.
 *   restore <file>   the embedded database: into a DATA_DIR that holds no database yet; PostgreSQL:
 *                    `pg_restore` into an empty database. Attachments' bytes are tables like the
 *                    rest, so a backup carries them.
 * Both print the records per store, so an operator can compare a restore with its backup.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, Queryable } from './db/client';

/** Records per store, and attachment files, as one line: `letters 133, …, attachment files 2`. */
export async function countRecords(db: Queryable): Promise<string> {
  const rows = await db.query<{ store: string; n: string }>(
    'SELECT store, count(*)::text AS n FROM records GROUP BY store ORDER BY store',
  );
  const [blobs] = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM attachment_blobs');
  return [...rows.map((r) => `${r.store} ${r.n}`), `attachment files ${blobs?.n ?? 0}`].join(', ');
}

/** Runs a PostgreSQL client program (pg_dump, pg_restore) from PATH; throws with its message. */
function runTool(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) =>
      reject(
        new Error(
          `${program} could not run (${e.message}): install PostgreSQL's client programs ` +
            '(Debian: apt-get install postgresql-client) or put them on PATH',
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} failed (${code}): ${err.trim()}`)),
    );
  });
}

export async function backup(
  db: Database,
  opts: { databaseUrl?: string | undefined; file: string | undefined },
): Promise<string> {
  const { file } = opts;
  if (!file) throw new Error('usage: backup <file>');
  if (db.kind === 'pglite') {
    const dump = await db.dumpDataDir!();
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } else {
    await runTool('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${opts.databaseUrl}`]);
  }
  return countRecords(db);
}

/**
 * Restores `file` into an embedded database in `dataDir` (which must not hold one yet), or into
 * the empty PostgreSQL database at `databaseUrl`; returns the records it now holds.
 */
export async function restore(opts: {
  databaseUrl?: string | undefined;
  dataDir: string;
  file: string | undefined;
}): Promise<string> {
  const { file } = opts;
  if (!file || !existsSync(file)) throw new Error('usage: restore <backup file> (file not found)');
  if (!opts.databaseUrl) {
    const pgdata = join(opts.dataDir, 'pgdata');
    if (existsSync(pgdata) && readdirSync(pgdata).length > 0)
      throw new Error(
        `${opts.dataDir} already holds a database: restore into a new DATA_DIR ` +
          '(move the current one aside first)',
      );
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create({
      dataDir: pgdata,
      loadDataDir: new Blob([readFileSync(file)]),
    });
    try {
      return await countRecords({
        query: async <T>(sql: string, params: unknown[] = []) =>
          (await pg.query<T>(sql, params)).rows,
      });
    } finally {
      await pg.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string | null }>(
      "SELECT to_regclass('public.records')::text AS t",
    );
    if (rows[0]?.t)
      throw new Error(
        `the PostgreSQL database at ${new URL(opts.databaseUrl).host} is not empty: ` +
          'restore into a new one',
      );
    await runTool('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      `--dbname=${opts.databaseUrl}`,
      file,
    ]);
    return await countRecords({
      query: async <T>(sql: string, params: unknown[] = []) =>
        (await client.query(sql, params)).rows as T[],
    });
  } finally {
    await client.end();
  }
}
