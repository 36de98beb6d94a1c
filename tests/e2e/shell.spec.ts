import type { Page } from '@playwright/test';
import { apiInPage, axeOn, expect, login, openAs, test } from './fixtures';

/**
 * Heights of Mantine's toast containers (one per position, most empty): none may stretch over
 * the page, where it would take the clicks meant for it.
 */
const toastContainerHeights = (page: Page) =>
  page
    .locator('.mantine-Notifications-root')
    .evaluateAll((roots) => roots.map((r) => r.getBoundingClientRect().height));

test.describe('shell', () => {
  test('the login page lists the demo accounts', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
    for (const u of ['admin', 'clerk', 'leader', 'handler', 'handler2'])
      await expect(page.getByRole('button', { name: u, exact: true })).toBeVisible();
  });

  test('on a phone the navigation is a drawer the burger opens, and a link closes it', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, 'clerk');
    const nav = page.getByRole('navigation', { name: '主导航' });
    const burger = page.getByRole('button', { name: '切换导航' });
    await expect(nav).toBeHidden();
    await expect(burger).toHaveAttribute('aria-expanded', 'false');
    // The deadline summary shown after login sits at the bottom, over neither the header nor
    // the drawer's links.
    const toast = page.locator('#alert-summary');
    await expect(toast).toBeVisible();
    const toastBox = (await toast.boundingBox())!;
    expect(toastBox.y + toastBox.height).toBeLessThanOrEqual(844);
    expect(toastBox.y).toBeGreaterThan(844 / 2);
    for (const height of await toastContainerHeights(page)) expect(height).toBeLessThan(300);
    // The header fits on one line: nothing overlaps the emblem, the user's menu is an icon.
    const userMenu = page.getByTestId('user-menu');
    await expect(userMenu).toBeVisible();
    const emblem = await page.locator('header a[href="/"]').boundingBox();
    const controls = await page.getByTestId('alert-bell').boundingBox();
    expect(emblem!.x + emblem!.width).toBeLessThanOrEqual(controls!.x);
    const menuBox = await userMenu.boundingBox();
    expect(menuBox!.x + menuBox!.width).toBeLessThanOrEqual(390);
    expect(menuBox!.height).toBeLessThanOrEqual(40);
    // Closed, its links are not reached by Tab either.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('nav') ?? null)).toBeNull();
    }
    await burger.click();
    await expect(nav).toBeVisible();
    await expect(burger).toHaveAttribute('aria-expanded', 'true');
    await nav.getByRole('link', { name: '公开目录' }).click();
    await expect(page).toHaveURL(/\/catalogue/);
    await expect(page.getByRole('heading', { level: 1, name: '政府信息公开目录' })).toBeVisible();
    await expect(nav).toBeHidden();
    // The page is beside, not under, the header: its title is not covered.
    const header = await page.locator('header').first().boundingBox();
    const title = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(title!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
  });

  test('the role matrix hides and guards pages', async ({ page }) => {
    await openAs(page, 'handler2');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link')).toHaveText([
      '我的待办',
      '工作台',
      '来信办理',
      '依申请公开',
    ]);
    await page.goto('/settings');
    await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
  });

  test('English locale everywhere, and it survives a reload', async ({ page }) => {
    await openAs(page, 'clerk');
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'My to-do' })).toBeVisible();
    await page.goto('/letters');
    await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Time left' })).toBeVisible();
  });

  test('a deep link reloaded stays where it was; logout returns to login', async ({ page }) => {
    await openAs(page, 'clerk', '/letters?status=assigned&sort=dueOn');
    await expect(page.getByTestId('letter-row').first()).toBeVisible();
    await page.reload();
    await expect(page).toHaveURL(/\/letters\?status=assigned&sort=dueOn$/);
    await expect(page.getByTestId('letter-row').first()).toBeVisible();
    // index.html's loading spinner is gone once the app has drawn the page.
    await expect(page.locator('[data-boot]')).toHaveCount(0);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/);
  });

  test('after an admin signs out on /settings, a handler signing in lands on their home, not a 403', async ({
    page,
  }) => {
    await openAs(page, 'admin', '/settings');
    await expect(page.getByRole('heading', { level: 1, name: '系统设置' })).toBeVisible();
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.getByLabel('用户名').fill('handler');
    await page.getByLabel('密码').fill('demo123');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/todo$/);
    await expect(page.getByRole('heading', { level: 1, name: '我的待办' })).toBeVisible();
    await expect(page.getByTestId('todo-sectionLetters')).toBeVisible();
    await expect(page.getByRole('heading', { name: '无权访问' })).toHaveCount(0);
    // A return-to page the role may not open goes to the role's home too.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.goto('/login?next=%2Fsettings');
    await page.getByLabel('用户名').fill('handler');
    await page.getByLabel('密码').fill('demo123');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/todo$/);
  });

  test('the post-login deadline summary sits below an open dialog', async ({ page }) => {
    await login(page, 'clerk');
    const toast = page.locator('#alert-summary');
    await expect(toast).toBeVisible();
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    await expect(page.getByRole('dialog', { name: '修改密码' })).toBeVisible();
    // What is drawn at the summary's centre is the dialog's overlay, not the summary.
    const box = (await toast.boundingBox())!;
    const onTop = await page.evaluate(
      ([x, y]) => Boolean(document.elementFromPoint(x!, y!)?.closest('#alert-summary')),
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(onTop).toBe(false);
  });

  test('an expired session returns to /login and back to the wanted page', async ({
    page,
    allowConsole,
  }) => {
    allowConsole(/status of 401/);
    await openAs(page, 'clerk');
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('gkwb.session')!);
      localStorage.setItem('gkwb.session', JSON.stringify({ ...s, token: 'expired-token' }));
    });
    await page.goto('/catalogue?category=powers_list');
    await expect(page).toHaveURL(/\/login\?next=/);
    await expect(page.getByText('登录已过期，请重新登录')).toBeVisible();
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill('demo123');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/catalogue\?category=powers_list$/);
    await expect(page.getByText('共 100 条')).toBeVisible();
  });

  test('unknown pages show a 404 page', async ({ page }) => {
    await openAs(page, 'clerk', '/nothing-here');
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  });

  test('state lives in IndexedDB: a created record survives a reload', async ({ page }) => {
    await login(page, 'clerk');
    const created = await apiInPage<{ serialNo: string }>(page, 'POST', '/letters', {
      source: 'phone',
      category: 'help',
      subject: '持久化检查',
      content: '刷新后仍在',
      citizenName: '测试',
      receivedOn: '2026-11-02',
    });
    expect(created.status).toBe(201);
    await page.reload();
    await page.goto(`/letters?q=${encodeURIComponent(created.body.serialNo)}`);
    await expect(page.getByTestId('letter-row')).toHaveCount(1);
  });

  test('the light/dark switch changes the colour scheme', async ({ page }) => {
    await openAs(page, 'leader');
    await page.getByRole('button', { name: '切换明暗主题' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the post-login deadline summary is readable (axe, ${scheme})`, async ({ page }) => {
      await page.goto('/login');
      await page.evaluate((s) => localStorage.setItem('mantine-color-scheme-value', s), scheme);
      await login(page, 'clerk');
      const toast = page.locator('#alert-summary');
      await expect(toast).toBeVisible();
      await expect(toast).toContainText('期限提醒');
      // Below the header: the bell it refers to and the user menu stay clickable meanwhile.
      const header = await page.locator('header').first().boundingBox();
      expect((await toast.boundingBox())!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
      await page.getByTestId('alert-bell').click({ trial: true, timeout: 5000 });
      await page.getByTestId('user-menu').click({ trial: true, timeout: 5000 });
      for (const height of await toastContainerHeights(page)) expect(height).toBeLessThan(200);
      const axe = await (
        await axeOn(page)
      )
        .include('#alert-summary')
        .options({ resultTypes: ['violations'] })
        .analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`),
      ).toEqual([]);
    });
  }
});
