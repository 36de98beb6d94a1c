import { Alert, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import tableClasses from '@/components/table.module.css';
import { applicationQueries } from '../api';
import { APPLICANT_TYPES, APPLICATION_STATUSES, type ApplicationListQuery } from '../types';

export function ApplicationsList({ thisYear }: { thisYear: number }) {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const status = (APPLICATION_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as ApplicationListQuery['status'])
    : undefined;
  const applicantType = (APPLICANT_TYPES as readonly string[]).includes(
    params.get('applicantType') ?? '',
  )
    ? (params.get('applicantType') as ApplicationListQuery['applicantType'])
    : undefined;
  const query = useQuery(applicationQueries.list({ year, status, applicantType }));
  const set = (key: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(key, v);
    else next.delete(key);
    setParams(next);
  };
  const years = Array.from({ length: thisYear - 2016 }, (_, i) => String(thisYear - i));

  return (
    <Stack gap="md">
      <Alert color="blue" variant="light">
        {t('applications.statutoryNote')}
      </Alert>
      <Card padding="md">
        <Group gap="xs" align="flex-end">
          <Select
            label={t('applications.year')}
            data={years}
            value={String(year)}
            onChange={(v) => set('year', v)}
            allowDeselect={false}
            w={110}
          />
          <Select
            label={t('applications.status')}
            data={APPLICATION_STATUSES.map((s) => ({
              value: s,
              label: t(`applications.statuses.${s}`),
            }))}
            value={status ?? null}
            onChange={(v) => set('status', v)}
            clearable
            w={150}
          />
          <Select
            label={t('applications.applicantType')}
            data={APPLICANT_TYPES.map((s) => ({
              value: s,
              label: t(`applications.applicantTypes.${s}`),
            }))}
            value={applicantType ?? null}
            onChange={(v) => set('applicantType', v)}
            clearable
            w={190}
          />
        </Group>
      </Card>
      {query.isPending ? (
        <LoadingState rows={4} />
      ) : query.isError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card padding={0}>
          <Table aria-label={t('pages.applications.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('applications.serialNo')}</Table.Th>
                <Table.Th>{t('applications.applicant')}</Table.Th>
                <Table.Th>{t('applications.applicantType')}</Table.Th>
                <Table.Th>{t('applications.receivedOn')}</Table.Th>
                <Table.Th>{t('applications.dueOn')}</Table.Th>
                <Table.Th>{t('applications.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('pages.applications.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {query.data?.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td ff="monospace" fz="sm">
                    {a.serialNo}
                  </Table.Td>
                  <Table.Td fz="sm">{a.applicantName}</Table.Td>
                  <Table.Td fz="sm">{t(`applications.applicantTypes.${a.applicantType}`)}</Table.Td>
                  <Table.Td fz="sm" className={tableClasses.nowrap}>
                    {formatDate(a.receivedOn, locale)}
                  </Table.Td>
                  <Table.Td fz="sm" className={tableClasses.nowrap}>
                    {formatDate(a.dueOn, locale)}
                  </Table.Td>
                  <Table.Td fz="sm">{t(`applications.statuses.${a.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
