import { screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from '@mocks/node';
import { renderWithProviders } from '../../utils';
import { pickOption, type UserEv } from './helpers';
import { seedOn } from '../../seed-day';

// The records below carry fixed dates of autumn 2026: run on a day after them.
seedOn('2026-11-26');

const DRAFT_KEY = 'gkwb.draft.letter.new.u-clerk';

const pick = pickOption;

async function enter(user: UserEv, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function fillValid(user: UserEv) {
  await pick(user, '来源', '市长信箱转办');
  await pick(user, '类别', '求助');
  const received = screen.getByRole('textbox', { name: '收信日期' });
  await user.clear(received);
  await user.type(received, '2026-09-30');
  await user.tab();
  // The long texts in one go (a paste); the phone number is typed, as the other tests type.
  await enter(user, screen.getByLabelText(/标题/), '节前来信：困难家庭临时救助');
  await enter(user, screen.getByLabelText(/来信内容/), '家中突发变故，希望了解临时救助政策。');
  await enter(user, screen.getByLabelText(/来信人/), '赵六');
  await user.type(screen.getByLabelText(/联系电话/), '13912345678');
}

beforeEach(() => notifications.clean());

/** The paths (with their query) the app asks of the backend while the test runs. */
const asked: string[] = [];
const listener = ({ request }: { request: Request }) => {
  const url = new URL(request.url);
  asked.push(url.pathname.replace('/api/v1', '') + url.search);
};
beforeEach(() => {
  asked.length = 0;
  server.events.on('request:start', listener);
});
afterEach(() => server.events.removeListener('request:start', listener));

describe('register a letter (/letters/new)', () => {
  it('shows 必填 next to each required field when submitted empty, and a phone message', async () => {
    const { user } = await renderWithProviders({ route: '/letters/new', user: 'clerk' });
    const form = await screen.findByRole('form', { name: '登记来信' });
    await user.click(within(form).getByRole('button', { name: '登记' }));
    expect(await within(form).findAllByText('必填')).toHaveLength(5);
    for (const label of ['来源', '类别', '标题', '来信内容', '来信人']) {
      const input = screen.getByRole(['来源', '类别'].includes(label) ? 'combobox' : 'textbox', {
        name: label,
      });
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveAccessibleDescription(expect.stringContaining('必填'));
    }
    await user.type(screen.getByLabelText(/联系电话/), '12345');
    await user.tab();
    const phoneMessage = await screen.findByText(/请输入有效的手机号/);
    expect(screen.getByLabelText(/联系电话/)).toHaveAccessibleDescription(
      expect.stringContaining(phoneMessage.textContent!),
    );
    await user.clear(screen.getByLabelText(/联系电话/));
    await user.type(screen.getByLabelText(/联系电话/), '0355-2021234');
    await user.tab();
    await waitFor(() => expect(screen.queryByText(/请输入有效的手机号/)).not.toBeInTheDocument());
  });

  it('previews the deadline from the server calendar once source and category are chosen', async () => {
    const { user } = await renderWithProviders({ route: '/letters/new', user: 'clerk' });
    await screen.findByRole('form', { name: '登记来信' });
    expect(screen.queryByTestId('due-preview')).not.toBeInTheDocument();
    const received = screen.getByRole('textbox', { name: '收信日期' });
    await user.clear(received);
    await user.type(received, '2026-09-30');
    await user.tab();
    await pick(user, '来源', '市长信箱转办');
    expect(screen.queryByTestId('due-preview')).not.toBeInTheDocument();
    await pick(user, '类别', '求助');
    expect(await screen.findByTestId('due-preview')).toHaveTextContent('2026年10月27日');
    expect(screen.getByText(/按 15 个工作日计算/)).toBeInTheDocument();
    // The server's own rule (GET /letters/due), not a client-side composition of it.
    expect(asked).toContain(
      '/letters/due?receivedOn=2026-09-30&source=mayor_mailbox&category=help',
    );
    expect(asked.filter((p) => p.startsWith('/calendar/workdays'))).toEqual([]);
    expect(screen.getByTestId('deadline-explanation')).toHaveTextContent('国庆节');
    // another source: the category's own limit (help: 5 working days)
    await pick(user, '来源', '网站留言');
    await waitFor(() =>
      expect(screen.getByTestId('due-preview')).toHaveTextContent('2026年10月13日'),
    );
  });

  it('keeps the draft in localStorage across an unmount and restores it', async () => {
    const view = await renderWithProviders({ route: '/letters/new', user: 'clerk' });
    await screen.findByRole('form', { name: '登记来信' });
    await pick(view.user, '类别', '投诉');
    await view.user.type(screen.getByLabelText(/标题/), '草稿标题');
    await view.user.type(screen.getByLabelText(/来信人/), '钱七');
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).toContain('草稿标题'));
    const saved = JSON.parse(localStorage.getItem(DRAFT_KEY)!);
    expect(saved.values).toMatchObject({ category: 'complaint', citizenName: '钱七' });
    view.unmount();

    await renderWithProviders({ route: '/letters/new', user: 'clerk' });
    await screen.findByRole('form', { name: '登记来信' });
    expect(screen.getByLabelText(/标题/)).toHaveValue('草稿标题');
    expect(screen.getByLabelText(/来信人/)).toHaveValue('钱七');
    expect(screen.getByRole('combobox', { name: '类别' })).toHaveValue('投诉');
    expect(await screen.findByText('已恢复上次未提交的草稿')).toBeInTheDocument();
  });

  it('a valid submit creates the letter, clears the draft and opens its detail page', async () => {
    const { user, router } = await renderWithProviders({ route: '/letters/new', user: 'clerk' });
    await screen.findByRole('form', { name: '登记来信' });
    await fillValid(user);
    await waitFor(() => expect(localStorage.getItem(DRAFT_KEY)).not.toBeNull());
    // The preview is the deadline the record then stores (detail and toast below).
    expect(await screen.findByTestId('due-preview')).toHaveTextContent('2026年10月27日');
    await user.click(screen.getByRole('button', { name: '登记' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toMatch(/^\/letters\/[0-9a-f-]{36}$/),
    );
    const serial = await screen.findByTestId('serial-no');
    expect(serial.textContent).toMatch(/^XF-2026-\d{4}$/);
    expect(screen.getByRole('heading', { name: '节前来信：困难家庭临时救助' })).toBeInTheDocument();
    expect(screen.getByText('13912345678')).toBeInTheDocument();
    expect(screen.getAllByText('2026年10月27日').length).toBeGreaterThan(0);
    expect(await screen.findByText(/已登记 XF-2026-\d{4}/)).toHaveTextContent('2026年10月27日');
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
    // Registering another letter starts from an empty form (no stale draft, no used key).
    await router.navigate('/letters/new');
    expect(await screen.findByRole('form', { name: '登记来信' })).toBeInTheDocument();
    expect(screen.getByLabelText(/标题/)).toHaveValue('');
    expect(screen.queryByText('已恢复上次未提交的草稿')).not.toBeInTheDocument();
  });
});
