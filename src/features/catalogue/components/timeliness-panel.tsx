import { Anchor, Card, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { yearsOnRecord } from '@/config/years';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import tableClasses from '@/components/table.module.css';
import { formatDate, formatPercent } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { catalogueQueries } from '../api';
import { CATALOGUE_CATEGORIES } from '../types';
import { TimelinessBadge } from './timeliness-badge';

/** Per category and month: the share published on time, in words and numbers; then the late items. */
export function TimelinessPanel({
  defaultYear,
  entryHref,
}: {
  defaultYear: number;
  entryHref: (id: string) => string;
}) {
  const { t, locale } = useI18n();
  const [year, setYear] = useState(defaultYear);
  const query = useQuery(catalogueQueries.timeliness(year));
  const years = yearsOnRecord(defaultYear);
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <Stack gap="md">
      <Card>
        <Stack gap="sm">
          <Select
            label={t('report.year')}
            data={years}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={120}
          />
          <Title order={2} size="h4">
            {t('catalogue.panel.title', { year })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('catalogue.panel.intro')}
          </Text>
          {query.isPending ? (
            <LoadingState rows={6} />
          ) : query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <Table.ScrollContainer minWidth={960}>
              <Table withTableBorder withColumnBorders fz="xs" data-testid="timeliness-table">
                <Table.Caption>{t('catalogue.panel.tableCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('catalogue.category')}</Table.Th>
                    {months.map((m) => (
                      <Table.Th key={m} ta="center">
                        {t('catalogue.panel.month', { m })}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {CATALOGUE_CATEGORIES.filter((c) =>
                    query.data.months.some((x) => x.category === c),
                  ).map((c) => (
                    <Table.Tr key={c}>
                      <Table.Th scope="row" className={tableClasses.nowrap}>
                        {t(`catalogue.categories.${c}`)}
                      </Table.Th>
                      {months.map((m) => {
                        const cell = query.data.months.find(
                          (x) => x.category === c && x.month === m,
                        );
                        if (!cell)
                          return (
                            <Table.Td key={m} ta="center" c="dimmed">
                              {t('catalogue.panel.none')}
                            </Table.Td>
                          );
                        const late = cell.published - cell.timely;
                        return (
                          <Table.Td
                            key={m}
                            ta="center"
                            c={late ? 'red.9' : undefined}
                            fw={late ? 700 : undefined}
                          >
                            {formatPercent(cell.timely / cell.published, locale)}
                            <Text span size="xs" c="dimmed" display="block">
                              {cell.timely}/{cell.published}
                            </Text>
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>
      {query.data && (
        <Card>
          <Title order={2} size="h4" mb="sm">
            {t('catalogue.panel.lateTitle')}
          </Title>
          {query.data.late.length === 0 ? (
            <Text c="dimmed">{t('catalogue.panel.noLate')}</Text>
          ) : (
            <Table fz="sm" data-testid="late-list">
              <Table.Tbody>
                {query.data.late.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td className={tableClasses.nowrap}>
                      <Anchor component={Link} to={entryHref(e.id)} size="xs" ff="monospace">
                        {e.indexNo}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{e.title}</Table.Td>
                    <Table.Td className={tableClasses.nowrap}>
                      {formatDate(e.formedOn, locale)} → {formatDate(e.publishedOn, locale)}
                    </Table.Td>
                    <Table.Td className={tableClasses.nowrap}>
                      <TimelinessBadge entry={e} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
    </Stack>
  );
}
