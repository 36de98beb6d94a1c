import { Button, NativeSelect, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { LoadingState } from '@/components/loading-state';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { yearsOnRecord } from '@/config/years';
import { dashboardQueries, dashboardYear } from '@/features/dashboard/api';
import classes from '@/features/dashboard/components/dashboard.module.css';
import { DashboardView } from '@/features/dashboard/components/dashboard-view';
import { SectionTable } from '@/features/dashboard/components/section-table';
import { useAfterFirstPaint } from '@/lib/after-paint';
import { chinaToday, formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';

const DashboardCharts = lazy(() =>
  import('@/features/dashboard/components/dashboard-charts').then((m) => ({
    default: m.DashboardCharts,
  })),
);

/** /dashboard?year=YYYY — the leadership page, printable on one A4 landscape sheet. */
export default function DashboardRoute() {
  const { t, locale } = useI18n();
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const [params, setParams] = useSearchParams();
  const year = dashboardYear(params, today);
  const query = useQuery({ ...dashboardQueries.overview(year), placeholderData: keepPreviousData });
  // The sections' table and the charts (recharts) are below the figures: rendered, and the
  // charts' chunk started, once the figures are on screen.
  const belowWanted = useAfterFirstPaint();
  const years = yearsOnRecord(thisYear);

  return (
    <div className={classes.root}>
      <PageHeader
        title={t('pages.dashboard.title')}
        subtitle={t('pages.dashboard.subtitle')}
        actions={
          <>
            {/* The browser's own list: ten years need no searchable dropdown, and nothing to
                position or measure on the leadership's first screen. */}
            <NativeSelect
              label={t('pages.dashboard.year')}
              data={years}
              value={String(year)}
              onChange={(e) => setParams({ year: e.currentTarget.value })}
              w={110}
              className={classes.noPrint}
            />
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
              className={classes.noPrint}
              mt="auto"
            >
              {t('dashboard.print')}
            </Button>
          </>
        }
      />
      <QueryState query={query} rows={6}>
        {(d) => (
          <Stack
            gap="lg"
            className={classes.stack}
            aria-busy={query.isFetching && query.isPlaceholderData}
          >
            <Text size="sm" c="dimmed" data-testid="dashboard-as-of">
              {t('dashboard.asOf', {
                date: formatDate(d.asOf, locale),
                from: formatDate(d.window.from, locale),
                to: formatDate(d.window.to, locale),
              })}
            </Text>
            <DashboardView data={d} />
            {belowWanted && d.sections.length > 0 && <SectionTable data={d} />}
            <Suspense fallback={<LoadingState rows={4} />}>
              {belowWanted ? <DashboardCharts data={d} now={today} /> : <LoadingState rows={4} />}
            </Suspense>
          </Stack>
        )}
      </QueryState>
    </div>
  );
}
