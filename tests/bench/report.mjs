// 5. The report: the tables printed and bench-results.json. (Part of the bench: run.mjs.)
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  KPI_MOCK_REPS,
  KPI_REPS,
  REPS,
  RESULTS,
  RESULTS_TMP,
  TARGET_FILTER_AT,
  TARGET_FILTER_MS,
  TARGET_FIRST_SCREEN_KB,
  TARGET_KPI_RATIO,
  WARMUP,
} from './config.mjs';
import { printServerLoad } from './server-load.mjs';
import { results } from './context.mjs';
import { API_CASES } from './scale.mjs';

export const fmt = (x, digits = 0) =>
  x === null || x === undefined || Number.isNaN(x)
    ? '—'
    : Number(x).toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });
export const mp = (s) => (s && s.median !== null ? `${fmt(s.median)} / ${fmt(s.p95)}` : '—');
export const pad = (s, w) => {
  const str = String(s);
  const width = [...str].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return str + ' '.repeat(Math.max(0, w - width));
};

export function table(title, headers, rows) {
  const widths = headers.map((h, i) =>
    Math.max(
      ...[h, ...rows.map((r) => r[i] ?? '')].map((c) =>
        [...String(c)].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0),
      ),
    ),
  );
  const line = (cells) => cells.map((c, i) => pad(c ?? '', widths[i])).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
}

export function printReport() {
  printBrowserReport();
  if (results.serverLoad) printServerLoad(results.serverLoad, table, fmt);
  if (results.serverScale) printServerScale(results.serverScale);
}

/** The letters at scale: each request's server p50/p95 beside its SQL floor, and the growth. */
function printServerScale({ rows, fills, growth }) {
  table(
    'Letters at scale — server (HTTP, sequential) against the same SQL sent directly (ms)',
    ['backend', 'letters', 'request', 'server p50', 'p95', 'floor p50', 'p95', 'ratio'],
    rows.map((r) => [
      r.backend,
      fmt(r.letters),
      r.request,
      fmt(r.server.p50, 1),
      fmt(r.server.p95, 1),
      fmt(r.floor.p50, 1),
      fmt(r.floor.p95, 1),
      fmt(r.ratio, 2),
    ]),
  );
  table(
    '  filling (s): 10,000 through the API, the rest copied in SQL, the facts rebuilt',
    ['backend', 'letters', 'API', 'copies', 'facts'],
    fills.map((f) => [
      f.backend,
      fmt(f.letters),
      fmt(f.viaApi, 1),
      fmt(f.copied, 1),
      fmt(f.indexed, 1),
    ]),
  );
  for (const g of growth) console.log(`  t(largest)/t(smallest), ${g.request}: ${fmt(g.ratio, 2)}`);
}

function printBrowserReport() {
  const m = results.machine;
  console.log(
    `\nMachine: ${m.cpus} × ${m.model}, ${m.totalMemGB} GB, node ${m.node}, ${m.chromium ?? 'chromium ?'}`,
  );
  const ok = (kb) => (kb <= TARGET_FIRST_SCREEN_KB ? '✓' : '✗');
  const kb = (x) => fmt(x, 1);
  const p = results.bundleProduction;
  if (p) {
    const r = (label, x, target = '') => [
      label,
      kb(x.jsKB),
      kb(x.cssKB),
      kb(x.totalKB),
      fmt(x.fileCount),
      target,
    ];
    table(
      'Bundle — PRODUCTION build (VITE_ENABLE_MOCK=false: what a deployment ships; KB gzipped)',
      ['download', 'JS', 'CSS', 'JS+CSS', 'files', 'target'],
      [
        r(
          'login page, first screen (measured in Chromium)',
          p.login,
          `≤ ${TARGET_FIRST_SCREEN_KB} ${ok(p.login.totalKB)}`,
        ),
        r('dashboard, added after login (manifest)', p.dashboardAfterLogin),
        r('dashboard opened directly, stored session, cold cache', p.dashboardDirect),
        r('login + dashboard (manifest)', p.loginPlusDashboard),
        r('  + dashboard charts, loaded lazily after the KPIs', p.dashboardLazy),
      ],
    );
    const extra = [];
    if (Math.abs(p.login.closureKB - p.login.totalKB) > 0.05)
      extra.push(`login manifest closure ${kb(p.login.closureKB)} KB`);
    if (p.login.loadedNotInClosure.length)
      extra.push(`loaded beyond the closure: ${p.login.loadedNotInClosure.join(', ')}`);
    if (p.login.inClosureNotLoaded.length)
      extra.push(`in the closure, not loaded: ${p.login.inClosureNotLoaded.join(', ')}`);
    if (p.mockModulesInBuild.length) extra.push(`mock modules in build: ${p.mockModulesInBuild}`);
    if (p.pageErrors.length) extra.push(`page errors: ${p.pageErrors.join(' | ')}`);
    if (extra.length) extra.forEach((e) => console.log(`  note: ${e}`));
  }
  const b = results.bundle;
  if (b) {
    table(
      'Bundle — mock build (VITE_ENABLE_MOCK=true, the build measured below; secondary; KB gzipped, measured in Chromium)',
      ['download', 'JS+CSS (no mock)', 'of which static imports', 'mock chunk'],
      [
        ['login page', kb(b.login.appKB), kb(b.login.neededKB), kb(b.login.mockKB)],
        [
          'dashboard, added after login',
          kb(b.dashboardAfterLogin.appKB),
          kb(b.dashboardAfterLogin.neededKB),
          kb(b.dashboardAfterLogin.mockKB),
        ],
        [
          'login + dashboard',
          kb(b.loginPlusDashboard.appKB),
          kb(b.loginPlusDashboard.neededKB),
          kb(b.loginPlusDashboard.mockKB),
        ],
      ],
    );
  }
  const k = results.kpiVsBaseline;
  if (k?.baseline && k?.app) {
    const x = (r) => (r == null ? '—' : `${fmt(r, 2)}×`);
    const ci = k.ratio.kpiPaintInterval;
    const drawnRatio = `${x(k.ratio.kpiPaintMedian)}${ci ? ` (95 % ${fmt(ci.low, 2)}–${fmt(ci.high, 2)})` : ''}`;
    const verdict = `drawn ≤ ${TARGET_KPI_RATIO}× ${{ met: '✓', missed: '✗', undecided: '? undecided' }[k.ratio.verdict]}`;
    const prod = k.production;
    const rows = [
      [
        `baseline page (${kb(k.baselineBundle?.totalKB)} KB gz)`,
        mp(k.baseline.kpiPaintMs),
        mp(k.baseline.kpiMs),
        mp(k.baseline.fcpMs),
        '',
      ],
    ];
    if (prod)
      rows.push(
        [
          'app /dashboard — PRODUCTION build + REST API (Node server behind the preview proxy)',
          mp(prod.kpiPaintMs),
          mp(prod.kpiMs),
          mp(prod.fcpMs),
          '',
        ],
        [
          '  of which: GET /api/v1/dashboard in the browser',
          mp(prod.dashboardApi.durationMs),
          '',
          '',
          '',
        ],
        [
          '  ratio of medians (production / baseline)',
          drawnRatio,
          x(k.ratio.kpiMedian),
          x(k.ratio.fcpMedian),
          verdict,
        ],
      );
    rows.push(
      [
        'app /dashboard — mock build (in-browser mock backend: service worker + IndexedDB)',
        mp(k.app.kpiPaintMs),
        mp(k.app.kpiMs),
        mp(k.app.fcpMs),
        '',
      ],
      ['  of which: until #root has content (MSW + IDB)', '', mp(k.app.appRenderedMs), '', ''],
      [
        '  ratio of medians (mock build / baseline)',
        prod ? x(k.ratio.mockBuild.kpiPaintMedian) : drawnRatio,
        x(k.ratio.mockBuild.kpiMedian),
        x(k.ratio.mockBuild.fcpMedian),
        prod ? '(no target)' : verdict,
      ],
    );
    table(
      `Navigation → first KPI figure drawn vs a minimal React + Mantine page (ms since navigation start, median / p95 of ${KPI_REPS} runs (mock build: ${KPI_MOCK_REPS}) after ${WARMUP} warm-up, fresh page each run; the ratio's 95 % interval: paired bootstrap; the target is met when the whole interval is under it)`,
      ['page', 'KPI drawn', 'KPI in DOM', 'first contentful paint', 'target'],
      rows,
    );
    const w = prod?.waterfall;
    if (w) {
      const ph = w.phases;
      const bw = k.baseline.waterfall?.phases;
      console.log(
        `\nProduction build, median run (ms since navigation start): HTML ${fmt(ph.htmlEnd)} → ` +
          `${ph.entryFiles} entry JS/CSS files done ${fmt(ph.entryFilesEnd)} → ${ph.lazyFiles} ` +
          `route chunks ${fmt(ph.lazyFilesStart)}–${fmt(ph.lazyFilesEnd)} → first API call ` +
          `${fmt(ph.firstApiStart)} → GET /dashboard ${fmt(ph.dashboardApiStart)}–` +
          `${fmt(ph.dashboardApiEnd)} → KPI ${fmt(ph.kpi)}` +
          (bw
            ? `\n  baseline median run: HTML ${fmt(bw.htmlEnd)} → ${bw.entryFiles} files done ` +
              `${fmt(bw.entryFilesEnd)} → KPI ${fmt(bw.kpi)}`
            : ''),
      );
      table(
        'Production build, median run: what started before the KPI (resource timing, ms since navigation start)',
        ['start', 'end', 'ms', 'KB (transfer / body)', 'file or call'],
        w.beforeKpi.map((r) => [
          fmt(r.start),
          fmt(r.end),
          fmt(r.ms),
          `${fmt(r.transferKB, 1)} / ${fmt(r.bodyKB, 1)}`,
          `${r.path}${r.endedAfterKpi ? ' (ended after the KPI)' : ''}`,
        ]),
      );
      const frames = w.longFrames.map(
        (f) =>
          `${fmt(f.start)}+${fmt(f.duration)}${f.scripts.length ? ` [${f.scripts.map((s) => `${s.src.split('/').pop() || s.invoker} ${fmt(s.duration)}`).join(', ')}]` : ''}`,
      );
      if (frames.length)
        console.log(`  long animation frames before the KPI: ${frames.join('; ')}`);
      if (w.afterKpi.length) console.log(`  after the KPI: ${w.afterKpi.length} more request(s)`);
    }
  }
  const sc = results.scale;
  if (sc.length) {
    const head = ['letters (total)', ...sc.map((s) => fmt(s.letters)), 'target'];
    const row = (label, f, target = '') => [label, ...sc.map((s) => f(s) ?? '—'), target];
    const at = sc.find((s) => s.letters === TARGET_FILTER_AT);
    const filterMed = at?.filter?.minusDebounceMs?.median;
    const filterP95 = at?.filter?.minusDebounceMs?.p95;
    const filterMark =
      filterMed == null
        ? '?'
        : `${filterMed <= TARGET_FILTER_MS ? '✓' : '✗'} median${
            filterP95 > TARGET_FILTER_MS ? ', p95 ✗' : ''
          }`;
    const title = `Letters at scale (ms, median / p95 of ${REPS} runs after ${WARMUP} warm-up, unless noted)`;
    table(title, head, [
      row('demo-data insert, one request (ms)', (s) => fmt(s.insert?.ms)),
      row('reload → app rendered (mock loaded IDB)', (s) => mp(s.reload?.appRenderedMs)),
      row('reload → letter rows visible', (s) => mp(s.reload?.rowsVisibleMs)),
      row('dashboard navigation → KPI figures (1 run)', (s) => fmt(s.dashboard?.kpiVisibleMs)),
      row('JS heap after dashboard, MB (after GC)', (s) => fmt(s.dashboard?.heap?.usedMB, 1)),
      ...API_CASES.map(([name]) =>
        row(`API ${name}`, (s) =>
          s.api?.[name]?.error ? 'error' : s.api?.[name] ? mp(s.api[name]) : null,
        ),
      ),
      row('  alerts response size (KB)', (s) => fmt(s.api?.['GET /letters/alerts']?.responseKB, 1)),
      row('UI filter: input → rows updated (raw)', (s) => mp(s.filter?.rawMs)),
      row(
        'UI filter: minus 250 ms debounce',
        (s) => mp(s.filter?.minusDebounceMs),
        `≤ ${TARGET_FILTER_MS} @ ${fmt(TARGET_FILTER_AT)} ${filterMark}`,
      ),
      row('UI filter: to next frame, minus debounce', (s) => mp(s.filter?.paintedMinusDebounceMs)),
      row('  input → request sent', (s) => mp(s.filter?.breakdown?.inputToRequestMs)),
      row('  request (fetch + mock handler)', (s) => mp(s.filter?.breakdown?.requestMs)),
      row('  response → rows in DOM (React)', (s) => mp(s.filter?.breakdown?.responseToDomMs)),
    ]);
  }
  if (results.errors.length) {
    console.log('\nFailed steps:');
    results.errors.forEach((e) => console.log(`  ✗ ${e}`));
  }
  console.log(
    `\n${results.complete ? 'Done' : 'INCOMPLETE'} in ${results.durationSec}s → ${path.relative(process.cwd(), RESULTS) || RESULTS}`,
  );
}

export async function writeResults() {
  let text = `${JSON.stringify(results, null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(RESULTS)) ?? {};
    text = await prettier.format(text, { ...config, parser: 'json' });
  } catch {
    /* plain JSON is fine */
  }
  writeFileSync(RESULTS_TMP, text);
  renameSync(RESULTS_TMP, RESULTS);
}
