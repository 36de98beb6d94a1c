import { screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@mocks/db';
import { server } from '@mocks/node';
import { reportZh } from '@/locales/zh-CN/report';
import { as } from '../../api';
import { renderWithProviders } from '../../utils';
import { seedOn } from '../../seed-day';

// Written for any day; pinned so that one run of it (on any TEST_TODAY) is enough.
seedOn('2026-11-26');

beforeEach(() => notifications.clean());

const DRAFT_2020 = 'gkwb.draft.report.narrative.2020.u-clerk';
type UserEv = Awaited<ReturnType<typeof renderWithProviders>>['user'];

async function openReport(year: number, user = 'clerk', locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const view = await renderWithProviders({ route: `/reports/annual/${year}`, user, locale });
  await screen.findByRole('heading', { level: 1, name: new RegExp(`${year}`) });
  return view;
}

async function pickOption(user: UserEv, scope: HTMLElement, label: string, option: string) {
  await user.click(within(scope).getByRole('combobox', { name: label }));
  const listbox = await screen.findByRole('listbox', { name: label, hidden: true });
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

describe('the annual report page', () => {
  it('2017: the title, the six headings, table 三 with its labels and numbers, the letters figures', async () => {
    await openReport(2017);
    expect(
      screen.getByRole('heading', { level: 1, name: '长治市民政局2017年政府信息公开工作年度报告' }),
    ).toBeInTheDocument();
    for (const h of Object.values(reportZh.sections))
      expect(screen.getByRole('heading', { level: 2, name: h })).toBeInTheDocument();

    const t3 = screen.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
    for (const label of [
      '一、本年新收政府信息公开申请数量',
      '三、本年度办理结果',
      '（三）不予公开',
      '3.危及“三安全一稳定”',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '（七）总计',
      '四、结转下年度继续办理',
    ])
      expect(within(t3).getByRole('rowheader', { name: label })).toBeInTheDocument();
    for (const head of [
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '商业企业',
      '法律服务机构',
      '总计',
    ])
      expect(within(t3).getByRole('columnheader', { name: head })).toBeInTheDocument();
    // 2017: no applications at all; every number links to its records.
    const cell = within(t3).getByRole('link', {
      name: /^一、本年新收政府信息公开申请数量 · 自然人：0/,
    });
    expect(cell).toHaveAttribute(
      'href',
      '/applications?reportYear=2017&reportRow=1&applicantType=natural_person',
    );

    // 六: 17 letters, 5 from the mayor's mailbox (the 2017 report's 咨询处理情况).
    expect(
      screen.getByRole('heading', { name: '（一）咨询处理和来信办理情况' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^收到来信件数：17/ })).toHaveAttribute(
      'href',
      '/letters?year=2017',
    );
    expect(screen.getByRole('link', { name: /^市长信箱转办件数：5/ })).toHaveAttribute(
      'href',
      '/letters?year=2017&source=mayor_mailbox',
    );
    expect(screen.getByRole('link', { name: /^权责清单项数：100/ })).toBeInTheDocument();
    expect(screen.getByText('本年度未收取信息处理费。')).toBeInTheDocument();
    expect(screen.getByText('校验通过：表三各项勾稽关系成立。')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: '四、政府信息公开行政复议、行政诉讼情况' }),
    ).toBeInTheDocument();
  });

  it('compares with last year: the previous figure under each number', async () => {
    const { user } = await openReport(2026);
    expect(screen.queryByText(/^上年 /)).not.toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: /对比上年/ }));
    const t3 = screen.getByRole('table', { name: '三、收到和处理政府信息公开申请情况' });
    await waitFor(() => expect(within(t3).getAllByText(/^上年 \d+$/).length).toBeGreaterThan(100));
    const last = await (await as('leader')).get('/reports/annual/2025');
    const carried = last.body.tables.applications.rows.find((r: { code: string }) => r.code === '1')
      .values.total;
    const rowHeader = within(t3).getByRole('rowheader', {
      name: '一、本年新收政府信息公开申请数量',
    });
    expect(rowHeader.closest('tr')!.lastElementChild).toHaveTextContent(`上年 ${carried}`);
  });

  it('shows the compile warnings prominently when a decision has an outcome outside the template', async () => {
    const rec = db.applications.all().find((a) => a.decision && a.decision.decidedOn >= '2017')!;
    db.applications.put({ ...rec, decision: { ...rec.decision!, outcome: '9.9' } });
    await openReport(Number(rec.decision!.decidedOn.slice(0, 4)));
    const alert = await screen.findByRole('alert', {
      name: /汇编校验发现 \d+ 个问题，公布前请核对/,
    });
    expect(alert).toHaveTextContent('有申请的办理结果“9.9”不属于表三的任何一行');
    expect(alert).toHaveTextContent('勾稽关系不成立');
  });

  it('autosaves the narrative: typing → PUT → a reload shows it', async () => {
    const view = await openReport(2020);
    const box = screen.getByRole('textbox', { name: '一、总体情况' });
    await view.user.type(box, '本年度公开工作有序开展。');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('已保存'));
    const saved = await (await as('leader')).get('/reports/annual/2020');
    expect(saved.body.narrative.overview).toBe('本年度公开工作有序开展。');
    expect(localStorage.getItem(DRAFT_2020)).toBeNull();
    view.unmount();

    await openReport(2020);
    expect(screen.getByRole('textbox', { name: '一、总体情况' })).toHaveValue(
      '本年度公开工作有序开展。',
    );
  });

  it('keeps the text when saving fails, says so, restores it after a reload and saves it on retry', async () => {
    server.use(
      http.put('*/reports/annual/:year/narrative', () =>
        HttpResponse.json({ title: 'down' }, { status: 503 }),
      ),
    );
    const view = await openReport(2020);
    // In one go (a paste): typing itself is the test above.
    await view.user.click(screen.getByRole('textbox', { name: '五、存在的主要问题及改进情况' }));
    await view.user.paste('信息更新不够及时');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('保存失败'));
    expect(JSON.parse(localStorage.getItem(DRAFT_2020)!).problems).toBe('信息更新不够及时');
    view.unmount();

    // Reloaded while the server still fails: the draft comes back.
    const again = await openReport(2020);
    expect(screen.getByRole('textbox', { name: '五、存在的主要问题及改进情况' })).toHaveValue(
      '信息更新不够及时',
    );
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('保存失败'));
    server.resetHandlers();
    await again.user.click(screen.getByRole('button', { name: '重试' }));
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('已保存'));
    expect((await (await as('leader')).get('/reports/annual/2020')).body.narrative.problems).toBe(
      '信息更新不够及时',
    );
    expect(localStorage.getItem(DRAFT_2020)).toBeNull();
  });

  it('the office sets the date the report is published under (落款日期); it is saved and signed with', async () => {
    const view = await openReport(2020);
    const signature = () => screen.getByTestId('signature');
    // Until the office sets it: the day the report was compiled (the pinned today).
    expect(signature()).toHaveTextContent('2026年11月26日');
    // Entered in one go (a paste): each keystroke would render the whole report again.
    await view.user.click(screen.getByRole('textbox', { name: '落款日期' }));
    await view.user.paste('2021年1月25日');
    await view.user.tab();
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('已保存'));
    const saved = (await (await as('leader')).get('/reports/annual/2020')).body;
    expect(saved.narrative.publishedOn).toBe('2021-01-25');
    view.unmount();

    await openReport(2020, 'leader');
    expect(signature()).toHaveTextContent('2021年1月25日');
    expect(signature()).not.toHaveTextContent('2026年11月26日');
  });

  it('a leader reads the narrative as text, with no fields and no register buttons', async () => {
    await openReport(2017, 'leader');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByText(/存在的不足：部分信息公开不够及时/)).toBeInTheDocument();
    expect(screen.getByText('文字部分由政务公开办公室编写，领导只读。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '登记案件' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导出 Word' })).toBeInTheDocument();
  });

  it('registers a review case with messages next to the fields; table 四 counts it', async () => {
    const { user } = await openReport(2026);
    const t4 = screen.getByRole('table', { name: '四、政府信息公开行政复议、行政诉讼情况' });
    expect(within(t4).getByRole('link', { name: /^行政复议 · 结果维持：0/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '登记案件' }));
    const dialog = await screen.findByRole('dialog', { name: '登记行政复议、行政诉讼案件' });
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('必填')).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: '类型' })).toHaveAccessibleDescription(
      '必填',
    );
    await pickOption(user, dialog, '类型', '行政复议');
    await pickOption(user, dialog, '结果', '结果维持');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    const concludedField = within(dialog).getByRole('textbox', { name: /审结日期/ });
    await waitFor(() => expect(concludedField).toHaveAttribute('aria-invalid', 'true'));
    expect(concludedField).toHaveAccessibleDescription(/已审结的案件须填写审结日期/);

    const filed = within(dialog).getByRole('textbox', { name: /申请\/立案日期/ });
    await user.clear(filed);
    await user.type(filed, '2026-03-02');
    await user.tab();
    const concluded = within(dialog).getByRole('textbox', { name: /审结日期/ });
    await user.type(concluded, '2026-05-10');
    await user.tab();
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存行政复议案件（2026年3月2日立案）')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const rows = await screen.findAllByTestId('review-row');
    expect(rows[0]).toHaveTextContent('2026年3月2日');
    expect(rows[0]).toHaveTextContent('2026年 · 结果维持');
    await waitFor(() =>
      expect(within(t4).getByRole('link', { name: /^行政复议 · 结果维持：1/ })).toHaveAttribute(
        'href',
        '/reports/annual/2026?reviewKind=review&reviewResult=upheld#review-register',
      ),
    );
  });

  it('in English the headings and labels are translated', async () => {
    await openReport(2017, 'clerk', 'en-US');
    expect(
      screen.getByRole('heading', { level: 2, name: '3. Applications received and handled' }),
    ).toBeInTheDocument();
    const t3 = screen.getByRole('table', { name: '3. Applications received and handled' });
    expect(within(t3).getByRole('rowheader', { name: '(3) Not disclosed' })).toBeInTheDocument();
    expect(
      within(t3).getByRole('columnheader', { name: 'Research institutions' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export Word' })).toBeInTheDocument();
  });
});
