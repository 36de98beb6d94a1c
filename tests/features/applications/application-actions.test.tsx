import { screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Application } from '@/features/applications/types';
import { as } from '../../api';
import { seedOn } from '../../seed-day';
import { renderWithProviders } from '../../utils';
import { pickOption, type UserEv } from '../letters/helpers';

// Thursday 2026-11-26; receipt Mon 11-02 → day 20 = 11-30 (November 2026 has no holidays).
seedOn('2026-11-26');
beforeEach(() => notifications.clean());

const DESCRIPTION = '申请公开2026年临时救助资金发放明细。';

async function fresh(): Promise<Application> {
  const clerk = await as('clerk');
  const r = await clerk.post<Application>('/applications', {
    applicantType: 'natural_person',
    applicantName: '赵六',
    contact: '13900001111',
    channel: 'online',
    receivedOn: '2026-11-02',
    description: DESCRIPTION,
  });
  expect(r.status).toBe(201);
  return r.body;
}
async function openDetail(app: Application, user = 'clerk') {
  const view = await renderWithProviders({ route: `/applications/${app.id}`, user });
  expect(await screen.findByTestId('serial-no')).toHaveTextContent(app.serialNo);
  return view;
}
async function openDialog(user: UserEv, app: Application, label: string) {
  await user.click(screen.getByRole('button', { name: label }));
  return screen.findByRole('dialog', { name: `${label} · ${app.serialNo}` });
}
async function typeDate(user: UserEv, dialog: HTMLElement, label: string, date: string) {
  const box = within(dialog).getByRole('textbox', { name: label });
  await user.clear(box);
  await user.paste(date);
  await user.tab();
}
const current = async (id: string) =>
  (await (await as('admin')).get<Application>(`/applications/${id}`)).body;

describe('the application page', () => {
  it('is titled by what was asked for, with the applicant as secondary text', async () => {
    const app = await fresh();
    await openDetail(app);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(DESCRIPTION);
    expect(screen.getByText('申请人：赵六')).toBeInTheDocument();
  });
});

describe('one small form per step', () => {
  it('作出答复 speaks in plain outcome names, each with its table-三 row', async () => {
    const app = await fresh();
    const { user } = await openDetail(app);
    const dialog = await openDialog(user, app, '作出答复');
    await user.click(within(dialog).getByRole('combobox', { name: '办理结果' }));
    const listbox = await screen.findByRole('listbox', { name: '办理结果', hidden: true });
    // Plain names first, the table-三 row as secondary text (all 21 rows).
    const options = within(listbox).getAllByRole('option', { hidden: true });
    expect(options).toHaveLength(21);
    expect(options[2]).toHaveTextContent(
      '不予公开—属于国家秘密年度报告表三 3.3.1 （三）不予公开 1.属于国家秘密',
    );
    await user.click(options[1]!);
    expect(within(dialog).getByRole('combobox', { name: '办理结果' })).toHaveValue('部分公开');
    expect(within(dialog).getByLabelText(/答复理由/)).toHaveValue(
      '所申请信息部分公开，对不应公开的内容作区分处理并说明理由（条例第三十七条）。',
    );
  });

  it('作出答复: 送达日期 before the decision is a field error; the 答复书 and its delivery are recorded and shown', async () => {
    const app = await fresh();
    const { user } = await openDetail(app);
    const dialog = await openDialog(user, app, '作出答复');
    await user.click(within(dialog).getByRole('combobox', { name: '办理结果' }));
    const listbox = await screen.findByRole('listbox', { name: '办理结果', hidden: true });
    await user.click(within(listbox).getAllByRole('option', { hidden: true })[0]!);
    await typeDate(user, dialog, '答复日期', '2026-11-20');
    await user.click(within(dialog).getByLabelText('答复书文号'));
    await user.paste('长民政依复〔2026〕31号');
    await typeDate(user, dialog, '送达日期', '2026-11-19');
    await user.click(within(dialog).getByRole('button', { name: '作出答复' }));
    // Checked by the step's schema before anything is sent.
    expect(await within(dialog).findByText('送达日期不能早于答复日期')).toBeInTheDocument();
    expect(within(dialog).getByText('必填')).toBeInTheDocument(); // 送达方式, since a date is given
    expect((await current(app.id)).version).toBe(app.version);

    await typeDate(user, dialog, '送达日期', '2026-11-23');
    await pickOption(user, '送达方式', '邮寄');
    await user.click(within(dialog).getByRole('button', { name: '作出答复' }));
    expect(await screen.findByText('作出答复已记录')).toBeInTheDocument();
    expect(
      screen.getByText(`${app.serialNo} 已作出答复：予以公开（2026年11月20日，在法定期限内）`),
    ).toBeInTheDocument();
    const decision = await screen.findByTestId('decision');
    expect(decision).toHaveTextContent('办理结果：予以公开');
    expect(decision).toHaveTextContent('长民政依复〔2026〕31号');
    expect(decision).toHaveTextContent('邮寄送达，2026年11月23日');
    expect((await current(app.id)).decision).toMatchObject({
      outcome: '3.1',
      decidedOn: '2026-11-20',
      replyNo: '长民政依复〔2026〕31号',
      deliveryMethod: 'post',
      deliveredOn: '2026-11-23',
    });
  });

  it('收到回复: the opinion is required, an objection needs its reasons; the ledger says what they answered', async () => {
    let app = await fresh();
    const clerk = await as('clerk');
    app = (
      await clerk.post<Application>(
        `/applications/${app.id}/consult-third-party`,
        { sentOn: '2026-11-10', name: '某养老机构' },
        { 'If-Match': `"${app.version}"` },
      )
    ).body;
    const { user } = await openDetail(app);
    const dialog = await openDialog(user, app, '收到回复');
    await user.click(within(dialog).getByRole('button', { name: '收到回复' }));
    expect(await within(dialog).findByText('必填')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: '不同意公开' }));
    await user.click(within(dialog).getByRole('button', { name: '收到回复' }));
    expect(await within(dialog).findByText('对方不同意公开的，请记录其理由')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/意见内容/), '涉及本机构经营信息');
    await user.click(within(dialog).getByRole('button', { name: '收到回复' }));
    expect(await screen.findByText('收到回复已记录')).toBeInTheDocument();
    expect(await screen.findByTestId('clock-ledger')).toHaveTextContent(
      '2026年11月26日收到意见回复：不同意公开（涉及本机构经营信息），恢复计时',
    );
  });

  it('延长期限: 告知延期日期 before the approval is a field error; both dates recorded', async () => {
    const app = await fresh();
    const { user } = await openDialogFor(app, '延长期限');
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByLabelText(/批准人/));
    await user.paste('办公室主任 张华');
    await user.click(within(dialog).getByLabelText(/^理由/));
    await user.paste('涉及多个县区');
    await typeDate(user, dialog, '批准延期日期', '2026-11-24');
    await typeDate(user, dialog, '告知延期日期', '2026-11-23');
    await user.click(within(dialog).getByRole('button', { name: '延长期限' }));
    expect(
      await within(dialog).findByText('告知延期日期不能早于批准延期的日期'),
    ).toBeInTheDocument();
    await typeDate(user, dialog, '告知延期日期', '2026-11-25');
    await user.click(within(dialog).getByRole('button', { name: '延长期限' }));
    expect(await screen.findByText('延长期限已记录')).toBeInTheDocument();
    // 11-30 + 20 working days (no holidays in December 2026)
    expect(screen.getByText(`${app.serialNo} 答复期限已延长至 2026年12月28日`)).toBeInTheDocument();
    expect(await screen.findByTestId('clock-ledger')).toHaveTextContent(
      '11月24日经办公室主任 张华同意延长20个工作日：涉及多个县区；2026年11月25日告知申请人',
    );
  });

  it('收到补正: the corrected request is required and shown in the ledger', async () => {
    let app = await fresh();
    const clerk = await as('clerk');
    app = (
      await clerk.post<Application>(
        `/applications/${app.id}/request-correction`,
        { note: '请明确年份', requestedOn: '2026-11-03', correctionDueOn: '2026-11-17' },
        { 'If-Match': `"${app.version}"` },
      )
    ).body;
    const { user } = await openDialogFor(app, '收到补正');
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '收到补正' }));
    expect(await within(dialog).findByText('必填')).toBeInTheDocument();
    await user.type(
      within(dialog).getByLabelText(/补正后的申请内容/),
      '申请公开2025年临时救助明细',
    );
    await user.click(within(dialog).getByRole('button', { name: '收到补正' }));
    expect(await screen.findByText('收到补正已记录')).toBeInTheDocument();
    expect(await screen.findByTestId('clock-ledger')).toHaveTextContent(
      '补正后的申请内容：申请公开2025年临时救助明细',
    );
  });
});

async function openDialogFor(app: Application, label: string) {
  const view = await openDetail(app);
  await openDialog(view.user, app, label);
  return view;
}

describe('a version conflict', () => {
  it('shows the current record, keeps the input, and applies it again on the current version', async () => {
    const app = await fresh();
    const { user } = await openDetail(app);
    // Someone else assigns the application after the page loaded.
    const admin = await as('admin');
    const other = await admin.post<Application>(
      `/applications/${app.id}/assign`,
      { sectionId: 'social_assistance' },
      { 'If-Match': `"${app.version}"` },
    );
    expect(other.status).toBe(200);

    const dialog = await openDialog(user, app, '延长期限');
    await user.type(within(dialog).getByLabelText(/批准人/), '王主任');
    await user.type(within(dialog).getByLabelText(/^理由/), '需调取档案');
    await user.click(within(dialog).getByRole('button', { name: '延长期限' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('该申请已被他人修改');
    expect(within(alert).getByTestId('conflict-changed')).toHaveTextContent(
      '变化：状态、承办科室、计时记录',
    );
    expect(within(alert).getByTestId('conflict-current')).toHaveTextContent(
      '当前状态：办理中 · 答复期限：2026年11月30日 · 承办科室：社会救助科',
    );
    expect(within(dialog).getByRole('button', { name: '延长期限' })).toBeDisabled();
    expect(within(dialog).getByLabelText(/批准人/)).toHaveValue('王主任');
    expect((await current(app.id)).version).toBe(app.version + 1);

    await user.click(within(alert).getByRole('button', { name: '在最新版本上重新提交' }));
    expect(await screen.findByText('延长期限已记录')).toBeInTheDocument();
    await waitFor(async () => expect((await current(app.id)).version).toBe(app.version + 2));
    const after = await current(app.id);
    expect(after.sectionId).toBe('social_assistance');
    expect(after.ledger.at(-1)).toMatchObject({ kind: 'extended', approvedBy: '王主任' });
    expect(after.dueOn).toBe('2026-12-28');
  });
});

describe('registering: the deadline preview', () => {
  it("shows the server's deadline for the date of receipt, the one the record then stores", async () => {
    const { user } = await renderWithProviders({ route: '/applications/new', user: 'clerk' });
    const form = await screen.findByRole('form', { name: '登记依申请公开申请' });
    // Today (Thu 11-26): 11-27, 11-30 … 12-24 is the 20th working day.
    expect(await screen.findByTestId('due-preview')).toHaveTextContent('2026年12月24日');
    const received = within(form).getByRole('textbox', { name: '收到日期' });
    await user.clear(received);
    await user.type(received, '2026-11-02');
    await user.tab();
    await waitFor(() =>
      expect(screen.getByTestId('due-preview')).toHaveTextContent('2026年11月30日'),
    );
    const due = (
      await (await as('clerk')).get<{ dueOn: string }>('/applications/due?receivedOn=2026-11-02')
    ).body;
    expect(due.dueOn).toBe('2026-11-30');
  });
});
