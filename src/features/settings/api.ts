import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { calendarDependents, calendarQueries } from '@/lib/queries/calendar';
import { settingsKeys } from '@/lib/queries/settings';
import type { CalendarYearDetail, CalendarYearInput } from '@/types/calendar';
import type { Organisation } from './types';

export const putCalendarYear = (year: number, body: CalendarYearInput, version: number) =>
  api.put<CalendarYearDetail & { recomputed: number }>(`/calendar/years/${year}`, body, {
    version,
  });
export type VersionedOrganisation = Organisation & { version: number };
export const getOrganisation = () => api.get<VersionedOrganisation>('/settings/organisation');
export const putOrganisation = (o: Organisation, version: number) =>
  api.put<VersionedOrganisation>('/settings/organisation', o, { version });

export const settingsQueries = {
  organisation: () =>
    queryOptions({
      queryKey: settingsKeys.organisation(),
      queryFn: getOrganisation,
    }),
};

export function useSaveCalendarYear(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: CalendarYearInput; version: number }) =>
      putCalendarYear(year, body, version),
    onSuccess: (res) => {
      qc.setQueryData(calendarQueries.year(year).queryKey, res);
      // Deadlines may have been recounted: everything that shows one is stale (letters,
      // applications' clocks, the catalogue's timeliness, the dashboard and to-do built on them).
      for (const queryKey of calendarDependents()) void qc.invalidateQueries({ queryKey });
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
