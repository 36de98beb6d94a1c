import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryRoots } from '@/lib/queries/roots';
import type { Todo } from './types';

export const getTodo = (signal?: AbortSignal) => api.get<Todo>('/todo', undefined, signal);

export const todoQueries = {
  all: () => queryRoots.todo,
  /** GET /todo: the caller's groups, counted and shaped by the server. */
  mine: () =>
    queryOptions({
      queryKey: [...todoQueries.all(), 'mine'],
      queryFn: ({ signal }) => getTodo(signal),
    }),
};
