import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '@mocks/db';
import { as } from '../../api';
import { renderWithProviders } from '../../utils';
import { seedOn } from '../../seed-day';

// The seed is built for this day: November 2026 is a draft month, October is published.
seedOn('2026-11-26');

const route = (q = 'period=2026-11&program=urban_dibao') => `/assistance?${q}`;
const cell = (region: string, field: string, program = '城市低保') =>
  screen.getByRole('textbox', { name: `${region} ${program} ${field}` });
const persons = (id = '2026-11:140403:urban_dibao') => db.assistance.get(id)!.values.persons;

async function openGrid(user = 'clerk', q?: string) {
  const view = await renderWithProviders({ route: route(q), user });
  await screen.findByRole('table', { name: /城市低保/ });
  return view;
}

describe('the month grid (/assistance)', () => {
  it('validates a cell in place, in words, and saves nothing until it is right', async () => {
    const { user } = await openGrid();
    const input = cell('潞州区', '人数（人）');
    await user.clear(input);
    await user.type(input, '12.5');
    expect(await screen.findByText('应为整数')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('应为整数');
    const before = persons();
    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findByTestId('grid-announcer')).toHaveTextContent('有 1 处错误');
    expect(persons()).toBe(before);

    await user.clear(input);
    await user.type(input, '7000');
    await waitFor(() => expect(screen.queryByText('应为整数')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findByText('已保存 1 条记录（草稿）')).toBeInTheDocument();
    expect(persons()).toBe(7000);
    expect(db.assistance.get('2026-11:140403:urban_dibao')!.version).toBe(2);
  });

  it('fills a block pasted from a spreadsheet, and checks persons against households', async () => {
    await openGrid();
    fireEvent.paste(cell('潞州区', '户数（户）'), {
      clipboardData: { getData: () => '5000\t4000\r\n600\t1,200\r\n' },
    });
    expect(screen.getByTestId('grid-announcer')).toHaveTextContent('已粘贴 4 个单元格');
    expect(cell('潞州区', '户数（户）')).toHaveValue('5000');
    expect(cell('上党区', '人数（人）')).toHaveValue('1,200');
    expect(await screen.findByText('人数不能少于户数')).toBeInTheDocument();
    expect(cell('潞州区', '人数（人）')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('4 处修改未保存')).toBeInTheDocument();
    expect(within(screen.getByTestId('row-140404')).getByText('有未保存修改')).toBeInTheDocument();
  });

  it('shows every program across in "all programs", where a whole sheet row can be pasted', async () => {
    await renderWithProviders({
      route: route('period=2026-11&program=all'),
      user: 'clerk',
    });
    await screen.findByRole('table', { name: '2026年11月 全部项目' });
    const row = [
      '800',
      '1400',
      '800',
      '700000',
      '3000',
      '5900',
      '600',
      '1950000',
      '1200',
      '250',
      '950',
      '800000',
      '900',
      '700000',
      '200',
      '230000',
    ];
    fireEvent.paste(cell('潞州区', '户数（户）'), {
      clipboardData: { getData: () => row.join('\t') },
    });
    expect(screen.getByTestId('grid-announcer')).toHaveTextContent('已粘贴 16 个单元格');
    expect(cell('潞州区', '集中供养（人）', '特困人员救助供养')).toHaveValue('250');
    expect(cell('潞州区', '救助户次（户次）', '临时救助')).toHaveValue('200');
    expect(screen.queryByText('人数不能少于户数')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('row-140403')).getByText('有未保存修改')).toBeInTheDocument();
    expect(within(screen.getByTestId('row-140404')).getByText('草稿 5')).toBeInTheDocument();
  });

  it('moves between cells with the arrow keys and Enter', async () => {
    const { user } = await openGrid();
    await user.click(cell('潞州区', '户数（户）'));
    await user.keyboard('{ArrowDown}');
    expect(cell('上党区', '户数（户）')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(cell('屯留区', '户数（户）')).toHaveFocus();
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(cell('上党区', '户数（户）')).toHaveFocus();
    (cell('上党区', '户数（户）') as HTMLInputElement).setSelectionRange(0, 99);
    await user.keyboard('{ArrowRight}');
    expect(cell('上党区', '人数（人）')).toHaveFocus();
    await user.tab();
    expect(cell('上党区', '保障标准（元/人·月）')).toHaveFocus();
  });

  it('keeps unsaved edits across a reload, and says so', async () => {
    const first = await openGrid();
    await first.user.clear(cell('沁县', '支出（元）'));
    await first.user.type(cell('沁县', '支出（元）'), '123456.78');
    await waitFor(() =>
      expect(localStorage.getItem('gkwb.draft.assistance.u-clerk.2026-11')).toContain('123456.78'),
    );
    first.unmount();
    await openGrid();
    expect(cell('沁县', '支出（元）')).toHaveValue('123456.78');
    expect(screen.getByText('已恢复上次未保存的修改（1 处）。')).toBeInTheDocument();
  });

  it('publishes the month after a confirmation', async () => {
    const { user } = await openGrid();
    expect(screen.getByTestId('month-status')).toHaveTextContent('已公开 0 条 · 草稿 60 条');
    await user.click(screen.getByRole('button', { name: '公开本月数据' }));
    const dialog = await screen.findByRole('dialog', { name: '公开2026年11月的数据' });
    expect(within(dialog).getByText(/将公开本月 60 条草稿记录/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '公开本月数据' }));
    expect(await screen.findByText('已公开 60 条记录')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() =>
      expect(screen.getByTestId('month-status')).toHaveTextContent('已公开 60 条 · 草稿 0 条'),
    );
    expect(screen.getByRole('button', { name: '公开本月数据' })).toBeDisabled();
  });

  it('shows the history of a figure in a drawer', async () => {
    const { user } = await openGrid('clerk', 'period=2026-10&program=urban_dibao');
    await user.click(screen.getByRole('button', { name: '查看潞州区城市低保的修改记录' }));
    const drawer = await screen.findByRole('dialog', { name: '修改记录' });
    const history = await within(drawer).findByTestId('figure-history');
    expect(within(history).getByText('录入')).toBeInTheDocument();
    expect(within(history).getByText('公开')).toBeInTheDocument();
    expect(within(history).getByText('状态：草稿 → 已公开')).toBeInTheDocument();
  });

  it('never overwrites silently: a conflict shows the current figure and lets the user decide', async () => {
    const { user } = await openGrid();
    await user.clear(cell('潞州区', '人数（人）'));
    await user.type(cell('潞州区', '人数（人）'), '7100');
    const other = await as('admin');
    const current = db.assistance.get('2026-11:140403:urban_dibao')!;
    const r = await other.put(
      '/assistance/2026-11/140403/urban_dibao',
      { values: { ...current.values, persons: 6900 } },
      { 'If-Match': '"1"' },
    );
    expect(r.status).toBe(200);
    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    const title = await screen.findByText('有记录已被他人修改');
    const alert = title.closest<HTMLElement>('[role=alert]')!;
    expect(alert).toHaveTextContent('人数（人） 6,900');
    expect(persons()).toBe(6900);
    await user.click(within(alert).getByRole('button', { name: '以我的修改为准' }));
    await waitFor(() => expect(persons()).toBe(7100));
    await waitFor(() => expect(screen.queryByText('有记录已被他人修改')).not.toBeInTheDocument());
  });

  it("copies last month's figures into the ones a month lacks", async () => {
    for (const p of ['urban_dibao', 'rural_dibao', 'tekun', 'medical', 'temporary'])
      db.assistance.delete(`2026-10:140431:${p}`);
    const { user } = await openGrid('clerk', 'period=2026-10&program=urban_dibao');
    expect(screen.getByTestId('month-status')).toHaveTextContent('未录入 5 条');
    expect(cell('沁源县', '人数（人）')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: '复制上月数据' }));
    expect(await screen.findByText(/已从上月复制 5 条记录/)).toBeInTheDocument();
    await waitFor(() =>
      expect(cell('沁源县', '人数（人）')).toHaveValue(
        db.assistance.get('2026-09:140431:urban_dibao')!.values.persons!.toLocaleString('zh-CN'),
      ),
    );
  });

  it('is read-only for the leadership', async () => {
    // The leadership lands on the charts; the grid is a tab away.
    await renderWithProviders({
      route: route('period=2026-11&program=urban_dibao&tab=grid'),
      user: 'leader',
    });
    const table = await screen.findByRole('table', { name: /城市低保/ });
    expect(screen.getByText('只读：您可以查看数据，但不能修改。')).toBeInTheDocument();
    expect(within(table).queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: '保存草稿' })).not.toBeInTheDocument();
    expect(within(table).getAllByText('草稿').length).toBe(12);
  });
});
