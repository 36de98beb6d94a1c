import { act, screen, waitFor } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TimeLimits } from '@/features/letters/types';
import type { Organisation } from '@/features/settings/types';
import type { CalendarYearDetail } from '@/types/calendar';
import { chinaToday } from '@/lib/format';
import { as } from '../api';
import {
  captureRequests,
  expectLoading,
  faultInjector,
  renderApp,
  SERVER_503,
  settled,
} from './helpers';

beforeEach(() => notifications.clean());

/* ------------------------------------------------------------------------------------------ */
/* Login                                                                                       */
/* ------------------------------------------------------------------------------------------ */

describe('login while the server fails', () => {
  it('503: says so under 登录失败, keeps username and password, and the retry signs in', async () => {
    const faults = await faultInjector();
    const { user, router, queryClient } = await renderApp({ route: '/login' });
    await user.type(await screen.findByLabelText(/用户名/), 'clerk');
    await user.type(screen.getByLabelText(/密码/), 'demo123');
    await settled(queryClient);
    const posts = captureRequests('POST', '/auth/login');

    await faults.fail(503);
    await user.click(screen.getByRole('button', { name: '登录' }));
    const alert = await screen.findByRole('alert', { name: '登录失败' });
    expect(alert).toHaveTextContent(SERVER_503);
    expect(screen.getByLabelText(/用户名/)).toHaveValue('clerk');
    expect(screen.getByLabelText(/密码/)).toHaveValue('demo123');
    expect(router.state.location.pathname).toBe('/login');
    expect(localStorage.getItem('gkwb.session')).toBeNull();

    await faults.clear();
    await user.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(router.state.location.pathname).not.toBe('/login'));
    expect(JSON.parse(localStorage.getItem('gkwb.session')!).user.username).toBe('clerk');
    expect(screen.queryByRole('alert', { name: '登录失败' })).not.toBeInTheDocument();
    expect(posts).toHaveLength(2);
  });

  it('a slow server: the button shows progress, a second click sends nothing, and the login completes', async () => {
    const faults = await faultInjector();
    const { user, router, queryClient } = await renderApp({ route: '/login' });
    await user.type(await screen.findByLabelText(/用户名/), 'clerk');
    await user.type(screen.getByLabelText(/密码/), 'demo123');
    await settled(queryClient);
    const posts = captureRequests('POST', '/auth/login');

    await faults.slow(800);
    const submit = screen.getByRole('button', { name: '登录' });
    await user.click(submit);
    await waitFor(() => expectLoading(submit));
    await user.click(submit);
    expect(screen.getByLabelText(/用户名/)).toHaveValue('clerk');
    await waitFor(() => expect(router.state.location.pathname).not.toBe('/login'));
    await faults.clear();
    expect(posts).toHaveLength(1);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Settings (admin)                                                                            */
/* ------------------------------------------------------------------------------------------ */

async function auditCount(entity: string, id: string) {
  const admin = await as('admin');
  const r = await admin.get<unknown[]>(`/audit?entity=${entity}&id=${id}`);
  expect(r.status).toBe(200);
  return r.body.length;
}

/** Submits, sees the 503 message and no success, then clears the faults. */
async function failOnce(
  user: Awaited<ReturnType<typeof renderApp>>['user'],
  faults: Awaited<ReturnType<typeof faultInjector>>,
  success: RegExp | string,
) {
  await faults.fail(503);
  await user.click(screen.getByRole('button', { name: '保存' }));
  expect(await screen.findByText(SERVER_503)).toBeInTheDocument();
  expect(screen.queryByText(success)).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: '保存' })).toBeEnabled();
}

describe('settings forms while the server fails', () => {
  it('letter time limits: 503 says so and keeps the edits; the retry saves them once', async () => {
    const faults = await faultInjector();
    const auditBefore = await auditCount('settings', 'timeLimits');
    const { user, queryClient } = await renderApp({
      route: '/settings?tab=time-limits',
      user: 'admin',
    });
    const consultation = await screen.findByLabelText('咨询');
    expect(consultation).toHaveValue('5');
    await user.clear(consultation);
    await user.type(consultation, '7');
    const maxExt = screen.getByLabelText('最长延期（工作日）');
    await user.clear(maxExt);
    await user.type(maxExt, '12');
    await settled(queryClient);
    const puts = captureRequests('PUT', '/settings/time-limits');

    await failOnce(user, faults, '设置已保存');
    expect(screen.getByLabelText('咨询')).toHaveValue('7');
    expect(screen.getByLabelText('最长延期（工作日）')).toHaveValue('12');

    await faults.clear();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('设置已保存')).toBeInTheDocument();
    expect(puts).toHaveLength(2);
    const saved = (await (await as('admin')).get<TimeLimits>('/settings/time-limits')).body;
    expect(saved.letters.consultation).toBe(7);
    expect(saved.maxExtensionDays).toBe(12);
    expect(await auditCount('settings', 'timeLimits')).toBe(auditBefore + 1);
    expect(screen.getByLabelText('咨询')).toHaveValue('7');
  });

  it('letter time limits: a refetch failing during the outage does not throw away the edits', async () => {
    const faults = await faultInjector();
    const { user, queryClient } = await renderApp({
      route: '/settings?tab=time-limits',
      user: 'admin',
    });
    const consultation = await screen.findByLabelText('咨询');
    await user.clear(consultation);
    await user.type(consultation, '8');
    await settled(queryClient);

    await faults.fail(503);
    // What a window focus does once the data is 30 s old.
    await act(() => queryClient.invalidateQueries());
    await waitFor(() =>
      expect(queryClient.getQueryState(['settings', 'time-limits'])?.status).toBe('error'),
    );
    expect(screen.getByLabelText('咨询')).toHaveValue('8');
    expect(screen.queryByRole('alert', { name: '出错了' })).not.toBeInTheDocument();

    await faults.clear();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('设置已保存')).toBeInTheDocument();
    const saved = (await (await as('admin')).get<TimeLimits>('/settings/time-limits')).body;
    expect(saved.letters.consultation).toBe(8);
  });

  it("next year's calendar: 503 says so and keeps the entered day; the retry saves it once", async () => {
    const year = Number(chinaToday().slice(0, 4)) + 1;
    const faults = await faultInjector();
    const auditBefore = await auditCount('calendar', String(year));
    const { user, queryClient } = await renderApp({ route: '/settings', user: 'admin' });
    expect(await screen.findByRole('heading', { name: String(year) })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '添加日期' }));
    const date = screen.getByRole('textbox', { name: '日期' });
    await user.type(date, `${year}-01-01`);
    await user.tab();
    await user.type(screen.getByRole('textbox', { name: '名称' }), '元旦');
    await user.click(screen.getByRole('checkbox', { name: /该年安排已完整录入/ }));
    await settled(queryClient);
    const puts = captureRequests('PUT', `/calendar/years/${year}`);

    const savedText = new RegExp(`^${year}年日历已保存`);
    await failOnce(user, faults, savedText);
    expect(screen.getByRole('textbox', { name: '日期' })).toHaveValue(`${year}-01-01`);
    expect(screen.getByRole('textbox', { name: '名称' })).toHaveValue('元旦');
    expect(screen.getByRole('radio', { name: '休息' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /该年安排已完整录入/ })).toBeChecked();

    await faults.clear();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(savedText)).toBeInTheDocument();
    expect(puts).toHaveLength(2);
    const saved = (await (await as('admin')).get<CalendarYearDetail>(`/calendar/years/${year}`))
      .body;
    expect(saved).toMatchObject({
      source: 'admin',
      complete: true,
      days: [{ date: `${year}-01-01`, workday: false, name: '元旦' }],
    });
    expect(await auditCount('calendar', String(year))).toBe(auditBefore + 1);
  });

  it("next year's calendar: a refetch failing during the outage does not throw away the entered day", async () => {
    const year = Number(chinaToday().slice(0, 4)) + 1;
    const faults = await faultInjector();
    const { user, queryClient } = await renderApp({ route: '/settings', user: 'admin' });
    expect(await screen.findByRole('heading', { name: String(year) })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '添加日期' }));
    await user.type(screen.getByRole('textbox', { name: '日期' }), `${year}-01-01`);
    await user.tab();
    await user.type(screen.getByRole('textbox', { name: '名称' }), '元旦');
    await settled(queryClient);

    await faults.fail(503);
    await act(() => queryClient.invalidateQueries());
    await waitFor(() =>
      expect(queryClient.getQueryState(['calendar', 'years', year])?.status).toBe('error'),
    );
    expect(screen.getByRole('textbox', { name: '名称' })).toHaveValue('元旦');
    expect(screen.queryByRole('alert', { name: '出错了' })).not.toBeInTheDocument();

    await faults.clear();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(new RegExp(`^${year}年日历已保存`))).toBeInTheDocument();
  });

  it('organisation: 503 says so and keeps the edits; the retry saves them once', async () => {
    const faults = await faultInjector();
    const auditBefore = await auditCount('settings', 'organisation');
    const { user, queryClient } = await renderApp({
      route: '/settings?tab=organisation',
      user: 'admin',
    });
    const name = await screen.findByLabelText('机关名称');
    await user.clear(name);
    await user.type(name, '长治市民政局（故障测试）');
    await settled(queryClient);
    const puts = captureRequests('PUT', '/settings/organisation');

    await failOnce(user, faults, '设置已保存');
    expect(screen.getByLabelText('机关名称')).toHaveValue('长治市民政局（故障测试）');

    await faults.clear();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('设置已保存')).toBeInTheDocument();
    expect(puts).toHaveLength(2);
    const saved = (await (await as('admin')).get<Organisation>('/settings/organisation')).body;
    expect(saved.name).toBe('长治市民政局（故障测试）');
    expect(await auditCount('settings', 'organisation')).toBe(auditBefore + 1);
  });

  it('organisation: a refetch failing during the outage does not throw away the edits', async () => {
    const faults = await faultInjector();
    const { user, queryClient } = await renderApp({
      route: '/settings?tab=organisation',
      user: 'admin',
    });
    const name = await screen.findByLabelText('机关名称');
    await user.clear(name);
    await user.type(name, '长治市民政局（刷新失败）');
    await settled(queryClient);

    await faults.fail(503);
    await act(() => queryClient.invalidateQueries());
    await waitFor(() =>
      expect(queryClient.getQueryState(['settings', 'organisation'])?.status).toBe('error'),
    );
    expect(screen.getByLabelText('机关名称')).toHaveValue('长治市民政局（刷新失败）');
    expect(screen.queryByRole('alert', { name: '出错了' })).not.toBeInTheDocument();

    await faults.clear();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('设置已保存')).toBeInTheDocument();
    const saved = (await (await as('admin')).get<Organisation>('/settings/organisation')).body;
    expect(saved.name).toBe('长治市民政局（刷新失败）');
  });
});
