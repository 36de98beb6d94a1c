import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { CalendarYearDetail, CalendarYearInput, CalendarYearSummary } from '@/types/calendar';
import type { Organisation } from './types';

export const getCalendarYears = () => api.get<CalendarYearSummary[]>('/calendar/years');
export const getCalendarYear = (year: number) =>
  api.get<CalendarYearDetail>(`/calendar/years/${year}`);
export const putCalendarYear = (year: number, body: CalendarYearInput, version: number) =>
  api.put<CalendarYearDetail & { recomputed: number }>(`/calendar/years/${year}`, body, {
    version,
  });
export type VersionedOrganisation = Organisation & { version: number };
export const getOrganisation = () => api.get<VersionedOrganisation>('/settings/organisation');
export const putOrganisation = (o: Organisation, version: number) =>
  api.put<VersionedOrganisation>('/settings/organisation', o, { version });

export const settingsQueries = {
  all: () => ['settings'] as const,
  calendarYears: () => queryOptions({ queryKey: ['calendar', 'years'], queryFn: getCalendarYears }),
  calendarYear: (year: number) =>
    queryOptions({ queryKey: ['calendar', 'years', year], queryFn: () => getCalendarYear(year) }),
  organisation: () =>
    queryOptions({
      queryKey: [...settingsQueries.all(), 'organisation'],
      queryFn: getOrganisation,
    }),
};

export function useSaveCalendarYear(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: CalendarYearInput; version: number }) =>
      putCalendarYear(year, body, version),
    onSuccess: (res) => {
      qc.setQueryData(settingsQueries.calendarYear(year).queryKey, res);
      // Deadlines may have been recounted: everything that shows one is stale (letters,
      // applications' clocks, the catalogue's timeliness, the dashboard built from them).
      for (const key of ['calendar', 'letters', 'applications', 'catalogue', 'dashboard'])
        void qc.invalidateQueries({ queryKey: [key] });
    },
  });
}

export function useSaveOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ values, version }: { values: Organisation; version: number }) =>
      putOrganisation(values, version),
    onSuccess: (o) => qc.setQueryData(settingsQueries.organisation().queryKey, o),
  });
}
