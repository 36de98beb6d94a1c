import { screen, waitFor } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
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
  type Faults,
  refetchFails,
  renderApp,
  retype,
  SERVER_503,
  settled,
  type UserEv,
} from './helpers';
import { seedOn } from '../seed-day';

// "Next year" is 2027 here, whose 1 January is a Friday (a rest day to enter).
seedOn('2026-11-26');

beforeEach(() => notifications.clean());

/* ------------------------------------------------------------------------------------------ */
/* Login                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/** The login page with the clerk's username and password typed in; then its logins are captured. */
async function openLogin() {
  const view = await renderApp({ route: '/login' });
  await view.user.type(await screen.findByLabelText(/用户名/), 'clerk');
  await view.user.type(screen.getByLabelText(/密码/), 'demo123');
  await settled(view.queryClient);
  return { ...view, posts: captureRequests('POST', '/auth/login') };
}

describe('login while the server fails', () => {
  it('503: says so under 登录失败, keeps username and password, and the retry signs in', async () => {
    const faults = await faultInjector();
    const { user, router, posts } = await openLogin();

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
    const { user, router, posts } = await openLogin();

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

/** Saves under a 503: sees the message and no `success`, and 保存 stays enabled. */
async function failOnce(user: UserEv, faults: Faults, success: RegExp | string) {
  await faults.fail(503);
  await user.click(screen.getByRole('button', { name: '保存' }));
  expect(await screen.findByText(SERVER_503)).toBeInTheDocument();
  expect(screen.queryByText(success)).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: '保存' })).toBeEnabled();
}

/** Clears the faults, saves again and sees `success`. */
async function saveAgain(user: UserEv, faults: Faults, success: RegExp | string) {
  await faults.clear();
  await user.click(screen.getByRole('button', { name: '保存' }));
  expect(await screen.findByText(success)).toBeInTheDocument();
}

/**
 * An outage while editing: the refetch of the query under `queryKey` fails (a 503), and the page
 * shows no error screen for it.
 */
async function refetchFailsQuietly(faults: Faults, queryClient: QueryClient, queryKey: QueryKey) {
  await faults.fail(503);
  await refetchFails(queryClient, queryKey);
  expect(screen.queryByRole('alert', { name: '出错了' })).not.toBeInTheDocument();
}

/** The settings page at `route`, as the admin. */
function openSettings(route: string) {
  return renderApp({ route, user: 'admin' });
}

/** Adds 1 January of `year` (a day off) to the calendar being edited. */
async function addNewYearsDay(user: UserEv, year: number) {
  await user.click(screen.getByRole('button', { name: '添加日期' }));
  await user.type(screen.getByRole('textbox', { name: '日期' }), `${year}-01-01`);
  await user.tab();
  await user.type(screen.getByRole('textbox', { name: '名称' }), '元旦');
}

/** What the server holds at `path` (as the admin). */
async function stored<T>(path: string) {
  return (await (await as('admin')).get<T>(path)).body;
}

describe('settings forms while the server fails', () => {
  it('letter time limits: 503 says so and keeps the edits; the retry saves them once', async () => {
    const faults = await faultInjector();
    const auditBefore = await auditCount('settings', 'timeLimits');
    const { user, queryClient } = await openSettings('/settings?tab=time-limits');
    const consultation = await screen.findByLabelText('咨询');
    expect(consultation).toHaveValue('5');
    await retype(user, consultation, '7');
    await retype(user, screen.getByLabelText('最长延期（工作日）'), '12');
    await settled(queryClient);
    const puts = captureRequests('PUT', '/settings/time-limits');

    await failOnce(user, faults, '设置已保存');
    expect(screen.getByLabelText('咨询')).toHaveValue('7');
    expect(screen.getByLabelText('最长延期（工作日）')).toHaveValue('12');

    await saveAgain(user, faults, '设置已保存');
    expect(puts).toHaveLength(2);
    const saved = await stored<TimeLimits>('/settings/time-limits');
    expect(saved.letters.consultation).toBe(7);
    expect(saved.maxExtensionDays).toBe(12);
    expect(await auditCount('settings', 'timeLimits')).toBe(auditBefore + 1);
    expect(screen.getByLabelText('咨询')).toHaveValue('7');
  });

  it('letter time limits: a refetch failing during the outage does not throw away the edits', async () => {
    const faults = await faultInjector();
    const { user, queryClient } = await openSettings('/settings?tab=time-limits');
    await retype(user, await screen.findByLabelText('咨询'), '8');
    await settled(queryClient);

    await refetchFailsQuietly(faults, queryClient, ['settings', 'time-limits']);
    expect(screen.getByLabelText('咨询')).toHaveValue('8');

    await saveAgain(user, faults, '设置已保存');
    expect((await stored<TimeLimits>('/settings/time-limits')).letters.consultation).toBe(8);
  });

  it("next year's calendar: 503 says so and keeps the entered day; the retry saves it once", async () => {
    const year = Number(chinaToday().slice(0, 4)) + 1;
    const faults = await faultInjector();
    const auditBefore = await auditCount('calendar', String(year));
    const { user, queryClient } = await openSettings('/settings');
    expect(await screen.findByRole('heading', { name: String(year) })).toBeInTheDocument();
    await addNewYearsDay(user, year);
    await user.click(screen.getByRole('checkbox', { name: /该年安排已完整录入/ }));
    await settled(queryClient);
    const puts = captureRequests('PUT', `/calendar/years/${year}`);

    const savedText = new RegExp(`^${year}年日历已保存`);
    await failOnce(user, faults, savedText);
    expect(screen.getByRole('textbox', { name: '日期' })).toHaveValue(`${year}年1月1日`);
    expect(screen.getByRole('textbox', { name: '名称' })).toHaveValue('元旦');
    expect(screen.getByRole('radio', { name: '休息' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /该年安排已完整录入/ })).toBeChecked();

    await saveAgain(user, faults, savedText);
    expect(puts).toHaveLength(2);
    expect(await stored<CalendarYearDetail>(`/calendar/years/${year}`)).toMatchObject({
      source: 'admin',
      complete: true,
      days: [{ date: `${year}-01-01`, workday: false, name: '元旦' }],
    });
    expect(await auditCount('calendar', String(year))).toBe(auditBefore + 1);
  });

  it("next year's calendar: a refetch failing during the outage does not throw away the entered day", async () => {
    const year = Number(chinaToday().slice(0, 4)) + 1;
    const faults = await faultInjector();
    const { user, queryClient } = await openSettings('/settings');
    expect(await screen.findByRole('heading', { name: String(year) })).toBeInTheDocument();
    await addNewYearsDay(user, year);
    await settled(queryClient);

    await refetchFailsQuietly(faults, queryClient, ['calendar', 'years', year]);
    expect(screen.getByRole('textbox', { name: '名称' })).toHaveValue('元旦');

    await saveAgain(user, faults, new RegExp(`^${year}年日历已保存`));
  });

  it('organisation: 503 says so and keeps the edits; the retry saves them once', async () => {
    const faults = await faultInjector();
    const auditBefore = await auditCount('settings', 'organisation');
    const { user, queryClient } = await openSettings('/settings?tab=organisation');
    await retype(user, await screen.findByLabelText('机关名称'), '长治市民政局（故障测试）');
    await settled(queryClient);
    const puts = captureRequests('PUT', '/settings/organisation');

    await failOnce(user, faults, '设置已保存');
    expect(screen.getByLabelText('机关名称')).toHaveValue('长治市民政局（故障测试）');

    await saveAgain(user, faults, '设置已保存');
    expect(puts).toHaveLength(2);
    expect((await stored<Organisation>('/settings/organisation')).name).toBe(
      '长治市民政局（故障测试）',
    );
    expect(await auditCount('settings', 'organisation')).toBe(auditBefore + 1);
  });

  it('organisation: a refetch failing during the outage does not throw away the edits', async () => {
    const faults = await faultInjector();
    const { user, queryClient } = await openSettings('/settings?tab=organisation');
    await retype(user, await screen.findByLabelText('机关名称'), '长治市民政局（刷新失败）');
    await settled(queryClient);

    await refetchFailsQuietly(faults, queryClient, ['settings', 'organisation']);
    expect(screen.getByLabelText('机关名称')).toHaveValue('长治市民政局（刷新失败）');

    await saveAgain(user, faults, '设置已保存');
    expect((await stored<Organisation>('/settings/organisation')).name).toBe(
      '长治市民政局（刷新失败）',
    );
  });
});

describe('two admins saving the same settings', () => {
  it('time limits: the second save says someone saved first and keeps what was typed; saving again applies it', async () => {
    const { user, queryClient } = await openSettings('/settings?tab=time-limits');
    await retype(user, await screen.findByLabelText('咨询'), '9');
    await settled(queryClient);
    // Meanwhile another admin saves a different value.
    const other = await as('admin');
    const theirs = await stored<TimeLimits>('/settings/time-limits');
    expect(
      (await other.putCurrent('/settings/time-limits', { ...theirs, dueSoonDays: 4 })).status,
    ).toBe(200);

    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('其他用户刚刚保存了这里的设置')).toBeInTheDocument();
    expect(screen.getByLabelText('咨询')).toHaveValue('9');
    expect((await stored<TimeLimits>('/settings/time-limits')).letters.consultation).toBe(5);

    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('设置已保存')).toBeInTheDocument();
    expect((await stored<TimeLimits>('/settings/time-limits')).letters.consultation).toBe(9);
  });

  it("organisation: after a conflict the other admin's values can be loaded instead", async () => {
    const { user, queryClient } = await openSettings('/settings?tab=organisation');
    await retype(user, await screen.findByLabelText('机关名称'), '长治市民政局（甲）');
    await settled(queryClient);
    const other = await as('admin');
    const theirs = await stored<Organisation>('/settings/organisation');
    await other.putCurrent('/settings/organisation', { ...theirs, name: '长治市民政局（乙）' });

    await user.click(screen.getByRole('button', { name: '保存' }));
    await user.click(await screen.findByRole('button', { name: '载入对方的内容' }));
    expect(screen.getByLabelText('机关名称')).toHaveValue('长治市民政局（乙）');
    expect(screen.queryByText('其他用户刚刚保存了这里的设置')).not.toBeInTheDocument();
  });
});
