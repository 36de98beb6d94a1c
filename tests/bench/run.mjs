#!/usr/bin/env node
// Performance benchmark (not a test: `npm run bench`; `npm test` never runs it). This file runs the
// steps; each measurement is its own module beside it (config, context, processes, browser, bundle,
// kpi, scale, report).
//
// 1. Three production builds, each into its own temporary directory (a concurrent `npm test` keeps
//    its dist/), one after the other, each served with `vite preview`:
//    - the app with the mock backend on (VITE_ENABLE_MOCK=true) on BENCH_PORT (4183): the build
//      the letters-at-scale measurements run against (it can log in, no server needed);
//    - the app as a real deployment ships it (VITE_ENABLE_MOCK=false, no MSW code) on BENCH_PORT+1,
//      with the REST API on the same origin: `vite preview --config tests/bench/preview-api.config.mjs`
//      proxies /api to the mock backend's HTTP server (mocks/server.ts: the same MSW handlers in
//      Node, in-memory store, deterministic seed; bundled with tests/bench/api-server.config.mjs
//      into a fourth temporary directory, `node server.mjs` on BENCH_PORT+3);
//    - a minimal React 19 + Mantine page (tests/bench/baseline/: MantineProvider, the whole Mantine
//      stylesheet, a title and twelve KPI cards) on BENCH_PORT+2.
// 2. Bundle size, gzipped JS+CSS (mockServiceWorker.js left out).
//    Headline — the production build: the login page (the first screen, target ≤ 200 KB) as
//    Chromium downloads it from BENCH_PORT+1; the dashboard from that build's Vite manifest (the
//    size must not depend on the API server being up): what it adds after login = closure(index.html + authed-layout
//    + dashboard route) minus the login closure, and opened directly with a stored session (cold
//    cache) = that closure; the charts it loads lazily after the KPIs apart.
//    Secondary — the mock build as measured in Chromium: login page, then what the dashboard adds
//    after login; the MSW/mock chunk reported apart.
// 3. Time to the dashboard's KPIs against the baseline page: navigation start → the first KPI
//    figure drawn (Element Timing renderTime of the first elementtiming="kpi" element; the target
//    applies to it), in the DOM (MutationObserver) and first contentful paint, for the baseline page, for
//    the production build's /dashboard (+ the API server, logged in through its login page) and for
//    the mock build's /dashboard after login (the mock's service worker start and IndexedDB load
//    count, as they do in that build); a fresh page each run in one logged-in context per site. The
//    three are interleaved; the bench awaits the marks with one CDP call per load (no Playwright
//    wait, which would inject its script into the page or poll it while it loads); median and p95
//    of KPI_REPS runs after WARMUP (the mock build: KPI_MOCK_REPS), ratio of the medians with a
//    95 % interval (a paired bootstrap, stats.mjs; target ≤ 2× for the production build, met when
//    the whole interval is at or under it), the /dashboard API call as the browser saw it
//    (resource timing), and the resource-timing waterfall of the production build's median run.
// 4. Letters at scale, for each N total letters, in a fresh browser context (fresh IndexedDB, so
//    the deterministic seed): the demo-data insert, reloads, the dashboard and its JS heap, four
//    API calls and the list's search filter. Every figure is the median and p95 of REPS runs after
//    WARMUP runs (with 5 runs the nearest-rank p95 is the slowest run).
// 5. Prints a table and writes bench-results.json at the project root. Servers, builds in progress,
//    the API server, the browser and the temporary directories are cleaned up however the run ends
//    (the whole run is capped at 90 minutes: the server steps fill databases of up to 1,000,000 letters).
//
// 6. The shared server under an office's load (server-load.mjs; BENCH_SERVER=0 skips it):
//    BENCH_LOAD_LETTERS=100000, BENCH_LOAD_CLIENTS=50, BENCH_LOAD_SECONDS=60.
// 7. The letters' lists at scale, each request next to its SQL floor (server-scale.ts, bundled
//    with esbuild; BENCH_SCALE=0 skips it): BENCH_SCALE_SIZES=10000,100000,1000000 on PostgreSQL,
//    BENCH_SCALE_PGLITE=100000 on the embedded database, BENCH_SCALE_REPS=30.
//
// Environment: BENCH_SIZES=1000,10000,50000 (letters), BENCH_REPS=5, BENCH_KPI_REPS=40 (the KPI
// comparison's runs per page), BENCH_KPI_MOCK_REPS=15 (of which the mock build's), BENCH_PORT=4183 (and the three
// ports after it), CHROMIUM_PATH=/usr/bin/chromium.

import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { chromium } from '@playwright/test';
import {
  API_DIR,
  API_PORT,
  API_SERVER_CONFIG,
  BASE,
  BASELINE_BASE,
  BASELINE_CONFIG,
  BASELINE_DIR,
  CHROMIUM_ARGS,
  OUT_DIR,
  OVERALL_CAP_MS,
  PORT,
  PREVIEW_API_CONFIG,
  PROD_BASE,
  PROD_DIR,
  RESULTS,
  SIZES,
  TEMP_DIRS,
} from './config.mjs';
import { children, fail, log, results, started, state, step } from './context.mjs';
import { apiLogin, cleanup, killGroup, run, startApiServer, startPreview } from './processes.mjs';
import { measureBundle, measureProductionBundle } from './bundle.mjs';
import { measureKpiVsBaseline } from './kpi.mjs';
import { measureScale } from './scale.mjs';
import { printReport, writeResults } from './report.mjs';
import { measureServerLoad } from './server-load.mjs';

// Last resort if node exits some other way: never leave the server behind.
process.on('exit', () => {
  for (const child of children) killGroup(child, 'SIGKILL');
  for (const dir of TEMP_DIRS) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    fail('interrupted', new Error(sig));
    void finish(130);
  });
}

async function finish(code) {
  if (state.finished) return;
  state.finished = true;
  results.durationSec = Math.round((Date.now() - started) / 1000);
  await cleanup().catch((e) => console.error(`[bench] cleanup: ${e.message}`));
  try {
    await writeResults();
  } catch (e) {
    console.error(`[bench] could not write ${RESULTS}: ${e.message}`);
  }
  printReport();
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const cap = setTimeout(() => {
    fail('overall', new Error(`stopped after the ${OVERALL_CAP_MS / 60_000}-minute cap`));
    void finish(2);
  }, OVERALL_CAP_MS);

  /** A `vite build` into dir; returns its duration (ms). */
  const build = async (label, dir, { env = {}, config = null, manifest = true }) => {
    log(`vite build (${label}) → ${dir}`);
    const t0 = Date.now();
    const args = ['vite', 'build'];
    if (config) args.push('--config', config);
    args.push('--outDir', dir, '--emptyOutDir', '--logLevel', 'warn');
    if (manifest) args.push('--manifest');
    await step(`vite build (${label})`, 180_000, () =>
      run('npx', args, { timeoutMs: 170_000, env }),
    );
    return { ms: Date.now() - t0, outDir: dir };
  };
  // The mock build is the one the browser measurements run against: without it, nothing to do.
  results.build = await build('mock on', OUT_DIR, { env: { VITE_ENABLE_MOCK: 'true' } });
  let prodBuilt = false;
  let baselineBuilt = false;
  if (state.finished) return;
  try {
    results.build.production = await build('production, mock off', PROD_DIR, {
      env: { VITE_ENABLE_MOCK: 'false' },
    });
    prodBuilt = true;
  } catch (e) {
    fail('production build', e);
  }
  if (state.finished) return;
  try {
    results.build.baseline = await build('baseline page', BASELINE_DIR, {
      config: BASELINE_CONFIG,
      manifest: false,
    });
    baselineBuilt = true;
  } catch (e) {
    fail('baseline build', e);
  }

  if (state.finished) return;
  let apiBuilt = false;
  if (prodBuilt) {
    try {
      results.build.apiServer = await build('API server, mocks/server.ts for Node', API_DIR, {
        config: API_SERVER_CONFIG,
        manifest: false,
      });
      apiBuilt = true;
    } catch (e) {
      fail('API server build', e);
    }
  }

  if (state.finished) return;
  log(`starting vite preview: ${BASE} (mock build), ${PROD_BASE}, ${BASELINE_BASE}`);
  await step('vite preview (mock build)', 40_000, () =>
    startPreview('mock build', { port: PORT, outDir: OUT_DIR, probe: '/login' }),
  );
  let apiUp = false;
  if (apiBuilt) {
    try {
      log(`starting the API server (mocks/server.ts) on 127.0.0.1:${API_PORT}`);
      await step('API server', 40_000, startApiServer);
      apiUp = true;
    } catch (e) {
      fail('API server', e);
    }
  }
  if (prodBuilt) {
    try {
      // With the API server up, /api is proxied to it (the production build can log in);
      // otherwise the build is served alone, for its bundle size.
      await step('vite preview (production build)', 40_000, () =>
        startPreview(apiUp ? 'production build + API proxy' : 'production build', {
          port: PORT + 1,
          outDir: PROD_DIR,
          probe: '/login',
          ...(apiUp
            ? { config: PREVIEW_API_CONFIG, env: { BENCH_API_PORT: String(API_PORT) } }
            : {}),
        }),
      );
    } catch (e) {
      prodBuilt = false;
      fail('production build', e);
    }
  }
  let prodApi = false;
  if (prodBuilt && apiUp) {
    try {
      await step('API through the proxy', 20_000, apiLogin);
      prodApi = true;
    } catch (e) {
      fail('production build + API', e);
    }
  }
  if (baselineBuilt) {
    try {
      await step('vite preview (baseline)', 40_000, () =>
        startPreview('baseline', { port: PORT + 2, outDir: BASELINE_DIR, config: BASELINE_CONFIG }),
      );
    } catch (e) {
      baselineBuilt = false;
      fail('baseline', e);
    }
  }

  if (state.finished) return;
  state.browser = await step('launch chromium', 60_000, () =>
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      // The bench's own handlers close it, then write what was measured (Playwright's would exit).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    }),
  );
  results.machine.chromium = `Chromium ${state.browser.version()}`;

  if (state.finished) return;
  if (prodBuilt) {
    log('bundle size, production build…');
    try {
      results.bundleProduction = await measureProductionBundle();
    } catch (e) {
      fail('bundle (production build)', e);
    }
  }
  if (state.finished) return;
  log('bundle size, mock build…');
  try {
    results.bundle = await measureBundle();
  } catch (e) {
    fail('bundle (mock build)', e);
  }

  if (state.finished) return;
  if (baselineBuilt) {
    log('dashboard KPIs vs the baseline page…');
    try {
      await measureKpiVsBaseline({ production: prodApi });
    } catch (e) {
      fail('KPIs vs baseline', e);
    }
  }

  for (const n of SIZES) {
    if (state.finished) return;
    log(`letters at scale: N=${n}`);
    try {
      await measureScale(n);
    } catch (e) {
      fail(`[N=${n}]`, e);
    }
  }
  if (state.finished) return;
  if (process.env.BENCH_SERVER !== '0') {
    log('the server under load (builds build/server first)…');
    try {
      await step('server build', 300_000, () =>
        run('node', ['server/build.mjs'], { timeoutMs: 290_000 }),
      );
      results.serverLoad = await step('server load', 20 * 60_000, () => measureServerLoad(log));
    } catch (e) {
      fail('server load', e);
    }
  }
  if (process.env.BENCH_SCALE !== '0') {
    log('the letters at scale (1,000,000 take some minutes to fill)…');
    try {
      await step('server build', 300_000, () =>
        run('node', ['server/build.mjs'], { timeoutMs: 290_000 }),
      );
      const { measureServerScale } = await import(await bundleServerScale());
      results.serverScale = await step('server scale', 40 * 60_000, () => measureServerScale(log));
    } catch (e) {
      fail('server scale', e);
    }
  }
  clearTimeout(cap);
  results.complete = results.errors.length === 0;
}

/** server-scale.ts with the domain it measures, bundled for Node (the path aliases resolved). */
async function bundleServerScale() {
  const outfile = 'build/bench/server-scale.mjs';
  await esbuild({
    entryPoints: ['tests/bench/server-scale.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['@electric-sql/pglite', 'pg', 'drizzle-orm'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return pathToFileURL(outfile).href;
}

main()
  .catch((e) => fail('bench', e))
  .finally(() => finish(results.complete ? 0 : 1));
