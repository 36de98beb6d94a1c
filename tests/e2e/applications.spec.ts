import type { Page } from '@playwright/test';
import { expect, openAs, test, wcagViolations } from './fixtures';

async function step(
  page: Page,
  button: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await fill(dialog);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByText(`${button}已记录`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('clock-panel')).toBeVisible();
}

/** 2026-09-14 + 20 working days (第三十三条), as GET /applications/due and the record say. */
const DUE_PREVIEW = '2026年10月16日';

test.describe('one application from receipt to decision', () => {
  // The steps are dated September–October 2026 and the extension must come within the period
  // (第三十三条): the office works the case on 2026-10-20, before its deadline.
  test.use({ today: '2026-10-20' });

  test('an application through correction, consultation, extension, fee and decision, with the clock explained at each step', async ({
    page,
  }) => {
    await openAs(page, 'clerk', '/applications/new');
    await page.getByRole('combobox', { name: '申请人类型' }).click();
    await page.getByRole('option', { name: '科研机构' }).click();
    await page.getByLabel('申请人名称').fill('某研究所');
    await page.getByLabel('联系方式').fill('0355-2999999');
    await page.getByRole('combobox', { name: '申请方式' }).click();
    await page.getByRole('option', { name: '网上申请' }).click();
    const received = page.getByRole('textbox', { name: '收到日期' });
    await received.fill('2026-09-14');
    await received.blur();
    await page.getByLabel('申请内容').fill('申请公开2025年度城乡低保资金分配表。');
    // The deadline the server will store, before registering (GET /applications/due).
    await expect(page.getByTestId('due-preview')).toHaveText(DUE_PREVIEW);
    await page.getByRole('button', { name: '登记申请' }).click();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
    // The page is titled by what was asked for; the applicant is secondary.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      '申请公开2025年度城乡低保资金分配表。',
    );
    await expect(page.getByText('申请人：某研究所')).toBeVisible();
    const ledger = page.getByTestId('clock-ledger');
    await expect(ledger).toContainText('9月14日收到申请');

    await step(page, '告知补正', async (d) => {
      await d.getByLabel('需补正的内容').fill('请明确所需年份');
      const on = d.getByRole('textbox', { name: '告知日期' });
      await on.fill('2026-09-16');
      await on.blur();
      const due = d.getByRole('textbox', { name: '补正期限' });
      await due.fill('2026-09-30');
      await due.blur();
    });
    await expect(page.getByText('等待申请人补正，计时已停止')).toBeVisible();

    await step(page, '收到补正', async (d) => {
      const on = d.getByRole('textbox', { name: '收到补正日期' });
      await on.fill('2026-09-18');
      await on.blur();
      await d.getByLabel('补正后的申请内容').fill('申请公开2025年度长治市城乡低保资金分配表。');
    });
    await expect(ledger).toContainText(
      '9月18日收到补正，答复期限自当日起重新计算。补正后的申请内容：申请公开2025年度长治市城乡低保资金分配表。',
    );

    await step(page, '征求意见', async (d) => {
      await d.getByLabel('对象名称').fill('相关县民政局');
      const on = d.getByRole('textbox', { name: '发出日期' });
      await on.fill('2026-09-22');
      await on.blur();
      // Delivered two days later: its 15 working days run from then (第三十二条).
      const got = d.getByRole('textbox', { name: '对方收到征求意见书的日期' });
      await got.fill('2026-09-24');
      await got.blur();
    });
    await step(page, '收到回复', async (d) => {
      const on = d.getByRole('textbox', { name: '回复日期' });
      await on.fill('2026-10-13');
      await on.blur();
      await d.getByText('同意公开', { exact: true }).click();
    });
    await expect(ledger).toContainText('10月13日收到意见回复：同意公开，恢复计时');
    // 9/22 → 10/13: 9/23–9/30 (6), 10/9, 10/10 (make-up), 10/12, 10/13 … the server counts; the words must say so.
    await expect(ledger).toContainText(
      /9月22日征求第三方意见，期间\d+个工作日不计入；2026年9月24日送达/,
    );

    await step(page, '延长期限', async (d) => {
      await d.getByLabel('批准人（政府信息公开工作机构负责人）').fill('办公室主任 张华');
      await d.getByLabel('理由').fill('数据涉及多个县区');
      const told = d.getByRole('textbox', { name: '告知延期日期' });
      await told.fill('2026-10-20');
      await told.blur();
    });
    await expect(ledger).toContainText('经办公室主任 张华同意延长20个工作日');
    await expect(ledger).toContainText('；2026年10月20日告知申请人');
    await expect(page.getByText('期限 40 个工作日')).toBeVisible();

    await page.getByRole('button', { name: '收费通知', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('件数/页数').fill('101');
    // The server's quote: what the notice will record (按量, per application).
    await expect(dialog.getByTestId('fee-total')).toHaveText('应缴 720 元');
    await dialog.getByLabel('件数/页数').fill('30');
    await expect(dialog.getByTestId('fee-total')).toHaveText('按此数量不收费，无需发出收费通知');
    await dialog.getByLabel('件数/页数').fill('101');
    await expect(dialog.getByTestId('fee-total')).toHaveText('应缴 720 元');
    await dialog.getByRole('button', { name: '收费通知', exact: true }).click();
    await expect(page.getByText('收费通知已记录')).toBeVisible();
    await expect(ledger).toContainText('发出收费通知（720元）');

    await step(page, '已缴费', async () => {});
    await step(page, '作出答复', async (d) => {
      await d.getByRole('combobox', { name: '办理结果' }).click();
      await page.getByRole('option', { name: /^部分公开/ }).click();
      await expect(d.getByLabel('答复理由（默认取自表三对应情形）')).toHaveValue(/区分处理/);
      await d.getByLabel('答复书文号').fill('长民政依复〔2026〕9号');
      await d.getByRole('combobox', { name: '送达方式' }).click();
      await page.getByRole('option', { name: '电子邮件' }).click();
      const delivered = d.getByRole('textbox', { name: '送达日期' });
      await delivered.fill('2026-10-20');
      await delivered.blur();
    });
    await expect(page.getByText('已答复').first()).toBeVisible();
    await expect(ledger).toContainText('作出答复：部分公开');
    await expect(page.getByTestId('decision')).toContainText('长民政依复〔2026〕9号');
    await expect(page.getByTestId('decision')).toContainText('电子邮件送达，2026年10月20日');
    await expect(page.getByRole('button', { name: '作出答复' })).toHaveCount(0);

    // The 答复书 of the decision (第三十六条, 第三十七条), with the remedies; issued into the attachments.
    await page.getByRole('button', { name: '生成文书' }).click();
    const doc = page.getByRole('dialog', { name: '生成文书' });
    await expect(doc.getByRole('heading', { name: '政府信息公开申请答复书' })).toBeVisible();
    await expect(doc.getByRole('row', { name: '答复结果 部分公开' })).toBeVisible();
    await expect(doc.getByRole('textbox', { name: /正文/ })).toHaveValue(
      /六十日内向长治市人民政府申请行政复议，或者自收到本答复书之日起六个月内向有管辖权的人民法院提起行政诉讼/,
    );
    expect(await wcagViolations(page, '[role=dialog]')).toEqual([]);
    await doc.getByRole('button', { name: '签发' }).click();
    await expect(
      page.getByText('已签发答复书（部分公开） 长民公开〔2026〕1号，文书已保存为附件'),
    ).toBeVisible();
    const files = page.locator('section', { has: page.getByRole('heading', { name: '附件' }) });
    await expect(
      files.getByRole('row', { name: /政府信息公开申请答复书_长民公开〔2026〕1号\.docx/ }),
    ).toBeVisible();
  });
});

test('past its deadline an application is overdue, and the steps that would stop the count are gone', async ({
  page,
}) => {
  await openAs(page, 'clerk', '/applications?alert=overdue');
  const row = page.getByTestId('application-row').first();
  await expect(row).toContainText('已超期');
  await row.getByRole('link').click();
  await expect(page.getByTestId('clock-panel')).toContainText('已超期');
  await expect(page.getByRole('button', { name: '作出答复', exact: true })).toBeVisible();
  for (const name of ['延长期限', '收费通知', '征求意见'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
});

test.describe('a year without a holiday notice', () => {
  // Late December 2026: the seed's newest applications count their 20 days into 2027.
  test.use({ today: '2026-12-21' });
  test('a deadline counted into 2027 says it is provisional, and the calendar says what it assumes', async ({
    page,
  }) => {
    await openAs(page, 'admin', '/applications');
    await expect(page.getByTestId('application-row').getByText('暂定').first()).toBeVisible();
    await page.goto('/settings');
    await page.getByText('2027', { exact: true }).first().click();
    const assumed = page.getByTestId('assumed-days');
    await expect(assumed).toContainText('全国年节及纪念日放假办法');
    await expect(assumed).toContainText('春节');
  });
});

test('a leader reads applications but has no action buttons; a handler sees only their section', async ({
  page,
}) => {
  await openAs(page, 'leader', '/applications');
  await expect(page.getByTestId('application-row').first()).toBeVisible();
  await page.getByTestId('application-row').first().getByRole('link').click();
  await expect(page.getByTestId('clock-panel')).toBeVisible();
  await expect(page.getByRole('button', { name: '作出答复' })).toHaveCount(0);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await openAs(page, 'handler', '/applications');
  const rows = page.getByTestId('application-row');
  await expect(rows.first()).toBeVisible();
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  await rows.first().getByRole('link').click();
  await expect(page.getByText('社会救助科', { exact: true })).toBeVisible();
});
