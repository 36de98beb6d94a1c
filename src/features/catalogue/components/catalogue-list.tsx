import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Menu,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { yearsOnRecord } from '@/config/years';
import { Pager } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import tableClasses from '@/components/table.module.css';
import { errorMessage } from '@/lib/errors';
import { chinaToday, formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { urlFilters, useUrlFilters } from '@/lib/url-filters';
import { catalogueQueries, exportCatalogue } from '../api';
import { downloadCatalogue } from '../export-file';
import {
  ATTRIBUTES,
  CHANNELS,
  DOC_TYPES,
  VALIDITIES,
  catalogueListQuerySchema,
  type CatalogueCategory,
} from '../types';
import { CategoryTree } from './category-tree';
import { TimelinessBadge } from './timeliness-badge';

const PAGE_SIZE = 20;
/** `<org code>/` and `<year>-<seq>` of an index number (11140400012345678X/2026-00001). */
const indexPrefix = (indexNo: string) => indexNo.slice(0, indexNo.lastIndexOf('/') + 1);
const indexTail = (indexNo: string) => indexNo.slice(indexNo.lastIndexOf('/') + 1);
/** The list's URL: the list query's fields, less the page size. */
const catalogueUrlFilters = urlFilters(catalogueListQuerySchema.omit({ pageSize: true }));
type UrlKey = Exclude<keyof typeof catalogueListQuerySchema.shape, 'pageSize'>;

export function CatalogueList({ entryHref }: { entryHref: (id: string) => string }) {
  const { t, tx, locale } = useI18n();
  const { filters: urlValues, update } = useUrlFilters(catalogueUrlFilters);
  const filters = { ...urlValues, pageSize: PAGE_SIZE };
  const query = useQuery({ ...catalogueQueries.list(filters), placeholderData: keepPreviousData });
  const facets = useQuery({
    ...catalogueQueries.facets(filters),
    placeholderData: keepPreviousData,
  });
  const [q, setQ] = useState(filters.q ?? '');
  const [exporting, setExporting] = useState(false);
  // A picker's string goes through the codec, which keeps it only if the schema accepts it.
  const set = (key: UrlKey, value: string | undefined | null) =>
    update({ [key]: value || undefined } as Partial<typeof urlValues>);
  const pushQ = useDebouncedCallback((v: string) => set('q', v), 250);
  const thisYear = Number(chinaToday().slice(0, 4));
  const years = yearsOnRecord(thisYear);
  const doExport = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      const { items } = await exportCatalogue(filters);
      await downloadCatalogue(items, (k) => tx(k), format, chinaToday());
      notifications.show({ color: 'green', message: t('catalogue.exported', { n: items.length }) });
    } catch (e) {
      notifications.show({ color: 'red', message: t(errorMessage(e).key, errorMessage(e).params) });
    } finally {
      setExporting(false);
    }
  };
  const select = (
    key: UrlKey,
    label: string,
    values: readonly string[],
    prefix: string,
    value?: string,
  ) => (
    <Select
      label={label}
      data={values.map((v) => ({ value: v, label: tx(`${prefix}.${v}`) }))}
      value={value ?? null}
      onChange={(v) => set(key, v)}
      clearable
      w={150}
    />
  );
  const data = query.data;

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <CategoryTree
          counts={facets.data?.categories ?? {}}
          total={facets.data?.total ?? 0}
          value={filters.category}
          onChange={(c?: CatalogueCategory) => set('category', c)}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack gap="md">
          <Card padding="md">
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label={t('app.search')}
                data-shortcut="search"
                leftSection={<IconSearch size={16} aria-hidden />}
                value={q}
                onChange={(e) => {
                  setQ(e.currentTarget.value);
                  pushQ(e.currentTarget.value);
                }}
                w={220}
              />
              <Select
                label={t('catalogue.year')}
                data={years}
                value={filters.year ? String(filters.year) : null}
                onChange={(v) => set('year', v)}
                clearable
                w={110}
              />
              <Select
                label={t('catalogue.timeliness')}
                data={[
                  { value: 'true', label: t('catalogue.timely') },
                  { value: 'false', label: t('catalogue.lateShort') },
                ]}
                value={filters.timely ?? null}
                onChange={(v) => set('timely', v)}
                clearable
                w={120}
              />
              {select(
                'docType',
                t('catalogue.docType'),
                DOC_TYPES,
                'catalogue.docTypes',
                filters.docType,
              )}
              {select(
                'attribute',
                t('catalogue.attribute'),
                ATTRIBUTES,
                'catalogue.attributes',
                filters.attribute,
              )}
              {select(
                'channel',
                t('catalogue.channelsLabel'),
                CHANNELS,
                'catalogue.channels',
                filters.channel,
              )}
              {select(
                'validity',
                t('catalogue.validity'),
                VALIDITIES,
                'catalogue.validities',
                filters.validity,
              )}
              <Checkbox
                mb={8}
                label={t('catalogue.includeWithdrawn')}
                checked={filters.includeWithdrawn === 'true'}
                onChange={(e) =>
                  set('includeWithdrawn', e.currentTarget.checked ? 'true' : undefined)
                }
              />
            </Group>
          </Card>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {data ? t('app.total', { n: data.total }) : ''}
            </Text>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden />}
                  loading={exporting}
                >
                  {t('catalogue.exportMenu')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => void doExport('csv')}>
                  {t('catalogue.exportCsv')}
                </Menu.Item>
                <Menu.Item onClick={() => void doExport('xlsx')}>
                  {t('catalogue.exportExcel')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
          <QueryState query={query} rows={8}>
            {(page) => (
              <Card padding={0}>
                {/* Fits the page's width at 1280 px; narrower (a phone) it scrolls sideways. */}
                <Table.ScrollContainer minWidth={740}>
                  <Table aria-label={t('pages.catalogue.title')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('catalogue.indexNo')}</Table.Th>
                        <Table.Th>{t('catalogue.title')}</Table.Th>
                        <Table.Th>{t('catalogue.category')}</Table.Th>
                        <Table.Th visibleFrom="xl">{t('catalogue.publisher')}</Table.Th>
                        <Table.Th>{t('catalogue.datesColumn')}</Table.Th>
                        <Table.Th>{t('catalogue.attribute')}</Table.Th>
                        <Table.Th>{t('catalogue.timeliness')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {page.items.length === 0 && (
                        <Table.Tr>
                          <Table.Td colSpan={7}>
                            <Text c="dimmed" ta="center">
                              {t('app.noData')}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      )}
                      {page.items.map((e) => (
                        <Table.Tr key={e.id} data-testid="catalogue-row">
                          <Table.Td ff="monospace" fz="xs" className={tableClasses.nowrap}>
                            {/* The bureau's code is the same on every row: shown is the year and
                              number, read out (and in the tooltip) the whole index number. */}
                            <Anchor
                              component={Link}
                              to={entryHref(e.id)}
                              size="xs"
                              ff="monospace"
                              title={e.indexNo}
                            >
                              <VisuallyHidden>{indexPrefix(e.indexNo)}</VisuallyHidden>
                              {indexTail(e.indexNo)}
                            </Anchor>
                          </Table.Td>
                          <Table.Td miw={170}>
                            <Text
                              size="sm"
                              lineClamp={2}
                              title={e.title}
                              td={e.withdrawn ? 'line-through' : undefined}
                            >
                              {e.title}
                            </Text>
                            {e.withdrawn && (
                              <Text size="xs" c="dimmed">
                                {t('catalogue.withdrawn')}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{t(`catalogue.categories.${e.category}`)}</Table.Td>
                          <Table.Td className={tableClasses.nowrap} visibleFrom="xl">
                            {e.publisher}
                          </Table.Td>
                          <Table.Td className={tableClasses.nowrap}>
                            <div>{formatDate(e.formedOn, locale)}</div>
                            <div>{formatDate(e.publishedOn, locale)}</div>
                          </Table.Td>
                          <Table.Td className={tableClasses.nowrap}>
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
            )}
          </QueryState>
          {data && data.total > PAGE_SIZE && (
            <Pager
              total={Math.ceil(data.total / PAGE_SIZE)}
              value={data.page}
              onChange={(p) => update({ page: p })}
            />
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
