import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../utils';
import { seedOn } from '../../seed-day';

// The seeded letters around a Thursday (tests/mocks/todo.test.ts has the counts by the API).
seedOn('2026-11-26');

const card = (id: string) => screen.getByTestId(`todo-${id}`);

describe('我的待办 (/todo)', () => {
  it("the clerk's groups with their counts; a group's link opens exactly its letters", async () => {
    const { user, router } = await renderWithProviders({ route: '/todo', user: 'clerk' });
    expect(await screen.findByRole('heading', { level: 1, name: '我的待办' })).toBeInTheDocument();
    await screen.findByTestId('todo-toTransfer');
    const counts = screen.getAllByTestId('todo-count').map((c) => c.textContent);
    expect(counts).toEqual(['2 件', '1 件', '0 件', '2 件', '1 件', '0 件', '0 件']);
    expect(
      within(screen.getByRole('main'))
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual([
      '待转办',
      '待办结 / 待回访',
      '今日到期',
      '督办件',
      '延期申请待审批',
      '补正期限即将届满',
      '缴费期限即将届满',
    ]);
    // Deadline first: the overdue supervised letter leads, with its 督办 chip.
    const supervised = within(card('supervised')).getAllByRole('link');
    expect(supervised[0]).toHaveTextContent(/^已超期3个工作日2026年11月23日 到期督办XF-2026-0058/);
    expect(within(card('extensionRequests')).getByText('延期待批')).toBeInTheDocument();
    expect(within(card('dueToday')).getByText('暂无')).toBeInTheDocument();
    expect(
      within(card('correctionLapsing')).getByText(/3 个工作日内届满或已届满/),
    ).toBeInTheDocument();

    await user.click(within(card('toTransfer')).getByRole('link', { name: '查看全部 2 件' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/letters'));
    expect(await screen.findByTestId('origin-note')).toHaveTextContent('来自我的待办：待转办');
    expect(await screen.findByText('共 2 条')).toBeInTheDocument();
    expect(screen.getAllByTestId('letter-row')).toHaveLength(2);
  });

  it("the section officer's home: their section's work, fewest days left first", async () => {
    await renderWithProviders({ route: '/', user: 'handler' });
    expect(await screen.findByRole('heading', { level: 1, name: '我的待办' })).toBeInTheDocument();
    expect(screen.getByText('社会救助科在办事项，剩余期限最少的在前')).toBeInTheDocument();
    const letters = await screen.findByTestId('todo-sectionLetters');
    expect(within(letters).getByTestId('todo-count')).toHaveTextContent('4 件');
    const items = within(letters)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items.map((t) => t!.match(/XF-2026-\d{4}/)![0])).toEqual([
      'XF-2026-0061',
      'XF-2026-0062',
      'XF-2026-0059',
      'XF-2026-0060',
    ]);
    expect(items[0]).toMatch(/^已超期5个工作日/);
    expect(items[2]).toMatch(/^剩余2个工作日.*延期待批/);
    expect(items[3]).toMatch(/^剩余3个工作日.*督办/);
    expect(
      within(screen.getByTestId('todo-sectionApplications')).getByTestId('todo-count'),
    ).toHaveTextContent('2 件');
    expect(screen.queryByTestId('todo-toTransfer')).not.toBeInTheDocument();
  });

  it('in English', async () => {
    await renderWithProviders({ route: '/todo', user: 'clerk', locale: 'en-US' });
    expect(await screen.findByRole('heading', { level: 1, name: 'My to-do' })).toBeInTheDocument();
    const c = await screen.findByTestId('todo-toTransfer');
    expect(within(c).getByRole('heading', { name: 'To transfer' })).toBeInTheDocument();
    expect(within(c).getByRole('link', { name: 'See all 2' })).toHaveAttribute(
      'href',
      '/letters?status=registered&sort=remainingWorkdays&from=todo:toTransfer',
    );
  });

  it('leaders have no to-do: the page is not theirs', async () => {
    await renderWithProviders({ route: '/todo', user: 'leader' });
    expect(await screen.findByRole('heading', { name: '无权访问' })).toBeInTheDocument();
  });
});
