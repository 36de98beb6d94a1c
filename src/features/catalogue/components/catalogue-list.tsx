import { Card, Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import tableClasses from '@/components/table.module.css';
import { catalogueQueries, type CatalogueFilters } from '../api';
import { CATALOGUE_CATEGORIES, type CatalogueCategory } from '../types';
import { TimelinessBadge } from './timeliness-badge';

const PAGE_SIZE = 20;

export function CatalogueList() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters: CatalogueFilters = {
    q: params.get('q') ?? undefined,
    category: (CATALOGUE_CATEGORIES as readonly string[]).includes(params.get('category') ?? '')
      ? (params.get('category') as CatalogueCategory)
      : undefined,
    year: Number(params.get('year')) || undefined,
    timely:
      params.get('timely') === 'false'
        ? 'false'
        : params.get('timely') === 'true'
          ? 'true'
          : undefined,
    page: Number(params.get('page')) || 1,
    pageSize: PAGE_SIZE,
  };
  const query = useQuery(catalogueQueries.list(filters));
  const [q, setQ] = useState(filters.q ?? '');
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const pushQ = useDebouncedCallback((v: string) => set('q', v || undefined), 250);
  const data = query.data;

  return (
    <Stack gap="md">
      <Card padding="md">
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label={t('app.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              pushQ(e.currentTarget.value);
            }}
            w={260}
          />
          <Select
            label={t('catalogue.category')}
            data={CATALOGUE_CATEGORIES.map((c) => ({
              value: c,
              label: t(`catalogue.categories.${c}`),
            }))}
            value={filters.category ?? null}
            onChange={(v) => set('category', v ?? undefined)}
            clearable
            w={180}
          />
          <Select
            label={t('catalogue.timeliness')}
            data={[
              { value: 'true', label: t('catalogue.timely') },
              { value: 'false', label: t('catalogue.late', { n: 'N' }) },
            ]}
            value={filters.timely ?? null}
            onChange={(v) => set('timely', v ?? undefined)}
            clearable
            w={160}
          />
        </Group>
      </Card>
      <Text size="sm" c="dimmed" aria-live="polite">
        {data ? t('app.total', { n: data.total }) : ''}
      </Text>
      {query.isPending ? (
        <LoadingState rows={8} />
      ) : query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : data ? (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label={t('pages.catalogue.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalogue.indexNo')}</Table.Th>
                  <Table.Th>{t('catalogue.title')}</Table.Th>
                  <Table.Th>{t('catalogue.category')}</Table.Th>
                  <Table.Th>{t('catalogue.publisher')}</Table.Th>
                  <Table.Th>{t('catalogue.formedOn')}</Table.Th>
                  <Table.Th>{t('catalogue.publishedOn')}</Table.Th>
                  <Table.Th>{t('catalogue.attribute')}</Table.Th>
                  <Table.Th>{t('catalogue.timeliness')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={8}>
                      <Text c="dimmed" ta="center">
                        {t('app.noData')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td ff="monospace" fz="xs" className={tableClasses.nowrap}>
                      {e.indexNo}
                    </Table.Td>
                    <Table.Td fz="sm" maw={320}>
                      <Text size="sm" truncate="end" title={e.title}>
                        {e.title}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm">{t(`catalogue.categories.${e.category}`)}</Table.Td>
                    <Table.Td fz="sm">{e.publisher}</Table.Td>
                    <Table.Td fz="sm" className={tableClasses.nowrap}>
                      {formatDate(e.formedOn, locale)}
                    </Table.Td>
                    <Table.Td fz="sm" className={tableClasses.nowrap}>
                      {formatDate(e.publishedOn, locale)}
                    </Table.Td>
                    <Table.Td fz="sm" className={tableClasses.nowrap}>
                      {t(`catalogue.attributes.${e.attribute}`)}
                    </Table.Td>
                    <Table.Td className={tableClasses.nowrap}>
                      <TimelinessBadge entry={e} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : null}
      {data && data.total > PAGE_SIZE && (
        <Group justify="center">
          <Pagination
            total={Math.ceil(data.total / PAGE_SIZE)}
            value={data.page}
            onChange={(p) => set('page', String(p))}
          />
        </Group>
      )}
    </Stack>
  );
}
