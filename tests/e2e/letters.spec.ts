import type { Page } from '@playwright/test';
import { apiInPage, expect, openAs, test, wcagViolations } from './fixtures';

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
  await openAs(page, 'clerk', '/letters/new');
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

  // A reload keeps the draft (once it holds the last field typed).
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(localStorage).some(
          (k) => k.startsWith('gkwb.draft.') && localStorage.getItem(k)!.includes('13912345678'),
        ),
      ),
    )
    .toBe(true);
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
  // Overdue: no extension can be asked for any more, and the page says so.
  await expect(page.getByTestId('extension-closed')).toContainText('不能再延期');
  await expect(page.getByRole('button', { name: '申请延期' })).toHaveCount(0);
  await page.getByRole('button', { name: '答复' }).click();
  await page.getByRole('combobox', { name: '答复方式' }).click();
  await page.getByRole('option', { name: '书面' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('答复内容')
    .fill('已联系乡镇启动临时救助程序，并告知申请材料。');
  await page.getByRole('dialog').getByRole('button', { name: '答复' }).click();
  await expect(page.getByText('答复成功')).toBeVisible();
  await page.reload();
  await expect(page.getByText('已联系乡镇启动临时救助程序')).toBeVisible();
  await expect(page.getByText(/答复方式 书面/)).toBeVisible();
  await expect(page.getByText('已答复，待办结')).toBeVisible();

  // The clerk closes it.
  await relogin(page, 'clerk');
  await page.goto(url);
  // The clerk closes it with the follow-up (回访): nothing about the answer is pre-selected.
  await page.getByRole('button', { name: '办结' }).click();
  const close = page.getByRole('dialog');
  await expect(close.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.getByRole('combobox', { name: '回访方式' }).click();
  await page.getByRole('option', { name: '电话' }).click();
  await close.getByLabel('已联系上').check();
  // 不满意 opens the choice between 重办 and a reason to close anyway: axe on the whole dialog
  await close.getByLabel('不满意', { exact: true }).check();
  await expect(close.getByRole('button', { name: '重办' })).toBeVisible();
  expect(await wcagViolations(page, '[role=dialog]')).toEqual([]);
  await close.getByLabel('满意', { exact: true }).check();
  await close.getByRole('button', { name: '办结' }).click();
  await expect(page.getByText('办结成功')).toBeVisible();
  await page.reload();
  await expect(page.getByText('已办结（超期）')).toBeVisible();
  await expect(page.getByText('满意', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('follow-up')).toContainText('电话回访 · 回访人：李静 · 满意');
  await expect(page.getByText('办理过程')).toBeVisible();
  for (const step of ['登记', '转办', '答复', '办结'])
    await expect(page.getByTestId('timeline')).toContainText(step);
});

test('a section applies for an extension and the office approves it; 督办 reaches the section; a misrouted letter goes back and is transferred again', async ({
  page,
  today,
  allowConsole,
}) => {
  // The returned letter's page may be refetched once before it navigates away (the live event of
  // its leaving the section): 404, as it is no longer the section's — logged by the browser.
  allowConsole(/status of 404/);
  // Two fresh letters, received today and transferred to 社会救助科 (set up through the API).
  await openAs(page, 'clerk');
  const letters: { id: string; serialNo: string }[] = [];
  for (const subject of ['延期申请的来信', '转错科室的来信']) {
    const created = await apiInPage<{ id: string; serialNo: string }>(page, 'POST', '/letters', {
      source: 'hotline_12345',
      category: 'complaint',
      subject,
      content: '反映低保审核进度。',
      citizenName: '孙丽',
      // The pinned day, or (run without TEST_TODAY) the real one in China.
      receivedOn: today ?? new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
    });
    expect(created.status).toBe(201);
    const assigned = await apiInPage(
      page,
      'POST',
      `/letters/${created.body.id}/assign`,
      { sectionId: 'social_assistance' },
      { 'If-Match': '"1"' },
    );
    expect(assigned.status).toBe(200);
    letters.push(created.body);
  }
  const [ext, wrong] = letters as [(typeof letters)[0], (typeof letters)[0]];

  // The section officer applies for 5 more working days.
  await relogin(page, 'handler');
  await page.goto(`/letters/${ext.id}`);
  await expect(page.getByRole('button', { name: '延期', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: '申请延期' }).click();
  const apply = page.getByRole('dialog');
  await apply.getByLabel('延期工作日数').fill('5');
  await apply.getByLabel('理由').fill('需调取县区复核材料');
  await apply.getByRole('button', { name: '申请延期' }).click();
  await expect(page.getByText('申请延期成功')).toBeVisible();
  await expect(page.getByText('延期申请待审批')).toBeVisible();

  // … and hands the other letter back to the office.
  await page.goto(`/letters/${wrong.id}`);
  await page.getByRole('button', { name: '退回' }).click();
  await page.getByRole('dialog').getByLabel('退回理由').fill('属养老服务科职责');
  await page.getByRole('dialog').getByRole('button', { name: '退回' }).click();
  await expect(page.getByText('退回成功')).toBeVisible();
  // It is no longer the section's: back to the list, where it is gone.
  await expect(page).toHaveURL(/\/letters(\?|$)/);
  await expect(page.getByTestId('letter-row').first()).toBeVisible();
  await expect(page.getByTestId('letter-row').filter({ hasText: wrong.serialNo })).toHaveCount(0);

  // The office approves the request: the record names who applied and who approved.
  await relogin(page, 'clerk');
  await page.goto(`/letters/${ext.id}`);
  await page.getByRole('button', { name: '批准延期' }).click();
  await expect(page.getByRole('dialog')).toContainText('王强于');
  await page.getByRole('dialog').getByRole('button', { name: '批准延期' }).click();
  await expect(page.getByText('批准延期成功')).toBeVisible();
  await page.reload();
  await expect(page.getByText('申请人：王强 · 批准人：李静')).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('王强的延期申请');
  // … and supervises it.
  await page.getByRole('button', { name: '督办' }).click();
  await page.getByRole('dialog').getByLabel('督办意见').fill('请按延期后的期限办结');
  await page.getByRole('dialog').getByRole('button', { name: '督办' }).click();
  await expect(page.getByText('督办成功')).toBeVisible();

  // The handed-back letter waits for the office, which transfers it again.
  await page.goto(`/letters/${wrong.id}`);
  await expect(page.getByText('科室退回，待重新转办')).toBeVisible();
  await expect(page.getByText(/社会救助科于.+退回：属养老服务科职责/)).toBeVisible();
  await expect(page.getByRole('button', { name: '督办' })).toHaveCount(0); // not until transferred
  await page.getByRole('button', { name: '转办' }).click();
  await page.getByRole('combobox', { name: '承办科室' }).click();
  await page.getByRole('option', { name: '养老服务科' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '转办' }).click();
  await expect(page.getByText('转办成功')).toBeVisible();
  await expect(page.getByText('科室退回，待重新转办')).toHaveCount(0);
  await page.goto('/letters'); // sign-in returns to the page it left: not one the section may not see

  // The section sees 督办 in its bell and filters its list to 督办件.
  await relogin(page, 'handler');
  await page.getByTestId('alert-bell').click();
  const drawer = page.getByRole('dialog', { name: '期限提醒' });
  await expect(drawer.getByRole('link', { name: /^督办 \d+$/ })).toBeVisible();
  await expect(drawer.getByText(ext.serialNo)).toBeVisible();
  await drawer.getByRole('link', { name: /^督办 \d+$/ }).click();
  await expect(page).toHaveURL(/supervised=true/);
  await expect(page.getByRole('checkbox', { name: '督办件' })).toBeChecked();
  const supervised = await apiInPage<{ total: number }>(page, 'GET', '/letters?supervised=true');
  await expect(page.getByTestId('letter-row')).toHaveCount(Math.min(supervised.body.total, 20));
  await expect(page.getByTestId('letter-row').filter({ hasText: ext.serialNo })).toBeVisible();
  for (const row of await page.getByTestId('letter-row').all())
    await expect(row).toContainText('督办');
  await expect(page.getByTestId('letter-row').filter({ hasText: wrong.serialNo })).toHaveCount(0);
});
