import { Button, Chip, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { DateRangeField } from '@/components/date-field';
import { useI18n } from '@/lib/i18n/provider';
import type { LetterFilters } from '../api';
import { ALERTS, LETTER_CATEGORIES, LETTER_SOURCES, LETTER_STATUSES } from '../types';
import { useAllSectionOptions } from '@/lib/sections';

const SORTS = [
  '-receivedOn',
  'receivedOn',
  'dueOn',
  '-dueOn',
  'remainingWorkdays',
  '-updatedAt',
] as const;

export function LetterFiltersBar({
  filters,
  onChange,
  showSection,
  years,
}: {
  filters: LetterFilters;
  onChange: (patch: Partial<LetterFilters>) => void;
  showSection: boolean;
  years: number[];
}) {
  const { t, locale } = useI18n();
  const sectionOptions = useAllSectionOptions();
  const [q, setQ] = useState(filters.q ?? '');
  // The box follows the URL when something else changed it (a saved view, 清除筛选, back), not
  // when the URL merely caught up with what is being typed: that would eat keystrokes.
  const pushed = useRef(filters.q ?? '');
  useEffect(() => {
    if ((filters.q ?? '') !== pushed.current) {
      pushed.current = filters.q ?? '';
      setQ(filters.q ?? '');
    }
  }, [filters.q]);
  const pushQ = useDebouncedCallback((v: string) => {
    pushed.current = v;
    onChange({ q: v || undefined });
  }, 250);
  const set = (key: keyof LetterFilters) => (v: string | null) =>
    onChange({ [key]: v ?? undefined });
  const range: [string | null, string | null] = [
    filters.receivedFrom ?? null,
    filters.receivedTo ?? null,
  ];
  const any = Object.entries(filters).some(
    ([k, v]) => k !== 'page' && k !== 'sort' && v !== undefined,
  );

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        label={t('app.search')}
        placeholder={t('letters.searchPlaceholder')}
        title={t('letters.cases.searchHint')}
        data-shortcut="search"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          pushQ(e.currentTarget.value);
        }}
        w={240}
      />
      <Select
        label={t('letters.status')}
        placeholder={t('letters.allStatuses')}
        data={LETTER_STATUSES.map((s) => ({ value: s, label: t(`letters.statuses.${s}`) }))}
        value={filters.status ?? null}
        onChange={set('status')}
        clearable
        w={130}
      />
      <Select
        label={t('letters.alert')}
        data={ALERTS.filter((a) => a !== 'none').map((a) => ({
          value: a,
          label: t(`letters.alerts.${a}`),
        }))}
        value={filters.alert ?? null}
        onChange={set('alert')}
        clearable
        w={130}
      />
      <Chip
        checked={filters.supervised === 'true'}
        onChange={(on) => onChange({ supervised: on ? 'true' : undefined })}
        color="grape"
        data-testid="filter-supervised"
      >
        {t('letters.records.supervisedOnly')}
      </Chip>
      <Select
        label={t('letters.source')}
        data={LETTER_SOURCES.map((s) => ({ value: s, label: t(`letters.sources.${s}`) }))}
        value={filters.source ?? null}
        onChange={set('source')}
        clearable
        w={150}
      />
      <Select
        label={t('letters.category')}
        data={LETTER_CATEGORIES.map((c) => ({ value: c, label: t(`letters.categories.${c}`) }))}
        value={filters.category ?? null}
        onChange={set('category')}
        clearable
        w={120}
      />
      {showSection && (
        <Select
          label={t('letters.section')}
          data={sectionOptions}
          value={filters.sectionId ?? null}
          onChange={set('sectionId')}
          clearable
          w={170}
        />
      )}
      <Select
        label={t('letters.year')}
        data={years.map((y) => ({ value: String(y), label: String(y) }))}
        value={filters.year ? String(filters.year) : null}
        onChange={(v) => onChange({ year: v ? Number(v) : undefined })}
        clearable
        w={100}
      />
      <DateRangeField
        label={t('letters.receivedRange')}
        value={range}
        onChange={(v) =>
          onChange({ receivedFrom: v[0] ?? undefined, receivedTo: v[1] ?? undefined })
        }
        clearable
        w={locale === 'zh-CN' ? 280 : 230}
      />
      <Select
        label={t('letters.sortBy')}
        data={SORTS.map((s) => ({ value: s, label: t(`letters.sorts.${s}`) }))}
        value={filters.sort ?? '-receivedOn'}
        onChange={(v) => onChange({ sort: (v ?? undefined) as LetterFilters['sort'] })}
        allowDeselect={false}
        w={190}
      />
      {any && (
        <Button
          variant="subtle"
          leftSection={<IconX size={14} aria-hidden />}
          onClick={() =>
            onChange({
              q: undefined,
              status: undefined,
              alert: undefined,
              supervised: undefined,
              source: undefined,
              category: undefined,
              sectionId: undefined,
              year: undefined,
              receivedFrom: undefined,
              receivedTo: undefined,
              dueOn: undefined,
              extensionRequested: undefined,
              rated: undefined,
              replied: undefined,
            })
          }
        >
          {t('letters.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
