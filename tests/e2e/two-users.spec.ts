import type { Browser, Page } from '@playwright/test';
import { expect, openAs, pinDate, test, unexpected, watchConsole } from './fixtures';

/**
 * The shared server as an office uses it: the clerk, a section officer and a leader, each in their
 * own browser, follow one letter — each sees the others' changes without reloading (live events).
 */
const errors: string[][] = [];

/** A browser of its own, signed in as `username` (through the API), on `path`. */
async function signedIn(
  browser: Browser,
  baseURL: string | undefined,
  username: string,
  path: string,
) {
  const context = await browser.newContext({ baseURL });
  await pinDate(context);
  const page = await context.newPage();
  errors.push(watchConsole(page));
  await openAs(page, username, path);
  return page;
}

/** The figure of the dashboard tile labelled `label`, as a number. */
async function tileValue(page: Page, label: RegExp) {
  const text = await page.getByRole('link', { name: label }).getByTestId('kpi-value').textContent();
  return Number(text!.replace(/[^\d]/g, ''));
}

test('the clerk registers and transfers a letter; the section officer’s open list shows it and they answer; the clerk’s open page shows the reply; the leader’s dashboard counts it — no reloads', async ({
  browser,
  baseURL,
}) => {
  const subject = `共享服务器上的来信 ${Date.now()}`;
  const clerk = await signedIn(browser, baseURL, 'clerk', '/letters/new');
  // Open before the letter exists: the section officer's search, the leader's dashboard.
  const search = `/letters?q=${encodeURIComponent(subject)}`;
  const handler = await signedIn(browser, baseURL, 'handler', search);
  await expect(handler.getByText('没有符合条件的来信')).toBeVisible();
  const leader = await signedIn(browser, baseURL, 'leader', '/dashboard');
  const received = await tileValue(leader, /^收到来信/);

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

  // The section officer's open list, in the other browser, and the leader's dashboard follow.
  await expect(handler.getByTestId('letter-row')).toHaveCount(1);
  await expect.poll(() => tileValue(leader, /^收到来信/)).toBe(received + 1);
  await handler.getByRole('link', { name: serial }).click();
  await expect(handler.getByRole('heading', { level: 1 })).toContainText(subject);
  await handler.getByRole('button', { name: '答复' }).click();
  await handler.getByRole('combobox', { name: '答复方式' }).click();
  await handler.getByRole('option', { name: '当面' }).click();
  await handler.getByRole('dialog').getByLabel('答复内容').fill('已安排工作人员上门评估。');
  await handler.getByRole('dialog').getByRole('button', { name: '答复' }).click();
  await expect(handler.getByText('答复成功')).toBeVisible();

  // The clerk's page, still open, shows the reply.
  await expect(clerk.getByText('已安排工作人员上门评估。')).toBeVisible();
  await expect(clerk.getByText('已答复，待办结')).toBeVisible();

  expect(
    errors.flatMap((e) => unexpected(e)),
    'console errors',
  ).toEqual([]);
  await clerk.context().close();
  await handler.context().close();
  await leader.context().close();
});
