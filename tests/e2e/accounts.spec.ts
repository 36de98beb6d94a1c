import { expect, login, test } from './fixtures';

test('a clerk changes the password from the user menu; the old one stops working, and signing out forgets the drafts', async ({
  page,
  allowConsole,
}) => {
  allowConsole(/status of (401|422)/); // the refused attempts below, logged by the browser
  await login(page, 'clerk');
  // A letter half-typed: its draft is kept in this browser.
  await page.goto('/letters/new');
  await page.getByLabel('来信人').fill('张三');
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('gkwb.draft.'))),
    )
    .toBe(true);

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog', { name: '修改密码' });
  await dialog.getByLabel('当前密码').fill('demo123');
  await dialog.getByLabel(/^新密码/).fill('clerk-2026-new');
  await dialog.getByLabel('再次输入新密码').fill('clerk-2026-new');
  await dialog.getByRole('button', { name: '修改密码' }).click();
  // The server's rule, next to the field: the username is in it.
  await expect(dialog.getByText('密码不能包含用户名')).toBeVisible();
  await dialog.getByLabel(/^新密码/).fill('Correct horse 42');
  await dialog.getByLabel('再次输入新密码').fill('Correct horse 42');
  await dialog.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码已修改；您在其他设备上的登录已退出')).toBeVisible();
  await expect(dialog).toHaveCount(0);

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gkwb.draft.'))),
  ).toEqual([]);

  await page.getByLabel('用户名').fill('clerk');
  await page.getByLabel('密码').fill('demo123');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码错误' })).toBeVisible();
  await login(page, 'clerk', 'Correct horse 42');
});
