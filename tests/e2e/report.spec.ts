import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { chinaToday } from '../../src/lib/format';
import { reportZh } from '../../src/locales/zh-CN/report';
import { apiInPage, expect, openAs, test, wcagViolations } from './fixtures';

const YEAR = new Date().getFullYear();
const OUTCOME = '3.4.1';
const ROW_LABEL = reportZh.t3.rows.r3_4_1; // 1.本机关不掌握相关政府信息

type ApplicantType =
  'natural_person' | 'commercial' | 'research' | 'public_interest' | 'legal_service' | 'other_org';

/** The table 三 cell of the outcome row for one applicant type: its link, named by row and column. */
const cell = (page: Page, type: ApplicantType) =>
  page.getByRole('table', { name: reportZh.sections.applications }).getByRole('link', {
    name: new RegExp(`^${ROW_LABEL.replace('.', '\\.')} · ${reportZh.t3[type]}：\\d+`),
  });

test("a decision shows up in this year's table 三, the cell opens the filtered list, and the report exports as Word", async ({
  page,
}) => {
  await openAs(page, 'clerk');

  // Before: this year's report.
  await page.goto(`/reports/annual/${YEAR}`);
  await expect(
    page.getByRole('heading', { level: 1, name: `长治市民政局${YEAR}年政府信息公开工作年度报告` }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: '三、收到和处理政府信息公开申请情况' }),
  ).toBeVisible();

  // Register an application today (so one of this year is open whatever the date) and decide it.
  const created = await apiInPage<{ id: string }>(page, 'POST', '/applications', {
    applicantType: 'research',
    applicantName: '某研究院',
    contact: 'research@example.cn',
    channel: 'email',
    receivedOn: chinaToday(),
    description: '申请公开本年度城乡低保资金分配情况',
  });
  expect(created.status).toBe(201);
  const id = created.body.id;
  const app = await apiInPage<{
    applicantType: ApplicantType;
    serialNo: string;
    receivedOn: string;
  }>(page, 'GET', `/applications/${id}`);
  expect(app.body.receivedOn.startsWith(String(YEAR))).toBe(true);
  const type = app.body.applicantType;

  await page.goto(`/reports/annual/${YEAR}`);
  const before = Number(await cell(page, type).textContent());

  await page.goto(`/applications/${id}`);
  await page.getByRole('button', { name: '作出答复', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '办理结果' }).click();
  await page
    // The picker names outcomes plainly, with their table-三 row beside.
    .getByRole('option', { name: new RegExp(`表三 ${OUTCOME.replace(/\./g, '\\.')} `) })
    .click();
  await dialog.getByRole('button', { name: '作出答复', exact: true }).click();
  await expect(page.getByText('作出答复已记录')).toBeVisible();

  // After: through the navigation to this year's report; the cell counts one more.
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '年度报告' })
    .click();
  await expect(page).toHaveURL(new RegExp(`/reports/annual/${YEAR}$`));
  await expect(cell(page, type)).toHaveText(String(before + 1));
  await expect(page.getByText('校验通过：表三各项勾稽关系成立。')).toBeVisible();

  // The cell opens the applications list filtered to its records.
  await cell(page, type).click();
  await expect(page).toHaveURL(
    new RegExp(
      `/applications\\?reportYear=${YEAR}&reportRow=${OUTCOME.replace(/\./g, '\\.')}&applicantType=${type}$`,
    ),
  );
  await expect(page.getByRole('link', { name: app.body.serialNo })).toBeVisible();
  await expect(page.getByTestId('application-row')).toHaveCount(before + 1);

  // Export Word: a real .docx (a zip) comes down.
  await page.goBack();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Word' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`长治市民政局${YEAR}年政府信息公开工作年度报告.docx`);
  const bytes = await readFile((await download.path())!);
  expect(bytes.length).toBeGreaterThan(5000);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByText(/^已导出 /)).toBeVisible();
});

test('a leader reads the report without fields; print hides the app shell and the tools', async ({
  page,
}) => {
  await openAs(page, 'leader', '/reports/annual/2017');
  await expect(
    page.getByRole('heading', { level: 1, name: '长治市民政局2017年政府信息公开工作年度报告' }),
  ).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^收到来信件数：17/ })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('toolbar', { name: '报告工具栏' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  // No nearly blank first page: the tables follow the overview (a page break before each left
  // page 1 with the title and one paragraph); three pages in all.
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(3);
  // At the page's text width (A4 less the margins, 174 × 259 mm), table 二 begins on page 1.
  await page.setViewportSize({ width: 658, height: 979 });
  const proactive = page.getByRole('heading', { name: '二、主动公开政府信息情况' });
  const top = await proactive.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(top).toBeLessThan(979 - 100);
});

for (const [user, locale] of [
  ['clerk', 'zh-CN'],
  ['clerk', 'en-US'],
  ['leader', 'en-US'],
] as const) {
  test(`${user} in ${locale}: the report page has no serious accessibility violation and no raw keys`, async ({
    page,
  }) => {
    await openAs(page, user, `/reports/annual/${YEAR}`, { locale });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByRole('switch').check({ force: true });
    await expect(
      page.getByText(locale === 'zh-CN' ? /^上年 \d+$/ : /^Last year \d+$/).first(),
    ).toBeVisible();
    await expect(page.locator('body')).not.toContainText(/\breport\.[a-zA-Z]+\b/);
    expect(await wcagViolations(page, 'main')).toEqual([]);
  });
}
