// The bench's settings: ports, temporary directories, repetitions (from the environment), targets.
// (Part of the bench: run.mjs.)

import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PORT = Number(process.env.BENCH_PORT ?? 4183);
export const BASE = `http://127.0.0.1:${PORT}`;
export const PROD_BASE = `http://127.0.0.1:${PORT + 1}`;
export const BASELINE_BASE = `http://127.0.0.1:${PORT + 2}`;
export const API_PORT = PORT + 3;
export const OUT_DIR = path.join(os.tmpdir(), `gkwb-bench-dist-${process.pid}`);
export const PROD_DIR = path.join(os.tmpdir(), `gkwb-bench-prod-${process.pid}`);
export const BASELINE_DIR = path.join(os.tmpdir(), `gkwb-bench-baseline-${process.pid}`);
export const API_DIR = path.join(os.tmpdir(), `gkwb-bench-api-${process.pid}`);
export const TEMP_DIRS = [OUT_DIR, PROD_DIR, BASELINE_DIR, API_DIR];
export const BASELINE_CONFIG = 'tests/bench/baseline/vite.config.mjs';
/** Bundles mocks/server.ts for Node (→ server.mjs). */
export const API_SERVER_CONFIG = 'tests/bench/api-server.config.mjs';
/** vite preview of the production build with /api proxied to the API server. */
export const PREVIEW_API_CONFIG = 'tests/bench/preview-api.config.mjs';
export const LOGIN_KEY = 'src/app/routes/login.tsx';
export const AUTHED_LAYOUT_KEY = 'src/app/routes/authed-layout.tsx';
/** The whole Chinese catalogue: the signed-in routes load it before they render. */
export const MESSAGES_KEY = 'src/locales/zh-CN.ts';
export const DASHBOARD_KEY = 'src/app/routes/dashboard.tsx';
export const RESULTS = path.join(ROOT, 'bench-results.json');
export const RESULTS_TMP = path.join(ROOT, 'bench-results.tmp.json');
export const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
export const REPS = Number(process.env.BENCH_REPS ?? 5);
/**
 * The KPI comparison's runs per page: many more than REPS, because a shared 2-core machine moves
 * single page loads by ±30 %: with 15 runs a page the 95 % interval of the ratio of medians was
 * about ±0.25 wide, with 40 ±0.10–0.18 in four runs (stats.mjs). The mock build's runs (the
 * slowest, and without a target) stop after KPI_MOCK_REPS.
 */
export const KPI_REPS = Number(process.env.BENCH_KPI_REPS ?? 40);
export const KPI_MOCK_REPS = Math.min(KPI_REPS, Number(process.env.BENCH_KPI_MOCK_REPS ?? 15));
export const WARMUP = 1;
export const DEBOUNCE_MS = 250; // letter-filters.tsx: useDebouncedCallback(…, 250)
export const OVERALL_CAP_MS = 90 * 60_000;
export const TARGET_FIRST_SCREEN_KB = 200;
export const TARGET_KPI_RATIO = 2;
export const TARGET_FILTER_MS = 100;
export const TARGET_FILTER_AT = 10_000;
export const SEARCH_PLACEHOLDER = '编号、标题、来信人、电话';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
