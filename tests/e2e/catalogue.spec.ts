import { readFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import { expect, openAs, test, wcagViolations } from './fixtures';

const HEADER =
  '名称,分类,文件类型,发布机构,文号,生成日期,发布日期,公开属性,不予公开理由,公开渠道,有效性,废止日期,关键词,内容概述';

function csv(rows: string[]) {
  return Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');
}

/** A catalogue file saved by Chinese Excel as 「CSV（逗号分隔）」 (GBK): a good row, then a bad one. */
const GBK_CSV =
  'w/uzxiy31sDgLM7EvP7A4NDNLLeisry7+rm5LM7EusUsyfqzycjVxtost6KyvMjVxtosuau/qsr00NQssrvT6Lmrv6rA7dPJLLmrv6rH/rXALNPQ0KfQ1Cy3z9a5yNXG2iy52Lz8tMosxNrI3bjFyvYNCrnY09pHQku1vMjrtcTNqNaqLNX+st/OxLz+LMbky/sss6TWzsrQw/HV/r7WLCwyMDI2LTEwLTA5LDIwMjYtMTAtMTIs1ve2r7mrv6osLNX+uK7N+NW+LNPQ0KcsLLW8yOss08NHQkuxo7TmtcTOxLz+DQq12rb+zPXQxc+iLNX+st+3qNKOLMbky/sss6TWzsrQw/HV/r7WLCwyMDI2LTEwLTA5LDIwMjYtMTAtMTIs1ve2r7mrv6osLLSr1eYs09DQpywstbzI6yy31sDgus3H/rXAtryyu7bUDQo=';

test('create an entry, find it, import a spreadsheet (errors first, then all of it) and export the list', async ({
  page,
}) => {
  await openAs(page, 'clerk', '/catalogue/new');
  await page.getByRole('textbox', { name: '名称' }).fill('关于做好2026年冬季救助工作的通知');
  await page.getByRole('combobox', { name: '分类' }).click();
  await page.getByRole('option', { name: '社会救助' }).click();
  await page.getByRole('combobox', { name: '文件类型' }).click();
  await page.getByRole('option', { name: '行政规范性文件' }).click();
  await page.getByRole('textbox', { name: '文号' }).fill('长民发2026-1');
  const formed = page.getByRole('textbox', { name: '生成日期' });
  await formed.fill('2026-11-02');
  await formed.blur();
  const published = page.getByRole('textbox', { name: '发布日期' });
  await published.fill('2026-11-20');
  await published.blur();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/文号格式应为/)).toBeVisible(); // the hint next to the field, nothing sent
  await page.getByRole('textbox', { name: '文号' }).fill('长民发〔2026〕31号');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/已登记 .*\/2026-\d{5}/)).toBeVisible();
  await expect(
    page.getByRole('heading', { name: '关于做好2026年冬季救助工作的通知' }),
  ).toBeVisible();
  await expect(page.getByText('按时', { exact: true })).toBeVisible();

  await page.goto('/catalogue?q=冬季救助');
  await expect(page.getByTestId('catalogue-row')).toHaveCount(1);

  // Import: a file with a bad row is refused as a whole, with the row and field named.
  await page.goto('/catalogue/import');
  const good = Array.from(
    { length: 30 },
    (_, i) =>
      `导入测试文件${i + 1},政策文件,行政规范性文件,长治市民政局,长民发〔2026〕${i + 40}号,2026-10-${String((i % 20) + 1).padStart(2, '0')},2026-11-0${(i % 5) + 3},主动公开,,政府网站；政务微信,有效,,导入；测试,批量导入的示例`,
  );
  await page.locator('input[type=file]').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: csv([
      ...good,
      '=HYPERLINK("http://x"),政策文件,其他,长治市民政局,,2026-13-40,,主动公开,,政府网站,有效,,,',
    ]),
  });
  await expect(page.getByTestId('import-errors')).toContainText('第 32 行');
  await expect(page.getByTestId('import-errors')).toContainText('疑似表格公式');
  await expect(page.getByRole('button', { name: '全部导入' })).toBeDisabled();

  // The 「CSV（逗号分隔）」 of Chinese Excel and WPS is GBK: read as such, and said so.
  await page.locator('input[type=file]').setInputFiles({
    name: 'gbk.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(GBK_CSV, 'base64'),
  });
  await expect(page.getByText('gbk.csv · 读取编码：GB18030（GBK）')).toBeVisible();
  await expect(page.getByTestId('import-errors')).toContainText(
    '第 3 行 · 分类：「政策法規」不在可选值中（可选：机构职能、',
  );
  await expect(page.getByRole('row').filter({ hasText: '关于GBK导入的通知' })).toContainText(
    '可导入',
  );

  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: csv(good) });
  await expect(page.getByTestId('import-summary')).toHaveText('预览（共 30 行，0 行有误）');
  await page.getByRole('button', { name: '全部导入' }).click();
  await expect(page.getByText('已导入 30 条')).toBeVisible();
  await page.goto('/catalogue?q=导入测试文件');
  await expect(page.getByText('共 30 条')).toBeVisible();

  // Export the filtered list as CSV: 30 rows, formula-safe, Chinese headers.
  await page.getByRole('button', { name: '导出' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: '导出 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^政务公开目录_\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const lines = text.trim().split(/\r\n/);
  expect(lines[0]).toContain('索引号');
  expect(lines).toHaveLength(31);
  expect(text).toContain('导入测试文件1');
});

test('withdraw keeps the record and hides it; a leader cannot edit', async ({ page }) => {
  await openAs(page, 'clerk', '/catalogue/C2017-P001');
  await page.getByRole('button', { name: '撤回' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '撤回' }).click();
  await expect(page.getByRole('dialog').getByText('必填')).toBeVisible();
  await page.getByRole('dialog').getByLabel('撤回理由').fill('内容已合并到新版权责清单');
  await page.getByRole('dialog').getByRole('button', { name: '撤回' }).click();
  await expect(page.getByText('撤回理由：内容已合并到新版权责清单')).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('撤回');
  await page.goto('/catalogue?category=powers_list&year=2017');
  await expect(page.getByText('共 99 条')).toBeVisible();
  // With the keyboard: the post-login notification may sit over the filter bar for a few seconds.
  await page.getByLabel('含已撤回').focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('含已撤回')).toBeChecked();
  await expect(page.getByText('共 100 条')).toBeVisible();

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await openAs(page, 'leader', '/catalogue/C2017-P002');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await page.goto('/catalogue/new');
  await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
});

test('a 500-row Excel file imports in one go', async ({ page }) => {
  const header = HEADER.split(',');
  const rows = Array.from({ length: 500 }, (_, i) => [
    `Excel导入${i + 1}`,
    '统计信息',
    '其他',
    '长治市民政局',
    '',
    '2026-09-01',
    '2026-09-10',
    '主动公开',
    '',
    '政府网站',
    '有效',
    '',
    '统计',
    '',
  ]);
  const buffer = await writeXlsxFile([header, ...rows]).toBuffer();
  await openAs(page, 'clerk', '/catalogue/import');
  await page.locator('input[type=file]').setInputFiles({
    name: 'catalogue.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await expect(page.getByTestId('import-summary')).toHaveText('预览（共 500 行，0 行有误）');
  await page.getByRole('button', { name: '全部导入' }).click();
  await expect(page.getByText('已导入 500 条')).toBeVisible({ timeout: 20_000 });
  await page.goto('/catalogue?q=Excel导入');
  await expect(page.getByText('共 500 条')).toBeVisible();
});

for (const [locale, name] of [
  ['zh-CN', '政府信息公开目录'],
  ['en-US', 'Government information catalogue'],
] as const) {
  test(`at 1280 px the catalogue list fits without scrolling sideways (${locale})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openAs(page, 'clerk', '/', { locale });
    // Every column, on the plain list and on the late entries (the longest badges).
    for (const query of ['', '?timely=false', '?category=social_org&includeWithdrawn=true']) {
      await page.goto(`/catalogue${query}`);
      const table = page.getByRole('table', { name });
      await expect(table).toBeVisible();
      await expect(table.getByRole('row').nth(1)).toBeVisible();
      const overflow = await table.evaluate((el) => {
        let p = el.parentElement;
        while (p && getComputedStyle(p).overflowX === 'visible') p = p.parentElement;
        return p ? p.scrollWidth - p.clientWidth : -1;
      });
      expect(overflow, `${locale} /catalogue${query}`).toBeLessThanOrEqual(0);
    }
  });
}

test('saving an entry already past the publication limit asks first', async ({ page }) => {
  await openAs(page, 'clerk', '/catalogue/new');
  await page.getByRole('textbox', { name: '名称' }).fill('超期登记的目录信息');
  await page.getByRole('combobox', { name: '分类' }).click();
  await page.getByRole('option', { name: '社会救助' }).click();
  await page.getByRole('combobox', { name: '文件类型' }).click();
  await page.getByRole('option', { name: '其他' }).click();
  const year = new Date().getFullYear() - 1;
  const formed = page.getByRole('textbox', { name: '生成日期' });
  await formed.fill(`${year}-03-02`);
  await formed.blur();
  const published = page.getByRole('textbox', { name: '发布日期' });
  await published.fill(`${year}-06-01`);
  await published.blur();
  await page.getByRole('button', { name: '保存' }).click();
  const dialog = page.getByRole('dialog', { name: '该条目已超过公开时限' });
  await expect(dialog).toContainText('已超期，保存后计为超期公开');
  expect(await wcagViolations(page, '[role=dialog]')).toEqual([]);
  await dialog.getByRole('button', { name: '仍然保存' }).click();
  await expect(page.getByRole('heading', { name: '超期登记的目录信息' })).toBeVisible();
  await expect(page.getByText(/超期\d+个工作日/)).toBeVisible();
});
