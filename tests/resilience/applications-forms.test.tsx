import { screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Application, ApplicationAction } from '@/features/applications/types';
import { chinaToday, formatDate } from '@/lib/format';
import { addDays } from '@/lib/workdays';
import { as } from '../api';
import {
  actionAfter503,
  countRecords,
  type DialogInput,
  enter,
  failKeepRetry,
  faultInjector,
  lostReplyRetry,
  openActionDialog,
  pickOption,
  reenter,
  refetchFailsUnderDialog,
  type RegisterForm,
  retype,
  settled,
  slowDoubleClick,
} from './helpers';
import { seedOn } from '../seed-day';

/**
 * The last working days of a year: the deadlines of the applications made here run into the next
 * (and its New Year holiday). The file's own day, so one run is enough (tests/run-all.mjs).
 */
const DAY = '2026-12-28';
seedOn(DAY);

beforeEach(() => notifications.clean());

const totalApplications = (q?: string) => countRecords('applications', q);

const APPLICATION_FORM: RegisterForm = {
  collection: 'applications',
  name: '登记依申请公开申请',
  submit: '登记申请',
  draftKey: 'gkwb.draft.application.new.u-clerk',
  // The page's heading is what was asked for (the applicant is secondary).
  draftField: 'description',
  async fill(user, text) {
    await pickOption(user, '申请人类型', '科研机构');
    await enter(user, screen.getByLabelText(/申请人名称/), '某研究所');
    await enter(user, screen.getByLabelText(/联系方式/), '0355-2021234');
    await pickOption(user, '申请方式', '网上申请');
    await enter(user, screen.getByLabelText(/申请内容/), text);
  },
  expectTyped(text) {
    expect(screen.getByRole('combobox', { name: '申请人类型' })).toHaveValue('科研机构');
    expect(screen.getByLabelText(/申请人名称/)).toHaveValue('某研究所');
    expect(screen.getByLabelText(/联系方式/)).toHaveValue('0355-2021234');
    expect(screen.getByRole('combobox', { name: '申请方式' })).toHaveValue('网上申请');
    expect(screen.getByLabelText(/申请内容/)).toHaveValue(text);
  },
};

describe('register an application while the server fails', () => {
  it('503: says so, keeps the input, and the retry sends the same Idempotency-Key and creates one application', async () => {
    const { user, router, posts, before, key } = await failKeepRetry(
      APPLICATION_FORM,
      '申请公开故障期间明细',
    );

    // The used key is gone with the draft: the next application is a new one, not a replay.
    await router.navigate('/applications/new');
    const next = await screen.findByRole('form', { name: APPLICATION_FORM.name });
    expect(screen.getByLabelText(/申请人名称/)).toHaveValue('');
    expect(screen.queryByText('已恢复上次未提交的草稿')).not.toBeInTheDocument();
    await APPLICATION_FORM.fill(user, '申请公开第二件');
    await user.click(within(next).getByRole('button', { name: APPLICATION_FORM.submit }));
    await waitFor(() =>
      expect(screen.getByTestId('application-title')).toHaveTextContent('申请公开第二件'),
    );
    expect(posts).toHaveLength(3);
    expect(posts[2]!.idempotencyKey).not.toBe(key);
    expect(await totalApplications()).toBe(before + 2);
  });

  it('a reply lost after the server saved: the retry replays the same application, not a second one', () =>
    lostReplyRetry(APPLICATION_FORM, '申请公开答复丢失期间的救助数据'));

  it('a slow server: the button shows progress and a double click registers one application', () =>
    slowDoubleClick(APPLICATION_FORM, '申请公开慢速服务器期间的救助数据'));
});

/* ------------------------------------------------------------------------------------------ */
/* The action dialogs on the application's page                                                */
/* ------------------------------------------------------------------------------------------ */

/** A new application received today, taken through `steps` by the office (through the API). */
async function freshApplication(steps: [ApplicationAction, object][] = []) {
  const clerk = await as('clerk');
  const created = await clerk.post<Application>(
    '/applications',
    {
      applicantType: 'natural_person',
      applicantName: `动作测试申请人${Math.random().toString(36).slice(2, 7)}`,
      contact: '13900002222',
      channel: 'in_person',
      receivedOn: chinaToday(),
      description: '申请公开本局2026年临时救助审批流程。',
    },
    { 'Idempotency-Key': crypto.randomUUID() },
  );
  expect(created.status).toBe(201);
  let app = created.body;
  for (const [action, body] of steps) {
    const r = await clerk.post<Application>(`/applications/${app.id}/${action}`, body, {
      'If-Match': `"${app.version}"`,
    });
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
    app = r.body;
  }
  return app;
}

interface ActionCase extends DialogInput {
  action: ApplicationAction;
  /** What the application goes through (through the API) before the test. */
  steps?: [ApplicationAction, object][];
  expectDone: (after: Application) => void;
}

const lastEvent = (a: Application) => a.ledger.at(-1)!;
const today = DAY;
/** The 补正期限 the dialogs give the applicant: two weeks on. */
const correctionDue = addDays(today, 14);
const expectDate = (dialog: HTMLElement, label: string) =>
  expect(within(dialog).getByRole('textbox', { name: label })).toHaveValue(
    formatDate(today, 'zh-CN'),
  );

const ACTIONS: ActionCase[] = [
  {
    action: 'assign',
    label: '交办科室',
    fill: (user) => pickOption(user, '承办科室', '社会救助科'),
    expectKept: (dialog) =>
      expect(within(dialog).getByRole('combobox', { name: '承办科室' })).toHaveValue('社会救助科'),
    expectDone: (after) => {
      expect(after.sectionId).toBe('social_assistance');
      expect(lastEvent(after)).toMatchObject({ kind: 'assigned', sectionId: 'social_assistance' });
    },
  },
  {
    action: 'request-correction',
    label: '告知补正',
    fill: async (user, dialog) => {
      await within(dialog).findByText(/须在 .+ 前（收到申请后7个工作日内）一次性告知/);
      await enter(user, within(dialog).getByLabelText(/需补正的内容/), '请补充所需信息的年份范围');
      await user.type(within(dialog).getByRole('textbox', { name: '补正期限' }), correctionDue);
      await user.tab();
    },
    expectKept: (dialog) => {
      expect(within(dialog).getByLabelText(/需补正的内容/)).toHaveValue('请补充所需信息的年份范围');
      expectDate(dialog, '告知日期');
      expect(within(dialog).getByRole('textbox', { name: '补正期限' })).toHaveValue(
        formatDate(correctionDue, 'zh-CN'),
      );
    },
    expectDone: (after) => {
      expect(after.clock.state).toBe('awaiting_correction');
      expect(lastEvent(after)).toMatchObject({
        kind: 'correction_requested',
        note: '请补充所需信息的年份范围',
        correctionDueOn: correctionDue,
      });
    },
  },
  {
    action: 'correction-received',
    label: '收到补正',
    steps: [
      [
        'request-correction',
        { note: '请补充年份', requestedOn: today, correctionDueOn: correctionDue },
      ],
    ],
    fill: async (user, dialog) => {
      await enter(
        user,
        within(dialog).getByLabelText(/补正后的申请内容/),
        '申请公开2026年临时救助审批流程图',
      );
    },
    expectKept: (dialog) => {
      expectDate(dialog, '收到补正日期');
      expect(within(dialog).getByLabelText(/补正后的申请内容/)).toHaveValue(
        '申请公开2026年临时救助审批流程图',
      );
    },
    expectDone: (after) =>
      expect(lastEvent(after)).toMatchObject({
        kind: 'correction_received',
        on: today,
        content: '申请公开2026年临时救助审批流程图',
      }),
  },
  {
    action: 'consult-third-party',
    label: '征求意见',
    fill: async (user, dialog) => {
      await user.click(within(dialog).getByRole('radio', { name: '其他机关' }));
      await enter(user, within(dialog).getByLabelText('对象名称'), '长治市财政局');
    },
    expectKept: (dialog) => {
      expect(within(dialog).getByRole('radio', { name: '其他机关' })).toBeChecked();
      expect(within(dialog).getByLabelText('对象名称')).toHaveValue('长治市财政局');
    },
    expectDone: (after) =>
      expect(lastEvent(after)).toMatchObject({
        kind: 'consult_sent',
        party: 'other_agency',
        name: '长治市财政局',
      }),
  },
  {
    action: 'third-party-replied',
    label: '收到回复',
    steps: [['consult-third-party', { sentOn: today, party: 'third_party' }]],
    fill: async (user, dialog) => {
      await user.click(within(dialog).getByRole('radio', { name: '同意公开' }));
    },
    expectKept: (dialog) => {
      expectDate(dialog, '回复日期');
      expect(within(dialog).getByRole('radio', { name: '同意公开' })).toBeChecked();
    },
    expectDone: (after) =>
      expect(lastEvent(after)).toMatchObject({
        kind: 'consult_replied',
        on: today,
        opinion: 'agree',
      }),
  },
  {
    action: 'extend',
    label: '延长期限',
    fill: async (user, dialog) => {
      await enter(user, within(dialog).getByLabelText(/批准人/), '王主任');
      await enter(user, within(dialog).getByLabelText(/理由/), '涉及多个科室，需延长答复期限');
    },
    expectKept: (dialog) => {
      expect(within(dialog).getByLabelText(/批准人/)).toHaveValue('王主任');
      expect(within(dialog).getByLabelText(/理由/)).toHaveValue('涉及多个科室，需延长答复期限');
    },
    expectDone: (after) =>
      expect(lastEvent(after)).toMatchObject({
        kind: 'extended',
        approvedBy: '王主任',
        reason: '涉及多个科室，需延长答复期限',
      }),
  },
  {
    action: 'fee-notice',
    label: '收费通知',
    fill: async (user, dialog) => {
      await user.click(within(dialog).getByRole('radio', { name: '按件计收' }));
      await retype(user, within(dialog).getByLabelText(/件数\/页数/), '12');
    },
    expectKept: (dialog) => {
      expect(within(dialog).getByRole('radio', { name: '按件计收' })).toBeChecked();
      expect(within(dialog).getByLabelText(/件数\/页数/)).toHaveValue('12');
    },
    expectDone: (after) =>
      expect(lastEvent(after)).toMatchObject({ kind: 'fee_notice', method: 'per_item', count: 12 }),
  },
  {
    action: 'fee-paid',
    label: '已缴费',
    steps: [['fee-notice', { sentOn: today, method: 'per_page', count: 40 }]],
    fill: async () => {},
    expectKept: (dialog) => expectDate(dialog, '缴费日期'),
    expectDone: (after) => expect(lastEvent(after)).toMatchObject({ kind: 'fee_paid', on: today }),
  },
  {
    action: 'decide',
    label: '作出答复',
    fill: async (user, dialog) => {
      await pickOption(user, '办理结果', '予以公开 年度报告表三 3.1 （一）予以公开');
      await reenter(
        user,
        within(dialog).getByLabelText(/答复理由/),
        '经审查，予以公开（故障期间填写）',
      );
    },
    expectKept: (dialog) => {
      expect(within(dialog).getByRole('combobox', { name: '办理结果' })).toHaveValue('予以公开');
      expect(within(dialog).getByLabelText(/答复理由/)).toHaveValue(
        '经审查，予以公开（故障期间填写）',
      );
    },
    expectDone: (after) => {
      expect(after.status).toBe('decided');
      expect(after.decision).toMatchObject({
        outcome: '3.1',
        reason: '经审查，予以公开（故障期间填写）',
      });
    },
  },
];

describe('application action dialogs while the server fails', () => {
  it.each(ACTIONS)(
    '$label: 503 keeps the dialog open with a message and the input; the retry records the step once',
    async (c) => {
      const app = await freshApplication(c.steps);
      const after = await actionAfter503(c, {
        collection: 'applications',
        entity: 'application',
        record: app,
        user: 'clerk',
        post: `/applications/${app.id}/${c.action}`,
        success: `${c.label}已记录`,
      });
      expect(after.ledger).toHaveLength(app.ledger.length + 1);
      c.expectDone(after);
    },
  );
});

describe('the application page during an outage', () => {
  it('a refetch failing while a dialog is open keeps the page, the dialog and what was typed', async () => {
    const faults = await faultInjector();
    const app = await freshApplication();
    const page = await openActionDialog('applications', app, 'clerk', '延长期限');
    const { user, dialog } = page;
    await enter(user, within(dialog).getByLabelText(/批准人/), '李局长');
    await enter(user, within(dialog).getByLabelText(/理由/), '理由写到一半');
    await settled(page.queryClient);

    await refetchFailsUnderDialog(faults, page, app, ['applications', 'detail', app.id]);
    expect(within(dialog).getByLabelText(/理由/)).toHaveValue('理由写到一半');

    await faults.clear();
    await user.click(within(dialog).getByRole('button', { name: '延长期限' }));
    expect(await screen.findByText('延长期限已记录')).toBeInTheDocument();
    const after = (await (await as('clerk')).get<Application>(`/applications/${app.id}`)).body;
    expect(after.version).toBe(app.version + 1);
    expect(lastEvent(after)).toMatchObject({ kind: 'extended', approvedBy: '李局长' });
  });
});
