import { screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Letter } from '@/features/letters/types';
import { as } from '../api';
import {
  actionAfter503,
  captureRequests,
  type DialogInput,
  enter,
  expectLoading,
  failKeepRetry,
  faultInjector,
  lostReplyRetry,
  openActionDialog,
  pickOption,
  refetchFailsUnderDialog,
  type RegisterForm,
  retype,
  settled,
  slowDoubleClick,
  type UserEv,
} from './helpers';
import { seedOn } from '../seed-day';

// Written for any day; pinned so that one run of it (on any TEST_TODAY) is enough.
seedOn('2026-11-26');

beforeEach(() => notifications.clean());

const LETTER_FORM: RegisterForm = {
  collection: 'letters',
  name: '登记来信',
  submit: '登记',
  draftKey: 'gkwb.draft.letter.new.u-clerk',
  draftField: 'subject',
  async fill(user, subject) {
    await pickOption(user, '来源', '电话');
    await pickOption(user, '类别', '咨询');
    await enter(user, screen.getByLabelText(/标题/), subject);
    await enter(user, screen.getByLabelText(/来信内容/), '服务器出错时不应丢失输入。');
    await enter(user, screen.getByLabelText(/来信人/), '孙八');
    await enter(user, screen.getByLabelText(/联系电话/), '13800001111');
    // The deadline preview has loaded: nothing is in flight when the faults start.
    await screen.findByTestId('due-preview');
  },
  expectTyped(subject) {
    expect(screen.getByRole('combobox', { name: '来源' })).toHaveValue('电话');
    expect(screen.getByRole('combobox', { name: '类别' })).toHaveValue('咨询');
    expect(screen.getByLabelText(/标题/)).toHaveValue(subject);
    expect(screen.getByLabelText(/来信内容/)).toHaveValue('服务器出错时不应丢失输入。');
    expect(screen.getByLabelText(/来信人/)).toHaveValue('孙八');
    expect(screen.getByLabelText(/联系电话/)).toHaveValue('13800001111');
  },
};

describe('register a letter while the server fails', () => {
  // It fails twice: the second failure changes nothing either.
  it('503: says so, keeps the input, and the retry sends the same Idempotency-Key and creates one letter', () =>
    failKeepRetry(LETTER_FORM, '故障注入：登记来信重试', 2));

  it('a reply lost after the server saved: the retry replays the same letter, not a second one', () =>
    lostReplyRetry(LETTER_FORM, '故障注入：答复丢失后重试'));

  it('a slow server: the button shows progress and a double click registers one letter', () =>
    slowDoubleClick(LETTER_FORM, '故障注入：慢速服务器'));
});

/* ------------------------------------------------------------------------------------------ */
/* The action dialogs on the letter's page                                                     */
/* ------------------------------------------------------------------------------------------ */

interface ActionCase extends DialogInput {
  user: 'clerk' | 'handler';
  /** Which seeded letter: the first the list `query` gives (that `pred` accepts). */
  query: string;
  pred?: (l: Letter) => boolean;
  expectDone: (after: Letter) => void;
}

const typeIn = async (user: UserEv, dialog: HTMLElement, label: RegExp | string, text: string) =>
  enter(user, within(dialog).getByLabelText(label), text);

const ACTIONS: ActionCase[] = [
  {
    label: '转办',
    user: 'clerk',
    query: 'status=registered',
    fill: async (user, dialog) => {
      await pickOption(user, '承办科室', '社会事务科');
      await typeIn(user, dialog, '转办说明', '故障期间填写的转办说明');
    },
    expectKept: (dialog) => {
      expect(within(dialog).getByRole('combobox', { name: '承办科室' })).toHaveValue('社会事务科');
      expect(within(dialog).getByLabelText('转办说明')).toHaveValue('故障期间填写的转办说明');
    },
    expectDone: (after) =>
      expect(after).toMatchObject({ status: 'assigned', sectionId: 'social_affairs' }),
  },
  {
    label: '改派',
    user: 'clerk',
    query: 'status=assigned',
    pred: (l) => l.sectionId !== 'elderly',
    fill: async (user, dialog) => {
      await pickOption(user, '承办科室', '养老服务科');
      await typeIn(user, dialog, '转办说明', '改由养老服务科办理');
    },
    expectKept: (dialog) => {
      expect(within(dialog).getByRole('combobox', { name: '承办科室' })).toHaveValue('养老服务科');
      expect(within(dialog).getByLabelText('转办说明')).toHaveValue('改由养老服务科办理');
    },
    expectDone: (after) =>
      expect(after).toMatchObject({ status: 'assigned', sectionId: 'elderly' }),
  },
  {
    // a section applies for the extension (issue #20); the office decides
    label: '申请延期',
    user: 'handler',
    query: 'status=assigned&sectionId=social_assistance',
    pred: (l) => !l.extension && !l.extensionRequest && l.alert !== 'overdue',
    fill: async (user, dialog) => {
      // The limit comes from the time-limits query: loaded before the faults start.
      await within(dialog).findByText('最多 10 个工作日，只能延期一次');
      await retype(user, within(dialog).getByLabelText(/延期工作日数/), '7');
      await typeIn(user, dialog, /理由/, '需现场核查，故障期间填写');
    },
    expectKept: (dialog) => {
      expect(within(dialog).getByLabelText(/延期工作日数/)).toHaveValue('7');
      expect(within(dialog).getByLabelText(/理由/)).toHaveValue('需现场核查，故障期间填写');
    },
    expectDone: (after) =>
      expect(after.extensionRequest).toMatchObject({
        days: 7,
        reason: '需现场核查，故障期间填写',
      }),
  },
  {
    label: '答复',
    user: 'handler',
    query: 'status=assigned&sectionId=social_assistance',
    fill: async (user, dialog) => {
      await pickOption(user, '答复方式', '电话');
      await typeIn(user, dialog, /答复内容/, '已电话联系来信人，故障期间填写');
    },
    expectKept: (dialog) => {
      expect(within(dialog).getByLabelText(/答复内容/)).toHaveValue(
        '已电话联系来信人，故障期间填写',
      );
      expect(within(dialog).getByRole('combobox', { name: '答复方式' })).toHaveValue('电话');
    },
    expectDone: (after) => {
      expect(after.status).toBe('replied');
      expect(after.reply).toMatchObject({ content: '已电话联系来信人，故障期间填写' });
    },
  },
  {
    label: '办结',
    user: 'clerk',
    query: 'status=replied',
    fill: async (user, dialog) => {
      await pickOption(user, '回访方式', '电话');
      await user.click(within(dialog).getByRole('radio', { name: '已联系上' }));
      await user.click(within(dialog).getByRole('radio', { name: '不满意' }));
      await typeIn(user, dialog, '仍予办结的理由', '诉求超出政策，故障期间填写');
    },
    expectKept: (dialog) => {
      expect(within(dialog).getByRole('radio', { name: '不满意' })).toBeChecked();
      expect(within(dialog).getByLabelText('仍予办结的理由')).toHaveValue(
        '诉求超出政策，故障期间填写',
      );
    },
    expectDone: (after) =>
      expect(after).toMatchObject({
        status: 'closed',
        satisfaction: 'unsatisfied',
        followUp: { reached: true, closeReason: '诉求超出政策，故障期间填写' },
      }),
  },
  {
    label: '重办',
    user: 'clerk',
    query: 'status=replied',
    fill: (user, dialog) => typeIn(user, dialog, /重办理由/, '答复未解决诉求，故障期间填写'),
    expectKept: (dialog) =>
      expect(within(dialog).getByLabelText(/重办理由/)).toHaveValue('答复未解决诉求，故障期间填写'),
    expectDone: (after) => expect(after.status).toBe('assigned'),
  },
  {
    label: '督办',
    user: 'clerk',
    query: 'status=assigned',
    pred: (l) => !l.supervised,
    fill: (user, dialog) => typeIn(user, dialog, /督办意见/, '请加快办理，故障期间填写'),
    expectKept: (dialog) =>
      expect(within(dialog).getByLabelText(/督办意见/)).toHaveValue('请加快办理，故障期间填写'),
    expectDone: (after) => expect(after.supervised).toBe(true),
  },
];

describe('letter action dialogs while the server fails', () => {
  it.each(ACTIONS)(
    '$label: 503 keeps the dialog open with a message and the input; the retry changes the letter once',
    async (c) => {
      const clerk = await as('clerk');
      const { items } = (await clerk.get<{ items: Letter[] }>(`/letters?${c.query}&pageSize=100`))
        .body;
      const letter = items.find(c.pred ?? (() => true));
      if (!letter) throw new Error(`no seeded letter for ${c.query}`);
      const after = await actionAfter503(c, {
        collection: 'letters',
        entity: 'letter',
        record: letter,
        user: c.user,
        post: /^\/letters\/[^/]+\/[a-z-]+$/,
        success: `${c.label}成功`,
      });
      c.expectDone(after);
    },
  );
});

/** A letter the handler can reply to, its page open as the handler, the reply dialog with `text`. */
async function replyDialog(text: string) {
  const clerk = await as('clerk');
  const letter = (
    await clerk.get<{ items: Letter[] }>(
      '/letters?status=assigned&sectionId=social_assistance&pageSize=1',
    )
  ).body.items[0]!;
  const view = await openActionDialog('letters', letter, 'handler', '答复');
  await pickOption(view.user, '答复方式', '书面');
  await enter(view.user, within(view.dialog).getByLabelText(/答复内容/), text);
  await settled(view.queryClient);
  const after = async () => (await clerk.get<Letter>(`/letters/${letter.id}`)).body;
  return { ...view, letter, after };
}

describe('the letter page while the server is slow or failing', () => {
  it('a slow server: the dialog button shows progress and a double click replies once', async () => {
    const faults = await faultInjector();
    const { user, queryClient, dialog, letter, after } = await replyDialog('慢速服务器下的答复');
    const posts = captureRequests('POST', `/letters/${letter.id}/reply`);

    await faults.slow(800);
    const submit = within(dialog).getByRole('button', { name: '答复' });
    await user.dblClick(submit);
    await waitFor(() => expectLoading(submit));
    expect(within(dialog).getByLabelText(/答复内容/)).toHaveValue('慢速服务器下的答复');
    // The reply under way keeps its delay; the page's refetches after it need not wait too.
    await faults.clear();
    expect(await screen.findByText('答复成功')).toBeInTheDocument();
    await settled(queryClient);
    expect(posts).toHaveLength(1);
    expect(await after()).toMatchObject({ status: 'replied', version: letter.version + 1 });
    expect(screen.queryByText('当前状态下不能执行该操作。')).not.toBeInTheDocument();
  });

  it('a refetch failing while a dialog is open keeps the page, the dialog and what was typed', async () => {
    const faults = await faultInjector();
    const page = await replyDialog('长篇答复写到一半');
    const { user, dialog, letter, after } = page;

    await refetchFailsUnderDialog(faults, page, letter, ['letters', 'detail', letter.id]);
    expect(within(dialog).getByLabelText(/答复内容/)).toHaveValue('长篇答复写到一半');

    await faults.clear();
    await user.click(within(dialog).getByRole('button', { name: '答复' }));
    expect(await screen.findByText('答复成功')).toBeInTheDocument();
    expect(await after()).toMatchObject({ status: 'replied', version: letter.version + 1 });
  });
});
