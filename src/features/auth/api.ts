import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { notifications } from '@mantine/notifications';
import { api } from '@/lib/api-client';
import { noticesStore } from '@/lib/notifications/notices';
import { useSession } from '@/lib/session';
import type {
  BackendInfo,
  ChangePasswordInput,
  LoginInput,
  LoginResponse,
  User,
} from '@/types/api';

export const getBackendInfo = () => api.get<BackendInfo>('/info');

export const authQueries = {
  all: () => ['auth'] as const,
  /** Whether the backend runs the demo; it does not change while the page lives. */
  info: () =>
    queryOptions({
      queryKey: [...authQueries.all(), 'info'],
      queryFn: getBackendInfo,
      staleTime: Infinity,
    }),
  /** The signed-in user as the server has them now. */
  me: () =>
    queryOptions({
      queryKey: [...authQueries.all(), 'me'],
      queryFn: ({ signal }) => getMe(signal),
      staleTime: 60_000,
    }),
};

export const getMe = (signal?: AbortSignal) => api.get<User>('/auth/me', undefined, signal);

/**
 * The signed-in user as the server has them now, asked again on each visit of the app and when
 * the window regains focus: a role or section an administrator changed reaches the header and
 * the role's pages without signing in again (the server already scopes every request by it).
 */
export function useFreshUser() {
  const { refreshUser } = useSession();
  const me = useQuery(authQueries.me());
  useEffect(() => {
    if (me.data) refreshUser(me.data);
  }, [me.data, refreshUser]);
}

export const login = (input: LoginInput) => api.post<LoginResponse>('/auth/login', input);
export const logout = (token?: string) => api.post<void>('/auth/logout', undefined, { token });

export function useLogin() {
  const { signIn } = useSession();
  return useMutation({
    mutationFn: login,
    onSuccess: (res) => signIn({ token: res.token, user: res.user }),
  });
}

/**
 * Ends the session here first (the pages unmount and their queries stop), then tells the server,
 * so no request of the old session arrives after the server ended it.
 */
export function useLogout() {
  const { signOut, session } = useSession();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const token = session?.token;
      // The deadline summary was this user's: the next one at this screen does not see it.
      notifications.clean(noticesStore);
      signOut();
      await qc.cancelQueries();
      qc.clear();
      try {
        await logout(token);
      } catch {
        /* the session has ended locally either way */
      }
    },
  });
}

export const changePassword = (input: ChangePasswordInput) =>
  api.put<void>('/auth/password', input);

/** 修改密码: this session stays, the user's others end (the server says so). */
export function useChangePassword() {
  const { user, refreshUser } = useSession();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      // A forced change (after a reset) is done: the flag goes at once, and the server confirms.
      if (user?.mustChangePassword) refreshUser({ ...user, mustChangePassword: false });
      void qc.invalidateQueries({ queryKey: authQueries.me().queryKey });
    },
  });
}
