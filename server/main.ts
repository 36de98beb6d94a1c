/**
 * The office's shared server: `node build/server/main.mjs [migrate | move-to <postgres://…>]`.
 *
 * Configuration by environment (twelve-factor):
 *   PORT          port (default 4173); HOST, default 127.0.0.1 (set 0.0.0.0 to serve the office network)
 *   DATA_DIR      the embedded database's directory (default ./data, created on first start)
 *   DATABASE_URL  postgres://… — a PostgreSQL 15 or newer instead of the embedded database
 *   DEMO=1        demo mode: an empty database gets the demo seed; /admin/reset and /admin/demo-data exist
 *   TEST_HOOKS=1  test runs only: /admin/faults and /admin/clock exist; TEST_TODAY=YYYY-MM-DD then
 *                 pins the backend's today from the start (before the demo seed is built)
 *   STATIC_DIR    the built SPA to serve (default: ../app beside this file)
 * Commands instead of serving:
 *   create-admin <username> [name]
 *                        adds an administrator and prints their one-time password (shown once; they
 *                        set their own at the first sign-in). On an empty database it first lays
 *                        the baseline (sections, default settings): how a production start begins
 *   migrate              applies pending migrations and exits (the server also migrates at start)
 *   move-to <url>        copies the embedded database in DATA_DIR into an empty PostgreSQL at <url>
 *                        (postgres://…), migrated first: how an office moves off the embedded database
 *   backup <file>        the embedded database's own dump (the server stopped), or pg_dump's (online)
 *   restore <file>       a backup into a new DATA_DIR, or into an empty PostgreSQL (server/backup.ts)
 */
import { appendFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { setBlobStore } from '@mocks/blobs';
import { setToday } from '@mocks/clock';
import { publishCommit } from '@mocks/commits';
import { liveEvents } from '@mocks/services/events';
import { Db, type Snapshot } from '@mocks/db';
import { useStorage as runHandlersOn } from '@mocks/http';
import { seedAll, seedBaseline } from '@mocks/seed';
import { userCreateSchema } from '@/features/accounts/types';
import { createUser } from './domain/accounts';
import { SYSTEM_ACTOR } from './domain/audit';
import { createApp } from './app';
import { backup, restore } from './backup';
import { lockDataDir } from './data-dir-lock';
import { openDatabase, traced } from './db/client';
import { SqlBlobStore } from './storage/sql-blobs';
import { SqlPersistence } from './storage/sql-persistence';
import { SqlStorage } from './storage/sql-storage';

const here = dirname(fileURLToPath(import.meta.url));
const env = process.env;
const config = {
  port: Number(env.PORT ?? 4173),
  host: env.HOST ?? '127.0.0.1',
  dataDir: resolve(env.DATA_DIR ?? 'data'),
  databaseUrl: env.DATABASE_URL || undefined,
  demo: env.DEMO === '1',
  testHooks: env.TEST_HOOKS === '1',
  staticDir: resolve(env.STATIC_DIR ?? join(here, '../app')),
  migrationsFolder: join(here, 'migrations'),
};

function fail(message: string): never {
  console.error(`[server] ${message}`);
  process.exit(1);
}

const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
// A restore makes the database, so it runs before one is opened (and migrated at the next start).
if (process.argv[2] === 'restore') {
  let code = 0;
  try {
    const counts = await restore({ ...config, file: process.argv[3] });
    console.log(`[server] restored ${process.argv[3]}: ${counts}`);
  } catch (e) {
    console.error(`[server] ${(e as Error).message}`);
    code = 1;
  }
  unlock();
  process.exit(code);
}
let database;
try {
  database = await openDatabase(config);
} catch (e) {
  unlock();
  fail(`cannot open the database: ${(e as Error).message}`);
}
// A test hook: every statement appended to SQL_TRACE as a JSON line (the bench's floor replays them).
if (config.testHooks && env.SQL_TRACE) {
  const file = env.SQL_TRACE;
  let lines: string[] = [];
  database = traced(database, (sql, params) => {
    if (!lines.length)
      setImmediate(() => {
        appendFileSync(file, lines.join(''));
        lines = [];
      });
    lines.push(`${JSON.stringify({ sql, params })}\n`);
  });
}
const where = config.databaseUrl
  ? `PostgreSQL (${new URL(config.databaseUrl).host})`
  : `the embedded database in ${config.dataDir}`;

/**
 * A seed's records, built in memory by the same services as real use (the seed functions fill a
 * Db) and then written in one SQL transaction: the demo's, or the baseline every database starts
 * with (sections, default settings).
 */
async function buildSeed(seed: (db: Db) => void | Promise<void>): Promise<Snapshot> {
  const built = new Db();
  await seed(built);
  built.meta.map.set('seed', { id: 'seed', value: { seededAt: new Date().toISOString() } });
  return built.snapshot();
}

const persistence = new SqlPersistence(database);
const blobStore = new SqlBlobStore(database);
setBlobStore(blobStore);
// The records live in the database only: each request reads and writes them in its transaction.
const storage = new SqlStorage(database, {
  testClock: config.testHooks,
  onTestClock: setToday,
  seed: () => buildSeed(seedAll),
});
runHandlersOn(storage);
storage.onCommit(publishCommit);
// Other instances' commits (PostgreSQL): their users' changes reach this one's live streams.
storage.onRemoteCommit((changes) => liveEvents.publish(changes));

/** Copies every record of this (embedded) database into an empty PostgreSQL at `target`. */
async function moveTo(target: string | undefined) {
  if (config.databaseUrl)
    throw new Error('move-to copies the embedded database in DATA_DIR: unset DATABASE_URL');
  if (!target || !/^postgres(ql)?:\/\//.test(target))
    throw new Error('usage: move-to postgres://user:pass@host/db');
  const snapshot = await persistence.load();
  if (!snapshot) throw new Error(`${where} is empty: nothing to move`);
  const dest = await openDatabase({ ...config, databaseUrl: target });
  try {
    const into = new SqlPersistence(dest);
    if (!(await into.isEmpty()))
      throw new Error(
        `the PostgreSQL database at ${new URL(target).host} is not empty: move into a new one`,
      );
    await into.replaceAll(snapshot);
    // Attachments' bytes, one at a time (each up to the upload limit).
    const intoBlobs = new SqlBlobStore(dest);
    const ids = await blobStore.ids();
    for (const id of ids) {
      const blob = await blobStore.get(id);
      if (blob) await intoBlobs.put(id, blob);
    }
    const counts = Object.entries(snapshot).map(([store, rows]) => `${store} ${rows?.length ?? 0}`);
    counts.push(`attachment files ${ids.length}`);
    console.log(
      `[server] moved ${where} to PostgreSQL (${new URL(target).host}): ${counts.join(', ')}`,
    );
  } finally {
    await dest.close();
  }
}

/** A first (or another) administrator, from the command line: the way into a production start. */
async function createAdmin(username: string | undefined, name: string | undefined) {
  const input = userCreateSchema.safeParse({ username, name: name ?? username, role: 'admin' });
  if (!input.success)
    throw new Error(
      'usage: create-admin <username> [name] (a username starts with a letter: 3–32 letters, digits, . _ -)',
    );
  await storage.seedIfEmpty(() => buildSeed(config.demo ? seedAll : seedBaseline));
  const { user, temporaryPassword } = await storage
    .write((tx) =>
      createUser(tx, input.data, {
        actor: SYSTEM_ACTOR,
        address: 'command line',
        locale: 'zh-CN',
      }),
    )
    .catch((e: { extra?: { errors?: Record<string, string> } }) => {
      const why = Object.values(e.extra?.errors ?? {})[0];
      throw new Error(why ? `${username}: ${why}` : String(e));
    });
  console.log(
    `[server] administrator ${user.username} created in ${where}.\n` +
      `[server] one-time password (shown once; to be changed at the first sign-in): ${temporaryPassword}`,
  );
}

const command = process.argv[2];
if (command !== undefined) {
  let code = 0;
  try {
    if (command === 'migrate') console.log(`[server] migrations applied to ${where}`);
    else if (command === 'move-to') await moveTo(process.argv[3]);
    else if (command === 'create-admin') await createAdmin(process.argv[3], process.argv[4]);
    else if (command === 'backup') {
      const counts = await backup(database, { ...config, file: process.argv[3] });
      console.log(`[server] backed up ${where} to ${process.argv[3]}: ${counts}`);
    } else
      throw new Error(
        `unknown command ${command} (create-admin <username> [name], migrate, move-to postgres://…, backup <file>, restore <file>)`,
      );
  } catch (e) {
    console.error(`[server] ${(e as Error).message}`);
    code = 1;
  } finally {
    await database.close();
    unlock();
  }
  process.exit(code);
}

if (config.testHooks && env.TEST_TODAY) await storage.setTestToday(env.TEST_TODAY);
if (!config.demo && (await storage.isEmpty())) {
  await database.close();
  unlock();
  fail(
    `${where} is empty. Start with DEMO=1 for the demo data (npm start does), or create the ` +
      'first administrator: node build/server/main.mjs create-admin <username> [name].',
  );
}
// An office's database has its records; only the demo builds its seed into an empty one.
if (config.demo) await storage.seedIfEmpty(() => buildSeed(seedAll));
// The letters' list facts, rebuilt from the records when missing or of an older version (a
// database moved, restored or migrated from an earlier release).
{
  const started = Date.now();
  if (await storage.ensureLetterIndex())
    console.log(`[server] letter lists indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const staticDir = existsSync(join(config.staticDir, 'index.html')) ? config.staticDir : null;
if (!staticDir) console.warn(`[server] no SPA build in ${config.staticDir}: serving the API only`);
const app = createApp({ staticDir, demo: config.demo, testHooks: config.testHooks });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(
    `[server] http://${info.address}:${info.port} on ${where}` +
      `${config.demo ? ' (demo mode)' : ''}${config.testHooks ? ' (test hooks on)' : ''}`,
  );
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      void database.close().finally(() => {
        unlock();
        process.exit(0);
      });
    });
    // Keep-alive connections would hold close() open.
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
