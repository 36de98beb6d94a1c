import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { yearsOnRecord } from '@/config/years';
import { Pager } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import tableClasses from '@/components/table.module.css';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { urlFilters, useUrlFilters } from '@/lib/url-filters';
import { outcomeKey } from '../rules';
import { applicationQueries } from '../api';
import { APPLICANT_TYPES, APPLICATION_STATUSES, applicationListQuerySchema } from '../types';
import { ClockBadge, ProvisionalBadge } from './clock-badge';

const PAGE_SIZE = 20;
/** The list's URL: the list query's fields, less the page size. */
const applicationUrlFilters = urlFilters(applicationListQuerySchema.omit({ pageSize: true }));

export function ApplicationsList({
  thisYear,
  detailHref,
}: {
  thisYear: number;
  detailHref: (id: string) => string;
}) {
  const { t, tx, locale } = useI18n();
  const { filters, update } = useUrlFilters(applicationUrlFilters);
  const { reportYear, reportRow } = filters;
  const query = useQuery({
    ...applicationQueries.list({ ...filters, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const [q, setQ] = useState(filters.q ?? '');
  const pushQ = useDebouncedCallback((v: string) => update({ q: v || undefined }), 250);
  const years = yearsOnRecord(thisYear);
  const data = query.data;

  return (
    <Stack gap="md">
      <Alert color="blue" variant="light">
        {t('applications.statutoryNote')}
      </Alert>
      {reportYear && reportRow && (
        <Alert color="grape" variant="light" data-testid="report-filter">
          <Group justify="space-between">
            <Text size="sm">
              {t('applications.reportFilter', { year: reportYear, row: reportRow })}
            </Text>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => update({ reportYear: undefined, reportRow: undefined })}
            >
              {t('applications.clearReportFilter')}
            </Button>
          </Group>
        </Alert>
      )}
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
            label={t('applications.year')}
            data={years}
            value={filters.year ? String(filters.year) : null}
            onChange={(v) => update({ year: v ? Number(v) : undefined })}
            clearable
            w={110}
          />
          <Select
            label={t('applications.status')}
            data={APPLICATION_STATUSES.map((s) => ({
              value: s,
              label: t(`applications.statuses.${s}`),
            }))}
            value={filters.status ?? null}
            onChange={(v) => update({ status: (v ?? undefined) as typeof filters.status })}
            clearable
            w={150}
          />
          <Select
            label={t('applications.alert')}
            data={[
              { value: 'overdue', label: t('letters.alerts.overdue') },
              { value: 'due_soon', label: t('letters.alerts.due_soon') },
            ]}
            value={filters.alert ?? null}
            onChange={(v) => update({ alert: (v ?? undefined) as typeof filters.alert })}
            clearable
            w={130}
          />
          <Select
            label={t('applications.applicantType')}
            data={APPLICANT_TYPES.map((s) => ({
              value: s,
              label: t(`applications.applicantTypes.${s}`),
            }))}
            value={filters.applicantType ?? null}
            onChange={(v) =>
              update({ applicantType: (v ?? undefined) as typeof filters.applicantType })
            }
            clearable
            w={190}
          />
        </Group>
      </Card>
      <Text size="sm" c="dimmed" aria-live="polite">
        {data ? t('app.total', { n: data.total }) : ''}
      </Text>
      <QueryState query={query} rows={4}>
        {(page) => (
          <Card padding={0}>
            <Table.ScrollContainer minWidth={900}>
              <Table aria-label={t('pages.applications.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('applications.serialNo')}</Table.Th>
                    <Table.Th>{t('applications.applicant')}</Table.Th>
                    <Table.Th>{t('applications.applicantType')}</Table.Th>
                    <Table.Th>{t('applications.receivedOn')}</Table.Th>
                    <Table.Th>{t('applications.dueOn')}</Table.Th>
                    <Table.Th>{t('applications.status')}</Table.Th>
                    <Table.Th>{t('applications.remaining')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <Text c="dimmed" ta="center" py="md">
                          {filters.year ? t('pages.applications.empty') : t('applications.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {page.items.map((a) => (
                    <Table.Tr key={a.id} data-testid="application-row">
                      <Table.Td className={tableClasses.nowrap}>
                        <Anchor component={Link} to={detailHref(a.id)} ff="monospace" size="sm">
                          {a.serialNo}
                        </Anchor>
                      </Table.Td>
                      <Table.Td maw={300}>
                        <Text size="sm">{a.applicantName}</Text>
                        <Text size="xs" c="dimmed" truncate="end" title={a.description}>
                          {a.description}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`applications.applicantTypes.${a.applicantType}`)}</Table.Td>
                      <Table.Td className={tableClasses.nowrap}>
                        {formatDate(a.receivedOn, locale)}
                      </Table.Td>
                      <Table.Td className={tableClasses.nowrap}>
                        {formatDate(a.dueOn, locale)}{' '}
                        <ProvisionalBadge provisional={a.calendarProvisional} />
                      </Table.Td>
                      <Table.Td>
                        {t(`applications.statuses.${a.status}`)}
                        {a.decision && (
                          <Text
                            size="xs"
                            c="dimmed"
                            lineClamp={1}
                            title={tx(outcomeKey(a.decision.outcome))}
                          >
                            {a.decision.outcome} {tx(outcomeKey(a.decision.outcome))}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td className={tableClasses.nowrap}>
                        <ClockBadge app={a} />
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
  );
}
