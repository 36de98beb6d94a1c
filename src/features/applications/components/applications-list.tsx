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
import { Link, useSearchParams } from 'react-router';
import { yearsOnRecord } from '@/config/years';
import { ErrorState } from '@/components/error-state';
import { Pager } from '@/components/pager';
import { LoadingState } from '@/components/loading-state';
import tableClasses from '@/components/table.module.css';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { outcomeKey } from '../rules';
import { applicationQueries, type ApplicationFilters } from '../api';
import { APPLICANT_TYPES, APPLICATION_STATUSES } from '../types';
import { ClockBadge, ProvisionalBadge } from './clock-badge';

const PAGE_SIZE = 20;
const pick = <T extends string>(v: string | null, allowed: readonly T[]) =>
  (allowed as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

export function ApplicationsList({
  thisYear,
  detailHref,
}: {
  thisYear: number;
  detailHref: (id: string) => string;
}) {
  const { t, tx, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const yearParam = params.get('year');
  const reportYear = Number(params.get('reportYear')) || undefined;
  const reportRow = params.get('reportRow') ?? undefined;
  const filters: ApplicationFilters = {
    year: yearParam === 'all' ? undefined : Number(yearParam) || undefined,
    status: pick(params.get('status'), APPLICATION_STATUSES),
    applicantType: pick(params.get('applicantType'), APPLICANT_TYPES),
    alert: pick(params.get('alert'), ['due_soon', 'overdue'] as const),
    outcome: params.get('outcome') ?? undefined,
    q: params.get('q') ?? undefined,
    reportYear,
    reportRow,
    open: pick(params.get('open'), ['true'] as const),
    late: pick(params.get('late'), ['true'] as const),
    lapsing: pick(params.get('lapsing'), ['correction', 'fee'] as const),
    page: Number(params.get('page')) || 1,
    pageSize: PAGE_SIZE,
  };
  const query = useQuery({
    ...applicationQueries.list(filters),
    placeholderData: keepPreviousData,
  });
  const [q, setQ] = useState(filters.q ?? '');
  const set = (key: string, v: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(key, v);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    // Another filter: the list no longer is the dashboard's or the to-do's figure.
    if (key !== 'page') next.delete('from');
    setParams(next);
  };
  const pushQ = useDebouncedCallback((v: string) => set('q', v), 250);
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
              onClick={() => {
                const next = new URLSearchParams(params);
                next.delete('reportYear');
                next.delete('reportRow');
                setParams(next);
              }}
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
            value={yearParam && yearParam !== 'all' ? yearParam : null}
            onChange={(v) => set('year', v)}
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
            onChange={(v) => set('status', v)}
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
            onChange={(v) => set('alert', v)}
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
            onChange={(v) => set('applicantType', v)}
            clearable
            w={190}
          />
        </Group>
      </Card>
      <Text size="sm" c="dimmed" aria-live="polite">
        {data ? t('app.total', { n: data.total }) : ''}
      </Text>
      {query.isPending ? (
        <LoadingState rows={4} />
      ) : query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
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
                {data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed" ta="center" py="md">
                        {filters.year ? t('pages.applications.empty') : t('applications.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {data?.items.map((a) => (
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
                    <Table.Td fz="sm">
                      {t(`applications.applicantTypes.${a.applicantType}`)}
                    </Table.Td>
                    <Table.Td fz="sm" className={tableClasses.nowrap}>
                      {formatDate(a.receivedOn, locale)}
                    </Table.Td>
                    <Table.Td fz="sm" className={tableClasses.nowrap}>
                      {formatDate(a.dueOn, locale)}{' '}
                      <ProvisionalBadge provisional={a.calendarProvisional} />
                    </Table.Td>
                    <Table.Td fz="sm">
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
      {data && data.total > PAGE_SIZE && (
        <Pager
          total={Math.ceil(data.total / PAGE_SIZE)}
          value={data.page}
          onChange={(p) => set('page', String(p))}
        />
      )}
    </Stack>
  );
}
