// 7. The letters' lists at scale (issue #15): the built server (build/server) on PostgreSQL holding
// 10,000, 100,000 and 1,000,000 letters and on the embedded database holding 100,000. For each:
// GET /letters (the first page; a status + section filter; a text search), /letters/alerts and
// /dashboard (a commit before each call empties its cache), p50/p95 of sequential calls, each next to its
// floor — the statements the server sent for one such request (traced by the SQL_TRACE test hook:
// the session's, the calendar's and the list's alike), replayed in the same transactions over the
// same driver (pg, or PGlite in process) without HTTP and the server's own work — as a ratio; and
// t(1M)/t(10k) of the paged lists.
//
// The letters: 10,000 registered through POST /admin/demo-data (the demo tool: the domain's own
// rules make them), then copied in SQL, each copy a month further back and closed (an office's
// archive grows with closed letters), and the facts rebuilt by the storage's own function.
//
// Run by `npm run bench` (step 7; BENCH_SCALE=0 skips it; BENCH_SCALE_SIZES=0 skips PostgreSQL) or alone:
//   npx tsx tests/bench/server-scale.ts          (BENCH_SCALE_SIZES=10000,100000 to shorten)
// Prints a table and, as its last line, the figures as JSON. Loopback only; every loop bounded.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database, type Queryable } from '../../server/db/client';
import { rebuildLetterIndex } from '../../server/storage/letter-index';
import { postgresBin, startCluster } from '../pg-cluster.mjs';
import { call, signIn, startServer } from './server-process.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MIGRATIONS = path.join(ROOT, 'server/db/migrations');
const SIZES = (process.env.BENCH_SCALE_SIZES ?? '10000,100000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const PGLITE_SIZE = Number(process.env.BENCH_SCALE_PGLITE ?? 100_000);
const BASE = 10_000;
const WARMUP = 5;
const REPS = Number(process.env.BENCH_SCALE_REPS ?? 30);
const SEARCH = '演示来信 12';
const SERIAL = '{serial}';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Stats = { p50: number; p95: number };
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
const stats = (xs: number[]): Stats => ({
  p50: Math.round(quantile(xs, 0.5) * 100) / 100,
  p95: Math.round(quantile(xs, 0.95) * 100) / 100,
});

async function timed(n: number, fn: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return stats(xs);
}

/** The requests measured (a dashboard call is made after a commit, which empties its cache). */
const CASES: { name: string; path: string; dashboard?: boolean }[] = [
  { name: 'list: first page', path: '/letters?pageSize=20' },
  {
    name: 'list: status + section',
    path: '/letters?status=assigned&sectionId=social_assistance&pageSize=20',
  },
  { name: 'list: text search', path: `/letters?q=${encodeURIComponent(SEARCH)}&pageSize=20` },
  // The newest letter's serial number (SERIAL: filled in at each size): a needle in a few letters,
  // as a clerk looking for one letter types it (here its copies hold it too: 1 at 10,000, 100 at
  // 1,000,000).
  { name: 'list: text search, a serial number', path: `/letters?q=${SERIAL}&pageSize=20` },
  { name: 'alerts', path: '/letters/alerts' },
  { name: 'dashboard (uncached)', path: '/dashboard', dashboard: true },
];

/** A statement the server sent (SQL_TRACE), and the transactions they form. */
type Statement = { sql: string; params: unknown[] };
type Block = { readOnly: boolean | null; statements: Statement[] };

/** The trace's statements grouped by transaction (readOnly null: sent outside one). */
function blocks(trace: Statement[]): Block[] {
  const out: Block[] = [];
  let open: Block | null = null;
  for (const s of trace) {
    if (s.sql.startsWith('BEGIN')) {
      open = { readOnly: s.sql.includes('READ ONLY'), statements: [] };
      out.push(open);
    } else if (s.sql === 'COMMIT' || s.sql === 'ROLLBACK') open = null;
    else if (open) open.statements.push(s);
    else out.push({ readOnly: null, statements: [s] });
  }
  return out;
}

/** Replays a request's statements as the server sent them: the same SQL, transactions and driver. */
async function replay(db: Database, request: Block[]) {
  for (const b of request) {
    const run = async (q: Queryable) => {
      for (const s of b.statements) await q.query(s.sql, s.params);
    };
    if (b.readOnly === null) await run(db);
    else await db.transaction(run, { readOnly: b.readOnly });
  }
}

/** `copies` copies of the first BASE letters, each a month further back and closed. */
async function copyLetters(q: Queryable, copies: number, log: (s: string) => void) {
  const [row] = await q.query<{ seq: string }>(
    "SELECT max(seq)::text AS seq FROM records WHERE store = 'letters'",
  );
  for (let k = 1; k <= copies; k += 10) {
    const to = Math.min(copies, k + 9);
    await q.query(
      `INSERT INTO records (store, id, value)
       SELECT 'letters', r.id || '~' || k, r.value || jsonb_build_object(
         'id', r.id || '~' || k,
         'serialNo', (r.value->>'serialNo') || '~' || k,
         'receivedOn', to_char((r.value->>'receivedOn')::date - k * 30, 'YYYY-MM-DD'),
         'dueOn', to_char((r.value->>'dueOn')::date - k * 30, 'YYYY-MM-DD'),
         'status', 'closed',
         'sectionId', coalesce(r.value->>'sectionId', 'social_affairs'),
         'onTime', true,
         'closedOn', to_char((r.value->>'dueOn')::date - k * 30, 'YYYY-MM-DD'),
         'reply', jsonb_build_object('content', '已答复（演示）', 'repliedBy', '演示', 'method', 'written',
           'repliedOn', to_char((r.value->>'dueOn')::date - k * 30, 'YYYY-MM-DD')))
       FROM records r, generate_series($1::int, $2::int) k
       WHERE r.store = 'letters' AND r.seq <= $3::bigint`,
      [k, to, row?.seq ?? 0],
    );
    log(`  copies ${k}–${to} of ${copies}`);
  }
}

/** Fills the database behind `env` with `n` letters; returns the seconds each stage took. */
async function fill(
  env: Record<string, string>,
  db: () => Promise<Queryable & { close(): Promise<void> }>,
  n: number,
  log: (s: string) => void,
) {
  const server = await startServer(env);
  const t0 = performance.now();
  try {
    const admin = await signIn(server.url, 'admin');
    const r = await call(server.url, admin, 'POST', '/admin/demo-data', { letters: BASE });
    if (r.status !== 201) throw new Error(`demo-data: ${r.status}`);
  } finally {
    await server.stop();
  }
  const viaApi = (performance.now() - t0) / 1000;
  const q = await db();
  try {
    const t1 = performance.now();
    await copyLetters(q, Math.ceil(n / BASE) - 1, log);
    const copied = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    await rebuildLetterIndex(q);
    const indexed = (performance.now() - t2) / 1000;
    await q.query('ANALYZE');
    return { viaApi, copied, indexed };
  } finally {
    await q.close();
  }
}

/** Concurrent clients for the throughput figure, and how long they run. */
const CLIENTS = Number(process.env.BENCH_SCALE_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 15);

/**
 * CLIENTS clients, each sending the cases in turn (the dashboard from its cache: nothing commits)
 * for SECONDS: requests per second, p50/p95, and errors (anything but 200, or no answer).
 */
async function throughput(url: string, tokens: { clerk: string; leader: string }, serial: string) {
  const deadline = performance.now() + SECONDS * 1000;
  const times: number[] = [];
  let errors = 0;
  const client = async (k: number) => {
    // Bounded: at most one request per millisecond of the run.
    for (let i = k; i < k + SECONDS * 1000 && performance.now() < deadline; i++) {
      const c = CASES[i % CASES.length]!;
      const t = performance.now();
      try {
        const r = await call(
          url,
          c.dashboard ? tokens.leader : tokens.clerk,
          'GET',
          c.path.replace(SERIAL, serial),
        );
        if (r.status !== 200) errors++;
      } catch {
        errors++;
      }
      times.push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
  const seconds = (performance.now() - t0) / 1000;
  return {
    clients: CLIENTS,
    seconds: Math.round(seconds * 10) / 10,
    requests: times.length,
    perSecond: Math.round(times.length / seconds),
    ...stats(times),
    errors,
  };
}

/** Server and floor figures for one database holding its letters. */
async function measure(
  name: string,
  env: Record<string, string>,
  db: () => Promise<Database>,
  log: (s: string) => void,
) {
  // Every statement the server sends is traced (a test hook): the floor replays one request's.
  const traceFile = path.join(mkdtempSync(path.join(tmpdir(), 'gkwb-trace-')), 'sql.jsonl');
  const server = await startServer({ ...env, TEST_HOOKS: '1', SQL_TRACE: traceFile });
  let letters = 0;
  const serverStats: Record<string, Stats> = {};
  const traces: Record<string, Block[]> = {};
  let load: Awaited<ReturnType<typeof throughput>> | null = null;
  try {
    const clerk = await signIn(server.url, 'clerk');
    const leader = await signIn(server.url, 'leader');
    const newest = (await call(server.url, clerk, 'GET', '/letters?pageSize=1')).body;
    letters = newest.total;
    const serial = encodeURIComponent(newest.items[0].serialNo);
    let views = 0;
    const bust = async () => {
      // A commit (a saved list view): the dashboard's cache, kept until the next commit, is
      // stale. Through the server: the embedded database has one process, the server.
      const v = await call(server.url, clerk, 'POST', '/views/letters', {
        name: `bench ${++views}`,
        query: 'status=assigned',
      });
      if (v.status !== 201) throw new Error(`a saved view: ${v.status}`);
    };
    const get = async (c: (typeof CASES)[number]) => {
      const r = await call(
        server.url,
        c.dashboard ? leader : clerk,
        'GET',
        c.path.replace(SERIAL, serial),
      );
      if (r.status !== 200) throw new Error(`${c.path}: ${r.status}`);
    };
    for (const c of CASES) {
      serverStats[c.name] = await timed(REPS, async () => {
        if (c.dashboard) await bust();
        await get(c);
      });
      log(`  ${name} ${c.name}: server p50 ${serverStats[c.name]!.p50} ms`);
      // What the server sent for one more such request (the trace is written within a tick).
      if (c.dashboard) await bust();
      await sleep(100);
      writeFileSync(traceFile, '');
      await get(c);
      await sleep(100);
      traces[c.name] = blocks(
        readFileSync(traceFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Statement),
      );
    }
    load = await throughput(server.url, { clerk, leader }, serial);
    log(`  ${name} ${CLIENTS} clients: ${load.perSecond} requests/s, ${load.errors} errors`);
  } finally {
    await server.stop();
    rmSync(path.dirname(traceFile), { recursive: true, force: true });
  }
  // The floor: those statements again, sent directly in the same transactions on the same driver.
  const q = await db();
  const rows: Record<string, unknown>[] = [];
  try {
    for (const c of CASES) {
      const request = traces[c.name]!;
      const floor = await timed(REPS, () => replay(q, request));
      const srv = serverStats[c.name]!;
      rows.push({
        backend: name,
        letters,
        request: c.name,
        statements: request.reduce(
          (n, b) => n + b.statements.length + (b.readOnly === null ? 0 : 2),
          0,
        ),
        server: srv,
        floor,
        ratio: Math.round((srv.p50 / floor.p50) * 100) / 100,
      });
    }
  } finally {
    await q.close();
  }
  return { rows, load: { backend: name, letters, ...load! } };
}

const open =
  (url: string | undefined, dataDir = '') =>
  async () =>
    openDatabase({ databaseUrl: url, dataDir, migrationsFolder: MIGRATIONS });

export async function measureServerScale(log: (s: string) => void = console.log) {
  const out: Record<string, unknown>[] = [];
  const fills: Record<string, unknown>[] = [];
  const loads: Record<string, unknown>[] = [];
  if (postgresBin()) {
    const cluster = await startCluster({ fsync: true });
    try {
      for (const n of SIZES) {
        const dbName = `scale_${n}`;
        const admin = await open(cluster.url)();
        await admin.query(`CREATE DATABASE ${dbName}`);
        await admin.close();
        const url = cluster.url.replace(/\/postgres$/, `/${dbName}`);
        log(`PostgreSQL, ${n} letters: filling`);
        const f = await fill({ DATABASE_URL: url }, open(url), n, log);
        fills.push({ backend: 'PostgreSQL', letters: n, ...f });
        const m = await measure('PostgreSQL', { DATABASE_URL: url }, open(url), log);
        out.push(...m.rows);
        loads.push(m.load);
      }
    } finally {
      cluster.stop();
    }
  }
  if (PGLITE_SIZE > 0) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gkwb-scale-'));
    try {
      log(`embedded (PGlite), ${PGLITE_SIZE} letters: filling`);
      const f = await fill({ DATA_DIR: dataDir }, open(undefined, dataDir), PGLITE_SIZE, log);
      fills.push({ backend: 'embedded (PGlite)', letters: PGLITE_SIZE, ...f });
      const m = await measure(
        'embedded (PGlite)',
        { DATA_DIR: dataDir },
        open(undefined, dataDir),
        log,
      );
      out.push(...m.rows);
      loads.push(m.load);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  // t(1M)/t(10k) of each paged list on PostgreSQL.
  const growth = [
    'list: first page',
    'list: status + section',
    'list: text search',
    'list: text search, a serial number',
  ].map((request) => {
    const on = (n: number) =>
      out.find(
        (r) =>
          r.backend === 'PostgreSQL' &&
          r.request === request &&
          // The size asked for, give or take the demo's own letters (10,133 for 10,000).
          Math.abs((r.letters as number) / n - 1) < 0.05,
      );
    const small = on(SIZES[0]!);
    const big = on(SIZES.at(-1)!);
    return {
      request,
      ratio:
        small && big
          ? Math.round(((big.server as Stats).p50 / (small.server as Stats).p50) * 100) / 100
          : null,
    };
  });
  return { rows: out, fills, growth, throughput: loads };
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const result = await measureServerScale((s) => console.error(s));
  console.log(
    [
      'backend | letters | request | statements | server p50/p95 | floor p50/p95 | ratio',
      ...result.rows.map(
        (r) =>
          `${r.backend} | ${r.letters} | ${r.request} | ${r.statements} | ${(r.server as Stats).p50}/${(r.server as Stats).p95} | ${(r.floor as Stats).p50}/${(r.floor as Stats).p95} | ${r.ratio}`,
      ),
      ...result.growth.map((g) => `t(max)/t(min) ${g.request}: ${g.ratio}`),
      ...result.throughput.map(
        (l) =>
          `${l.backend} | ${l.letters} | ${l.clients} clients: ${l.perSecond}/s, p50 ${l.p50} p95 ${l.p95} ms, ${l.errors} errors`,
      ),
    ].join('\n'),
  );
  console.log(JSON.stringify(result));
}
