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
import classes from './chart-card.module.css';

/** A column of a chart's table: its heading and each row's cell text. */
export interface ChartColumn<R> {
  key: string;
  label: string;
  value: (row: R) => string;
}

/**
 * A chart with the same numbers as a table: a toggle shows one or the other, and while the chart
 * shows, the table stays in the page (visually hidden) for screen readers. The first column
 * heads the rows; the others are numbers, right-aligned. `badge` marks the figures (示例数据),
 * `description` says what they cover, `controls` sit beside the toggle.
 */
export function ChartCard<R>({
  title,
  badge,
  description,
  columns,
  rows,
  controls,
  children,
}: {
  title: string;
  badge?: string;
  description?: string;
  columns: ChartColumn<R>[];
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
          {badge && (
            <Badge color="gray" variant="outline">
              {badge}
            </Badge>
          )}
        </Group>
        <Group gap="xs" className={classes.controls}>
          {controls}
          <SegmentedControl
            size="xs"
            aria-label={t('app.chart.view')}
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            data={[
              { value: 'chart', label: t('app.chart.chart') },
              { value: 'table', label: t('app.chart.table') },
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
      {description && (
        <Text size="xs" c="dimmed" mt="xs">
          {description}
        </Text>
      )}
    </Card>
  );
}
