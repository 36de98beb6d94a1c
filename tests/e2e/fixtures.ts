import { expect, test as base, type Page } from '@playwright/test';

/** Every console error fails the test: a page that logs errors is not done. */
export const test = base.extend<{
  consoleErrors: string[];
  allowConsole: (pattern: RegExp) => void;
}>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        // Name the resource, so a failed load says what failed.
        if (m.type() === 'error')
          errors.push(`${m.text()}${m.location().url ? ` @ ${m.location().url}` : ''}`);
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await use(errors);
      // MSW's own registration.update() can fail benignly during navigation (mswjs/msw#2006).
      const allowed = [
        /Failed to update a ServiceWorker/,
        // The browser re-checks the MSW worker script in the background; a miss there is not the app's.
        /Failed to load resource.*@ .*mockServiceWorker\.js/,
        ...((page as unknown as { __allowed?: RegExp[] }).__allowed ?? []),
      ];
      expect(
        errors.filter((e) => !allowed.some((re) => re.test(e))),
        'console errors',
      ).toEqual([]);
    },
    { auto: true },
  ],
  /** Declares console errors this test provokes on purpose (e.g. a 401 the browser logs). */
  allowConsole: async ({ page }, use) => {
    await use((pattern) => {
      const p = page as unknown as { __allowed?: RegExp[] };
      (p.__allowed ??= []).push(pattern);
    });
  },
});
export { expect };

export async function login(page: Page, username: string, password = 'demo123') {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  // Let the landing page's requests finish: a navigation that cuts them off leaves the mock
  // worker without a client to answer them.
  await page.waitForLoadState('networkidle');
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
