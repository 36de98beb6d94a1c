import { BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid, Text } from '@mantine/core';
import { formatNumber, formatPercent } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { CompositionPoint, CountyPoint, TrendPoint, YearOverYearPoint } from '../../charts';
import { RECIPIENTS, type Program } from '../../types';
import { ChartCard, type Column } from './chart-card';

/** Numbers with their unit, for tooltips and tables. */
function useUnits() {
  const { t, locale } = useI18n();
  const n = (v: number | null | undefined, digits = 0) => formatNumber(v ?? null, locale, digits);
  return {
    n,
    with:
      (unit: string, digits = 0) =>
      (v: number) =>
        `${n(v, digits)} ${unit}`,
    /** Axis ticks: the number only (the unit is in the axis label and the tooltip). */
    tick: (v: number) => n(v),
    wan: t('assistance.units.wan'),
    recipientsUnit: (p: Program) =>
      t(`assistance.units.${RECIPIENTS[p].field}` as 'assistance.units.persons'),
  };
}

const CHART_H = 220;

export function TrendChart({
  program,
  data,
  illustrative,
  note,
  controls,
}: {
  program: Program;
  data: TrendPoint[];
  illustrative: boolean;
  note?: string;
  controls?: React.ReactNode;
}) {
  const { t } = useI18n();
  const u = useUnits();
  const unit = u.recipientsUnit(program);
  const recipients = t('assistance.charts.recipients', { unit });
  const spending = t('assistance.charts.spending');
  const columns: Column<TrendPoint>[] = [
    { key: 'label', label: t('assistance.charts.monthCol'), value: (r) => r.label },
    { key: 'recipients', label: recipients, value: (r) => u.n(r.recipients) },
    { key: 'expenditure', label: spending, value: (r) => u.n(r.expenditure, 2) },
  ];
  return (
    <ChartCard
      title={t('assistance.charts.trend', { program: t(`assistance.programs.${program}`) })}
      illustrative={illustrative}
      note={note}
      columns={columns}
      rows={data}
      controls={controls}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            {recipients}
          </Text>
          <LineChart
            h={CHART_H}
            data={data}
            dataKey="label"
            series={[{ name: 'recipients', label: recipients, color: 'blue.6' }]}
            valueFormatter={u.with(unit)}
            yAxisProps={{ tickFormatter: u.tick, width: 64 }}
            yAxisLabel={unit}
            connectNulls={false}
          />
        </div>
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            {spending}
          </Text>
          <LineChart
            h={CHART_H}
            data={data}
            dataKey="label"
            series={[{ name: 'expenditure', label: spending, color: 'teal.7' }]}
            valueFormatter={u.with(u.wan, 2)}
            yAxisProps={{ tickFormatter: u.tick, width: 64 }}
            yAxisLabel={u.wan}
            connectNulls={false}
          />
        </div>
      </SimpleGrid>
    </ChartCard>
  );
}

export function CompositionChart({
  data,
  illustrative,
}: {
  data: CompositionPoint[];
  illustrative: boolean;
}) {
  const { t, locale } = useI18n();
  const u = useUnits();
  const unit = t('assistance.units.persons');
  const urban = t('assistance.charts.urban');
  const rural = t('assistance.charts.rural');
  const columns: Column<CompositionPoint>[] = [
    { key: 'label', label: t('assistance.charts.monthCol'), value: (r) => r.label },
    {
      key: 'urban',
      label: t('assistance.charts.withUnit', { label: urban, unit }),
      value: (r) => u.n(r.urban),
    },
    {
      key: 'rural',
      label: t('assistance.charts.withUnit', { label: rural, unit }),
      value: (r) => u.n(r.rural),
    },
    {
      key: 'share',
      label: `${urban} %`,
      value: (r) =>
        r.urban !== null && r.rural !== null
          ? formatPercent(r.urban / (r.urban + r.rural), locale)
          : '—',
    },
  ];
  return (
    <ChartCard
      title={t('assistance.charts.composition')}
      illustrative={illustrative}
      columns={columns}
      rows={data}
    >
      <BarChart
        h={CHART_H}
        data={data}
        dataKey="label"
        type="stacked"
        series={[
          { name: 'urban', label: urban, color: 'blue.6' },
          { name: 'rural', label: rural, color: 'teal.6' },
        ]}
        valueFormatter={u.with(unit)}
        yAxisProps={{ tickFormatter: u.tick, width: 64 }}
        withLegend
      />
    </ChartCard>
  );
}

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
  const columns: Column<CountyPoint>[] = [
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
      illustrative={illustrative}
      columns={columns}
      rows={data}
    >
      <BarChart
        h={Math.max(CHART_H, data.length * 32 + 40)}
        data={data}
        dataKey="label"
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
  const columns: Column<YearOverYearPoint>[] = [
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
      illustrative={illustrative}
      columns={columns}
      rows={data}
    >
      <LineChart
        h={CHART_H}
        data={data}
        dataKey="label"
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
