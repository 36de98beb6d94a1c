import { apiInPage, expect, openAs, test } from './fixtures';

const weekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
/** The first Monday–Friday on or after `date` (YYYY-MM-DD). */
function weekdayFrom(date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  while (!weekday(d.toISOString().slice(0, 10))) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test("an admin enters next year's holidays; a pointless day is explained next to the field", async ({
  page,
  allowConsole,
}) => {
  allowConsole(/status of 422/);
  const year = new Date().getFullYear() + 1;
  // 元旦 falls on the first weekday of the year (a Saturday 1 January is given with the Monday
  // after it, as in 2022); a weekday a week later is an ordinary working day.
  const newYear = weekdayFrom(`${year}-01-01`);
  const ordinary = weekdayFrom(`${year}-01-08`);
  await openAs(page, 'admin', '/settings');
  await page.getByText(String(year), { exact: true }).first().click();
  await expect(page.getByRole('heading', { name: String(year) })).toBeVisible();

  // A weekday marked as a working day changes nothing: the server says so next to the field.
  await page.getByRole('button', { name: '添加日期' }).click();
  const date = page.getByRole('textbox', { name: '日期' }).first();
  await date.fill(ordinary);
  await date.blur();
  await page.getByText('上班', { exact: true }).first().click();
  await page.getByRole('textbox', { name: '名称' }).first().fill('补班');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('该日本来就是工作日，无需设置')).toBeVisible();

  // Fix it: 1 January is a day off (元旦); mark the year complete and save.
  await date.fill(newYear);
  await date.blur();
  await page.getByText('休息', { exact: true }).first().click();
  await page.getByRole('textbox', { name: '名称' }).first().fill('元旦');
  await page.getByLabel(/该年安排已完整录入/).check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`${year}年日历已保存`)).toBeVisible();
  await page.reload();
  await page.getByText(String(year), { exact: true }).first().click();
  await expect(page.getByRole('textbox', { name: '名称' }).first()).toHaveValue('元旦');
});

test('the settings API refuses days that contradict the official schedule, with field errors', async ({
  page,
  allowConsole,
}) => {
  allowConsole(/status of 422/);
  await openAs(page, 'admin');
  const r = await apiInPage<{ errors: Record<string, string> }>(
    page,
    'PUT',
    '/calendar/years/2025',
    {
      complete: true,
      days: [{ date: '2025-10-01', workday: true, name: '上班' }],
    },
  );
  expect(r.status).toBe(422);
  expect(r.body.errors['days.0.workday']).toContain('官方');
});

test('a clerk sees the settings read-only; a leader cannot open them', async ({ page }) => {
  await openAs(page, 'clerk', '/settings?tab=time-limits');
  await expect(page.getByText('仅系统管理员可以修改。')).toBeVisible();
  await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await openAs(page, 'leader', '/settings');
  await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
});
