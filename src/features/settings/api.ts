import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { CalendarYearDetail, CalendarYearInput, CalendarYearSummary } from '@/types/calendar';
import type { Organisation } from './types';

export const getCalendarYears = () => api.get<CalendarYearSummary[]>('/calendar/years');
export const getCalendarYear = (year: number) =>
  api.get<CalendarYearDetail>(`/calendar/years/${year}`);
export const putCalendarYear = (year: number, body: CalendarYearInput) =>
  api.put<CalendarYearDetail & { recomputed: number }>(`/calendar/years/${year}`, body);
export const getOrganisation = () => api.get<Organisation>('/settings/organisation');
export const putOrganisation = (o: Organisation) =>
  api.put<Organisation>('/settings/organisation', o);

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
    mutationFn: (body: CalendarYearInput) => putCalendarYear(year, body),
    onSuccess: (res) => {
      qc.setQueryData(settingsQueries.calendarYear(year).queryKey, res);
      // Deadlines may have been recounted: everything that shows one is stale.
      void qc.invalidateQueries({ queryKey: ['calendar'] });
      void qc.invalidateQueries({ queryKey: ['letters'] });
    },
  });
}

export function useSaveOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: putOrganisation,
    onSuccess: (o) => qc.setQueryData(settingsQueries.organisation().queryKey, o),
  });
}
