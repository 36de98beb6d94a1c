/**
 * Sections (科室) are records the administrator manages (issue #16): every screen names them from
 * `GET /sections`, in the reader's language, rather than from a fixed list. The query is shared by
 * every feature, so its key is owned here; the accounts screens invalidate it after a change.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Section } from '@/types/api';
import { api } from './api-client';
import { useI18n } from './i18n/provider';
import { queryRoots } from './queries/roots';

export const sectionQueries = {
  all: () =>
    queryOptions({
      queryKey: queryRoots.sections,
      queryFn: ({ signal }) => api.get<Section[]>('/sections', undefined, signal),
      staleTime: 5 * 60_000,
    }),
};

/** The name to show: the English one in English when there is one, else the Chinese. */
export const sectionLabel = (s: Pick<Section, 'name' | 'nameEn'>, locale: string) =>
  locale === 'en-US' && s.nameEn ? s.nameEn : s.name;

/**
 * `(id) => name`: while the list loads, the name from the locale files for the eight seeded
 * sections, so a page does not flash ids; '—' for none.
 */
export function useSectionName(): (id: string | null | undefined) => string {
  const { locale, tx } = useI18n();
  const { data } = useQuery(sectionQueries.all());
  return useCallback(
    (id) => {
      if (!id) return '—';
      const s = data?.find((x) => x.id === id);
      if (s) return sectionLabel(s, locale);
      const fallback = tx(`sections.${id}`);
      return fallback === `sections.${id}` ? id : fallback;
    },
    [data, locale, tx],
  );
}

/**
 * Options for a section picker: the sections that take new work, plus `keep` (the record's
 * current one) even when it is retired, so a form never shows a blank value.
 */
export function useSectionOptions(keep?: string | null): { value: string; label: string }[] {
  const { locale } = useI18n();
  const { data } = useQuery(sectionQueries.all());
  return useMemo(
    () =>
      (data ?? [])
        .filter((s) => !s.retired || s.id === keep)
        .map((s) => ({ value: s.id, label: sectionLabel(s, locale) })),
    [data, locale, keep],
  );
}

/** Every section, retired ones included (filters over past records). */
export function useAllSectionOptions(): { value: string; label: string }[] {
  const { locale, t } = useI18n();
  const { data } = useQuery(sectionQueries.all());
  return useMemo(
    () =>
      (data ?? []).map((s) => ({
        value: s.id,
        label: s.retired
          ? `${sectionLabel(s, locale)}（${t('accounts.sections.retired')}）`
          : sectionLabel(s, locale),
      })),
    [data, locale, t],
  );
}
