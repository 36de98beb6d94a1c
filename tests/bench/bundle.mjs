// 2. Bundle size: what the login page and the dashboard download, gzipped. (Part of the bench:
// run.mjs.)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  AUTHED_LAYOUT_KEY,
  BASE,
  DASHBOARD_KEY,
  MESSAGES_KEY,
  LOGIN_KEY,
  OUT_DIR,
  PORT,
  PROD_BASE,
  PROD_DIR,
} from './config.mjs';
import { settled, sleep, step } from './context.mjs';
import { newContext } from './browser.mjs';

export function readManifest(dir) {
  const file = path.join(dir, '.vite', 'manifest.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** Files (paths from /) reachable from the given manifest keys. */
export function closure(manifest, keys, { dynamic = false, skip = new Set() } = {}) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || skip.has(key) || !manifest[key]) return;
    seen.add(key);
    const chunk = manifest[key];
    files.add(`/${chunk.file}`);
    for (const css of chunk.css ?? []) files.add(`/${css}`);
    for (const k of chunk.imports ?? []) visit(k);
    if (dynamic) for (const k of chunk.dynamicImports ?? []) visit(k);
  };
  keys.forEach(visit);
  return files;
}

export const union = (...sets) => new Set(sets.flatMap((x) => [...x]));
export const minus = (a, b) => new Set([...a].filter((f) => !b.has(f)));

export function gzipKB(dir, pathname) {
  const file = path.join(dir, pathname);
  if (!existsSync(file)) return null;
  const buf = readFileSync(file);
  return { raw: buf.length / 1024, gzip: gzipSync(buf).length / 1024 };
}

/** Records the same-origin .js/.css files a page downloads (responses + resource timing). */
export function recordAssets(page, origin) {
  const recorder = { files: new Set() };
  const note = (url) => {
    const u = new URL(url, origin);
    if (u.origin !== origin || !/\.(js|css)$/.test(u.pathname)) return;
    if (u.pathname.endsWith('/mockServiceWorker.js')) return;
    recorder.files.add(u.pathname);
  };
  page.on('response', (r) => note(r.url()));
  recorder.fromPerformance = async () =>
    (
      await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
    ).forEach(note);
  return recorder;
}

/** Gzipped size of a set of build files, JS and CSS apart. */
export function sizeOf(dir, files) {
  const out = { totalKB: 0, jsKB: 0, cssKB: 0, fileCount: 0, files: [] };
  for (const f of [...files].sort()) {
    const size = gzipKB(dir, f);
    if (!size) continue;
    out.fileCount++;
    out.totalKB += size.gzip;
    if (f.endsWith('.css')) out.cssKB += size.gzip;
    else out.jsKB += size.gzip;
    out.files.push({ file: f, gzipKB: +size.gzip.toFixed(2), rawKB: +size.raw.toFixed(2) });
  }
  for (const k of ['totalKB', 'jsKB', 'cssKB']) out[k] = +out[k].toFixed(1);
  return out;
}

/**
 * Headline: the build a deployment ships (VITE_ENABLE_MOCK=false). The login page measured in
 * Chromium; the dashboard from the manifest (static imports), with or without the API server.
 */
export async function measureProductionBundle() {
  const manifest = readManifest(PROD_DIR);
  if (!manifest) throw new Error(`no .vite/manifest.json in ${PROD_DIR}`);
  for (const key of ['index.html', LOGIN_KEY, AUTHED_LAYOUT_KEY, DASHBOARD_KEY, MESSAGES_KEY])
    if (!manifest[key]) throw new Error(`${key} is not in the production build's manifest`);

  const ctx = await newContext(PROD_BASE);
  const page = await ctx.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e).slice(0, 300)));
  const rec = recordAssets(page, PROD_BASE);
  try {
    await step('production build: login page', 60_000, async () => {
      await page.goto('/login');
      await page.getByRole('button', { name: '登录' }).waitFor();
      await page.waitForLoadState('networkidle');
      await sleep(300);
      await rec.fromPerformance();
    });
  } finally {
    await ctx.close().catch(() => {});
  }

  const loginClosure = closure(manifest, ['index.html', LOGIN_KEY]);
  const dashClosure = closure(manifest, [
    'index.html',
    MESSAGES_KEY,
    AUTHED_LAYOUT_KEY,
    DASHBOARD_KEY,
  ]);
  const lazyKeys = manifest[DASHBOARD_KEY].dynamicImports ?? [];
  const dashLazy = minus(closure(manifest, lazyKeys), union(loginClosure, dashClosure));
  const loginMeasured = rec.files;
  return {
    port: PORT + 1,
    mockModulesInBuild: Object.keys(manifest).filter((k) => k.startsWith('mocks/')),
    mockServiceWorkerFileInOutput: existsSync(path.join(PROD_DIR, 'mockServiceWorker.js')),
    pageErrors,
    note:
      'KB gzipped (level 6). login = measured in Chromium; the rest from the Vite manifest ' +
      '(static imports). dashboardAfterLogin = closure(index.html + the whole catalogue + ' +
      'authed-layout + dashboard) ' +
      'minus closure(index.html + login); dashboardDirect = that closure on its own (a stored ' +
      'session, cold cache); dashboardLazy = what the dashboard route imports lazily (its charts, ' +
      'after the KPIs), beyond the two closures.',
    login: {
      ...sizeOf(PROD_DIR, loginMeasured),
      closureKB: sizeOf(PROD_DIR, loginClosure).totalKB,
      loadedNotInClosure: [...minus(loginMeasured, loginClosure)].sort(),
      inClosureNotLoaded: [...minus(loginClosure, loginMeasured)].sort(),
    },
    dashboardAfterLogin: sizeOf(PROD_DIR, minus(dashClosure, loginClosure)),
    dashboardDirect: sizeOf(PROD_DIR, dashClosure),
    loginPlusDashboard: sizeOf(PROD_DIR, union(loginClosure, dashClosure)),
    dashboardLazy: { keys: lazyKeys, ...sizeOf(PROD_DIR, dashLazy) },
  };
}

/** Secondary: the mock build (the one the other measurements run against), measured in Chromium. */
export async function measureBundle() {
  const manifest = readManifest(OUT_DIR);
  const MOCK_KEY = 'mocks/state.browser.ts';
  // Mock-only: what mocks/browser.ts pulls in that no app chunk needs. Never shipped for real.
  const appAll = manifest
    ? closure(manifest, ['index.html'], { dynamic: true, skip: new Set([MOCK_KEY]) })
    : new Set();
  const mockOnly = manifest
    ? new Set([...closure(manifest, [MOCK_KEY])].filter((f) => !appAll.has(f)))
    : new Set();
  const isMock = (f) => mockOnly.has(f) || (!manifest && /\/browser-[\w-]+\.js$/.test(f));
  // What a build without the mock would need for the screen (static imports of the route).
  const needed = {
    login: manifest ? closure(manifest, ['index.html', LOGIN_KEY]) : null,
    dashboard: manifest
      ? closure(manifest, ['index.html', MESSAGES_KEY, AUTHED_LAYOUT_KEY, DASHBOARD_KEY])
      : null,
  };

  const ctx = await newContext();
  const page = await ctx.newPage();
  const rec = recordAssets(page, BASE);
  const phases = { login: rec.files, dashboard: new Set() };
  try {
    await step('bundle: login page', 60_000, async () => {
      await page.goto('/login');
      await page.getByRole('button', { name: '登录' }).waitFor();
      await page.waitForLoadState('networkidle');
      await rec.fromPerformance();
    });
    rec.files = phases.dashboard; // from here on, the dashboard's
    await step('bundle: dashboard after login', 60_000, async () => {
      // The leader's home is the dashboard (the office's is 我的待办).
      await page.getByLabel('用户名').fill('leader');
      await page.getByLabel('密码').fill('demo123');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('kpi-value').first().waitFor();
      await settled(page);
      await sleep(500);
      await rec.fromPerformance();
    });
  } finally {
    await ctx.close().catch(() => {});
  }
  const loginFiles = phases.login;
  const dashFiles = minus(phases.dashboard, loginFiles);

  const summarise = (files, neededSet) => {
    const out = {
      appKB: 0,
      appFiles: [],
      mockKB: 0,
      mockFiles: [],
      neededKB: 0,
      mockPulledKB: 0,
      mockPulledFiles: [],
    };
    for (const f of [...files].sort()) {
      const size = gzipKB(OUT_DIR, f);
      if (!size) continue;
      const entry = { file: f, gzipKB: +size.gzip.toFixed(2), rawKB: +size.raw.toFixed(2) };
      if (isMock(f)) {
        out.mockKB += size.gzip;
        out.mockFiles.push(entry);
        continue;
      }
      out.appKB += size.gzip;
      out.appFiles.push(entry);
      if (!neededSet || neededSet.has(f)) out.neededKB += size.gzip;
      else {
        out.mockPulledKB += size.gzip;
        out.mockPulledFiles.push(f);
      }
    }
    for (const k of ['appKB', 'mockKB', 'neededKB', 'mockPulledKB']) out[k] = +out[k].toFixed(1);
    return out;
  };
  const login = summarise(loginFiles, needed.login);
  const neededDash = needed.dashboard ? union(needed.dashboard, needed.login ?? []) : null;
  const dashboard = summarise(dashFiles, neededDash);
  const both = summarise(union(loginFiles, dashFiles), neededDash);
  return {
    manifest: Boolean(manifest),
    note:
      'Mock build (VITE_ENABLE_MOCK=true), measured in Chromium. appKB = everything the page ' +
      'downloaded except the mock-only chunk(s) and mockServiceWorker.js; neededKB = of that, what ' +
      'the static imports of index.html and the route(s) need (Vite manifest; for the dashboard ' +
      'index.html + authed-layout + dashboard + login), the rest being loaded lazily (e.g. the ' +
      'charts) or pulled in early by the mock backend (mockPulledKB/Files).',
    login,
    dashboardAfterLogin: dashboard,
    loginPlusDashboard: both,
  };
}
