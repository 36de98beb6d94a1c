// 4. Letters at scale: reloads, the dashboard, API calls and the list's search filter. (Part of the
// bench: run.mjs.)
/* global document, window, MutationObserver, requestAnimationFrame */

import { DEBOUNCE_MS, REPS, SEARCH_PLACEHOLDER, WARMUP } from './config.mjs';
import { fail, log, results, settled, sleep, stats, step } from './context.mjs';
import { apiInPage, login, newContext, settle } from './browser.mjs';

export const API_CASES = [
  ['GET /letters?pageSize=20', '/letters?pageSize=20'],
  [
    'GET /letters?q=演示&status=assigned&pageSize=20',
    `/letters?q=${encodeURIComponent('演示')}&status=assigned&pageSize=20`,
  ],
  [
    'GET /letters?alert=overdue&sort=remainingWorkdays',
    '/letters?alert=overdue&sort=remainingWorkdays',
  ],
  ['GET /letters/alerts', '/letters/alerts'],
];

export async function measureReloads(page, res) {
  await step('open /letters', 120_000, async () => {
    await page.goto('/letters');
    await page.getByTestId('letter-row').first().waitFor({ timeout: 120_000 });
  });
  const root = [];
  const rows = [];
  const wall = [];
  for (let i = 0; i < WARMUP + REPS; i++) {
    const r = await step(`reload ${i + 1}`, 120_000, async () => {
      const t0 = performance.now();
      await page.reload();
      await page.getByTestId('letter-row').first().waitFor({ timeout: 120_000 });
      const ms = performance.now() - t0;
      const marks = await page.evaluate(() => window.__benchMarks);
      return { ms, marks };
    });
    if (i < WARMUP) continue;
    wall.push(r.ms);
    root.push(r.marks?.root);
    rows.push(r.marks?.rows);
  }
  res.reload = {
    rowsVisibleMs: stats(rows),
    appRenderedMs: stats(root),
    playwrightWallMs: stats(wall),
  };
}

export async function measureDashboard(page, ctx, res) {
  const r = await step('dashboard load', 120_000, async () => {
    const t0 = performance.now();
    await page.goto('/dashboard');
    await page.getByTestId('kpi-value').first().waitFor({ timeout: 120_000 });
    const ms = performance.now() - t0;
    const marks = await page.evaluate(() => window.__benchMarks);
    await settled(page);
    await settle(page, 1000);
    return { ms, marks };
  });
  const heap = await step('heap', 60_000, async () => {
    const cdp = await ctx.newCDPSession(page);
    const before = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await cdp.send('Runtime.getHeapUsage');
    const perfMemory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
    await cdp.detach().catch(() => {});
    const mb = (b) => (b == null ? null : Math.round((b / 2 ** 20) * 10) / 10);
    return {
      usedMB: mb(after.usedSize),
      totalMB: mb(after.totalSize),
      usedBeforeGcMB: mb(before.usedSize),
      performanceMemoryMB: mb(perfMemory),
    };
  });
  res.dashboard = {
    kpiVisibleMs: r.marks?.kpi ?? null,
    appRenderedMs: r.marks?.root ?? null,
    playwrightWallMs: Math.round(r.ms),
    heap,
  };
}

export async function measureApi(page, res) {
  res.api = {};
  for (const [name, url] of API_CASES) {
    try {
      const runs = [];
      let last = null;
      for (let i = 0; i < WARMUP + REPS; i++) {
        last = await step(`${name} run ${i + 1}`, 120_000, () =>
          apiInPage(page, 'GET', url, null, { parse: i === 0 }),
        );
        if (last.status !== 200) throw new Error(`HTTP ${last.status}`);
        if (i === 0) {
          res.api[name] = {
            total: last.body?.total ?? last.body?.items?.length ?? null,
            ...(last.body && 'overdue' in last.body
              ? { overdue: last.body.overdue, dueSoon: last.body.dueSoon }
              : {}),
          };
          continue;
        }
        runs.push(last.ms);
      }
      Object.assign(res.api[name], {
        path: url,
        responseKB: +(last.bytes / 1024).toFixed(1),
        ...stats(runs),
      });
    } catch (e) {
      res.api[name] = { path: url, error: String(e.message ?? e) };
      fail(`[N=${res.letters}] API ${name}`, e);
    }
  }
}

/** One search: fill the box, time input event → DOM shows the new result. */
export async function timeFilter(page, value) {
  const box = page.getByPlaceholder(SEARCH_PLACEHOLDER);
  await page.evaluate(
    ([placeholder, searched]) => {
      performance.clearResourceTimings();
      const input = document.querySelector(`input[placeholder="${placeholder}"]`);
      if (!input) throw new Error('search box not found');
      const totalText = () =>
        [...document.querySelectorAll('[aria-live="polite"]')]
          .map((e) => e.textContent ?? '')
          .find((t) => /共\s*[\d,]+\s*条/.test(t)) ?? '';
      const firstRow = () =>
        document.querySelector('[data-testid="letter-row"]')?.textContent ?? '';
      const base = { total: totalText(), row: firstRow() };
      window.__benchFilter = new Promise((resolve) => {
        let t0 = null;
        const onInput = () => {
          t0 = performance.now();
        };
        input.addEventListener('input', onInput, { capture: true });
        const mo = new MutationObserver(() => {
          if (t0 === null) return;
          const total = totalText();
          const row = firstRow();
          if (!total) return; // loading state, not a result
          if (total === base.total && (!row || row === base.row)) return;
          const tDom = performance.now();
          mo.disconnect();
          input.removeEventListener('input', onInput, { capture: true });
          // The list request this search sent (resource timing works through the service worker).
          const req = performance
            .getEntriesByType('resource')
            .filter(
              (e) =>
                e.name.includes('/api/v1/letters?') &&
                e.name.includes(`q=${encodeURIComponent(searched)}`) &&
                e.startTime >= t0,
            )
            .at(-1);
          requestAnimationFrame(() =>
            setTimeout(() =>
              resolve({
                t0,
                tDom,
                tPaint: performance.now(),
                reqStart: req?.startTime ?? null,
                reqEnd: req?.responseEnd ?? null,
                before: base,
                after: { total, row },
              }),
            ),
          );
        });
        mo.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    },
    [SEARCH_PLACEHOLDER, value],
  );
  await box.fill(value);
  const r = await step(`filter “${value}”`, 60_000, () =>
    page.evaluate(() => window.__benchFilter),
  );
  return r;
}

export async function clearFilter(page, baselineTotal) {
  await page.getByPlaceholder(SEARCH_PLACEHOLDER).fill('');
  await page.waitForFunction(
    (want) =>
      [...document.querySelectorAll('[aria-live="polite"]')].some(
        (e) => (e.textContent ?? '') === want,
      ) && !document.querySelector('[aria-busy="true"]'),
    baselineTotal,
    { timeout: 60_000, polling: 50 },
  );
  await settle(page, 300);
}

export async function measureFilter(page, res) {
  await step('open /letters for filtering', 120_000, async () => {
    await page.goto('/letters');
    await page.getByTestId('letter-row').first().waitFor({ timeout: 120_000 });
    await settled(page);
    await settle(page, 500);
  });
  const baselineTotal = await page.evaluate(
    () =>
      [...document.querySelectorAll('[aria-live="polite"]')]
        .map((e) => e.textContent ?? '')
        .find((t) => /共\s*[\d,]+\s*条/.test(t)) ?? '',
  );
  // A value not searched before in this context each time, so React Query has nothing cached.
  const values = Array.from({ length: WARMUP + REPS }, (_, i) => `演示${i + 1}`);
  const raw = [];
  const paint = [];
  const toRequest = [];
  const request = [];
  const render = [];
  const detail = [];
  for (let i = 0; i < values.length; i++) {
    const r = await timeFilter(page, values[i]);
    detail.push({
      value: values[i],
      ms: Math.round((r.tDom - r.t0) * 10) / 10,
      requestSentAtMs: r.reqStart === null ? null : Math.round((r.reqStart - r.t0) * 10) / 10,
      responseEndAtMs: r.reqEnd ? Math.round((r.reqEnd - r.t0) * 10) / 10 : null,
      totalBefore: r.before.total,
      totalAfter: r.after.total,
    });
    if (i >= WARMUP) {
      raw.push(r.tDom - r.t0);
      paint.push(r.tPaint - r.t0);
      if (r.reqStart !== null && r.reqEnd) {
        toRequest.push(r.reqStart - r.t0);
        request.push(r.reqEnd - r.reqStart);
        render.push(r.tDom - r.reqEnd);
      }
    }
    await step('clear filter', 90_000, () => clearFilter(page, baselineTotal));
  }
  res.filter = {
    rawMs: stats(raw),
    minusDebounceMs: stats(raw.map((x) => x - DEBOUNCE_MS)),
    paintedMs: stats(paint),
    paintedMinusDebounceMs: stats(paint.map((x) => x - DEBOUNCE_MS)),
    breakdown: {
      note: 'input event → list request sent (debounce + URL/state update) → response read → DOM updated',
      inputToRequestMs: stats(toRequest),
      requestMs: stats(request),
      responseToDomMs: stats(render),
    },
    debounceMs: DEBOUNCE_MS,
    runs: detail,
  };
}

export async function measureScale(n) {
  const res = { letters: n, errors: [], pageErrors: [] };
  let current = 'login';
  results.scale.push(res);
  const ctx = await newContext();
  const page = await ctx.newPage();
  page.on('pageerror', (e) => res.pageErrors.push(`during ${current}: ${String(e).slice(0, 300)}`));
  const attempt = async (label, fn) => {
    current = label;
    try {
      await fn();
      return true;
    } catch (e) {
      res.errors.push(String(e.message ?? e));
      fail(`[N=${n}] ${label}`, e);
      return false;
    }
  };
  try {
    const ready = await attempt('setup', async () => {
      await step('login', 90_000, () => login(page));
      const first = await step('seeded count', 60_000, () =>
        apiInPage(page, 'GET', '/letters?pageSize=1', null, { parse: true }),
      );
      if (first.status !== 200) throw new Error(`GET /letters → HTTP ${first.status}`);
      res.seeded = first.body.total;
      const add = n - res.seeded;
      if (add <= 0) {
        res.insert = { added: 0, ms: 0 };
        return;
      }
      log(`N=${n}: inserting ${add} demo letters (seed has ${res.seeded})…`);
      const t0 = performance.now();
      const r = await step('demo-data insert', 300_000, () =>
        apiInPage(page, 'POST', '/admin/demo-data', { letters: add }, { parse: true }),
      );
      if (r.status !== 201) throw new Error(`POST /admin/demo-data → HTTP ${r.status}`);
      res.insert = {
        added: r.body.added,
        total: r.body.total,
        ms: Math.round(r.ms),
        playwrightWallMs: Math.round(performance.now() - t0),
      };
      if (r.body.total !== n) res.errors.push(`total after insert is ${r.body.total}, not ${n}`);
    });
    if (!ready) return res;
    log(`N=${n}: inserted in ${res.insert.ms} ms; reloads…`);
    await attempt('reload', () => measureReloads(page, res));
    log(`N=${n}: dashboard + heap…`);
    await attempt('dashboard', () => measureDashboard(page, ctx, res));
    log(`N=${n}: API…`);
    await attempt('api', () => measureApi(page, res));
    log(`N=${n}: list filter…`);
    await attempt('filter', () => measureFilter(page, res));
  } finally {
    await Promise.race([ctx.close().catch(() => {}), sleep(10_000)]);
  }
  return res;
}
