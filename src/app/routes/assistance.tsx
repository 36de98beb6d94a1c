import { Alert, Select, Stack, Tabs } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { yearsOnRecord } from '@/config/years';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import { MonthGrid } from '@/features/assistance/components/month-grid';
import { isFuturePeriod, isPeriod, latestEndedPeriod } from '@/features/assistance/rules';
import type { GridProgram } from '@/features/assistance/components/grid-table';
import { PROGRAMS } from '@/features/assistance/types';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';

const AssistanceCharts = lazy(() =>
  import('@/features/assistance/components/charts/assistance-charts').then((m) => ({
    default: m.AssistanceCharts,
  })),
);

/** /assistance?tab=grid|charts&period=YYYY-MM&program=…&year=YYYY */
export default function AssistanceRoute() {
  const { t } = useI18n();
  const user = useUser();
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const [params, setParams] = useSearchParams();
  const month = params.get('period') ?? '';
  // Without a month asked for: the latest month that has ended (today's is still being entered).
  const period =
    isPeriod(month) && month >= '2017-01' && !isFuturePeriod(month, today)
      ? month
      : latestEndedPeriod(today);
  const asked = params.get('program') ?? '';
  const program: GridProgram =
    asked === 'all' || (PROGRAMS as readonly string[]).includes(asked)
      ? (asked as GridProgram)
      : 'urban_dibao';
  // The leadership reads the figures rather than enters them: the charts first.
  const asTab = params.get('tab');
  const tab =
    asTab === 'charts' || asTab === 'grid' ? asTab : user.role === 'leader' ? 'charts' : 'grid';
  const year = Math.min(Number(params.get('year')) || thisYear, thisYear);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: key !== 'tab' });
  };
  const years = yearsOnRecord(thisYear);

  return (
    <>
      <PageHeader title={t('pages.assistance.title')} subtitle={t('pages.assistance.subtitle')} />
      <Alert color="gray" variant="light" mb="md">
        {t('assistance.illustrativeNote')}
      </Alert>
      <Tabs value={tab} onChange={(v) => v && set('tab', v)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="grid">{t('assistance.tabs.grid')}</Tabs.Tab>
          <Tabs.Tab value="charts">{t('assistance.tabs.charts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="grid">
          <MonthGrid
            key={period}
            period={period}
            program={program}
            onPeriod={(p) => set('period', p)}
            onProgram={(p) => set('program', p)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="charts">
          <Stack gap="md">
            <Select
              label={t('assistance.charts.year')}
              data={years}
              value={String(year)}
              onChange={(v) => v && set('year', v)}
              allowDeselect={false}
              w={120}
            />
            <Suspense fallback={<LoadingState rows={6} />}>
              <AssistanceCharts year={year} />
            </Suspense>
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
