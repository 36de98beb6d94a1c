import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sectionQueries } from '@/lib/sections';
import type { AuditEntry, Paged, Section, User } from '@/types/api';
import type {
  AuditLogQuery,
  SectionCreateInput,
  SectionPatchInput,
  UserCreated,
  UserCreateInput,
  UserPatchInput,
  UsersQuery,
} from './types';

export const getUsers = (q: UsersQuery, signal?: AbortSignal) =>
  api.get<Paged<User>>('/users', q as Record<string, string | number>, signal);
export const createUser = (input: UserCreateInput) => api.post<UserCreated>('/users', input);
export const updateUser = (id: string, input: UserPatchInput, version: number) =>
  api.patch<User>(`/users/${id}`, input, { version });
export const resetUserPassword = (id: string) =>
  api.post<{ temporaryPassword: string }>(`/users/${id}/reset-password`);
export const createSection = (input: SectionCreateInput) => api.post<Section>('/sections', input);
export const updateSection = (id: string, input: SectionPatchInput, version: number) =>
  api.patch<Section>(`/sections/${id}`, input, { version });
export const getAuditLog = (q: AuditLogQuery, signal?: AbortSignal) =>
  api.get<Paged<AuditEntry>>('/audit/log', q as Record<string, string | number>, signal);

export const userQueries = {
  all: () => ['users'] as const,
  lists: () => [...userQueries.all(), 'list'] as const,
  list: (q: UsersQuery) =>
    queryOptions({
      queryKey: [...userQueries.lists(), q],
      queryFn: ({ signal }) => getUsers(q, signal),
    }),
};

export const auditLogQueries = {
  all: () => ['audit-log'] as const,
  list: (q: AuditLogQuery) =>
    queryOptions({
      queryKey: [...auditLogQueries.all(), q],
      queryFn: ({ signal }) => getAuditLog(q, signal),
    }),
};

/** After any account change the lists and the log are stale (the log has a new entry). */
function useAccountsChanged() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: userQueries.all() });
    void qc.invalidateQueries({ queryKey: auditLogQueries.all() });
  };
}

export function useCreateUser() {
  const changed = useAccountsChanged();
  return useMutation({ mutationFn: createUser, onSuccess: changed });
}

export function useUpdateUser() {
  const changed = useAccountsChanged();
  return useMutation({
    mutationFn: (v: { id: string; input: UserPatchInput; version: number }) =>
      updateUser(v.id, v.input, v.version),
    onSuccess: changed,
  });
}

export function useResetPassword() {
  const changed = useAccountsChanged();
  return useMutation({ mutationFn: resetUserPassword, onSuccess: changed });
}

export function useSaveSection() {
  const qc = useQueryClient();
  const changed = useAccountsChanged();
  return useMutation({
    mutationFn: (v: { id?: string; input: SectionPatchInput; version?: number }) =>
      v.id
        ? updateSection(v.id, v.input, v.version ?? 0)
        : createSection({ name: v.input.name ?? '', nameEn: v.input.nameEn ?? '' }),
    onSuccess: () => {
      changed();
      // Every screen names sections from this list.
      void qc.invalidateQueries({ queryKey: sectionQueries.all().queryKey });
    },
  });
}
