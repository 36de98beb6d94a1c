import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CalendarYearDetail } from '@/types/calendar';
import { as } from '../../api';
import { renderWithProviders } from '../../utils';
import { seedOn } from '../../seed-day';

// The settings page edits next year: 2027 here, a year the bundled schedule does not cover.
seedOn('2026-11-26');

const rangeBox = () => screen.getByRole('group', { name: '按日期段添加' });

describe('Settings → 工作日历: a range of days at once', { timeout: 60_000 }, () => {
  it('2027-02-05 至 2027-02-11 as 休息日 named 春节 becomes its five weekdays, saved as days', async () => {
    const { user } = await renderWithProviders({ route: '/settings', user: 'admin' });
    expect(
      await screen.findByRole('heading', { name: '2027' }, { timeout: 20_000 }),
    ).toBeInTheDocument();
    const box = rangeBox();
    await user.type(within(box).getByRole('textbox', { name: '起始日期' }), '2027-02-05');
    await user.tab();
    await user.type(within(box).getByRole('textbox', { name: '截止日期' }), '2027-02-11');
    await user.tab();
    await user.type(within(box).getByRole('textbox', { name: '日期段名称' }), '春节');
    await user.click(within(box).getByRole('button', { name: '加入该日期段' }));
    expect(within(box).getByRole('status')).toHaveTextContent(
      '已添加 5 天（略过 2 天：本来就是该类型或已在官方安排中）',
    );
    const dates = screen
      .getAllByRole('textbox', { name: '日期' })
      .map((i) => (i as HTMLInputElement).value);
    // Shown as the page writes dates (issue #20), stored as YYYY-MM-DD.
    expect(dates).toEqual([
      '2027年2月5日',
      '2027年2月8日',
      '2027年2月9日',
      '2027年2月10日',
      '2027年2月11日',
    ]);
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(/^2027年日历已保存/)).toBeInTheDocument();
    const stored = (await (await as('admin')).get<CalendarYearDetail>('/calendar/years/2027')).body;
    expect(stored.days.map((d) => [d.date, d.workday, d.name])).toEqual(
      ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map((d) => [
        d,
        false,
        '春节',
      ]),
    );
  });

  it('says next to the fields what is wrong with a range', async () => {
    const { user } = await renderWithProviders({ route: '/settings', user: 'admin' });
    expect(
      await screen.findByRole('heading', { name: '2027' }, { timeout: 20_000 }),
    ).toBeInTheDocument();
    const box = rangeBox();
    await user.click(within(box).getByRole('button', { name: '加入该日期段' }));
    expect(within(box).getAllByText('必填').length).toBeGreaterThanOrEqual(3);
    await user.type(within(box).getByRole('textbox', { name: '起始日期' }), '2027-02-11');
    await user.tab();
    await user.type(within(box).getByRole('textbox', { name: '截止日期' }), '2027-02-05');
    await user.tab();
    await user.type(within(box).getByRole('textbox', { name: '日期段名称' }), '春节');
    await user.click(within(box).getByRole('button', { name: '加入该日期段' }));
    expect(await within(box).findByText('截止日期不能早于起始日期')).toBeInTheDocument();
    expect(screen.queryAllByRole('textbox', { name: '日期' })).toHaveLength(0);
  });

  it('speaks English', async () => {
    await renderWithProviders({ route: '/settings', user: 'admin', locale: 'en-US' });
    const box = await screen.findByRole('group', { name: 'Add a range of days' });
    expect(within(box).getByRole('textbox', { name: 'From' })).toBeInTheDocument();
    expect(within(box).getByRole('radio', { name: 'Make-up working days' })).toBeInTheDocument();
    await waitFor(() =>
      expect(within(box).getByRole('button', { name: 'Add range' })).toBeEnabled(),
    );
  });
});
