import AxeBuilder from '@axe-core/playwright';
import { rmSync } from 'node:fs';
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { installPinnedDate, pinDateFromEnv, TEST_TODAY } from '../pinned-date';
import { signIn, startServer, tempDataDir } from '../server/harness';

// TEST_TODAY: the specs' own dates (this year, next year) and every page's agree on the pinned day.
pinDateFromEnv();

/**
 * Gives the pages of `context` the pinned date (TEST_TODAY), before any script of the app (and of
 * its mock backend, which seeds around today) runs. The `context` fixture does it for every test;
 * a context made by hand calls it.
 */
export async function pinDate(context: BrowserContext, today: string | null = TEST_TODAY) {
  if (today !== null)
    await context.addInitScript(installPinnedDate, Date.parse(`${today}T10:00:00+08:00`));
}

/** Collects the console errors and uncaught page errors of `page` from now on (into `errors`). */
export function watchConsole(page: Page, errors: string[] = []): string[] {
  page.on('console', (m) => {
    // Name the resource, so a failed load says what failed.
    if (m.type() === 'error')
      errors.push(`${m.text()}${m.location().url ? ` @ ${m.location().url}` : ''}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** The errors that are the app's: all but the benign ones and those a test `allowed`. */
export function unexpected(errors: string[], allowed: RegExp[] = []): string[] {
  const benign = [
    // MSW's own registration.update() can fail benignly during navigation (mswjs/msw#2006).
    /Failed to update a ServiceWorker/,
    // The browser re-checks the MSW worker script in the background; a miss there is not the app's.
    /Failed to load resource.*@ .*mockServiceWorker\.js/,
    ...allowed,
  ];
  return errors.filter((e) => !benign.some((re) => re.test(e)));
}

/**
 * The backend of the `server` project: one real server per worker (the production SPA without
 * the mock, its own embedded database, demo mode and test hooks), so the workers' records never
 * mix. Null in the `mock` project, whose pages run the MSW backend in the browser.
 */
export interface Backend {
  url: string;
  /** An admin's session on it, for the test hooks (sessions survive a reset). */
  admin: Awaited<ReturnType<typeof signIn>>;
}

/** Sets the backend's day (`today`, null: the real one) and resets it to the demo seed. */
export async function resetBackend(backend: Backend, today: string | null = TEST_TODAY) {
  const clock = await backend.admin.put('/admin/clock', { today });
  const reset = await backend.admin.post('/admin/reset');
  if (clock.status !== 200 || reset.status !== 200)
    throw new Error(`reset: clock ${clock.status}, reset ${reset.status}`);
}

/** Every console error fails the test: a page that logs errors is not done. */
export const test = base.extend<
  {
    /**
     * The day the pages and the backend live on (YYYY-MM-DD, 10:00 China time): TEST_TODAY, or the
     * real date. A spec whose expectations hold only on some days pins its own with
     * `test.use({ today: '…' })`.
     */
    today: string | null;
    consoleErrors: string[];
    allowConsole: (pattern: RegExp) => void;
    /**
     * Whether each test starts from a reset backend (the default). A group of read-only tests may
     * turn it off and call `resetBackend` once for the group instead (roles-locales).
     */
    resetEach: boolean;
    freshBackend: void;
  },
  { backend: Backend | null }
>({
  backend: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for from its first parameter
    async ({}, use, workerInfo) => {
      if (workerInfo.project.name !== 'server') return use(null);
      // Its database goes with it: left behind, each worker's took 40–700 MB of /tmp.
      const dataDir = tempDataDir();
      try {
        const server = await startServer({ dataDir, testHooks: true }, 200_000);
        try {
          await use({ url: server.url, admin: await signIn(server.url, 'admin') });
        } finally {
          await server.stop();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    // Its own limit, not a test's 60 s: a first start lays a database and the demo seed, which on
    // a busy 2-core machine took over a minute (and every test of the worker then failed at once).
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ baseURL, backend }, use) => use(backend?.url ?? baseURL),
  /**
   * Every test starts from the demo seed built around its day, like a fresh browser on the mock:
   * the clock set first, then a reset (which also clears injected faults).
   */
  freshBackend: [
    async ({ backend, today, resetEach }, use) => {
      if (backend && resetEach) await resetBackend(backend, today);
      await use();
    },
    { auto: true },
  ],
  resetEach: [true, { option: true }],
  today: [TEST_TODAY, { option: true }],
  context: async ({ context, today }, use) => {
    await pinDate(context, today);
    await use(context);
  },
  // Watches every page the test's context opens (its `page`, popups, a second tab), without
  // opening one itself: a test that drives its own contexts does not pay for an unused page.
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const watch = (p: Page) => watchConsole(p, errors);
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(errors);
      expect(unexpected(errors, allowedConsole.get(context) ?? []), 'console errors').toEqual([]);
    },
    { auto: true },
  ],
  /** Declares console errors this test provokes on purpose (e.g. a 401 the browser logs). */
  allowConsole: async ({ context }, use) => {
    await use((pattern) => {
      allowedConsole.set(context, [...(allowedConsole.get(context) ?? []), pattern]);
    });
  },
});
const allowedConsole = new WeakMap<BrowserContext, RegExp[]>();
export { expect };

/** Signs in as `user` (demo password) with the UI in `locale`, through the login form. */
export async function signInAs(page: Page, user: string, locale: 'zh-CN' | 'en-US') {
  await page.goto('/login');
  await page.evaluate((l) => localStorage.setItem('gkwb.locale', l), locale);
  await page.reload();
  await page.locator('input[autocomplete=username]').fill(user);
  await page.locator('input[autocomplete=current-password]').fill('demo123');
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/**
 * Signs in as `username` through the API and opens `path` (default: the role's home), signed in,
 * in `locale` if given — for the tests that are not about signing in (the login form is driven by
 * `login`, `signInAs` and the tests of signing in). The page is then as after the form and a
 * navigation: the session stored where the app keeps it, this user the last one here (their
 * drafts kept), and the post-login deadline summary already shown in this tab (as it is on the
 * page the form lands on, gone with the next navigation). On the real server only: the mock's
 * API lives in the page's service worker (use `login` there).
 */
export async function openAs(
  page: Page,
  username: string,
  path = '/',
  { locale, password = 'demo123' }: { locale?: 'zh-CN' | 'en-US'; password?: string } = {},
) {
  const res = await page.request.post('/api/v1/auth/login', { data: { username, password } });
  expect(res.status(), `sign-in of ${username}`).toBe(200);
  const session = (await res.json()) as { token: string; user: { id: string } };
  // Any page of the app's origin will do to write its storage; the icon is the lightest.
  await page.goto('/favicon.png');
  await page.evaluate(
    ([s, l]) => {
      localStorage.setItem('gkwb.session', JSON.stringify({ token: s.token, user: s.user }));
      localStorage.setItem('gkwb.lastUser', s.user.id);
      if (l) localStorage.setItem('gkwb.locale', l);
      sessionStorage.setItem(`gkwb.alertSummary.${s.token.slice(0, 12)}`, '1');
    },
    [session, locale ?? null] as const,
  );
  await page.goto(path);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  if (locale) await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/**
 * Resolves once none of the page's requests has been in flight for half a second — like
 * Playwright's 'networkidle', which never comes while the live-events stream (GET /events) is
 * open. Call it before the requests to wait for are made.
 */
export function requestsSettle(page: Page) {
  const pending = new Set<unknown>();
  const live = (url: string) => new URL(url).pathname.endsWith('/api/v1/events');
  page.on('request', (r) => {
    if (!live(r.url())) pending.add(r);
  });
  const done = (r: unknown) => pending.delete(r);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async () => {
    let quietSince = Date.now();
    for (let i = 0; i < 600; i++) {
      if (pending.size > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= 500) return;
      await page.waitForTimeout(50);
    }
    throw new Error(`requests still in flight after 30 s: ${pending.size}`);
  };
}

export async function login(page: Page, username: string, password = 'demo123') {
  const settled = requestsSettle(page);
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  // Let the landing page's requests finish: a navigation that cuts them off leaves the mock
  // worker without a client to answer them.
  await settled();
}

/** Calls the mock API from inside the page (where the MSW worker answers). */
export async function apiInPage<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([m, p, b, h]) => {
      const token = JSON.parse(localStorage.getItem('gkwb.session') ?? 'null')?.token;
      const res = await fetch(`/api/v1${p}`, {
        method: m as string,
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...h,
        },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    [method, path, body, headers] as const,
  );
}

/** The WCAG 2.x A/AA tags of axe's rules. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/**
 * axe's experimental rules that carry no WCAG tag (best practice): their findings are left out
 * anyway, so they are not run.
 */
const NOT_WCAG_EXPERIMENTAL = ['hidden-content', 'focus-order-semantics'];

/**
 * An AxeBuilder for `page` that runs axe in the page in one pass (`axe.run`, "legacy mode"):
 * the default runs it per frame and then opens a blank page to merge the frames' results, which
 * took more than the rules themselves (3.5–5.5 s against 1–2 s per scan). The one thing that mode
 * leaves out, cross-origin frames, fails here instead: the app has none.
 */
export async function axeOn(page: Page): Promise<AxeBuilder> {
  const origin = new URL(page.url()).origin;
  const foreign = page
    .frames()
    .map((f) => f.url())
    .filter((u) => !/^about:(blank|srcdoc)$/.test(u) && !u.startsWith(`${origin}/`));
  expect(foreign, 'cross-origin frames (axe would not scan them)').toEqual([]);
  return new AxeBuilder({ page }).setLegacyMode(true);
}

/**
 * The serious and critical WCAG 2.x A/AA violations axe finds on `page` (or within `include`), as
 * readable lines. All WCAG 2.x A/AA rules run, the ones axe still calls experimental included
 * (label-in-name, WCAG 2.5.3, is one of them); the other experimental rules are not run.
 */
export async function wcagViolations(page: Page, include?: string): Promise<string[]> {
  // Only the violations are read: axe then skips collecting the passes' and incompletes' nodes,
  // which was a third or more of its time on the longer pages (the rules run as before).
  let builder = (await axeOn(page))
    .withTags([...WCAG, 'experimental'])
    .disableRules(NOT_WCAG_EXPERIMENTAL)
    .options({ resultTypes: ['violations'] });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.tags.some((t) => WCAG.includes(t)))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}) ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}
