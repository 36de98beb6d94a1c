import type { Page } from '@playwright/test';
import { expect, login, test } from './fixtures';

async function logout(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}

async function relogin(page: Page, user: string) {
  await logout(page);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill('demo123');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toContainText(user === 'handler' ? '王强' : '李静');
}

test("a mayor's-mailbox letter from before National Day: register, transfer, reply, close — reloads lose nothing", async ({
  page,
}) => {
  await login(page, 'clerk');
  await page.goto('/letters/new');
  await page.getByRole('combobox', { name: '来源' }).click();
  await page.getByRole('option', { name: '市长信箱转办' }).click();
  await page.getByRole('combobox', { name: '类别' }).click();
  await page.getByRole('option', { name: '求助' }).click();
  const received = page.getByRole('textbox', { name: '收信日期' });
  await received.fill('2026-09-30');
  await received.blur();
  await page.getByLabel('标题').fill('节前来信：困难家庭临时救助');
  await page.getByLabel('来信内容').fill('家中突发变故，希望了解临时救助政策。');
  await page.getByLabel('来信人').fill('赵六');
  await page.getByLabel('联系电话').fill('13912345678');

  // The deadline preview comes from the calendar endpoint: 15 working days, National Day skipped.
  const preview = page.getByTestId('due-preview');
  await expect(preview).toHaveText('2026年10月27日'); // 10/1–7 off, 10/10 (Saturday) a make-up working day
  const explanation = page.getByTestId('deadline-explanation').first();
  await expect(explanation).toContainText('国庆节');
  await expect(explanation).toContainText('计入 15 个工作日');
  await expect(explanation).toContainText('10月10日');

  // A reload keeps the draft.
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.getByLabel('标题')).toHaveValue('节前来信：困难家庭临时救助');
  await expect(page.getByText('已恢复上次未提交的草稿')).toBeVisible();
  await page.getByRole('button', { name: '登记', exact: true }).click();

  await expect(page).toHaveURL(/\/letters\/[0-9a-f-]{36}$/);
  const url = page.url();
  const serial = (await page.getByTestId('serial-no').textContent())!.trim();
  expect(serial).toMatch(/^XF-2026-\d{4}$/);
  await expect(page.getByText('已超期', { exact: false }).first()).toBeVisible();
  await expect(page.getByTestId('deadline-explanation').first()).toContainText('国庆节');
  await expect(page.getByText('13912345678')).toBeVisible();

  await page.getByRole('button', { name: '转办' }).click();
  await page.getByRole('combobox', { name: '承办科室' }).click();
  await page.getByRole('option', { name: '社会救助科' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '转办' }).click();
  await expect(page.getByText('转办成功')).toBeVisible();
  await page.reload();
  await expect(page.getByText('社会救助科').first()).toBeVisible();
  await expect(page.getByText('办理中')).toBeVisible();

  // The handler finds it in the bell and in the section queue, and replies.
  await relogin(page, 'handler');
  await page.getByTestId('alert-bell').click();
  const drawer = page.getByRole('dialog', { name: '期限提醒' });
  await expect(drawer.getByText(serial)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto(`/letters?q=${serial}`);
  await expect(page.getByTestId('letter-row')).toHaveCount(1);
  await page.getByRole('link', { name: serial }).click();
  await page.getByRole('button', { name: '答复' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('答复内容')
    .fill('已联系乡镇启动临时救助程序，并告知申请材料。');
  await page.getByRole('dialog').getByRole('button', { name: '答复' }).click();
  await expect(page.getByText('答复成功')).toBeVisible();
  await page.reload();
  await expect(page.getByText('已联系乡镇启动临时救助程序')).toBeVisible();
  await expect(page.getByText('已答复，待办结')).toBeVisible();

  // The clerk closes it.
  await relogin(page, 'clerk');
  await page.goto(url);
  await page.getByRole('button', { name: '办结' }).click();
  await page.getByRole('dialog').getByLabel('满意', { exact: true }).check();
  await page.getByRole('dialog').getByRole('button', { name: '办结' }).click();
  await expect(page.getByText('办结成功')).toBeVisible();
  await page.reload();
  await expect(page.getByText('已办结（超期）')).toBeVisible();
  await expect(page.getByText('满意', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('办理过程')).toBeVisible();
  for (const step of ['登记', '转办', '答复', '办结'])
    await expect(page.getByTestId('timeline')).toContainText(step);
});
