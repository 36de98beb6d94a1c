import { BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ChartCard, type ChartColumn } from '@/components/chart-card';
import { formatPercent } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { CompositionPoint, TrendPoint } from '../../charts';
import type { Program } from '../../types';
import { CHART_H, useUnits } from './use-units';

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
  controls?: ReactNode;
}) {
  const { t } = useI18n();
  const u = useUnits();
  const unit = u.recipientsUnit(program);
  const recipients = t('assistance.charts.recipients', { unit });
  const spending = t('assistance.charts.spending');
  const columns: ChartColumn<TrendPoint>[] = [
    { key: 'label', label: t('assistance.charts.monthCol'), value: (r) => r.label },
    { key: 'recipients', label: recipients, value: (r) => u.n(r.recipients) },
    { key: 'expenditure', label: spending, value: (r) => u.n(r.expenditure, 2) },
  ];
  return (
    <ChartCard
      title={t('assistance.charts.trend', { program: t(`assistance.programs.${program}`) })}
      badge={illustrative ? t('app.illustrative') : undefined}
      description={note}
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
            accessibilityLayer={false}
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
            accessibilityLayer={false}
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
  const columns: ChartColumn<CompositionPoint>[] = [
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
      badge={illustrative ? t('app.illustrative') : undefined}
      columns={columns}
      rows={data}
    >
      <BarChart
        h={CHART_H}
        data={data}
        dataKey="label"
        accessibilityLayer={false}
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
