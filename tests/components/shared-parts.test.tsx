import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '@/app/provider';
import { ChartCard } from '@/components/chart-card';
import { DeadlineBadge } from '@/components/deadline-badge';
import type { Locale } from '@/lib/i18n/core';
import { createQueryClient } from '@/lib/query-client';

const renderIn = (ui: ReactNode, locale: Locale = 'zh-CN') =>
  render(
    <AppProviders queryClient={createQueryClient({ retry: false })} locale={locale}>
      {ui}
    </AppProviders>,
  );

/** The badge's root element (Mantine's Badge) and its colour variable. */
const badge = (text: string) => screen.getByText(text).closest('.mantine-Badge-root')!;

describe('DeadlineBadge', () => {
  it('says the working days left, due today or overdue, in words and colour', () => {
    renderIn(
      <>
        <DeadlineBadge remainingWorkdays={3} alert="none" />
        <DeadlineBadge remainingWorkdays={2} alert="due_soon" />
        <DeadlineBadge remainingWorkdays={0} alert="due_soon" />
        <DeadlineBadge remainingWorkdays={-2} alert="overdue" />
      </>,
    );
    expect(badge('剩余3个工作日').getAttribute('style')).toContain('--mantine-color-blue');
    expect(badge('剩余2个工作日').getAttribute('style')).toContain('--mantine-color-orange');
    expect(badge('今日到期').getAttribute('style')).toContain('--mantine-color-orange');
    expect(badge('已超期2个工作日').getAttribute('style')).toContain('--mantine-color-red');
  });

  it('speaks English', () => {
    renderIn(
      <>
        <DeadlineBadge remainingWorkdays={5} alert={undefined} />
        <DeadlineBadge remainingWorkdays={0} alert="due_soon" />
        <DeadlineBadge remainingWorkdays={-1} alert="overdue" />
      </>,
      'en-US',
    );
    expect(screen.getByText('5 working days left')).toBeInTheDocument();
    expect(screen.getByText('Due today')).toBeInTheDocument();
    expect(screen.getByText('1 working days overdue')).toBeInTheDocument();
  });
});

describe('ChartCard', () => {
  const rows = [
    { label: '1月', value: 12 },
    { label: '2月', value: 7 },
  ];
  const card = (
    <ChartCard
      title="来信数量"
      badge="示例数据"
      description="仅计已公开的月份"
      columns={[
        { key: 'label', label: '月份', value: (r) => r.label },
        { key: 'value', label: '件数', value: (r) => String(r.value) },
      ]}
      rows={rows}
    >
      <div data-testid="the-chart" />
    </ChartCard>
  );

  it('shows the chart with its table for screen readers, and the table alone when asked', async () => {
    const user = userEvent.setup();
    renderIn(card);
    const section = screen.getByRole('region', { name: '来信数量' });
    expect(within(section).getByRole('heading', { level: 3, name: '来信数量' })).toBeVisible();
    expect(within(section).getByText('示例数据')).toBeInTheDocument();
    expect(within(section).getByText('仅计已公开的月份')).toBeInTheDocument();
    expect(screen.getByTestId('the-chart')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: '来信数量' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['月份件数', '1月12', '2月7']);
    await user.click(screen.getByRole('radio', { name: '表格' }));
    expect(screen.queryByTestId('the-chart')).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: '来信数量' })).toBeInTheDocument();
  });
});
