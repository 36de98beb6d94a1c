import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { useSession } from '@/lib/session';
import type { Role } from '@/types/api';
import { roleHome } from './nav';
import { ForbiddenPage } from './routes/status-pages';

/** A role's first page (nav.ts). */
export const homeFor = (role: Role) => roleHome(role);

/**
 * No session → /login, remembering where the user wanted to go — unless the session here ended by
 * logging out: that page was the previous user's, and the next one starts at their own home.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, signedOut } = useSession();
  const location = useLocation();
  if (!session) {
    if (signedOut) return <Navigate to={paths.login} replace />;
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`${paths.login}?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** A route the role may not use: the same 403 page whether reached by link or typed URL. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useSession();
  if (!user || !roles.includes(user.role)) return <ForbiddenPage />;
  return <>{children}</>;
}

export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={user ? homeFor(user.role) : paths.login} replace />;
}
