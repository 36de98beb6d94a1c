import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { yearsOnRecord } from '@/config/years';
import { ErrorState } from '@/components/error-state';
import { Pager } from '@/components/pager';
import { LoadingState } from '@/components/loading-state';
import { downloadText } from '@/lib/csv';
import { errorMessage } from '@/lib/errors';
import { chinaToday, formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import tableClasses from '@/components/table.module.css';
import { useUser } from '@/lib/session';
import { exportLetters, letterQueries, type LetterFilters } from '../api';
import { SAVED_VIEW_ROLES } from '../rules';
import { filtersFromParams, lettersCsv, paramsFromFilters } from '../utils';
import { LetterFiltersBar } from './letter-filters';
import { LetterFlags, RemainingBadge } from './remaining-badge';
import { SavedViewsMenu } from './saved-views';
import { useSectionName } from '@/lib/sections';

const PAGE_SIZE = 20;

export function LettersList({
  letterHref,
  thisYear,
}: {
  letterHref: (id: string) => string;
  thisYear: number;
}) {
  const { t, tx, locale } = useI18n();
  const sectionName = useSectionName();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const query = useQuery(letterQueries.list({ ...filters, pageSize: PAGE_SIZE }));
  const [exporting, setExporting] = useState(false);
  const years = yearsOnRecord(thisYear).map(Number);

  const update = (patch: Partial<LetterFilters>) => {
    const next = { ...filters, ...patch, page: 'page' in patch ? patch.page : undefined };
    const sp = paramsFromFilters(next);
    // The dashboard's or the to-do's note stays while only the page or the order changes.
    const from = params.get('from');
    if (from && Object.keys(patch).every((k) => k === 'page' || k === 'sort')) sp.set('from', from);
    setParams(sp, { replace: false });
  };

  const doExport = async () => {
    setExporting(true);
    try {
      const { items } = await exportLetters(filters);
      downloadText(
        `letters-${chinaToday()}.csv`,
        lettersCsv(items, (k) => tx(k), sectionName),
      );
      notifications.show({ color: 'green', message: t('letters.exported', { n: items.length }) });
    } catch (e) {
      const m = errorMessage(e);
      notifications.show({ color: 'red', message: t(m.key, m.params) });
    } finally {
      setExporting(false);
    }
  };

  const data = query.data;
  return (
    <Stack gap="md">
      <Card padding="md">
        <LetterFiltersBar
          filters={filters}
          onChange={update}
          showSection={user.role !== 'handler'}
          years={years}
        />
      </Card>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {data ? t('app.total', { n: data.total }) : ''}
        </Text>
        <Group gap="xs">
          {SAVED_VIEW_ROLES.includes(user.role) && (
            <SavedViewsMenu
              currentQuery={paramsFromFilters(filters).toString()}
              onApply={(q) => setParams(new URLSearchParams(q))}
            />
          )}
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={exporting}
            onClick={() => void doExport()}
          >
            {t('letters.export')}
          </Button>
        </Group>
      </Group>
      {query.isPending ? (
        <LoadingState rows={8} />
      ) : query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : data && data.items.length === 0 ? (
        <Card>
          <Text c="dimmed" ta="center">
            {t('letters.empty')}
          </Text>
        </Card>
      ) : data ? (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={960}>
            <Table aria-label={t('nav.letters')} aria-busy={query.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('letters.serialNo')}</Table.Th>
                  <Table.Th>{t('letters.subject')}</Table.Th>
                  <Table.Th>{t('letters.source')}</Table.Th>
                  <Table.Th>{t('letters.category')}</Table.Th>
                  <Table.Th>{t('letters.section')}</Table.Th>
                  <Table.Th>{t('letters.receivedOn')}</Table.Th>
                  <Table.Th>{t('letters.dueOn')}</Table.Th>
                  <Table.Th>{t('letters.remaining')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((l) => (
                  <Table.Tr key={l.id} data-testid="letter-row">
                    <Table.Td>
                      <Anchor component={Link} to={letterHref(l.id)} ff="monospace" size="sm">
                        {l.serialNo}
                      </Anchor>
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Text size="sm" truncate="end" title={l.subject}>
                        {l.subject}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {l.citizenName} {l.citizenPhone ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm">{t(`letters.sources.${l.source}`)}</Table.Td>
                    <Table.Td fz="sm">{t(`letters.categories.${l.category}`)}</Table.Td>
                    <Table.Td fz="sm">
                      {l.sectionId ? (
                        sectionName(l.sectionId)
                      ) : (
                        <Text span c="dimmed" size="sm">
                          {t('letters.statuses.registered')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td fz="sm" className={tableClasses.nowrap}>
                      {formatDate(l.receivedOn, locale)}
                    </Table.Td>
                    <Table.Td fz="sm" className={tableClasses.nowrap}>
                      {formatDate(l.dueOn, locale)}
                    </Table.Td>
                    <Table.Td className={tableClasses.nowrap}>
                      <Stack gap={2}>
                        <RemainingBadge letter={l} />
                        <LetterFlags letter={l} />
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : null}
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
