import { Select, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { KpiCard } from '@/components/kpi-card';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { paths } from '@/config/paths';
import { dashboardQueries } from '@/features/dashboard/api';
import { chinaToday, formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';

export default function DashboardRoute() {
  const { t, locale } = useI18n();
  const thisYear = Number(chinaToday().slice(0, 4));
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const counts = useQuery(dashboardQueries.letterCounts(year));
  const years = Array.from({ length: thisYear - 2016 }, (_, i) => String(thisYear - i));
  const n = (v: number) => formatNumber(v, locale);
  const list = (q: string) => `${paths.letters}?year=${year}${q}`;

  return (
    <>
      <PageHeader
        title={t('pages.dashboard.title')}
        subtitle={t('pages.dashboard.subtitle')}
        actions={
          <Select
            label={t('pages.dashboard.year')}
            data={years}
            value={String(year)}
            onChange={(v) => setParams(v ? { year: v } : {})}
            allowDeselect={false}
            w={110}
          />
        }
      />
      <QueryState query={counts} rows={2}>
        {(c) => (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
            <KpiCard label={t('dashboard.received')} value={n(c.received)} to={list('')} />
            <KpiCard
              label={t('dashboard.mayorMailbox')}
              value={n(c.mayorMailbox)}
              to={list('&source=mayor_mailbox')}
            />
            <KpiCard
              label={t('dashboard.closed')}
              value={n(c.closed)}
              to={list('&status=closed')}
            />
            <KpiCard
              label={t('dashboard.overdue')}
              value={n(c.overdue)}
              to={list('&alert=overdue&sort=remainingWorkdays')}
              tone={c.overdue ? 'red' : undefined}
            />
            <KpiCard
              label={t('dashboard.dueSoon')}
              value={n(c.dueSoon)}
              to={list('&alert=due_soon&sort=remainingWorkdays')}
              tone={c.dueSoon ? 'orange' : undefined}
            />
          </SimpleGrid>
        )}
      </QueryState>
    </>
  );
}
