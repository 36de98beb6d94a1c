// Browser helpers: the in-page marks, contexts, sign-in and API calls from the page. (Part of the
// bench: run.mjs.)
/* global document, window, MutationObserver */
import { BASE } from './config.mjs';
import { sleep, state } from './context.mjs';

/** Marks (performance.now(), i.e. ms since navigation start) for first content after each load. */
export function installMarks() {
  const marks = { root: null, rows: null, kpi: null, kpiPaint: null, fcp: null };
  window.__benchMarks = marks;
  // Settles once the KPI is in the DOM and painted and the first contentful paint is known (or
  // 5 s after the KPI, if a paint is never reported): the bench awaits it over CDP, so nothing is
  // injected into the page or polled while it loads.
  let kpiDone;
  window.__benchKpiDone = new Promise((resolve) => (kpiDone = resolve));
  const settle = () => {
    if (marks.kpi !== null && marks.kpiPaint !== null && marks.fcp !== null) kpiDone();
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'first-contentful-paint' && marks.fcp === null) marks.fcp = e.startTime;
    settle();
  }).observe({ type: 'paint', buffered: true });
  // When a KPI figure is painted: the Element Timing API's renderTime for the first element
  // marked elementtiming="kpi" (the app's KpiTile and the baseline's figures both are).
  if (PerformanceObserver.supportedEntryTypes?.includes('element')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.identifier === 'kpi' && marks.kpiPaint === null)
          marks.kpiPaint = e.renderTime || e.loadTime;
      settle();
    }).observe({ type: 'element', buffered: true });
  }
  const check = () => {
    const now = performance.now();
    // index.html's spinner (data-boot) is there from the start: content is what React renders.
    const first = document.getElementById('root')?.firstElementChild;
    if (marks.root === null && first && !first.hasAttribute('data-boot')) marks.root = now;
    if (marks.rows === null && document.querySelector('[data-testid="letter-row"]'))
      marks.rows = now;
    if (marks.kpi === null && document.querySelector('[data-testid="kpi-value"]')) {
      marks.kpi = now;
      setTimeout(kpiDone, 5000);
      settle();
    }
    if (marks.rows !== null || marks.kpi !== null) mo.disconnect();
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true });
  setTimeout(() => mo.disconnect(), 120_000);
  // Long animation frames (≥ 50 ms of main-thread work, with the scripts that ran): where the
  // time between the downloads goes. Observed from the start, so no buffering is needed.
  window.__benchLoaf = [];
  if (PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__benchLoaf.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          scripts: (e.scripts ?? []).map((x) => ({
            src: x.sourceURL,
            invoker: x.invoker,
            start: x.startTime,
            duration: x.duration,
          })),
        });
    }).observe({ type: 'long-animation-frame' });
  }
}

export async function newContext(baseURL = BASE) {
  const ctx = await state.browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  await ctx.addInitScript(installMarks);
  return ctx;
}

export async function login(page, username = 'admin') {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo123');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('user-menu').waitFor({ state: 'visible', timeout: 60_000 });
}

/**
 * fetch() inside the page with the session's bearer token; ms covers the request and reading the
 * whole body (MSW answers from the page's own main thread, via the service worker).
 */
export function apiInPage(page, method, p, body, { parse = false } = {}) {
  return page.evaluate(
    async ([m, url, b, wantBody]) => {
      const token = JSON.parse(localStorage.getItem('gkwb.session') ?? 'null')?.token;
      const t0 = performance.now();
      const res = await fetch(`/api/v1${url}`, {
        method: m,
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: b === null ? undefined : JSON.stringify(b),
      });
      const buf = await res.arrayBuffer();
      const ms = performance.now() - t0;
      let json = null;
      if (wantBody || !res.ok) {
        try {
          json = JSON.parse(new TextDecoder().decode(buf));
        } catch {
          json = null;
        }
      }
      return { status: res.status, ms, bytes: buf.byteLength, body: json };
    },
    [method, p, body ?? null, parse],
  );
}

export async function settle(page, ms = 300) {
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, {
      timeout: 30_000,
      polling: 50,
    })
    .catch(() => {});
  await sleep(ms);
}
