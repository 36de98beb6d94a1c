import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '@mocks/db';
import {
  captureRequests,
  expectSameKey,
  faultInjector,
  findAlertWith,
  renderApp,
  retype,
  SERVER_503,
} from './helpers';
import { seedOn } from '../seed-day';

// The seed is built for this day: November 2026 is a draft month, October is published.
seedOn('2026-11-26');

const DRAFT = 'gkwb.draft.assistance.u-clerk.2026-11';
const cell = (region: string, field: string, program = '城市低保') =>
  screen.getByRole('textbox', { name: `${region} ${program} ${field}` });
const figure = (id: string) => db.assistance.get(id)!;

async function openGrid(q = 'period=2026-11&program=urban_dibao') {
  const view = await renderApp({ route: `/assistance?${q}`, user: 'clerk' });
  await screen.findByRole('table', { name: /城市低保/ });
  return view;
}

describe('the month grid under faults', () => {
  it('a save under 503 says so, keeps the edits (also across a reload) and saves them on retry', async () => {
    const faults = await faultInjector();
    const first = await openGrid();
    await retype(first.user, cell('潞州区', '人数（人）'), '7100');
    await retype(first.user, cell('沁县', '支出（元）'), '123456.78');
    const a = figure('2026-11:140403:urban_dibao');
    const b = figure('2026-11:140430:urban_dibao');
    const puts = captureRequests('PUT', /^\/assistance\/2026-11\/\d+\/urban_dibao$/);

    await faults.fail(503);
    await first.user.click(screen.getByRole('button', { name: '保存草稿' }));
    const alert = await findAlertWith(SERVER_503);
    expect(alert).toHaveTextContent('修改已保留');
    expect(puts).toHaveLength(2);
    // The grid stays on screen with the edits, even though the refetch after the save failed too.
    expect(screen.getByRole('table', { name: /城市低保/ })).toBeInTheDocument();
    expect(cell('潞州区', '人数（人）')).toHaveValue('7100');
    expect(cell('沁县', '支出（元）')).toHaveValue('123456.78');
    expect(screen.getByText('2 处修改未保存')).toBeInTheDocument();
    expect(figure(a.id).version).toBe(a.version);
    expect(JSON.parse(localStorage.getItem(DRAFT)!)).toEqual(
      expect.objectContaining({
        '140403|urban_dibao|persons': '7100',
        '140430|urban_dibao|expenditure': '123456.78',
      }),
    );

    // A reload (the server answers again): the edits are back, and saving them works once.
    first.unmount();
    await faults.clear();
    const again = await openGrid();
    expect(cell('潞州区', '人数（人）')).toHaveValue('7100');
    expect(cell('沁县', '支出（元）')).toHaveValue('123456.78');
    expect(screen.getByText('已恢复上次未保存的修改（2 处）。')).toBeInTheDocument();
    await again.user.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findByText('已保存 2 条记录（草稿）')).toBeInTheDocument();
    expect(puts).toHaveLength(4);
    expect(puts.filter((p) => p.path.includes('140403')).map((p) => p.ifMatch)).toEqual([
      `"${a.version}"`,
      `"${a.version}"`,
    ]);
    expect(figure(a.id)).toMatchObject({ version: a.version + 1 });
    expect(figure(a.id).values.persons).toBe(7100);
    expect(figure(b.id)).toMatchObject({ version: b.version + 1 });
    expect(figure(b.id).values.expenditure).toBe(123456.78);
    await waitFor(() => expect(screen.queryByText(/处修改未保存/)).not.toBeInTheDocument());
    expect(localStorage.getItem(DRAFT)).toBeNull();
  });

  it('the retry button in the message saves the kept edits once', async () => {
    const faults = await faultInjector();
    const { user } = await openGrid();
    await retype(user, cell('上党区', '户数（户）'), '650');
    const rec = figure('2026-11:140404:urban_dibao');
    const puts = captureRequests('PUT', '/assistance/2026-11/140404/urban_dibao');

    await faults.fail(503);
    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    const alert = await findAlertWith(SERVER_503);
    await faults.clear();
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByText('已保存 1 条记录（草稿）')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(SERVER_503)).not.toBeInTheDocument());
    expect(puts).toHaveLength(2);
    expect(figure(rec.id)).toMatchObject({ version: rec.version + 1 });
    expect(figure(rec.id).values.households).toBe(650);
    await waitFor(() => expect(cell('上党区', '户数（户）')).toHaveValue('650'));
  });

  it('publishing under 503: the dialog stays with the message, and the retry publishes once', async () => {
    const faults = await faultInjector();
    const { user } = await openGrid();
    const before = db.assistance.all().filter((f) => f.period === '2026-11');
    expect(before.every((f) => f.status === 'draft')).toBe(true);
    const posts = captureRequests('POST', '/assistance/2026-11/publish');
    await user.click(screen.getByRole('button', { name: '公开本月数据' }));
    const dialog = await screen.findByRole('dialog', { name: '公开2026年11月的数据' });

    await faults.fail(503);
    await user.click(within(dialog).getByRole('button', { name: '公开本月数据' }));
    await findAlertWith(SERVER_503, dialog);
    expect(screen.getByRole('dialog', { name: '公开2026年11月的数据' })).toBe(dialog);
    expect(
      db.assistance.all().filter((f) => f.period === '2026-11' && f.status !== 'draft'),
    ).toEqual([]);

    await faults.clear();
    await user.click(within(dialog).getByRole('button', { name: '公开本月数据' }));
    expect(await screen.findByText('已公开 60 条记录')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() =>
      expect(screen.getByTestId('month-status')).toHaveTextContent('已公开 60 条 · 草稿 0 条'),
    );
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body).toBe(posts[0]!.body);
    for (const f of before)
      expect(figure(f.id)).toMatchObject({ status: 'published', version: f.version + 1 });
  });

  it('copying last month under 503: says so, and the retry copies once with the same Idempotency-Key', async () => {
    for (const p of ['urban_dibao', 'rural_dibao', 'tekun', 'medical', 'temporary'])
      db.assistance.delete(`2026-10:140431:${p}`);
    const faults = await faultInjector();
    const { user } = await openGrid('period=2026-10&program=urban_dibao');
    expect(screen.getByTestId('month-status')).toHaveTextContent('未录入 5 条');
    const posts = captureRequests('POST', '/assistance/2026-10/copy-from-previous');

    await faults.fail(503);
    await user.click(screen.getByRole('button', { name: '复制上月数据' }));
    const alert = await findAlertWith(SERVER_503);
    expect(db.assistance.all().filter((f) => f.id.startsWith('2026-10:140431:'))).toEqual([]);

    await faults.clear();
    await user.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByText(/已从上月复制 5 条记录/)).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('month-status')).toHaveTextContent('未录入 0 条'),
    );
    expect(screen.queryByText(SERVER_503)).not.toBeInTheDocument();
    expectSameKey(posts, 2);
    expect(db.assistance.all().filter((f) => f.id.startsWith('2026-10:140431:'))).toHaveLength(5);
  });
});
