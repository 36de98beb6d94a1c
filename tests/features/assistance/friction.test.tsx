import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '@mocks/db';
import { aggregate } from '@/features/assistance/summary';
import { formatNumber, formatPercent } from '@/lib/format';
import { renderWithProviders } from '../../utils';
import { seedOn } from '../../seed-day';

// The seed is built for this day: November 2026 is a draft month, October is published.
seedOn('2026-11-26');

const figuresOf = (period: string, program = 'urban_dibao') =>
  db.assistance.all().filter((f) => f.period === period && f.program === program);
const sum = (period: string, field: string) =>
  figuresOf(period).reduce((s, f) => s + (f.values[field] ?? 0), 0);

describe('/assistance for new users', { timeout: 60_000 }, () => {
  it('opens on the latest month that has ended, without the 2018 note', async () => {
    await renderWithProviders({ route: '/assistance', user: 'clerk' });
    expect(
      await screen.findByRole('table', { name: '2026年10月 城市低保' }, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('regions-note')).toBeNull();
  });

  it('explains the 2018 reorganisation around November 2018 only', async () => {
    await renderWithProviders({ route: '/assistance?period=2018-11', user: 'clerk' });
    await screen.findByRole('table', { name: '2018年11月 城市低保' }, { timeout: 20_000 });
    expect(screen.getByTestId('regions-note')).toHaveTextContent('2018年11月23日起');
  });

  it('a 合计 row sums each column as shown, edits included; the standard has none', async () => {
    const { user } = await renderWithProviders({
      route: '/assistance?period=2026-11&program=urban_dibao',
      user: 'clerk',
    });
    const table = await screen.findByRole(
      'table',
      { name: '2026年11月 城市低保' },
      {
        timeout: 20_000,
      },
    );
    const total = within(table).getByTestId('row-total');
    const cells = within(total).getAllByRole('cell');
    expect(within(total).getByRole('rowheader')).toHaveTextContent('合计');
    expect(cells[0]).toHaveTextContent(formatNumber(sum('2026-11', 'households'), 'zh-CN'));
    expect(cells[1]).toHaveTextContent(formatNumber(sum('2026-11', 'persons'), 'zh-CN'));
    expect(cells[2]).toHaveTextContent('保障标准为人均额，不合计');
    const one = screen.getByRole('textbox', { name: '潞州区 城市低保 户数（户）' });
    const before = db.assistance.get('2026-11:140403:urban_dibao')!.values.households!;
    await user.clear(one);
    await user.type(one, String(before + 1000));
    await waitFor(() =>
      expect(cells[0]).toHaveTextContent(
        formatNumber(sum('2026-11', 'households') + 1000, 'zh-CN'),
      ),
    );
  });

  it('publishing a month in progress warns first, and shows its totals against the month before', async () => {
    const { user } = await renderWithProviders({
      route: '/assistance?period=2026-11&program=urban_dibao',
      user: 'clerk',
    });
    await screen.findByRole('table', { name: '2026年11月 城市低保' }, { timeout: 20_000 });
    await user.click(screen.getByRole('button', { name: '公开本月数据' }));
    const dialog = await screen.findByRole('dialog', { name: '公开2026年11月的数据' });
    expect(within(dialog).getByText('本月尚未结束')).toBeInTheDocument();
    const totals = await within(dialog).findByRole('table', {
      name: '2026年11月合计与2026年10月（已公开数据）比较',
    });
    const nov = aggregate('urban_dibao', figuresOf('2026-11'))!;
    const oct = aggregate('urban_dibao', figuresOf('2026-10'))!;
    const row = within(totals).getByTestId('publish-total-urban_dibao');
    expect(row).toHaveTextContent(`${formatNumber(nov.recipients, 'zh-CN')} 人`);
    const change = (nov.recipients - oct.recipients) / oct.recipients;
    expect(row).toHaveTextContent(`${change > 0 ? '+' : ''}${formatPercent(change, 'zh-CN')}`);
    expect(within(totals).getAllByRole('row')).toHaveLength(6); // the header and five programs
    await user.click(within(dialog).getByRole('button', { name: '公开本月数据' }));
    expect(await screen.findByText('已公开 60 条记录')).toBeInTheDocument();
  });

  it('the leadership lands on the charts', async () => {
    await renderWithProviders({ route: '/assistance', user: 'leader' });
    expect(
      await screen.findByRole('tab', { name: '统计图表', selected: true }, { timeout: 20_000 }),
    ).toBeInTheDocument();
  });

  it('speaks English', async () => {
    const { user } = await renderWithProviders({
      route: '/assistance?period=2026-11&program=urban_dibao',
      user: 'clerk',
      locale: 'en-US',
    });
    const table = await screen.findByRole('table', { name: /urban/i }, { timeout: 20_000 });
    expect(within(within(table).getByTestId('row-total')).getByRole('rowheader')).toHaveTextContent(
      'Total',
    );
    await user.click(screen.getByRole('button', { name: /publish/i }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('This month is not over yet')).toBeInTheDocument();
    expect(
      await within(dialog).findByRole('table', { name: /^Totals of 2026-11 against 2026-10/ }),
    ).toBeInTheDocument();
  });
});
