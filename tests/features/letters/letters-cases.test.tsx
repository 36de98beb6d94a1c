import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Letter } from '@/features/letters/types';
import { as } from '../../api';
import { renderWithProviders } from '../../utils';
import { pickOption } from './helpers';
import { seedOn } from '../../seed-day';

// Finding people and cases (issue #20) through the UI: bulk transfer, the 近一年 hint, 重复件.
seedOn('2026-11-26');

beforeEach(() => notifications.clean());

const base = {
  source: 'website',
  category: 'consultation',
  content: '请问低保材料',
  citizenName: '钱七',
  receivedOn: '2026-11-20',
};
async function create(over: Record<string, unknown>): Promise<Letter> {
  const r = await (await as('clerk')).post<Letter>('/letters', { ...base, ...over });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe('letters list: bulk actions', () => {
  it('select the page → 批量转办: a summary of what succeeded and which failed, and why', async () => {
    const a = await create({ subject: '批量界面甲' });
    const b = await create({ subject: '批量界面乙' });
    const c0 = await create({ subject: '批量界面丙' });
    const clerk = await as('clerk');
    const c = await clerk.post<Letter>(
      `/letters/${c0.id}/assign`,
      { sectionId: 'elderly' },
      { 'If-Match': `"${c0.version}"` },
    );
    expect(c.status).toBe(200);

    const { user } = await renderWithProviders({
      route: `/letters?q=${encodeURIComponent('批量界面')}`,
      user: 'clerk',
    });
    // The first render of the lazy route can be slow on a loaded machine.
    await waitFor(() => expect(screen.getAllByTestId('letter-row')).toHaveLength(3), {
      timeout: 15_000,
    });
    // Each row's checkbox says which letter it selects; the header one selects the page.
    expect(screen.getByRole('checkbox', { name: `选择 ${a.serialNo}` })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: '选择本页全部来信' }));
    for (const l of [a, b, c.body])
      expect(screen.getByRole('checkbox', { name: `选择 ${l.serialNo}` })).toBeChecked();
    const bar = screen.getByRole('region', { name: '已选 3 件' });
    await user.click(within(bar).getByRole('button', { name: '批量转办' }));

    const dialog = await screen.findByRole('dialog', { name: '批量转办 3 件来信' });
    await user.click(within(dialog).getByRole('button', { name: '提交' }));
    expect(await within(dialog).findByText('必填')).toBeInTheDocument();
    await pickOption(user, '转办科室', '养老服务科');
    await user.type(within(dialog).getByRole('textbox', { name: '转办意见' }), '请核实办理');
    await user.click(within(dialog).getByRole('button', { name: '提交' }));

    const result = await screen.findByRole('dialog', { name: '批量办理结果' });
    expect(within(result).getByTestId('bulk-summary')).toHaveTextContent(
      /^2 件已转办至养老服务科，1 件未办理$/,
    );
    const failures = within(result).getByTestId('bulk-failures');
    expect(within(failures).getAllByRole('listitem')).toHaveLength(1);
    expect(failures).toHaveTextContent(`${c.body.serialNo}：已在养老服务科办理`);
    // The footer's button (the header's ✕ has the same name).
    await user.click(within(result).getAllByRole('button', { name: '关闭' }).at(-1)!);

    // The selection is gone and the list shows where the letters went.
    await waitFor(() => expect(screen.queryByRole('region', { name: /已选/ })).toBeNull());
    await waitFor(() => {
      for (const r of screen.getAllByTestId('letter-row'))
        expect(r).toHaveTextContent('养老服务科');
    });
    const now = (await clerk.get<Letter>(`/letters/${a.id}`)).body;
    expect(now).toMatchObject({ status: 'assigned', sectionId: 'elderly' });
  });

  it('Ctrl+Enter in the bulk dialog submits it, as in every other dialog', async () => {
    const a = await create({ subject: '快捷键批量甲' });
    const b = await create({ subject: '快捷键批量乙' });
    const { user } = await renderWithProviders({
      route: `/letters?q=${encodeURIComponent('快捷键批量')}`,
      user: 'clerk',
    });
    await waitFor(() => expect(screen.getAllByTestId('letter-row')).toHaveLength(2), {
      timeout: 15_000,
    });
    await user.click(screen.getByRole('checkbox', { name: '选择本页全部来信' }));
    const bar = screen.getByRole('region', { name: '已选 2 件' });
    await user.click(within(bar).getByRole('button', { name: '批量转办' }));
    const dialog = await screen.findByRole('dialog', { name: '批量转办 2 件来信' });
    await pickOption(user, '转办科室', '社会救助科');
    await user.type(within(dialog).getByRole('textbox', { name: '转办意见' }), '请办理');
    await user.keyboard('{Control>}{Enter}{/Control}');

    const result = await screen.findByRole('dialog', { name: '批量办理结果' });
    expect(within(result).getByTestId('bulk-summary')).toHaveTextContent(
      /^2 件已转办至社会救助科，0 件未办理$/,
    );
    const clerk = await as('clerk');
    for (const l of [a, b])
      expect((await clerk.get<Letter>(`/letters/${l.id}`)).body).toMatchObject({
        status: 'assigned',
        sectionId: 'social_assistance',
      });
  });

  it('leaders and section officers have no checkboxes', async () => {
    await renderWithProviders({ route: '/letters', user: 'leader' });
    await waitFor(() => expect(screen.getAllByTestId('letter-row').length).toBe(20));
    expect(screen.queryByRole('checkbox', { name: '选择本页全部来信' })).toBeNull();
  });
});

describe('register a letter: the 近一年 hint and 重复件', () => {
  it('shows the letters of the number in the past year, links one as the original, and the detail pages show the link both ways', async () => {
    const phone = '13755550123';
    const recent = await create({
      subject: '近一年来信',
      citizenPhone: phone,
      receivedOn: '2026-06-01',
    });
    await create({ subject: '一年前来信', citizenPhone: phone, receivedOn: '2025-10-01' });
    const expected = (
      await (
        await as('clerk')
      ).get<{ total: number }>(`/letters?phone=${phone}&receivedFrom=2025-11-26`)
    ).body.total;
    expect(expected).toBe(1);

    const { user, router } = await renderWithProviders({ route: '/letters/new', user: 'clerk' });
    await screen.findByRole('form', { name: '登记来信' });
    await pickOption(user, '来源', '网站留言');
    await pickOption(user, '类别', '咨询');
    await user.type(screen.getByLabelText(/标题/), '再次来信询问低保');
    await user.type(screen.getByLabelText(/来信内容/), '上次的问题还没有答复。');
    await user.type(screen.getByLabelText(/来信人/), '钱七');
    await user.type(screen.getByLabelText(/联系电话/), phone);

    const hint = await screen.findByTestId('phone-history');
    expect(hint).toHaveTextContent('该号码近一年有 1 件来信');
    expect(within(hint).getByRole('link', { name: recent.serialNo })).toHaveAttribute(
      'href',
      `/letters/${recent.id}`,
    );
    expect(hint).not.toHaveTextContent('一年前来信');
    await user.click(within(hint).getByRole('button', { name: `标为其重复件 ${recent.serialNo}` }));
    expect(screen.getByTestId('duplicate-chosen')).toHaveTextContent(
      `本件将登记为 ${recent.serialNo} 的重复件`,
    );

    await user.click(screen.getByRole('button', { name: '登记' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toMatch(/^\/letters\/[0-9a-f-]{36}$/),
    );
    const links = await screen.findByTestId('letter-links');
    const original = within(links).getByRole('link', {
      name: `本件是 ${recent.serialNo} 的重复件`,
    });
    const newSerial = (await screen.findByTestId('serial-no')).textContent!;

    await user.click(original);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/letters/${recent.id}`));
    const repeats = await screen.findByTestId('letter-repeats');
    expect(within(repeats).getByRole('link', { name: newSerial })).toBeInTheDocument();
    expect(screen.getByText('重复来信（1）')).toBeInTheDocument();
  });
});
