import '@mantine/charts/styles.layer.css';
import {
  Badge,
  Card,
  Group,
  SegmentedControl,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n/provider';
import classes from './charts.module.css';

export interface Column<R> {
  key: string;
  label: string;
  value: (row: R) => string;
}

/**
 * A chart with the same numbers as a table: a toggle shows one or the other, and while the chart
 * shows, the table stays in the page (visually hidden) for screen readers.
 */
export function ChartCard<R>({
  title,
  illustrative,
  note,
  columns,
  rows,
  controls,
  children,
}: {
  title: string;
  illustrative?: boolean;
  note?: string;
  columns: Column<R>[];
  rows: R[];
  controls?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const table = (
    <Table striped withTableBorder aria-label={title}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c, i) => (
            <Table.Th key={c.key} ta={i === 0 ? 'left' : 'right'}>
              {c.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i}>
            {columns.map((c, j) =>
              j === 0 ? (
                <Table.Th key={c.key} scope="row" fw={400}>
                  {c.value(r)}
                </Table.Th>
              ) : (
                <Table.Td key={c.key} ta="right" ff="monospace">
                  {c.value(r)}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Card className={classes.card} component="section" aria-label={title}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            {title}
          </Title>
          {illustrative && (
            <Badge color="gray" variant="outline">
              {t('assistance.illustrative')}
            </Badge>
          )}
        </Group>
        <Group gap="xs" className={classes.controls}>
          {controls}
          <SegmentedControl
            size="xs"
            aria-label={t('assistance.charts.view')}
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            data={[
              { value: 'chart', label: t('assistance.charts.chart') },
              { value: 'table', label: t('assistance.charts.table') },
            ]}
          />
        </Group>
      </Group>
      {view === 'chart' ? (
        <>
          <div aria-hidden className={classes.chart}>
            {children}
          </div>
          <VisuallyHidden>{table}</VisuallyHidden>
        </>
      ) : (
        <Table.ScrollContainer minWidth={360}>{table}</Table.ScrollContainer>
      )}
      {note && (
        <Text size="xs" c="dimmed" mt="xs">
          {note}
        </Text>
      )}
    </Card>
  );
}
