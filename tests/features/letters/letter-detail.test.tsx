import { screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Letter } from '@/features/letters/types';
import { formatDate } from '@/lib/format';
import { as } from '../../api';
import { renderWithProviders } from '../../utils';
import { pickOption } from './helpers';
import { seedOn } from '../../seed-day';

// Written for any day; pinned so that one run of it (on any TEST_TODAY) is enough.
seedOn('2026-11-26');

const ACTION_LABELS = [
  '转办',
  '改派',
  '延期',
  '申请延期',
  '批准延期',
  '不予延期',
  '答复',
  '退回',
  '办结',
  '重办',
  '督办',
];
/** An assigned letter the section may still ask to extend: none granted or pending, not overdue. */
const extendable = (l: Letter) => !l.extension && !l.extensionRequest && l.alert !== 'overdue';

/** A seeded letter matching the list query (the seed is relative to today). */
async function seeded(query: string, pred: (l: Letter) => boolean = () => true) {
  const clerk = await as('clerk');
  const items = (await clerk.get<{ items: Letter[] }>(`/letters?${query}&pageSize=100`)).body.items;
  const letter = items.find(pred);
  if (!letter) throw new Error(`no seeded letter for ${query}`);
  return letter;
}

/** The action buttons on the page, in order. */
const actionButtons = () =>
  screen
    .queryAllByRole('button')
    .map((b) => b.textContent ?? '')
    .filter((name) => ACTION_LABELS.includes(name));

async function openDetail(user: string, letter: Letter) {
  const view = await renderWithProviders({ route: `/letters/${letter.id}`, user });
  expect(await screen.findByTestId('serial-no')).toHaveTextContent(letter.serialNo);
  return view;
}

// Mantine's notification store is module-level: start each test without the previous one's toasts.
beforeEach(() => notifications.clean());

describe('letter detail: actions by role and state', () => {
  it('clerk sees only 转办 on a registered letter (督办 once transferred), transfers it and sees the result', async () => {
    const letter = await seeded('status=registered');
    const { user } = await openDetail('clerk', letter);
    expect(screen.getByText('已登记')).toBeInTheDocument();
    expect(actionButtons()).toEqual(['转办']);

    await user.click(screen.getByRole('button', { name: '转办' }));
    const dialog = await screen.findByRole('dialog', { name: `转办 · ${letter.serialNo}` });
    await user.click(within(dialog).getByRole('button', { name: '转办' }));
    expect(await within(dialog).findByText('必填')).toBeInTheDocument();
    await pickOption(user, '承办科室', '社会事务科');
    await user.type(within(dialog).getByLabelText('转办说明'), '请按期答复');
    await user.click(within(dialog).getByRole('button', { name: '转办' }));

    expect(await screen.findByText('转办成功')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('办理中')).toBeInTheDocument();
    expect(screen.getAllByText('社会事务科').length).toBeGreaterThan(0);
    await waitFor(() => expect(actionButtons()).toEqual(['改派', '延期', '答复', '督办']));
    await waitFor(() => expect(screen.getByTestId('timeline')).toHaveTextContent('请按期答复'));
    const after = await (await as('clerk')).get<Letter>(`/letters/${letter.id}`);
    expect(after.body).toMatchObject({ status: 'assigned', sectionId: 'social_affairs' });
    // the toast says to whom and until when
    expect(
      screen.getByText(
        `${letter.serialNo} 已转办至社会事务科，须于 ${formatDate(after.body.dueOn, 'zh-CN')} 前办结`,
      ),
    ).toBeInTheDocument();
  });

  it('a handler of the assigned section sees 申请延期/答复/退回 only, and replies with 答复方式', async () => {
    const letter = await seeded('status=assigned&sectionId=social_assistance', extendable);
    const full = (await (await as('clerk')).get<Letter>(`/letters/${letter.id}`)).body;
    const { user } = await openDetail('handler', letter);
    expect(screen.getByText(full.citizenPhone ?? '—')).toBeInTheDocument();
    expect(actionButtons()).toEqual(['申请延期', '答复', '退回']);

    await user.click(screen.getByRole('button', { name: '答复' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/答复内容/), '已电话联系来信人说明政策');
    await user.click(within(dialog).getByRole('button', { name: '答复' }));
    // 答复方式 is not guessed: it is required, shown next to the field
    expect(await within(dialog).findByText('必填')).toBeInTheDocument();
    await pickOption(user, '答复方式', '电话');
    await user.click(within(dialog).getByRole('button', { name: '答复' }));
    expect(await screen.findByText('答复成功')).toBeInTheDocument();
    expect(await screen.findByText('已电话联系来信人说明政策')).toBeInTheDocument();
    expect(screen.getByText(/答复方式 电话/)).toBeInTheDocument();
    expect(screen.getByText('已答复，待办结')).toBeInTheDocument();
    await waitFor(() => expect(actionButtons()).toEqual([]));
  });

  it('a handler applies for an extension; the office approves it and the record says who did what', async () => {
    const letter = await seeded('status=assigned&sectionId=social_assistance', extendable);
    const first = await openDetail('handler', letter);
    const user = first.user;
    await user.click(screen.getByRole('button', { name: '申请延期' }));
    const dialog = await screen.findByRole('dialog');
    const days = within(dialog).getByLabelText(/延期工作日数/);
    await user.clear(days);
    expect(within(dialog).getByText('最多 10 个工作日，只能延期一次')).toBeInTheDocument();
    await user.type(days, '12');
    await user.tab();
    expect(days).toHaveValue('10'); // clamped to maxExtensionDays
    await user.type(within(dialog).getByLabelText(/理由/), '需现场核查');
    await user.click(within(dialog).getByRole('button', { name: '申请延期' }));
    expect(await screen.findByText('申请延期成功')).toBeInTheDocument();
    expect(
      screen.getByText(`${letter.serialNo} 的延期申请（10个工作日）已报办公室审批`),
    ).toBeInTheDocument();
    expect(await screen.findByText('延期申请待审批')).toBeInTheDocument();
    await waitFor(() => expect(actionButtons()).toEqual(['答复', '退回']));
    first.unmount();

    const { user: clerk } = await openDetail('clerk', letter);
    await waitFor(() => expect(actionButtons()).toContain('批准延期'));
    expect(actionButtons()).toContain('不予延期');
    expect(actionButtons()).not.toContain('延期');
    await clerk.click(screen.getByRole('button', { name: '批准延期' }));
    const approve = await screen.findByRole('dialog');
    expect(approve).toHaveTextContent(/王强于.+申请延期10个工作日：需现场核查/);
    await clerk.click(within(approve).getByRole('button', { name: '批准延期' }));
    expect(await screen.findByText('批准延期成功')).toBeInTheDocument();
    const extended = (await (await as('clerk')).get<Letter>(`/letters/${letter.id}`)).body;
    expect(
      screen.getByText(
        `已批准 ${letter.serialNo} 的延期申请，新的办结期限为 ${formatDate(extended.dueOn, 'zh-CN')}`,
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText(/延期 10 个工作日：需现场核查/)).toBeInTheDocument();
    expect(screen.getByText('申请人：王强 · 批准人：李静')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('timeline')).toHaveTextContent(
        /批准王强的延期申请，延期10个工作日/,
      ),
    );
    const current = (await (await as('clerk')).get<Letter>(`/letters/${letter.id}`)).body;
    expect(current.extension).toMatchObject({
      days: 10,
      previousDueOn: letter.dueOn,
      requestedBy: { name: '王强' },
      approvedBy: { name: '李静' },
    });
  });

  it('past its deadline a letter offers no extension, and says why', async () => {
    const letter = await seeded(
      'status=assigned&sectionId=social_assistance&alert=overdue',
      (l) => !l.extension && !l.extensionRequest,
    );
    await openDetail('handler', letter);
    expect(actionButtons()).toEqual(['答复', '退回']);
    expect(screen.getByTestId('extension-closed')).toHaveTextContent(
      /办结期限 .+ 已过，不能再延期/,
    );
  });

  it('clerk closes a replied letter with the follow-up (回访); nothing is pre-selected', async () => {
    const letter = await seeded('status=replied');
    const { user } = await openDetail('clerk', letter);
    expect(actionButtons()).toEqual(['办结', '重办', '督办']);
    await user.click(screen.getByRole('button', { name: '办结' }));
    const dialog = await screen.findByRole('dialog');
    for (const r of within(dialog).queryAllByRole('radio')) expect(r).not.toBeChecked();
    expect(within(dialog).queryByRole('radio', { name: '满意' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '办结' }));
    expect((await within(dialog).findAllByText('必填')).length).toBeGreaterThanOrEqual(2);
    await pickOption(user, '回访方式', '电话');
    await user.click(within(dialog).getByRole('radio', { name: '已联系上' }));
    for (const r of within(dialog).getAllByRole('radio', { name: /满意/ }))
      expect(r).not.toBeChecked();
    // 不满意 offers 重办, or a reason to close anyway
    await user.click(within(dialog).getByRole('radio', { name: '不满意' }));
    expect(within(dialog).getByRole('button', { name: '重办' })).toBeInTheDocument();
    expect(within(dialog).getByLabelText('仍予办结的理由')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: '基本满意' }));
    expect(within(dialog).queryByLabelText('仍予办结的理由')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '办结' }));
    expect(await screen.findByText('办结成功')).toBeInTheDocument();
    expect(await screen.findByText('基本满意')).toBeInTheDocument();
    expect(screen.getByTestId('follow-up')).toHaveTextContent(/电话回访 · 回访人：李静 · 基本满意/);
    expect(screen.getByText(/^(按期|超期)办结$/)).toBeInTheDocument();
    await waitFor(() => expect(actionButtons()).toEqual([]));
    const after = (await (await as('clerk')).get<Letter>(`/letters/${letter.id}`)).body;
    expect(after.followUp).toMatchObject({ method: 'phone', by: '李静', reached: true });
  });

  it('不满意 at the follow-up: 重办 sends the letter back to the section instead of closing', async () => {
    const letter = await seeded('status=replied');
    const { user } = await openDetail('clerk', letter);
    await user.click(screen.getByRole('button', { name: '办结' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: '已联系上' }));
    await user.click(within(dialog).getByRole('radio', { name: '不满意' }));
    await user.click(within(dialog).getByRole('button', { name: '重办' }));
    const reopen = await screen.findByRole('dialog', { name: `重办 · ${letter.serialNo}` });
    await user.type(within(reopen).getByLabelText(/重办理由/), '来信人不满意：未说明救助标准');
    await user.click(within(reopen).getByRole('button', { name: '重办' }));
    expect(await screen.findByText('重办成功')).toBeInTheDocument();
    const after = (await (await as('clerk')).get<Letter>(`/letters/${letter.id}`)).body;
    expect(after).toMatchObject({ status: 'assigned', reply: null, followUp: null });
    expect(after.previousReplies.at(-1)).toMatchObject({
      reopenReason: '来信人不满意：未说明救助标准',
    });
  });

  it('联系不上: closes with no opinion recorded', async () => {
    const letter = await seeded('status=replied');
    const { user } = await openDetail('clerk', letter);
    await user.click(screen.getByRole('button', { name: '办结' }));
    const dialog = await screen.findByRole('dialog');
    await pickOption(user, '回访方式', '短信');
    await user.click(within(dialog).getByRole('radio', { name: '联系不上' }));
    expect(within(dialog).queryByRole('radio', { name: '满意' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '办结' }));
    expect(await screen.findByText('办结成功')).toBeInTheDocument();
    const after = (await (await as('clerk')).get<Letter>(`/letters/${letter.id}`)).body;
    expect(after).toMatchObject({
      satisfaction: null,
      followUp: { reached: false, method: 'sms' },
    });
  });

  it('the history reads in the viewer’s language; earlier replies stay, collapsed', async () => {
    // the seeded letter reopened (重办) after an unsatisfactory reply
    const letter = await seeded('status=assigned', (l) => l.previousReplies.length > 0);
    const { user } = await renderWithProviders({
      route: `/letters/${letter.id}`,
      user: 'clerk',
      locale: 'en-US',
    });
    // the English catalogue and the history load after the page: give them time on a busy machine
    const timeline = await screen.findByTestId('timeline');
    await waitFor(() => expect(timeline).toHaveTextContent(/Transferred to /));
    expect(timeline).toHaveTextContent(/Answered \(By phone\) on \d{4}-\d{2}-\d{2}/);
    expect(timeline).toHaveTextContent('Reopened: 答复未回应核心诉求，请重新办理');
    expect(timeline).not.toHaveTextContent('转办至');
    const earlier = screen.getByRole('button', { name: 'Earlier replies (1)' });
    expect(earlier).toHaveAttribute('aria-expanded', 'false'); // collapsed
    await user.click(earlier);
    expect(earlier).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(screen.getByText('已转所在县区研究办理。')).toBeVisible());
  });

  it('a leader reads the letter with a masked phone and sees no action buttons', async () => {
    const letter = await seeded('status=assigned', (l) => l.citizenPhone !== null);
    await openDetail('leader', letter);
    expect(await screen.findByTestId('timeline')).toBeInTheDocument();
    expect(actionButtons()).toEqual([]);
    expect(screen.getByText(/\*\*\*\*/)).toBeInTheDocument();
  });

  it('a version conflict shows the current record and re-applies the change on it', async () => {
    const letter = await seeded('status=assigned', (l) => !l.supervised);
    const { user } = await openDetail('clerk', letter);
    // Someone else changes the letter after the page loaded.
    const admin = await as('admin');
    const changed = await admin.post<Letter>(
      `/letters/${letter.id}/supervise`,
      { note: '局领导督办' },
      { 'If-Match': `"${letter.version}"` },
    );
    expect(changed.status).toBe(200);

    await user.click(screen.getByRole('button', { name: '改派' }));
    const dialog = await screen.findByRole('dialog');
    await pickOption(user, '承办科室', '养老服务科');
    await user.click(within(dialog).getByRole('button', { name: '改派' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('该来信已被他人修改');
    expect(alert).toHaveTextContent('变化：督办');
    expect(within(dialog).getByRole('button', { name: '改派' })).toBeDisabled();
    expect(within(dialog).getByRole('combobox', { name: '承办科室' })).toHaveValue('养老服务科');

    await user.click(within(alert).getByRole('button', { name: '在最新版本上重新提交' }));
    expect(await screen.findByText('改派成功')).toBeInTheDocument();
    expect(await screen.findByText('办理中')).toBeInTheDocument();
    expect(screen.getAllByText('养老服务科').length).toBeGreaterThan(0);
    const after = (await admin.get<Letter>(`/letters/${letter.id}`)).body;
    expect(after).toMatchObject({
      status: 'assigned',
      sectionId: 'elderly',
      supervised: true,
      version: letter.version + 2,
    });
  });

  it('a handler of another section gets the not-found state', async () => {
    const letter = await seeded('status=assigned&sectionId=social_affairs');
    await renderWithProviders({ route: `/letters/${letter.id}`, user: 'handler' });
    expect(await screen.findByText(/没有找到该(记录|来信)，或您无权查看/)).toBeInTheDocument();
    expect(screen.queryByTestId('serial-no')).not.toBeInTheDocument();
  });
});
