import type { Browser } from '@playwright/test';
import { expect, pinDate, test, unexpected, watchConsole } from './fixtures';

/**
 * The shared server as an office uses it: the clerk and a section officer, each in their own
 * browser, work the same letter — each sees the other's change after a reload.
 */
const errors: string[][] = [];

async function signedIn(browser: Browser, baseURL: string | undefined, username: string) {
  const context = await browser.newContext({ baseURL });
  await pinDate(context);
  const page = await context.newPage();
  errors.push(watchConsole(page));
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo123');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return page;
}

test('the clerk registers and transfers a letter; the section officer, in another browser, finds and answers it; the clerk sees the reply', async ({
  browser,
  baseURL,
}) => {
  const clerk = await signedIn(browser, baseURL, 'clerk');
  const handler = await signedIn(browser, baseURL, 'handler');
  const subject = `共享服务器上的来信 ${Date.now()}`;

  await clerk.goto('/letters/new');
  await clerk.getByRole('combobox', { name: '来源' }).click();
  await clerk.getByRole('option', { name: '市长信箱转办' }).click();
  await clerk.getByRole('combobox', { name: '类别' }).click();
  await clerk.getByRole('option', { name: '求助' }).click();
  await clerk.getByLabel('标题').fill(subject);
  await clerk.getByLabel('来信内容').fill('家中老人行动不便，申请上门评估。');
  await clerk.getByLabel('来信人').fill('王秀英');
  await clerk.getByRole('button', { name: '登记', exact: true }).click();
  await expect(clerk).toHaveURL(/\/letters\/[0-9a-f-]{36}$/);
  const serial = (await clerk.getByTestId('serial-no').textContent())!.trim();
  await clerk.getByRole('button', { name: '转办' }).click();
  await clerk.getByRole('combobox', { name: '承办科室' }).click();
  await clerk.getByRole('option', { name: '社会救助科' }).click();
  await clerk.getByRole('dialog').getByRole('button', { name: '转办' }).click();
  await expect(clerk.getByText('转办成功')).toBeVisible();

  // The section officer's list, in the other browser.
  await handler.goto(`/letters?q=${serial}`);
  await expect(handler.getByTestId('letter-row')).toHaveCount(1);
  await handler.getByRole('link', { name: serial }).click();
  await expect(handler.getByRole('heading', { level: 1 })).toContainText(subject);
  await handler.getByRole('button', { name: '答复' }).click();
  await handler.getByRole('combobox', { name: '答复方式' }).click();
  await handler.getByRole('option', { name: '当面' }).click();
  await handler.getByRole('dialog').getByLabel('答复内容').fill('已安排工作人员上门评估。');
  await handler.getByRole('dialog').getByRole('button', { name: '答复' }).click();
  await expect(handler.getByText('答复成功')).toBeVisible();

  // The clerk's page, reloaded, shows the reply.
  await clerk.reload();
  await expect(clerk.getByText('已安排工作人员上门评估。')).toBeVisible();
  await expect(clerk.getByText('已答复，待办结')).toBeVisible();

  expect(
    errors.flatMap((e) => unexpected(e)),
    'console errors',
  ).toEqual([]);
  await clerk.context().close();
  await handler.context().close();
});
