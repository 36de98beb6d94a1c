import { BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { ChartCard, type ChartColumn } from '@/components/chart-card';
import { formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { comparisonSeries, type ComparisonPoint } from '../charts';
import type { Dashboard } from '../types';
import classes from './dashboard.module.css';

/** This year against last, month by month: letters received and assistance spending (lazy). */
export function DashboardCharts({ data, now }: { data: Dashboard; now: string }) {
  const { t, locale } = useI18n();
  const y = data.year;
  const labels = {
    month: t('assistance.charts.monthCol'),
    current: t('assistance.charts.yearSeries', { year: y }),
    previous: t('assistance.charts.yearSeries', { year: y - 1 }),
  };
  const columns = (digits: number): ChartColumn<ComparisonPoint>[] => [
    { key: 'month', label: labels.month, value: (r) => r.label },
    {
      key: 'current',
      label: labels.current,
      value: (r) => formatNumber(r.current, locale, digits),
    },
    {
      key: 'previous',
      label: labels.previous,
      value: (r) => formatNumber(r.previous, locale, digits),
    },
  ];
  const series = [
    { name: 'current', label: labels.current, color: 'blue.6' },
    { name: 'previous', label: labels.previous, color: 'gray.5' },
  ];
  const letters = comparisonSeries(data.letters.monthly, y, now, locale);
  const unit = t('dashboard.charts.lettersUnit');
  const wan = t('assistance.units.wan');
  const S = data.assistance;
  const tick = (v: number) => formatNumber(v, locale);
  const spending = S ? comparisonSeries(S.monthly, y, now, locale, 10000) : [];
  return (
    <SimpleGrid cols={{ base: 1, md: S ? 2 : 1 }} className={classes.charts}>
      <ChartCard
        title={t('dashboard.charts.letters', { year: y, previous: y - 1 })}
        columns={columns(0)}
        rows={letters}
      >
        <BarChart
          h={200}
          data={letters}
          dataKey="label"
          accessibilityLayer={false}
          series={series}
          valueFormatter={(v) => `${formatNumber(v, locale)} ${unit}`}
          yAxisProps={{ tickFormatter: tick, width: 48 }}
          withLegend
        />
      </ChartCard>
      {S && (
        <ChartCard
          title={t('dashboard.charts.assistance', { year: y, previous: y - 1 })}
          columns={columns(2)}
          rows={spending}
          badge={S.illustrative ? t('app.illustrative') : undefined}
        >
          <LineChart
            h={200}
            data={spending}
            dataKey="label"
            accessibilityLayer={false}
            series={[series[0]!, { ...series[1]!, strokeDasharray: '5 5' }]}
            valueFormatter={(v) => `${formatNumber(v, locale, 2)} ${wan}`}
            yAxisProps={{ tickFormatter: tick, width: 64 }}
            withLegend
            connectNulls={false}
          />
        </ChartCard>
      )}
    </SimpleGrid>
  );
}
