// 6. The shared server under an office's load (issue #17): the built server (build/server, made by
// `npm run build:server`) on the embedded database and on a throwaway PostgreSQL cluster (fsync on,
// as in production), each holding LOAD_LETTERS letters, and LOAD_CLIENTS concurrent clients for
// LOAD_SECONDS: about 90 % reads (the letters list — first page, a status + section filter, a
// text search —, a letter's detail, the alerts, the dashboard) and 10 % writes (register, transfer,
// reply). Requests per second, p50/p95/p99 per kind, and errors (target 0). Loopback only, and
// every loop is bounded by the deadline. Part of the bench (run.mjs); alone:
// `node tests/bench/server-load.mjs` (prints the figures, writes nothing).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresBin, startCluster } from '../pg-cluster.mjs';
import { call, signIn, startServer } from './server-process.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = path.join(ROOT, 'build/server/main.mjs');
export const LOAD_LETTERS = Number(process.env.BENCH_LOAD_LETTERS ?? 100_000);
export const LOAD_CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 50);
export const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
/**
 * Letters per demo-data call (api.md allows 100,000): each call is one transaction, and fetch
 * waits at most 300 s for an answer's headers — ten calls of 10,000 answer well within that.
 */
const DEMO_DATA_MAX = 10_000;

const quantile = (sorted, q) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : null;
const round = (x) => (x === null ? null : Math.round(x * 10) / 10);

/** The office's mix: kind → weight (per cent). */
const MIX = [
  ['list first page', 25],
  ['list status + section', 15],
  ['list text search', 10],
  ['letter detail', 20],
  ['alerts', 10],
  ['dashboard', 10],
  ['register', 5],
  ['transfer', 3],
  ['reply', 2],
];

/** One backend: fill, then LOAD_CLIENTS clients for LOAD_SECONDS. */
async function loadOne(name, env, log) {
  const server = await startServer(env);
  try {
    const base = server.url;
    const admin = await signIn(base, 'admin');
    const t0 = Date.now();
    let added = 0;
    while (added < LOAD_LETTERS) {
      const n = Math.min(DEMO_DATA_MAX, LOAD_LETTERS - added);
      const r = await call(base, admin, 'POST', '/admin/demo-data', { letters: n });
      if (r.status !== 201) throw new Error(`demo-data: ${r.status} ${JSON.stringify(r.body)}`);
      added += n;
    }
    const fillSec = (Date.now() - t0) / 1000;
    const total = (await call(base, admin, 'GET', '/letters?pageSize=1')).body.total;
    log(`${name}: ${total} letters (added ${added} in ${fillSec.toFixed(1)} s)`);
    const tokens = {
      clerk: await signIn(base, 'clerk'),
      leader: await signIn(base, 'leader'),
      handler: await signIn(base, 'handler'),
    };
    const someIds = (await call(base, tokens.clerk, 'GET', '/letters?pageSize=100')).body.items.map(
      (l) => l.id,
    );
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

    const samples = new Map(MIX.map(([k]) => [k, []]));
    const errors = [];
    const end = Date.now() + LOAD_SECONDS * 1000;
    const pick = (r) => {
      let x = r * 100;
      for (const [k, w] of MIX) if ((x -= w) < 0) return k;
      return MIX[0][0];
    };
    /** Letters this client registered (→ transfer) and transferred to 社会救助科 (→ reply). */
    const client = async (i) => {
      const mine = { registered: [], assigned: [] };
      let seq = 0;
      while (Date.now() < end) {
        let kind = pick(Math.random());
        if (kind === 'transfer' && !mine.registered.length) kind = 'register';
        if (kind === 'reply' && !mine.assigned.length) kind = 'register';
        const started = performance.now();
        let r;
        try {
          if (kind === 'list first page')
            r = await call(base, tokens.clerk, 'GET', '/letters?page=1&pageSize=20');
          else if (kind === 'list status + section')
            r = await call(
              base,
              tokens.clerk,
              'GET',
              '/letters?status=assigned&sectionId=social_assistance&page=1&pageSize=20',
            );
          else if (kind === 'list text search')
            r = await call(
              base,
              tokens.clerk,
              'GET',
              '/letters?q=%E6%BC%94%E7%A4%BA1234&pageSize=20',
            );
          else if (kind === 'letter detail')
            r = await call(
              base,
              tokens.clerk,
              'GET',
              `/letters/${someIds[(i + seq) % someIds.length]}`,
            );
          else if (kind === 'alerts')
            r = await call(base, tokens.handler, 'GET', '/letters/alerts');
          else if (kind === 'dashboard') r = await call(base, tokens.leader, 'GET', '/dashboard');
          else if (kind === 'register') {
            r = await call(
              base,
              tokens.clerk,
              'POST',
              '/letters',
              {
                source: 'mayor_mailbox',
                category: 'help',
                subject: `负载测试来信 ${i}-${seq}`,
                content: '负载测试。',
                citizenName: '测试',
                citizenPhone: '13800000000',
                receivedOn: today,
              },
              { 'Idempotency-Key': `load-${name}-${i}-${seq}` },
            );
            if (r.status === 201) mine.registered.push({ id: r.body.id, version: r.body.version });
          } else if (kind === 'transfer') {
            const l = mine.registered.shift();
            r = await call(
              base,
              tokens.clerk,
              'POST',
              `/letters/${l.id}/assign`,
              { sectionId: 'social_assistance' },
              { 'If-Match': `"${l.version}"` },
            );
            if (r.status === 200) mine.assigned.push({ id: l.id, version: r.body.version });
          } else {
            const l = mine.assigned.shift();
            r = await call(
              base,
              tokens.handler,
              'POST',
              `/letters/${l.id}/reply`,
              { content: '已答复。', method: 'phone', repliedOn: today },
              { 'If-Match': `"${l.version}"` },
            );
          }
        } catch (e) {
          errors.push(`${kind}: ${e.message}`);
          continue;
        } finally {
          seq++;
        }
        const ms = performance.now() - started;
        if (r.status >= 400) errors.push(`${kind}: HTTP ${r.status} ${r.body?.type ?? ''}`);
        else samples.get(kind).push(ms);
      }
    };
    const t1 = Date.now();
    await Promise.all(Array.from({ length: LOAD_CLIENTS }, (_, i) => client(i)));
    const seconds = (Date.now() - t1) / 1000;
    const all = [...samples.values()].flat().sort((a, b) => a - b);
    const byKind = Object.fromEntries(
      [...samples].map(([k, s]) => {
        const sorted = [...s].sort((a, b) => a - b);
        return [
          k,
          {
            n: s.length,
            p50: round(quantile(sorted, 0.5)),
            p95: round(quantile(sorted, 0.95)),
            p99: round(quantile(sorted, 0.99)),
          },
        ];
      }),
    );
    return {
      backend: name,
      letters: total,
      fillSec: round(fillSec),
      clients: LOAD_CLIENTS,
      seconds: round(seconds),
      requests: all.length + errors.length,
      requestsPerSec: round((all.length + errors.length) / seconds),
      p50: round(quantile(all, 0.5)),
      p95: round(quantile(all, 0.95)),
      p99: round(quantile(all, 0.99)),
      errors: errors.length,
      firstErrors: [...new Set(errors)].slice(0, 5),
      byKind,
    };
  } finally {
    await server.stop();
  }
}

/** Both backends (PostgreSQL when a server is installed); each result or its error. */
export async function measureServerLoad(log = console.log) {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: npm run build:server first`);
  const out = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gkwb-load-'));
  try {
    out.push(await loadOne('embedded (PGlite)', { DATA_DIR: dataDir }, log));
  } catch (e) {
    out.push({ backend: 'embedded (PGlite)', error: e.message.split('\n')[0] });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (postgresBin()) {
    const cluster = await startCluster({ fsync: true });
    try {
      out.push(await loadOne('PostgreSQL', { DATABASE_URL: cluster.url }, log));
    } catch (e) {
      out.push({ backend: 'PostgreSQL', error: e.message.split('\n')[0] });
    } finally {
      cluster.stop();
    }
  }
  return out;
}

export function printServerLoad(rows, table, fmt) {
  table(
    `Server under load — ${LOAD_CLIENTS} clients × ${LOAD_SECONDS} s, ~90 % reads / 10 % writes (ms)`,
    ['backend', 'letters', 'req/s', 'p50', 'p95', 'p99', 'errors'],
    rows.map((r) =>
      r.error
        ? [r.backend, '—', '—', '—', '—', '—', r.error]
        : [
            r.backend,
            fmt(r.letters),
            fmt(r.requestsPerSec, 1),
            fmt(r.p50, 1),
            fmt(r.p95, 1),
            fmt(r.p99, 1),
            fmt(r.errors),
          ],
    ),
  );
  for (const r of rows.filter((x) => !x.error)) {
    table(
      `  ${r.backend}: by kind (filled in ${fmt(r.fillSec, 1)} s)`,
      ['request', 'n', 'p50', 'p95', 'p99'],
      Object.entries(r.byKind).map(([k, s]) => [
        k,
        fmt(s.n),
        fmt(s.p50, 1),
        fmt(s.p95, 1),
        fmt(s.p99, 1),
      ]),
    );
    if (r.firstErrors.length) console.log(`  errors: ${r.firstErrors.join(' | ')}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await measureServerLoad();
  console.log(JSON.stringify(rows, null, 2));
}
