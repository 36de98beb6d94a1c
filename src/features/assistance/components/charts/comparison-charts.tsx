import { BarChart, LineChart } from '@mantine/charts';
import { ChartCard, type ChartColumn } from '@/components/chart-card';
import { formatPercent } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { CountyPoint, YearOverYearPoint } from '../../charts';
import type { Program } from '../../types';
import { CHART_H, useUnits } from './use-units';

export function CountyChart({
  program,
  month,
  data,
  illustrative,
}: {
  program: Program;
  month: string;
  data: CountyPoint[];
  illustrative: boolean;
}) {
  const { t } = useI18n();
  const u = useUnits();
  const unit = u.recipientsUnit(program);
  const recipients = t('assistance.charts.recipients', { unit });
  const columns: ChartColumn<CountyPoint>[] = [
    { key: 'label', label: t('assistance.region'), value: (r) => r.label },
    { key: 'recipients', label: recipients, value: (r) => u.n(r.recipients) },
    {
      key: 'expenditure',
      label: t('assistance.charts.spending'),
      value: (r) => u.n(r.expenditure, 2),
    },
  ];
  return (
    <ChartCard
      title={t('assistance.charts.counties', {
        program: t(`assistance.programs.${program}`),
        month,
      })}
      badge={illustrative ? t('app.illustrative') : undefined}
      columns={columns}
      rows={data}
    >
      <BarChart
        h={Math.max(CHART_H, data.length * 32 + 40)}
        data={data}
        dataKey="label"
        accessibilityLayer={false}
        orientation="vertical"
        yAxisProps={{ width: 96, interval: 0 }}
        xAxisProps={{ tickFormatter: u.tick }}
        series={[{ name: 'recipients', label: recipients, color: 'indigo.6' }]}
        valueFormatter={u.with(unit)}
      />
    </ChartCard>
  );
}

export function YearOverYearChart({
  year,
  data,
  illustrative,
}: {
  year: number;
  data: YearOverYearPoint[];
  illustrative: boolean;
}) {
  const { t, locale } = useI18n();
  const u = useUnits();
  const cur = t('assistance.charts.yearSeries', { year });
  const prev = t('assistance.charts.yearSeries', { year: year - 1 });
  const columns: ChartColumn<YearOverYearPoint>[] = [
    { key: 'label', label: t('assistance.charts.monthCol'), value: (r) => r.label },
    {
      key: 'current',
      label: t('assistance.charts.withUnit', { label: cur, unit: u.wan }),
      value: (r) => u.n(r.current, 2),
    },
    {
      key: 'previous',
      label: t('assistance.charts.withUnit', { label: prev, unit: u.wan }),
      value: (r) => u.n(r.previous, 2),
    },
    {
      key: 'change',
      label: '±%',
      value: (r) =>
        r.current !== null && r.previous
          ? formatPercent((r.current - r.previous) / r.previous, locale)
          : '—',
    },
  ];
  return (
    <ChartCard
      title={t('assistance.charts.yoy', { year, previous: year - 1 })}
      badge={illustrative ? t('app.illustrative') : undefined}
      columns={columns}
      rows={data}
    >
      <LineChart
        h={CHART_H}
        data={data}
        dataKey="label"
        accessibilityLayer={false}
        series={[
          { name: 'current', label: cur, color: 'blue.6' },
          { name: 'previous', label: prev, color: 'gray.6', strokeDasharray: '5 5' },
        ]}
        valueFormatter={u.with(u.wan, 2)}
        yAxisProps={{ tickFormatter: u.tick, width: 64 }}
        yAxisLabel={u.wan}
        withLegend
        connectNulls={false}
      />
    </ChartCard>
  );
}
