import { act, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '@mocks/node';
import type { Letter } from '@/features/letters/types';
import { as } from '../api';
import {
  captureRequests,
  expectLoading,
  faultInjector,
  pickOption,
  renderApp,
  SERVER_503,
  settled,
  type UserEv,
} from './helpers';

const DRAFT_KEY = 'gkwb.draft.letter.new.u-clerk';
const RETRY_HINT = '提交失败，您填写的内容已保留，可直接重试（不会重复登记）。';

beforeEach(() => notifications.clean());

async function totalLetters(q?: string) {
  const clerk = await as('clerk');
  const query = q ? `&q=${encodeURIComponent(q)}` : '';
  return (await clerk.get<{ total: number }>(`/letters?pageSize=1${query}`)).body.total;
}

async function fill(user: UserEv, subject: string) {
  await pickOption(user, '来源', '电话');
  await pickOption(user, '类别', '咨询');
  await user.type(screen.getByLabelText(/标题/), subject);
  await user.type(screen.getByLabelText(/来信内容/), '服务器出错时不应丢失输入。');
  await user.type(screen.getByLabelText(/来信人/), '孙八');
  await user.type(screen.getByLabelText(/联系电话/), '13800001111');
  // The deadline preview has loaded: nothing is in flight when the faults start.
  await screen.findByTestId('due-preview');
}

function expectTyped(subject: string) {
  expect(screen.getByRole('combobox', { name: '来源' })).toHaveValue('电话');
  expect(screen.getByRole('combobox', { name: '类别' })).toHaveValue('咨询');
  expect(screen.getByLabelText(/标题/)).toHaveValue(subject);
  expect(screen.getByLabelText(/来信内容/)).toHaveValue('服务器出错时不应丢失输入。');
  expect(screen.getByLabelText(/来信人/)).toHaveValue('孙八');
  expect(screen.getByLabelText(/联系电话/)).toHaveValue('13800001111');
}

describe('register a letter while the server fails', () => {
  it('503: says so, keeps the input, and the retry sends the same Idempotency-Key and creates one letter', async () => {
    const faults = await faultInjector();
    const before = await totalLetters();
    const subject = '故障注入：登记来信重试';
    const { user, router, queryClient } = await renderApp({
      route: '/letters/new',
      user: 'clerk',
    });
    const form = await screen.findByRole('form', { name: '登记来信' });
    await fill(user, subject);
    await settled(queryClient);
    const posts = captureRequests('POST', '/letters');

    await faults.fail(503);
    await user.click(within(form).getByRole('button', { name: '登记' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent(SERVER_503);
    expect(alert).toHaveTextContent(RETRY_HINT);
    expectTyped(subject);
    expect(router.state.location.pathname).toBe('/letters/new');
    // The draft (with its key) survives a reload too.
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY)!);
    expect(draft.values.subject).toBe(subject);
    expect(posts).toHaveLength(1);
    expect(draft.key).toBe(posts[0]!.headers.get('Idempotency-Key'));

    // A second failure changes nothing either.
    await user.click(within(form).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(await within(form).findByRole('alert')).toHaveTextContent(SERVER_503);

    await faults.clear();
    await user.click(within(form).getByRole('button', { name: '重试' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toMatch(/^\/letters\/[0-9a-f-]{36}$/),
    );
    expect(await screen.findByRole('heading', { name: subject })).toBeInTheDocument();

    expect(posts).toHaveLength(3);
    const keys = posts.map((p) => p.headers.get('Idempotency-Key'));
    expect(keys[0]).toMatch(/\S{8,}/);
    expect(new Set(keys).size).toBe(1);
    expect(await totalLetters()).toBe(before + 1);
    expect(await totalLetters(subject)).toBe(1);
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('a reply lost after the server saved: the retry replays the same letter, not a second one', async () => {
    const before = await totalLetters();
    const subject = '故障注入：答复丢失后重试';
    const { user, router, queryClient } = await renderApp({
      route: '/letters/new',
      user: 'clerk',
    });
    const form = await screen.findByRole('form', { name: '登记来信' });
    await fill(user, subject);
    await settled(queryClient);
    const posts = captureRequests('POST', '/letters');
    // Once: the request reaches the real handler (which saves the letter), then the reply is lost.
    server.use(
      http.post(
        '*/api/v1/letters',
        async ({ request }) => {
          const saved = await fetch(request.url, {
            method: 'POST',
            headers: request.headers,
            body: await request.text(),
          });
          expect(saved.status).toBe(201);
          return HttpResponse.json(
            { type: 'about:blank', title: 'Service Unavailable', status: 503 },
            { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
          );
        },
        { once: true },
      ),
    );

    await user.click(within(form).getByRole('button', { name: '登记' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(SERVER_503);
    expectTyped(subject);
    expect(await totalLetters(subject)).toBe(1); // saved, but the app does not know

    await user.click(within(form).getByRole('button', { name: '重试' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toMatch(/^\/letters\/[0-9a-f-]{36}$/),
    );
    // 3 requests reached the server: the first, its forward by the once-handler, the retry.
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((p) => p.headers.get('Idempotency-Key'))).size).toBe(1);
    expect(await totalLetters()).toBe(before + 1);
    expect(await totalLetters(subject)).toBe(1);
  });

  it('a slow server: the button shows progress and a double click registers one letter', async () => {
    const faults = await faultInjector();
    const before = await totalLetters();
    const subject = '故障注入：慢速服务器';
    const { user, router, queryClient } = await renderApp({
      route: '/letters/new',
      user: 'clerk',
    });
    const form = await screen.findByRole('form', { name: '登记来信' });
    await fill(user, subject);
    await settled(queryClient);
    const posts = captureRequests('POST', '/letters');

    await faults.slow(800);
    const submit = within(form).getByRole('button', { name: '登记' });
    await user.dblClick(submit);
    await waitFor(() => expectLoading(submit));
    await user.click(submit);
    expectTyped(subject);
    await waitFor(() =>
      expect(router.state.location.pathname).toMatch(/^\/letters\/[0-9a-f-]{36}$/),
    );
    // The detail page's own (slow) requests finish under this test's session before it ends.
    await settled(queryClient);
    await faults.clear();
    expect(posts).toHaveLength(1);
    expect(await totalLetters()).toBe(before + 1);
    expect(await totalLetters(subject)).toBe(1);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* The action dialogs on the letter's page                                                     */
/* ------------------------------------------------------------------------------------------ */

interface ActionCase {
  /** The button (and dialog title) of the action. */
  label: string;
  user: 'clerk' | 'handler';
  query: string;
  pred?: (l: Letter) => boolean;
  fill: (user: UserEv, dialog: HTMLElement) => Promise<void>;
  expectKept: (dialog: HTMLElement) => void;
  expectDone: (after: Letter) => void;
}

const typeIn = async (user: UserEv, dialog: HTMLElement, label: RegExp | string, text: string) =>
  user.type(within(dialog).getByLabelText(label), text);

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
    label: '延期',
    user: 'handler',
    query: 'status=assigned&sectionId=social_assistance',
    pred: (l) => !l.extension,
    fill: async (user, dialog) => {
      // The limit comes from the time-limits query: loaded before the faults start.
      await within(dialog).findByText('最多 10 个工作日，只能延期一次');
      const days = within(dialog).getByLabelText(/延期工作日数/);
      await user.clear(days);
      await user.type(days, '7');
      await typeIn(user, dialog, /理由/, '需现场核查，故障期间填写');
    },
    expectKept: (dialog) => {
      expect(within(dialog).getByLabelText(/延期工作日数/)).toHaveValue('7');
      expect(within(dialog).getByLabelText(/理由/)).toHaveValue('需现场核查，故障期间填写');
    },
    expectDone: (after) =>
      expect(after.extension).toMatchObject({ days: 7, reason: '需现场核查，故障期间填写' }),
  },
  {
    label: '答复',
    user: 'handler',
    query: 'status=assigned&sectionId=social_assistance',
    fill: (user, dialog) => typeIn(user, dialog, /答复内容/, '已电话联系来信人，故障期间填写'),
    expectKept: (dialog) =>
      expect(within(dialog).getByLabelText(/答复内容/)).toHaveValue(
        '已电话联系来信人，故障期间填写',
      ),
    expectDone: (after) => {
      expect(after.status).toBe('replied');
      expect(after.reply).toMatchObject({ content: '已电话联系来信人，故障期间填写' });
    },
  },
  {
    label: '办结',
    user: 'clerk',
    query: 'status=replied',
    fill: (user, dialog) => user.click(within(dialog).getByRole('radio', { name: '不满意' })),
    expectKept: (dialog) =>
      expect(within(dialog).getByRole('radio', { name: '不满意' })).toBeChecked(),
    expectDone: (after) =>
      expect(after).toMatchObject({ status: 'closed', satisfaction: 'unsatisfied' }),
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
    query: 'status=registered',
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
      const faults = await faultInjector();
      const clerk = await as('clerk');
      const items = (await clerk.get<{ items: Letter[] }>(`/letters?${c.query}&pageSize=100`)).body
        .items;
      const letter = items.find(c.pred ?? (() => true));
      if (!letter) throw new Error(`no seeded letter for ${c.query}`);
      const auditBefore = (await clerk.get<unknown[]>(`/audit?entity=letter&id=${letter.id}`)).body
        .length;

      const { user, queryClient } = await renderApp({
        route: `/letters/${letter.id}`,
        user: c.user,
      });
      expect(await screen.findByTestId('serial-no')).toHaveTextContent(letter.serialNo);
      await user.click(screen.getByRole('button', { name: c.label }));
      const dialog = await screen.findByRole('dialog', { name: `${c.label} · ${letter.serialNo}` });
      await c.fill(user, dialog);
      await settled(queryClient);
      const posts = captureRequests('POST', /^\/letters\/[^/]+\/[a-z]+$/);

      await faults.fail(503);
      await user.click(within(dialog).getByRole('button', { name: c.label }));
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(SERVER_503);
      expect(screen.getByRole('dialog', { name: `${c.label} · ${letter.serialNo}` })).toBe(dialog);
      c.expectKept(dialog);
      expect(within(dialog).getByRole('button', { name: c.label })).toBeEnabled();
      expect(screen.queryByText(`${c.label}成功`)).not.toBeInTheDocument();

      await faults.clear();
      await user.click(within(dialog).getByRole('button', { name: c.label }));
      expect(
        await screen.findByText(`${c.label === '改派' ? '转办' : c.label}成功`),
      ).toBeInTheDocument();
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

      expect(posts).toHaveLength(2);
      expect(posts.map((p) => p.headers.get('If-Match'))).toEqual([
        `"${letter.version}"`,
        `"${letter.version}"`,
      ]);
      const after = (await clerk.get<Letter>(`/letters/${letter.id}`)).body;
      expect(after.version).toBe(letter.version + 1);
      c.expectDone(after);
      const auditAfter = (await clerk.get<unknown[]>(`/audit?entity=letter&id=${letter.id}`)).body;
      expect(auditAfter).toHaveLength(auditBefore + 1);
      expect(Object.keys(localStorage).filter((k) => k.includes(letter.id))).toEqual([]);
    },
  );
});

describe('the letter page while the server is slow or failing', () => {
  it('a slow server: the dialog button shows progress and a double click replies once', async () => {
    const faults = await faultInjector();
    const clerk = await as('clerk');
    const letter = (
      await clerk.get<{ items: Letter[] }>(
        '/letters?status=assigned&sectionId=social_assistance&pageSize=1',
      )
    ).body.items[0]!;
    const { user, queryClient } = await renderApp({
      route: `/letters/${letter.id}`,
      user: 'handler',
    });
    expect(await screen.findByTestId('serial-no')).toHaveTextContent(letter.serialNo);
    await user.click(screen.getByRole('button', { name: '答复' }));
    const dialog = await screen.findByRole('dialog', { name: `答复 · ${letter.serialNo}` });
    await user.type(within(dialog).getByLabelText(/答复内容/), '慢速服务器下的答复');
    await settled(queryClient);
    const posts = captureRequests('POST', `/letters/${letter.id}/reply`);

    await faults.slow(800);
    const submit = within(dialog).getByRole('button', { name: '答复' });
    await user.dblClick(submit);
    await waitFor(() => expectLoading(submit));
    expect(within(dialog).getByLabelText(/答复内容/)).toHaveValue('慢速服务器下的答复');
    expect(await screen.findByText('答复成功', undefined, { timeout: 5000 })).toBeInTheDocument();
    await faults.clear();
    await settled(queryClient);
    expect(posts).toHaveLength(1);
    const after = (await clerk.get<Letter>(`/letters/${letter.id}`)).body;
    expect(after).toMatchObject({ status: 'replied', version: letter.version + 1 });
    expect(screen.queryByText('当前状态下不能执行该操作。')).not.toBeInTheDocument();
  });

  it('a refetch failing while a dialog is open keeps the page, the dialog and what was typed', async () => {
    const faults = await faultInjector();
    const clerk = await as('clerk');
    const letter = (
      await clerk.get<{ items: Letter[] }>(
        '/letters?status=assigned&sectionId=social_assistance&pageSize=1',
      )
    ).body.items[0]!;
    const { user, queryClient } = await renderApp({
      route: `/letters/${letter.id}`,
      user: 'handler',
    });
    expect(await screen.findByTestId('serial-no')).toHaveTextContent(letter.serialNo);
    await user.click(screen.getByRole('button', { name: '答复' }));
    const dialog = await screen.findByRole('dialog', { name: `答复 · ${letter.serialNo}` });
    await user.type(within(dialog).getByLabelText(/答复内容/), '长篇答复写到一半');
    await settled(queryClient);

    await faults.fail(503);
    // What a window focus does once the data is 30 s old.
    await act(() => queryClient.invalidateQueries());
    await waitFor(() =>
      expect(queryClient.getQueryState(['letters', 'detail', letter.id])?.status).toBe('error'),
    );
    expect(screen.getByTestId('serial-no')).toHaveTextContent(letter.serialNo);
    expect(screen.getByRole('dialog', { name: `答复 · ${letter.serialNo}` })).toBe(dialog);
    expect(within(dialog).getByLabelText(/答复内容/)).toHaveValue('长篇答复写到一半');

    await faults.clear();
    await user.click(within(dialog).getByRole('button', { name: '答复' }));
    expect(await screen.findByText('答复成功')).toBeInTheDocument();
    const after = (await clerk.get<Letter>(`/letters/${letter.id}`)).body;
    expect(after).toMatchObject({ status: 'replied', version: letter.version + 1 });
  });
});
