import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../utils';
import { seedOn } from '../seed-day';

// Written for any day; pinned so that one run of it (on any TEST_TODAY) is enough.
seedOn('2026-11-26');

const summary = async () => {
  const title = await screen.findByText('期限提醒', {}, { timeout: 30_000 });
  return title.closest<HTMLElement>('#alert-summary')!;
};

// The first test loads the lazy shell, the pages and the toasts' container: slow on a busy machine.
describe('the post-login deadline summary', { timeout: 60_000 }, () => {
  it('counts letters and applications apart, each linking to its overdue list', async () => {
    const { user, router } = await renderWithProviders({ route: '/dashboard', user: 'clerk' });
    const notice = await summary();
    expect(within(notice).getByText('您经办的事项中：')).toBeInTheDocument();
    expect(within(notice).getByText(/^来信 \d+ 件已超期、\d+ 件即将到期$/)).toBeInTheDocument();
    expect(
      within(notice).getByText(/^依申请公开 \d+ 件已超期、\d+ 件即将到期$/),
    ).toBeInTheDocument();
    await user.click(within(notice).getByRole('link', { name: '查看超期来信' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/letters'));
    expect(new URLSearchParams(router.state.location.search).get('alert')).toBe('overdue');
    await waitFor(() => expect(document.getElementById('alert-summary')).toBeNull());
  });

  it('links the applications line to the overdue applications', async () => {
    const { user, router } = await renderWithProviders({ route: '/dashboard', user: 'admin' });
    const notice = await summary();
    await user.click(within(notice).getByRole('link', { name: '查看超期申请' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/applications'));
    expect(router.state.location.search).toBe('?alert=overdue');
  });

  it('is an overview for a leader, not "your" items', async () => {
    await renderWithProviders({ route: '/dashboard', user: 'leader' });
    const notice = await summary();
    expect(within(notice).getByText('全局概览（各科室合计）：')).toBeInTheDocument();
    expect(within(notice).queryByText(/您/)).toBeNull();
  });

  it('speaks English', async () => {
    await renderWithProviders({ route: '/dashboard', user: 'leader', locale: 'en-US' });
    const title = await screen.findByText('Deadline alerts', {}, { timeout: 30_000 });
    const notice = title.closest<HTMLElement>('#alert-summary')!;
    expect(within(notice).getByText('Overview (all sections):')).toBeInTheDocument();
    expect(within(notice).getByText(/^Letters: \d+ overdue, \d+ due soon$/)).toBeInTheDocument();
    expect(within(notice).getByRole('link', { name: 'Overdue applications' })).toBeInTheDocument();
  });

  it('sits below dialogs: its container is drawn under the modals’ layer', async () => {
    await renderWithProviders({ route: '/dashboard', user: 'clerk' });
    const notice = await summary();
    const root = notice.closest<HTMLElement>('.mantine-Notifications-root')!;
    expect(root.style.getPropertyValue('--notifications-z-index')).toBe(
      'calc(var(--mantine-z-index-modal) - 1)',
    );
  });
});
