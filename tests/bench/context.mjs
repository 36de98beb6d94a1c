// The run's shared state: the results being gathered, the processes started, logging and deadlines.
// (Part of the bench: run.mjs.)
/* global document */
import os from 'node:os';
import { median } from './stats.mjs';
import {
  KPI_MOCK_REPS,
  KPI_REPS,
  REPS,
  TARGET_FILTER_AT,
  TARGET_FILTER_MS,
  TARGET_FIRST_SCREEN_KB,
  TARGET_KPI_RATIO,
  WARMUP,
} from './config.mjs';

export const started = Date.now();
export const results = {
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? 'unknown',
    totalMemGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: null,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  },
  date: new Date().toISOString(),
  durationSec: null,
  complete: false,
  method: {
    repetitions: REPS,
    kpiRepetitions: KPI_REPS,
    kpiMockBuildRepetitions: KPI_MOCK_REPS,
    kpiInterval:
      'the ratio of medians with a 95 % interval from a paired percentile bootstrap (4,000 ' +
      'resamples of the interleaved baseline/production runs, fixed seed; tests/bench/stats.mjs). ' +
      'The target is met when the whole interval is at or under it, missed when the whole ' +
      'interval is over it, undecided otherwise',
    warmup: WARMUP,
    p95: 'nearest rank (with 5 runs: the slowest run)',
    gzip: 'node:zlib gzipSync, default level 6 (as in vite build’s report)',
    api: 'performance.now() around fetch() + reading the body, inside the page (MSW answers there)',
    filter:
      'in the page: t0 = the search box’s input event (Playwright fill = one input event, as an IME ' +
      'commit or a paste), end = the MutationObserver callback that sees the first row or “共 N 条” ' +
      'change; “painted” = the next animation frame after that. Minus-debounce subtracts 250 ms.',
    reload:
      'in the page: performance.now() (ms since navigation start) when #root first has content ' +
      '(the mock backend has loaded IndexedDB) and when the first letter row appears',
    heap: 'CDP Runtime.getHeapUsage of the page (where the mock backend lives), after HeapProfiler.collectGarbage',
    bundleProduction:
      'build with VITE_ENABLE_MOCK=false; the login page as downloaded by Chromium (every .js/.css ' +
      'response and resource-timing entry of the origin); the dashboard from the Vite manifest: ' +
      'static imports of index.html + authed-layout + the dashboard route (the chunks and CSS a ' +
      'stored-session visit loads before its KPIs), its lazily loaded charts apart',
    kpiVsBaseline:
      'in the page, ms since navigation start: drawn = the renderTime of the first Element Timing ' +
      'entry for elementtiming="kpi" (the app’s KPI figures and the baseline’s carry it; the ' +
      'ratio target applies to this), in the DOM = performance.now() when the first ' +
      '[data-testid="kpi-value"] enters the DOM (MutationObserver from an init script), and the ' +
      'first-contentful-paint entry; a fresh page per run in one context per site (warm HTTP ' +
      'cache after the warm-up run), baseline, production and mock-build runs interleaved. ' +
      'production = the build a deployment ships (VITE_ENABLE_MOCK=false) under vite preview, ' +
      '/api proxied on the same origin to mocks/server.ts (the mock handlers in Node, in-memory ' +
      'seed), logged in through its login page, then /dashboard opened by a new navigation with ' +
      'the session in localStorage; the ratio target applies to it. app = the mock build ' +
      '(in-browser mock backend: service worker + IndexedDB), the same way. API times and the ' +
      'waterfall: the resource-timing entries of each run (start and responseEnd, ms since ' +
      'navigation start), long animation frames from a PerformanceObserver in the init script',
    serverLoad:
      'the built server (server/build.mjs) in demo mode on the embedded database and on a ' +
      'throwaway PostgreSQL 15 cluster (fsync on), filled with /admin/demo-data; concurrent ' +
      'clients over loopback for a fixed time, each sending the next request when the last ' +
      'answered: 25 % list first page, 15 % status + section filter, 10 % text search, 20 % a ' +
      "letter's detail, 10 % alerts, 10 % dashboard, 5 % register, 3 % transfer, 2 % reply; " +
      'ms from fetch() to the body read, nearest-rank percentiles; an error = a failed call ' +
      'or an HTTP status of 400 or more',
  },
  targets: {
    firstScreenKB: TARGET_FIRST_SCREEN_KB,
    kpiVsBaselineRatio: TARGET_KPI_RATIO,
    filterMs: { atLetters: TARGET_FILTER_AT, ms: TARGET_FILTER_MS, measure: 'minus debounce' },
  },
  build: null,
  bundleProduction: null,
  bundle: null,
  kpiVsBaseline: null,
  scale: [],
  serverLoad: null,
  errors: [],
};

/** vite preview servers and builds in progress: every process group the bench started. */
export const children = new Set();
/** The browser, and whether the run is ending (later failures are then its consequences). */
export const state = { browser: null, finished: false };

export const log = (msg) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}`);
export function fail(where, e) {
  if (state.finished) return; // tearing down already: later failures are its consequences
  const message = `${where}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  results.errors.push(message);
  console.error(`[bench] ✗ ${message}`);
  const more = e instanceof Error ? e.message.split('\n').slice(1).join('\n').trim() : '';
  if (more) console.error(more.slice(-3000));
}

/** Runs fn with a deadline; the error names the step. */
export async function step(label, ms, fn) {
  let timer;
  try {
    return await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000}s`)), ms);
      }),
    ]);
  } catch (e) {
    throw new Error(`${label}: ${e instanceof Error ? e.message : e}`);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The page's data has arrived: nothing shows as loading, then a moment for what follows the paint.
 * Not Playwright's 'networkidle', which never comes while the live-events stream is open.
 */
export async function settled(page) {
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy=true]'), null, { timeout: 30_000 })
    .catch(() => {});
  await sleep(500);
}

export function stats(samples) {
  const s = samples.filter((x) => typeof x === 'number' && Number.isFinite(x));
  if (s.length === 0) return { median: null, p95: null, min: null, max: null, samples };
  const sorted = [...s].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
  const r = (x) => Math.round(x * 10) / 10;
  return {
    median: r(median(s)),
    p95: r(p95),
    min: r(sorted[0]),
    max: r(sorted.at(-1)),
    samples: s.map(r),
  };
}
