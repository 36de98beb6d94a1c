import { Button, Card, Collapse, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFilter } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { yearsOnRecord } from '@/config/years';
import { Pager } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import { downloadText } from '@/lib/csv';
import { errorMessage } from '@/lib/errors';
import { datedFileName } from '@/lib/download';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import { useUrlFilters } from '@/lib/url-filters';
import { exportLetters, LETTERS_PAGE_SIZE, letterListPage } from '../api';
import { BULK_ROLES, SAVED_VIEW_ROLES } from '../rules';
import type { Letter } from '../types';
import { activeFilterCount, letterUrlFilters, lettersCsv } from '../utils';
import { BulkBar, BulkResult, type BulkOutcome } from './bulk-actions';
import { LetterFiltersBar } from './letter-filters';
import { LetterCards, LettersTable, type Selection } from './letters-table';
import { SavedViewsMenu } from './saved-views';
import { useSectionName } from '@/lib/sections';

export function LettersList({
  letterHref,
  thisYear,
}: {
  letterHref: (id: string) => string;
  thisYear: number;
}) {
  const { t, tx } = useI18n();
  const sectionName = useSectionName();
  const user = useUser();
  const { filters, update, setParams } = useUrlFilters(letterUrlFilters);
  const query = useQuery({
    ...letterListPage(filters),
    placeholderData: keepPreviousData,
  });
  const [exporting, setExporting] = useState(false);
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [bulkResult, setBulkResult] = useState<BulkOutcome | null>(null);
  // The rows picked for a bulk action (the office only), cleared when the filters change.
  const [selected, setSelected] = useState<Map<string, Letter>>(new Map());
  const filterKey = letterUrlFilters.serialize(filters).toString();
  const [selectedFor, setSelectedFor] = useState(filterKey);
  if (selectedFor !== filterKey) {
    setSelectedFor(filterKey);
    setSelected(new Map());
  }
  const toggle = useCallback(
    (l: Letter) =>
      setSelected((m) => {
        const next = new Map(m);
        if (next.has(l.id)) next.delete(l.id);
        else next.set(l.id, l);
        return next;
      }),
    [],
  );
  const togglePage = useCallback(
    (letters: Letter[]) =>
      setSelected((m) => {
        const next = new Map(m);
        const all = letters.every((l) => next.has(l.id));
        for (const l of letters) {
          if (all) next.delete(l.id);
          else next.set(l.id, l);
        }
        return next;
      }),
    [],
  );
  const selection: Selection | undefined = BULK_ROLES.includes(user.role)
    ? { isSelected: (id) => selected.has(id), toggle, togglePage }
    : undefined;
  const years = yearsOnRecord(thisYear).map(Number);

  const doExport = async () => {
    setExporting(true);
    try {
      const { items } = await exportLetters(filters);
      downloadText(
        datedFileName(t('app.files.letters'), chinaToday(), 'csv'),
        lettersCsv(items, tx, sectionName),
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
  const filterBar = (
    <LetterFiltersBar
      filters={filters}
      onChange={update}
      showSection={user.role !== 'handler'}
      years={years}
    />
  );
  const active = activeFilterCount(filters);
  return (
    <Stack gap="md">
      {phone ? (
        <div>
          <Button
            variant={active ? 'light' : 'default'}
            leftSection={<IconFilter size={16} aria-hidden />}
            onClick={() => setFiltersOpen((o) => !o)}
            aria-expanded={filtersOpen}
            aria-controls="letter-filters"
          >
            {t('letters.cases.filtersToggle', { n: active })}
          </Button>
          <Collapse expanded={filtersOpen} id="letter-filters">
            <Card padding="md" mt="xs">
              {filterBar}
            </Card>
          </Collapse>
        </div>
      ) : (
        <Card padding="md">{filterBar}</Card>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {data ? t('app.total', { n: data.total }) : ''}
        </Text>
        <Group gap="xs">
          {SAVED_VIEW_ROLES.includes(user.role) && (
            <SavedViewsMenu
              currentQuery={filterKey}
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
      {selection && selected.size > 0 && (
        <BulkBar
          selected={[...selected.values()]}
          onClear={() => setSelected(new Map())}
          onResult={setBulkResult}
        />
      )}
      <BulkResult result={bulkResult} onClose={() => setBulkResult(null)} />
      <QueryState query={query} rows={8}>
        {(page) =>
          page.items.length === 0 ? (
            <Card>
              <Text c="dimmed" ta="center">
                {t('letters.empty')}
              </Text>
            </Card>
          ) : phone ? (
            <LetterCards items={page.items} letterHref={letterHref} selection={selection} />
          ) : (
            <LettersTable
              items={page.items}
              letterHref={letterHref}
              selection={selection}
              busy={query.isFetching}
            />
          )
        }
      </QueryState>
      {data && data.total > LETTERS_PAGE_SIZE && (
        <Pager
          total={Math.ceil(data.total / LETTERS_PAGE_SIZE)}
          value={data.page}
          onChange={(p) => update({ page: p })}
        />
      )}
    </Stack>
  );
}
