import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../utils';
import { seedOn } from '../seed-day';

// Written for any day; pinned so that one run of it (on any TEST_TODAY) is enough.
seedOn('2026-11-26');

describe('app shell, login and guards', () => {
  it('shows the login page with the demo accounts; logging in returns to the wanted page', async () => {
    const { user, router } = await renderWithProviders({
      route: '/catalogue?category=powers_list',
    });
    expect(await screen.findByRole('button', { name: '登录' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(await screen.findByText('演示账号（密码均为 demo123）')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/用户名/), 'clerk');
    await user.type(screen.getByLabelText(/密码/), 'demo123');
    await user.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/catalogue'));
    expect(router.state.location.search).toBe('?category=powers_list');
    expect(await screen.findByRole('heading', { name: '政府信息公开目录' })).toBeInTheDocument();
  });

  it('a return-to page the role may not open sends the user to their home instead (no 403)', async () => {
    const { user, router } = await renderWithProviders({ route: '/settings' });
    await user.type(await screen.findByLabelText(/用户名/), 'handler');
    await user.type(screen.getByLabelText(/密码/), 'demo123');
    await user.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/todo'));
    expect(await screen.findByRole('heading', { level: 1, name: '我的待办' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '无权访问' })).not.toBeInTheDocument();
  });

  it('shows a message next to empty fields and for wrong passwords', async () => {
    const { user } = await renderWithProviders({ route: '/login' });
    await user.click(await screen.findByRole('button', { name: '登录' }));
    expect(await screen.findAllByText('必填')).toHaveLength(2);
    await user.type(screen.getByLabelText(/用户名/), 'clerk');
    await user.type(screen.getByLabelText(/密码/), 'wrong');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('用户名或密码错误')).toBeInTheDocument();
  });

  it.each([
    [
      'admin',
      [
        '我的待办',
        '工作台',
        '来信办理',
        '依申请公开',
        '公开目录',
        '社会救助数据',
        '年度报告',
        '系统设置',
      ],
    ],
    [
      'clerk',
      [
        '我的待办',
        '工作台',
        '来信办理',
        '依申请公开',
        '公开目录',
        '社会救助数据',
        '年度报告',
        '系统设置',
      ],
    ],
    ['leader', ['工作台', '来信办理', '依申请公开', '公开目录', '社会救助数据', '年度报告']],
    ['handler', ['我的待办', '工作台', '来信办理', '依申请公开']],
  ])('%s sees only the pages the role may use', async (username, expected) => {
    await renderWithProviders({ route: '/dashboard', user: username });
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    const links = within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toEqual(expected);
  });

  it('guards a route the role may not use, even when typed', async () => {
    await renderWithProviders({ route: '/settings', user: 'leader' });
    expect(await screen.findByRole('heading', { name: '无权访问' })).toBeInTheDocument();
  });

  it('starts the office and the sections at 我的待办, leaders at the dashboard', async () => {
    for (const [user, home] of [
      ['clerk', '/todo'],
      ['admin', '/todo'],
      ['leader', '/dashboard'],
    ] as const) {
      const { router, unmount } = await renderWithProviders({ route: '/', user });
      await waitFor(() => expect(router.state.location.pathname).toBe(home));
      unmount();
    }
  });

  it('sends a handler to their to-do, and their list is their section queue', async () => {
    const { router } = await renderWithProviders({ route: '/', user: 'handler' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/todo'));
    await router.navigate('/letters');
    expect(
      await screen.findByRole('heading', { name: /来信办理 · 社会救助科/ }),
    ).toBeInTheDocument();
    const rows = await screen.findAllByTestId('letter-row');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toHaveTextContent('社会救助科');
  });

  it('shows a 404 page for unknown addresses', async () => {
    await renderWithProviders({ route: '/no/such/page', user: 'clerk' });
    expect(await screen.findByRole('heading', { name: '页面不存在' })).toBeInTheDocument();
  });

  it.each(['/letters?status=assigned', '/dashboard?year=2017'])(
    'returns to /login when the session is no longer valid, keeping the wanted page (%s)',
    async (wanted) => {
      localStorage.setItem(
        'gkwb.session',
        JSON.stringify({
          token: 'expired',
          user: {
            id: 'u-clerk',
            username: 'clerk',
            name: '李静',
            role: 'clerk',
            sectionId: 'office',
          },
        }),
      );
      const { router } = await renderWithProviders({ route: wanted });
      await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
      expect(new URLSearchParams(router.state.location.search).get('next')).toBe(wanted);
      expect(await screen.findByText('登录已过期，请重新登录')).toBeInTheDocument();
    },
  );

  it('marks the current section in the navigation, on its sub-pages too', async () => {
    const { router } = await renderWithProviders({ route: '/letters', user: 'clerk' });
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    const current = () =>
      within(nav)
        .getAllByRole('link')
        .filter((a) => a.getAttribute('aria-current') === 'page')
        .map((a) => a.textContent);
    expect(current()).toEqual(['来信办理']);
    const first = (await screen.findAllByTestId('letter-row'))[0]!;
    await router.navigate(within(first).getAllByRole('link')[0]!.getAttribute('href')!);
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/letters\/.+/));
    expect(current()).toEqual(['来信办理']);
    await router.navigate('/reports/annual/2017');
    await waitFor(() => expect(current()).toEqual(['年度报告']));
  });

  it('switches the language with two buttons, the current one pressed', async () => {
    const { user } = await renderWithProviders({ route: '/login' });
    const group = await screen.findByRole('group', { name: '语言' });
    const zh = within(group).getByRole('button', { name: '中文' });
    const en = within(group).getByRole('button', { name: 'English' });
    expect(zh).toHaveAttribute('aria-pressed', 'true');
    expect(en).toHaveAttribute('aria-pressed', 'false');
    await user.click(en);
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(en).toHaveAttribute('aria-pressed', 'true');
    expect(zh).toHaveAttribute('aria-pressed', 'false');
    expect(localStorage.getItem('gkwb.locale')).toBe('en-US');
  });

  it('speaks English when asked, with every nav label translated', async () => {
    await renderWithProviders({ route: '/dashboard', user: 'admin', locale: 'en-US' });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'My to-do',
      'Dashboard',
      'Letters',
      'Information requests',
      'Disclosure catalogue',
      'Social assistance data',
      'Annual report',
      'Settings',
    ]);
    expect(await screen.findByText('Letters received')).toBeInTheDocument();
  });
});
