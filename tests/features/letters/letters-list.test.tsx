import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Letter } from '@/features/letters/types';
import { as } from '../../api';
import { renderWithProviders } from '../../utils';
import { pickOption } from './helpers';
import { seedOn } from '../../seed-day';

// Written for any day; pinned so that one run of it (on any TEST_TODAY) is enough.
seedOn('2026-11-26');

beforeEach(() => notifications.clean());

type Router = Awaited<ReturnType<typeof renderWithProviders>>['router'];
const search = (router: Router) => new URLSearchParams(router.state.location.search);
const rows = () => screen.queryAllByTestId('letter-row');
const serialsOnPage = () => rows().map((r) => within(r).getAllByRole('link')[0]!.textContent ?? '');

async function expectedSerials(user: string, query: string) {
  const c = await as(user);
  const r = await c.get<{ items: Letter[]; total: number }>(`/letters?${query}&pageSize=20`);
  return { serials: r.body.items.map((l) => l.serialNo), total: r.body.total };
}

/** Mantine's menu dropdown stays display:none in jsdom (floating-ui never positions it). */
const menuItem = (name: string) => screen.findByRole('menuitem', { name, hidden: true });

describe('letters list', () => {
  it('filters update the URL and the rows', async () => {
    const { user, router } = await renderWithProviders({ route: '/letters', user: 'clerk' });
    await waitFor(() => expect(rows().length).toBe(20));
    expect(serialsOnPage()).toEqual((await expectedSerials('clerk', '')).serials);

    await pickOption(user, '状态', '已办结');
    await waitFor(() => expect(search(router).get('status')).toBe('closed'));
    await pickOption(user, '年度', '2017');
    await waitFor(() => expect(search(router).get('year')).toBe('2017'));
    const closed2017 = await expectedSerials('clerk', 'status=closed&year=2017');
    expect(closed2017.total).toBe(17);
    await waitFor(() => expect(serialsOnPage()).toEqual(closed2017.serials));
    expect(screen.getByText('共 17 条')).toBeInTheDocument();
    for (const r of rows()) expect(r).toHaveTextContent('已办结');

    await pickOption(user, '来源', '市长信箱转办');
    await waitFor(() => expect(search(router).get('source')).toBe('mayor_mailbox'));
    await waitFor(() => expect(rows()).toHaveLength(5));
    for (const r of rows()) expect(r).toHaveTextContent('市长信箱转办');

    await pickOption(user, '排序', '收信日期（旧→新）');
    await waitFor(() => expect(search(router).get('sort')).toBe('receivedOn'));
    const sorted = await expectedSerials(
      'clerk',
      'status=closed&year=2017&source=mayor_mailbox&sort=receivedOn',
    );
    await waitFor(() => expect(serialsOnPage()).toEqual(sorted.serials));

    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=receivedOn'));
    await waitFor(() => expect(rows()).toHaveLength(20));
  });

  it('督办件: a chip filters the list to supervised letters, each marked 督办 (issue #20)', async () => {
    const { user, router } = await renderWithProviders({ route: '/letters', user: 'handler' });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await user.click(screen.getByRole('checkbox', { name: '督办件' }));
    await waitFor(() => expect(search(router).get('supervised')).toBe('true'));
    const expected = await expectedSerials('handler', 'supervised=true');
    expect(expected.total).toBeGreaterThan(0);
    await waitFor(() => expect(serialsOnPage()).toEqual(expected.serials));
    for (const r of rows()) expect(r).toHaveTextContent('督办');
    await user.click(screen.getByRole('checkbox', { name: '督办件' }));
    await waitFor(() => expect(search(router).has('supervised')).toBe(false));
  });

  it('the handler’s bell shows 督办 beside the deadline counts, linking to the 督办件', async () => {
    const handler = await as('handler');
    const alerts = (await handler.get<{ supervised: number }>('/letters/alerts')).body;
    expect(alerts.supervised).toBeGreaterThan(0);
    const { user, router } = await renderWithProviders({ route: '/letters', user: 'handler' });
    await user.click(await screen.findByTestId('alert-bell'));
    const chip = await screen.findByRole('link', { name: `督办 ${alerts.supervised}` });
    await user.click(chip);
    await waitFor(() => expect(search(router).get('supervised')).toBe('true'));
  });

  it('opens with the filters in the URL, searches as you type, and pages', async () => {
    const letter = (await expectedSerials('clerk', 'year=2017&sort=serialNo')).serials[0]!;
    const { user, router } = await renderWithProviders({
      route: '/letters?year=2017&category=complaint',
      user: 'clerk',
    });
    const expected = await expectedSerials('clerk', 'year=2017&category=complaint');
    await waitFor(() => expect(serialsOnPage()).toEqual(expected.serials));
    expect(screen.getByRole('combobox', { name: '类别' })).toHaveValue('投诉');

    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    await user.type(screen.getByRole('textbox', { name: '搜索' }), letter);
    await waitFor(() => expect(search(router).get('q')).toBe(letter));
    await waitFor(() => expect(serialsOnPage()).toEqual([letter]));

    await user.clear(screen.getByRole('textbox', { name: '搜索' }));
    await waitFor(() => expect(search(router).has('q')).toBe(false));
    await waitFor(() => expect(rows()).toHaveLength(20));
    await user.click(screen.getByRole('button', { name: '第 2 页' }));
    await waitFor(() => expect(search(router).get('page')).toBe('2'));
    const page2 = await expectedSerials('clerk', 'page=2');
    await waitFor(() => expect(serialsOnPage()).toEqual(page2.serials));
  });

  it('a handler’s list only has their section, with no section filter', async () => {
    const { user, router } = await renderWithProviders({ route: '/letters', user: 'handler' });
    expect(
      await screen.findByRole('heading', { name: /来信办理 · 社会救助科/ }),
    ).toBeInTheDocument();
    const mine = await expectedSerials('handler', '');
    expect(mine.total).toBeGreaterThan(0);
    await waitFor(() => expect(serialsOnPage()).toEqual(mine.serials));
    for (const r of rows()) expect(r).toHaveTextContent('社会救助科');
    expect(screen.queryByRole('combobox', { name: '承办科室' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '登记来信' })).not.toBeInTheDocument();

    await pickOption(user, '期限提醒', '已超期');
    await waitFor(() => expect(search(router).get('alert')).toBe('overdue'));
    const overdue = await expectedSerials('handler', 'alert=overdue');
    await waitFor(() => expect(serialsOnPage()).toEqual(overdue.serials));
    for (const r of rows()) expect(r).toHaveTextContent(/已超期\d+个工作日/);
  });

  it('a handler asking for another section by URL gets an empty list', async () => {
    await renderWithProviders({ route: '/letters?sectionId=social_affairs', user: 'handler' });
    expect(await screen.findByText('没有符合条件的来信')).toBeInTheDocument();
  });

  it('the list shows phones masked', async () => {
    await renderWithProviders({ route: '/letters', user: 'clerk' });
    await waitFor(() => expect(rows().length).toBe(20));
    const phones = rows()
      .map((r) => r.textContent ?? '')
      .map((t) => t.match(/1\d{2}\*{4}\d{4}|0\d{2,3}-\*{4}\d{4}|1\d{10}/)?.[0])
      .filter(Boolean);
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).toContain('****');
  });

  it('saves the current filters as a view, applies it and deletes it', async () => {
    const { user, router } = await renderWithProviders({
      route: '/letters?status=closed&year=2017',
      user: 'clerk',
    });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await user.click(screen.getByRole('button', { name: '我的视图' }));
    await user.click(await menuItem('保存当前视图'));
    const dialog = await screen.findByRole('dialog', { name: '保存当前视图' });
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('必填')).toBeInTheDocument(); // nothing saved yet
    expect((await (await as('clerk')).get<unknown[]>('/views/letters')).body).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('视图名称'), '2017 已办结');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const saved = (
      await (await as('clerk')).get<{ name: string; query: string }[]>('/views/letters')
    ).body;
    expect(saved).toEqual([expect.objectContaining({ name: '2017 已办结' })]);
    expect(new URLSearchParams(saved[0]!.query).get('year')).toBe('2017');

    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(search(router).get('year')).toBeNull());
    await user.click(screen.getByRole('button', { name: '我的视图' }));
    await user.click(await menuItem('2017 已办结'));
    await waitFor(() => expect(search(router).get('year')).toBe('2017'));
    expect(search(router).get('status')).toBe('closed');

    await user.click(screen.getByRole('button', { name: '我的视图' }));
    await user.click(
      await screen.findByRole('button', { name: '删除视图 2017 已办结', hidden: true }),
    );
    await waitFor(async () =>
      expect((await (await as('clerk')).get<unknown[]>('/views/letters')).body).toHaveLength(0),
    );
  });

  it('a leader reads the list without the saved-views menu (saving is a write)', async () => {
    await renderWithProviders({ route: '/letters', user: 'leader' });
    await waitFor(() => expect(rows().length).toBe(20));
    expect(screen.queryByRole('button', { name: '我的视图' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导出 CSV' })).toBeInTheDocument();
  });

  it('names the exported CSV with the day in China', async () => {
    // 07:30 on 27 November in China is still the 26th in UTC.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T23:30:00Z') });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined });
    try {
      const { user } = await renderWithProviders({ route: '/letters?year=2017', user: 'clerk' });
      await waitFor(() => expect(rows().length).toBeGreaterThan(0));
      await user.click(screen.getByRole('button', { name: '导出 CSV' }));
      await waitFor(() => expect(names).toEqual(['来信办理_2026-11-27.csv']));
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });
});
