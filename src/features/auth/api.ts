import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useSession } from '@/lib/session';
import type { LoginInput, LoginResponse } from '@/types/api';

export const login = (input: LoginInput) => api.post<LoginResponse>('/auth/login', input);
export const logout = () => api.post<void>('/auth/logout');

export function useLogin() {
  const { signIn } = useSession();
  return useMutation({
    mutationFn: login,
    onSuccess: (res) => signIn({ token: res.token, user: res.user }),
  });
}

export function useLogout() {
  const { signOut } = useSession();
  return useMutation({
    mutationFn: async () => {
      try {
        await logout();
      } catch {
        /* the session ends locally either way */
      }
    },
    onSettled: () => signOut(),
  });
}
