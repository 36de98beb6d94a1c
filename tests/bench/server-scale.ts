// 7. The letters' lists at scale (issue #15): the built server (build/server) on PostgreSQL holding
// 10,000, 100,000 and 1,000,000 letters and on the embedded database holding 100,000. For each:
// GET /letters (the first page; a status + section filter; a text search), /letters/alerts and
// /dashboard (a commit before each call empties its cache), p50/p95 of sequential calls, each next to its
// floor — the same SQL the storage runs for it (server/storage/letter-index.ts), sent directly
// with pg (in process for PGlite) — as a ratio; and t(1M)/t(10k) of the paged lists.
//
// The letters: 10,000 registered through POST /admin/demo-data (the demo tool: the domain's own
// rules make them), then copied in SQL, each copy a month further back and closed (an office's
// archive grows with closed letters), and the facts rebuilt by the storage's own function.
//
// Run by `npm run bench` (step 7; BENCH_SCALE=0 skips it; BENCH_SCALE_SIZES=0 skips PostgreSQL) or alone:
//   npx tsx tests/bench/server-scale.ts          (BENCH_SCALE_SIZES=10000,100000 to shorten)
// Prints a table and, as its last line, the figures as JSON. Loopback only; every loop bounded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { alertBounds } from '@/features/letters/rules';
import { addDays, createCalendar } from '@/lib/workdays';
import { openDatabase, type Queryable } from '../../server/db/client';
import {
  dashboardLetterQueries,
  LETTER_KPI_KEYS,
  SECTION_KPI_KEYS,
} from '../../server/domain/dashboard';
import type { LetterQuery } from '../../server/domain/letter-query';
import {
  letterCountSql,
  letterGroupsSql,
  letterListSql,
  rebuildLetterIndex,
} from '../../server/storage/letter-index';
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
const PAGE = { offset: 0, limit: 20 };
const byReceived = { key: 'receivedOn', desc: true } as const;
const SEARCH = '演示来信 12';

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

/** The cases: the request, and the statements the storage runs for it (its floor). */
function cases(today: string) {
  const b = alertBounds(createCalendar(), today, 3);
  const open = { open: true as const };
  const list = (q: LetterQuery) => {
    const { list, total } = letterListSql(q, PAGE);
    return [list, total];
  };
  const count = (q: Omit<LetterQuery, 'sort'>) => letterCountSql(q);
  return [
    { name: 'list: first page', path: '/letters?pageSize=20', sql: list({ sort: byReceived }) },
    {
      name: 'list: status + section',
      path: '/letters?status=assigned&sectionId=social_assistance&pageSize=20',
      sql: list({ status: 'assigned', sectionId: 'social_assistance', sort: byReceived }),
    },
    {
      name: 'list: text search',
      path: `/letters?q=${encodeURIComponent(SEARCH)}&pageSize=20`,
      sql: list({ text: { needle: SEARCH }, sort: byReceived }),
    },
    {
      name: 'alerts',
      path: '/letters/alerts',
      sql: [
        count({ ...open, dueTo: b.overdueTo }),
        count({ ...open, dueFrom: b.dueSoonFrom, dueTo: b.dueSoonTo }),
        count({ ...open, supervised: true }),
        letterListSql(
          { ...open, dueTo: b.dueSoonTo, sort: { key: 'openDueOn', desc: false } },
          {
            offset: 0,
            limit: 50,
          },
        ).list,
        letterListSql(
          {
            ...open,
            supervised: true,
            dueFrom: addDays(b.dueSoonTo, 1),
            sort: { key: 'openDueOn', desc: false },
          },
          { offset: 0, limit: 50 },
        ).list,
      ],
    },
    {
      name: 'dashboard (uncached)',
      path: '/dashboard',
      dashboard: true,
      sql: [
        // The letters' figures: each KPI function's groups, over the disjoint queries they count.
        ...[LETTER_KPI_KEYS, SECTION_KPI_KEYS].flatMap((by) =>
          dashboardLetterQueries(Number(today.slice(0, 4))).map((q) => letterGroupsSql(q, by)),
        ),
        {
          text: "SELECT DISTINCT section_id FROM letter_counts WHERE section_id <> '' AND n > 0",
          params: [],
        },
      ],
    },
  ];
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

/** Server and floor figures for one database holding its letters. */
async function measure(
  name: string,
  env: Record<string, string>,
  db: () => Promise<Queryable & { close(): Promise<void> }>,
  log: (s: string) => void,
) {
  const server = await startServer(env);
  let rows: Record<string, unknown>[] = [];
  let letters = 0;
  const serverStats: Record<string, Stats> = {};
  try {
    const clerk = await signIn(server.url, 'clerk');
    const leader = await signIn(server.url, 'leader');
    letters = (await call(server.url, clerk, 'GET', '/letters?pageSize=1')).body.total;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    let views = 0;
    for (const c of cases(today)) {
      serverStats[c.name] = await timed(REPS, async () => {
        if (c.dashboard) {
          // A commit (a saved list view): the dashboard's cache, kept until the next commit, is
          // stale. Through the server: the embedded database has one process, the server.
          const v = await call(server.url, clerk, 'POST', '/views/letters', {
            name: `bench ${++views}`,
            query: 'status=assigned',
          });
          if (v.status !== 201) throw new Error(`a saved view: ${v.status}`);
        }
        const r = await call(server.url, c.dashboard ? leader : clerk, 'GET', c.path);
        if (r.status !== 200) throw new Error(`${c.path}: ${r.status}`);
      });
      log(`  ${name} ${c.name}: server p50 ${serverStats[c.name]!.p50} ms`);
    }
  } finally {
    await server.stop();
  }
  // The floor: the same statements, one after another, in a read transaction as the server runs them.
  const q = await db();
  try {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    rows = [];
    for (const c of cases(today)) {
      const floor = await timed(REPS, async () => {
        await q.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        for (const s of c.sql) await q.query(s.text, s.params);
        await q.query('COMMIT');
      });
      const srv = serverStats[c.name]!;
      rows.push({
        backend: name,
        letters,
        request: c.name,
        server: srv,
        floor,
        ratio: Math.round((srv.p50 / floor.p50) * 100) / 100,
      });
    }
  } finally {
    await q.close();
  }
  return rows;
}

const open =
  (url: string | undefined, dataDir = '') =>
  async () =>
    openDatabase({ databaseUrl: url, dataDir, migrationsFolder: MIGRATIONS });

export async function measureServerScale(log: (s: string) => void = console.log) {
  const out: Record<string, unknown>[] = [];
  const fills: Record<string, unknown>[] = [];
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
        out.push(...(await measure('PostgreSQL', { DATABASE_URL: url }, open(url), log)));
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
      out.push(
        ...(await measure(
          'embedded (PGlite)',
          { DATA_DIR: dataDir },
          open(undefined, dataDir),
          log,
        )),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  // t(1M)/t(10k) of each paged list on PostgreSQL.
  const growth = ['list: first page', 'list: status + section', 'list: text search'].map(
    (request) => {
      const on = (n: number) =>
        out.find(
          (r) =>
            r.backend === 'PostgreSQL' &&
            r.request === request &&
            Math.abs((r.letters as number) - n) < BASE,
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
    },
  );
  return { rows: out, fills, growth };
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const result = await measureServerScale((s) => console.error(s));
  console.log(
    [
      'backend | letters | request | server p50/p95 | floor p50/p95 | ratio',
      ...result.rows.map(
        (r) =>
          `${r.backend} | ${r.letters} | ${r.request} | ${(r.server as Stats).p50}/${(r.server as Stats).p95} | ${(r.floor as Stats).p50}/${(r.floor as Stats).p95} | ${r.ratio}`,
      ),
      ...result.growth.map((g) => `t(max)/t(min) ${g.request}: ${g.ratio}`),
    ].join('\n'),
  );
  console.log(JSON.stringify(result));
}
