import type { Locator, Page } from '@playwright/test';
import { expect, openAs, test } from './fixtures';

/**
 * The day these journeys run on: the mock seeds its month (November 2026) as drafts, with October
 * published and earlier months of the year behind it.
 */
const TODAY = '2026-11-26';
test.use({ today: TODAY });
const thisMonth = TODAY.slice(0, 7);
const monthText = (p: string) => `${p.slice(0, 4)}年${Number(p.slice(5, 7))}月`;

/** The 12 units in force since December 2018, in the grid's order. */
const REGIONS = [
  '潞州区',
  '上党区',
  '屯留区',
  '潞城区',
  '襄垣县',
  '平顺县',
  '黎城县',
  '壶关县',
  '长子县',
  '武乡县',
  '沁县',
  '沁源县',
];

/** A month of urban 低保 as a spreadsheet would copy it; 上党区 has fewer persons than households. */
const rows = REGIONS.map((_, i) => {
  const households = 600 + i * 37;
  const persons = i === 1 ? households - 300 : Math.round(households * 1.7);
  return [households, persons, 800, Math.round(persons * 800 * 0.62 * 100) / 100];
});
const clipboard = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';

const cell = (page: Page, region: string, field: string) =>
  page.getByRole('textbox', { name: `${region} 城市低保 ${field}` });

async function paste(target: Locator, text: string) {
  await target.click();
  await target.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

test('a month entered by paste, a wrong cell fixed, saved, published — and the dashboard follows', async ({
  page,
}) => {
  await openAs(page, 'clerk', '/dashboard');
  const personsTile = page.getByTestId('kpi-assistance-persons');
  await expect(personsTile).toContainText('示例数据');
  await expect(personsTile).not.toContainText(monthText(thisMonth));

  await page.goto(`/assistance?period=${thisMonth}&program=urban_dibao`);
  await paste(cell(page, '潞州区', '户数（户）'), clipboard);
  await expect(page.getByTestId('grid-announcer')).toHaveText('已粘贴 48 个单元格');
  await expect(cell(page, '沁源县', '支出（元）')).toHaveValue(String(rows[11]![3]));
  const wrong = cell(page, '上党区', '人数（人）');
  await expect(wrong).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('人数不能少于户数')).toBeVisible();

  // Saving is refused while a cell is wrong: the cursor goes to it.
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('grid-announcer')).toHaveText(/有 1 处错误/);
  await expect(wrong).toBeFocused();
  const fixed = Math.round(rows[1]![0]! * 1.7);
  rows[1]![1] = fixed;
  await wrong.fill(String(fixed));
  await expect(page.getByText('人数不能少于户数')).toHaveCount(0);

  // Keyboard: Enter goes down, the arrows across.
  await wrong.press('Enter');
  await expect(cell(page, '屯留区', '人数（人）')).toBeFocused();

  // Unsaved edits survive a reload.
  await page.reload();
  await expect(page.getByText('已恢复上次未保存的修改（48 处）。')).toBeVisible();
  await expect(wrong).toHaveValue(String(fixed));

  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('已保存 12 条记录（草稿）')).toBeVisible();
  await page.reload();
  await expect(wrong).toHaveValue(fixed.toLocaleString('zh-CN'));
  await expect(page.getByText(/已恢复上次未保存的修改/)).toHaveCount(0);

  // The history of the corrected figure.
  await page.getByRole('button', { name: '查看上党区城市低保的修改记录' }).click();
  const drawer = page.getByRole('dialog', { name: '修改记录' });
  await expect(drawer.getByTestId('figure-history')).toContainText('修改');
  await expect(drawer.getByTestId('figure-history')).toContainText(`人数（人）：`);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: '公开本月数据' }).click();
  const dialog = page.getByRole('dialog', { name: `公开${monthText(thisMonth)}的数据` });
  await dialog.getByRole('button', { name: '公开本月数据' }).click();
  await expect(page.getByText('已公开 60 条记录')).toBeVisible();
  await expect(page.getByTestId('month-status')).toContainText('已公开 60 条 · 草稿 0 条');

  // The dashboard now counts this month, with the urban figures just entered.
  await page.goto('/dashboard');
  const urban = rows.reduce((s, r) => s + r[1]!, 0);
  await expect(personsTile).toContainText(monthText(thisMonth));
  await expect(personsTile).toContainText(`城市低保 ${urban.toLocaleString('zh-CN')}`);
});

test('the charts: four of them, each with its numbers as a table and tooltips with units', async ({
  page,
}) => {
  await openAs(page, 'leader', '/assistance?tab=charts');
  const trend = page.getByRole('region', { name: /月度走势/ });
  await expect(trend).toBeVisible();
  for (const name of [/城乡低保人数构成/, /救助支出合计/, /各县（市、区）对比/])
    await expect(page.getByRole('region', { name })).toBeVisible();
  await expect(page.getByText('示例数据').first()).toBeVisible();

  // Hovering the trend shows a Chinese tooltip with the unit.
  const box = (await trend.locator('.recharts-surface').first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await expect(trend.locator('.recharts-tooltip-wrapper').first()).toContainText(/\d 人/);

  await trend.getByText('表格', { exact: true }).click();
  const table = trend.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(13);
  await expect(table).toContainText('支出（万元）');
});
