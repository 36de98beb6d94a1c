import '@mantine/charts/styles.layer.css';
import { Badge, Card, Group, SegmentedControl, Table, Title, VisuallyHidden } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { ComparisonPoint } from '../charts';
import classes from './dashboard.module.css';

/**
 * A comparison chart with its numbers as a table: toggled, and always present for screen readers.
 */
export function ChartPanel({
  title,
  labels,
  data,
  digits,
  badge,
  children,
}: {
  title: string;
  labels: { month: string; current: string; previous: string };
  data: ComparisonPoint[];
  digits: number;
  badge?: string;
  children: ReactNode;
}) {
  const { t, locale } = useI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const n = (v: number | null) => formatNumber(v, locale, digits);
  const table = (
    <Table striped withTableBorder aria-label={title}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{labels.month}</Table.Th>
          <Table.Th ta="right">{labels.current}</Table.Th>
          <Table.Th ta="right">{labels.previous}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.map((r) => (
          <Table.Tr key={r.month}>
            <Table.Th scope="row" fw={400}>
              {r.label}
            </Table.Th>
            <Table.Td ta="right" ff="monospace">
              {n(r.current)}
            </Table.Td>
            <Table.Td ta="right" ff="monospace">
              {n(r.previous)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Card component="section" aria-label={title} padding="md">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            {title}
          </Title>
          {badge && (
            <Badge color="gray" variant="outline">
              {badge}
            </Badge>
          )}
        </Group>
        <SegmentedControl
          size="xs"
          className={classes.noPrint}
          aria-label={t('assistance.charts.view')}
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          data={[
            { value: 'chart', label: t('assistance.charts.chart') },
            { value: 'table', label: t('assistance.charts.table') },
          ]}
        />
      </Group>
      {view === 'chart' ? (
        <>
          <div aria-hidden className={classes.chart}>
            {children}
          </div>
          <VisuallyHidden>{table}</VisuallyHidden>
        </>
      ) : (
        table
      )}
    </Card>
  );
}
