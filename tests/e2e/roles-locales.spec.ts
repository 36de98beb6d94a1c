import type { BrowserContext, Page } from '@playwright/test';
import {
  expect,
  openAs,
  pinDate,
  resetBackend,
  signInAs,
  test,
  unexpected,
  watchConsole,
  wcagViolations,
} from './fixtures';

/**
 * Every demo account, both locales: each page its role allows opens with its heading, no console
 * error, no raw message key, and no serious or critical accessibility violation (axe-core; see
 * `visited` and `SAME_AS` for which account opens which page in which locale).
 */
const ROLES: Record<string, string[]> = {
  admin: [
    '/todo',
    '/dashboard',
    '/letters',
    '/letters/new',
    '/applications',
    '/catalogue',
    '/assistance',
    '/reports/annual/2017',
    '/settings',
  ],
  clerk: [
    '/todo',
    '/dashboard',
    '/letters',
    '/letters/new',
    '/applications',
    '/catalogue',
    '/assistance',
    `/reports/annual/${new Date().getFullYear()}`,
    '/settings',
  ],
  leader: [
    '/dashboard',
    '/letters',
    '/applications',
    '/catalogue',
    '/assistance',
    '/reports/annual/2017',
  ],
  handler: ['/todo', '/dashboard', '/letters', '/applications'],
  handler2: ['/todo', '/dashboard', '/letters', '/applications'],
};

/**
 * The pages each role visits in each locale: every page of every role in the default locale (a
 * role changes the controls a page shows), and in English each page once, for the first role that
 * opens it (the locale changes the words, not the controls; every role's navigation is still
 * checked in English, and the type check fails on a key missing from the English catalogue).
 */
const visited = (user: string, locale: string) =>
  ROLES[user]!.filter(
    (path) =>
      (locale === 'zh-CN' && !SAME_AS[user]?.pages.includes(path)) ||
      Object.entries(ROLES).find(([, pages]) => pages.includes(path))?.[0] === user,
  );

/**
 * Accounts whose pages show exactly the controls another's do: the administrator's pages are the
 * office's (its own page is /settings, with the accounts), and a second section officer's are the
 * first's with another section's records (section scope is the backend's, tested there). Their
 * navigation is still checked; the pages are not visited twice.
 */
const SAME_AS: Record<string, { as: string; pages: string[] }> = {
  admin: { as: 'clerk', pages: ROLES.admin!.filter((p) => p !== '/settings') },
  handler2: { as: 'handler', pages: ROLES.handler2! },
};

/** What each page's heading says in Chinese (a section officer's lists name their section). */
const HEADING_ZH: Record<string, RegExp> = {
  '/todo': /我的待办/,
  '/dashboard': /工作台/,
  '/letters': /来信办理/,
  '/letters/new': /登记来信/,
  '/applications': /依申请公开/,
  '/catalogue': /政府信息公开目录/,
  '/assistance': /社会救助数据/,
  '/reports/annual/2017': /2017年政府信息公开工作年度报告/,
  '/settings': /系统设置/,
};
const headingZh = (user: string, path: string) =>
  user === 'handler' && path === '/letters' ? /来信办理 · 社会救助科/ : HEADING_ZH[path];

// One test per page, each with its own time budget (a slow machine never has to fit a role's whole
// tour into one), on one signed-in page per role and locale (signing in costs more than a page).
// The role × locale groups spread over the workers; each group's pages run in order. The pages
// only read: the backend is reset to the seed once per group, before its sign-in, not per page.
test.describe.configure({ mode: 'parallel' });
test.use({ resetEach: false });
for (const locale of ['zh-CN', 'en-US'] as const) {
  for (const [user, pages] of Object.entries(ROLES)) {
    test.describe(`${user} in ${locale}`, () => {
      test.describe.configure({ mode: 'serial' });
      let context: BrowserContext;
      let page: Page;
      let errors: string[];

      test.beforeAll(async ({ browser, backend }) => {
        if (backend) await resetBackend(backend);
        context = await browser.newContext(backend ? { baseURL: backend.url } : {});
        await pinDate(context);
        page = await context.newPage();
        errors = watchConsole(page);
        // One group signs in through the English login page (its errors count too; the Chinese
        // one is the shell tests'); the others through the API.
        if (user === 'clerk' && locale === 'en-US') await signInAs(page, user, locale);
        else await openAs(page, user, '/', { locale });
      });
      test.afterAll(async () => {
        await context.close();
      });
      test.afterEach(() => {
        const mine = unexpected(errors.splice(0));
        expect(mine, 'console errors').toEqual([]);
      });

      test('the navigation offers exactly the pages the role may open', async () => {
        const nav = page.getByRole('navigation', {
          name: locale === 'zh-CN' ? '主导航' : 'Main navigation',
        });
        await expect(nav.getByRole('link')).toHaveCount(
          pages.filter((p) => p !== '/letters/new').length,
        );
      });

      for (const path of visited(user, locale)) {
        test(`${path} renders`, async () => {
          await page.goto(path);
          const heading = page.getByRole('heading', { level: 1 });
          await expect(heading).toBeVisible();
          const name = locale === 'zh-CN' ? headingZh(user, path) : undefined;
          if (name) await expect(heading).toHaveText(name);
          await expect(page.locator('[aria-busy=true]')).toHaveCount(0);
          // No raw message keys leak into the page.
          await expect(page.locator('body')).not.toContainText(
            /\b(letters|app|nav|errors|validation|calendar|applications|catalogue|report|assistance|dashboard)\.[a-zA-Z]+\b/,
          );
          expect(await wcagViolations(page), path).toEqual([]);
        });
      }
    });
  }
}
