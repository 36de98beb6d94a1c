import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Region } from '@/types/api';
import type { AssistanceFigure } from './types';

export const getRegions = (on: string) => api.get<Region[]>('/regions', { on });
export const getFigures = (period: string) =>
  api.get<AssistanceFigure[]>('/assistance', { period });

export const assistanceQueries = {
  all: () => ['assistance'] as const,
  regions: (on: string) =>
    queryOptions({ queryKey: ['regions', on], queryFn: () => getRegions(on), staleTime: Infinity }),
  month: (period: string) =>
    queryOptions({
      queryKey: [...assistanceQueries.all(), 'month', period],
      queryFn: () => getFigures(period),
    }),
};
