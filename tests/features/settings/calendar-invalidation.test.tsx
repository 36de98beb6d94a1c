import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { staleBy } from '@/app/live-updates';
import { useSaveCalendarYear } from '@/features/settings/api';
import { setApiToken } from '@/lib/api-client';
import { calendarDependents, calendarQueries } from '@/lib/queries/calendar';
import { createQueryClient } from '@/lib/query-client';
import type { CalendarYearDetail } from '@/types/calendar';
import { as, login } from '../../api';
import { seedOn } from '../../seed-day';

seedOn('2026-11-26');
afterEach(() => setApiToken(null));

/** Cached data under each key the calendar's deadlines reach, and some it does not. */
const CACHED = {
  letters: ['letters', 'list', { pageSize: 20 }],
  letterDetail: ['letters', 'detail', 'l-1'],
  applications: ['applications', 'list', { page: 1 }],
  catalogueTimeliness: ['catalogue', 'timeliness', 2026],
  dashboard: ['dashboard', 'overview', 2026],
  todo: ['todo', 'mine'],
  workdays: ['calendar', 'workdays', '2026-11-26', 15],
  organisation: ['settings', 'organisation'],
  sections: ['sections'],
  assistance: ['assistance', 'month', '2026-10'],
} as const;

describe('saving a calendar year', () => {
  it('marks stale exactly what is computed from the calendar', async () => {
    setApiToken(await login('admin'));
    const admin = await as('admin');
    const year = (await admin.get<CalendarYearDetail>('/calendar/years/2027')).body;
    const qc = createQueryClient({ retry: false });
    for (const key of Object.values(CACHED)) qc.setQueryData(key, { cached: true });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={qc}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useSaveCalendarYear(2027), { wrapper });
    await act(() =>
      result.current.mutateAsync({
        body: {
          complete: false,
          days: [{ date: '2027-03-01', workday: false, name: '测试休息日' }],
        },
        version: year.version,
      }),
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const invalidated = Object.fromEntries(
      Object.entries(CACHED).map(([name, key]) => [
        name,
        qc.getQueryState(key)?.isInvalidated ?? null,
      ]),
    );
    expect(invalidated).toEqual({
      letters: true,
      letterDetail: true,
      applications: true,
      catalogueTimeliness: true,
      dashboard: true,
      todo: true,
      workdays: true,
      organisation: false,
      sections: false,
      assistance: false,
    });
    // The saved year is in the cache as the server returned it (no refetch needed).
    expect(qc.getQueryData<CalendarYearDetail>(calendarQueries.year(2027).queryKey)?.days).toEqual([
      { date: '2027-03-01', workday: false, name: '测试休息日' },
    ]);
  });

  it('a calendar event from another session makes the same queries stale', () => {
    const keys = staleBy({ entity: 'calendar', id: '2027', version: 1, action: 'update' }, 'u-1');
    expect(keys).toEqual(calendarDependents());
    expect(keys).toEqual([
      ['calendar'],
      ['letters'],
      ['applications'],
      ['catalogue'],
      ['dashboard'],
      ['todo'],
      ['reports'],
    ]);
  });
});
