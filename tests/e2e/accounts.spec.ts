import { expect, login, openAs, pinDate, test } from './fixtures';

test('a clerk changes the password from the user menu; the old one stops working, and signing out forgets the drafts', async ({
  page,
  allowConsole,
}) => {
  allowConsole(/status of (401|422)/); // the refused attempts below, logged by the browser
  // A letter half-typed: its draft is kept in this browser.
  await openAs(page, 'clerk', '/letters/new');
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

test('the administrator adds a section officer; the officer signs in with the one-time password, must change it, sees only their section; moved to another section, their view follows', async ({
  page,
  browser,
  baseURL,
}) => {
  await openAs(page, 'admin', '/settings?tab=users');
  await page.getByRole('button', { name: '新增用户' }).click();
  const form = page.getByRole('dialog', { name: '新增用户' });
  await form.getByLabel('用户名').fill('zhangwei');
  await form.getByLabel('姓名').fill('张伟');
  await form.getByRole('combobox', { name: '角色' }).click();
  await page.getByRole('option', { name: '科室经办人' }).click();
  // A section officer needs a section: said next to the field.
  await form.getByRole('button', { name: '新增用户' }).click();
  await expect(form.getByText('科室经办人必须选择科室')).toBeVisible();
  await form.getByRole('combobox', { name: '科室' }).click();
  await page.getByRole('option', { name: '社会事务科' }).click();
  await form.getByRole('button', { name: '新增用户' }).click();
  const shown = page.getByRole('dialog', { name: '一次性密码' });
  const password = (await shown.getByTestId('temporary-password').textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
  await shown.getByRole('button', { name: '我已记下' }).click();
  const row = page.getByTestId('user-row-zhangwei');
  await expect(row).toContainText('社会事务科');
  await expect(row).toContainText('待修改密码');

  // The officer, in their own browser.
  const context = await browser.newContext({ baseURL });
  await pinDate(context);
  const officer = await context.newPage();
  await officer.goto('/login');
  await officer.getByLabel('用户名').fill('zhangwei');
  await officer.getByLabel('密码').fill(password);
  await officer.getByRole('button', { name: '登录' }).click();
  await expect(officer.getByRole('heading', { name: '请先修改密码' })).toBeVisible();
  await officer.getByLabel('一次性密码（管理员提供）').fill(password);
  await officer.getByLabel(/^新密码/).fill('Spring field 2027');
  await officer.getByLabel('再次输入新密码').fill('Spring field 2027');
  await officer.getByRole('button', { name: '修改密码' }).click();
  await expect(officer.getByTestId('user-menu')).toBeVisible();
  await officer.goto('/letters');
  await expect(officer.getByRole('heading', { name: /社会事务科/ })).toBeVisible();
  const sectionCells = officer.locator('tbody tr td:nth-child(5)');
  await expect(sectionCells.first()).toHaveText('社会事务科');
  expect(new Set(await sectionCells.allTextContents())).toEqual(new Set(['社会事务科']));

  // Moved by the administrator: the officer's next page shows the new section's letters.
  await page.getByRole('button', { name: '张伟 的操作' }).click();
  await page.getByRole('menuitem', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: /编辑用户/ });
  await edit.getByRole('combobox', { name: '科室' }).click();
  await page.getByRole('option', { name: '社会救助科' }).click();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(row).toContainText('社会救助科');

  await officer.reload();
  await expect(officer.getByRole('heading', { name: /社会救助科/ })).toBeVisible();
  await expect(sectionCells.first()).toHaveText('社会救助科');
  expect(new Set(await sectionCells.allTextContents())).toEqual(new Set(['社会救助科']));
  await context.close();
});

test('the audit log shows sign-ins with their address, filtered by person and action', async ({
  page,
}) => {
  await login(page, 'admin');
  await page.goto('/settings?tab=audit');
  await page.getByRole('combobox', { name: '操作' }).click();
  await page.getByRole('option', { name: '登录', exact: true }).click();
  const first = page.locator('tbody tr').first();
  await expect(first).toContainText('系统管理员');
  await expect(first).toContainText('127.0.0.1');
  await page.getByRole('combobox', { name: '人员' }).click();
  await page.getByRole('option', { name: /李静/ }).click();
  await expect(page.getByText('没有符合条件的记录')).toBeVisible();
});
