/**
 * The signed-in user and token, kept in localStorage so a reload keeps the session. Any 401 from
 * the API (expired or missing session) clears it; the router then sends the user to /login and
 * back to where they were.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { Role, User } from '@/types/api';
import { setApiToken, setUnauthorizedHandler } from './api-client';
import { clearAllDrafts } from './draft';

const KEY = 'gkwb.session';
/** Who signed in last in this browser: a different user next finds no drafts of theirs. */
const LAST_USER = 'gkwb.lastUser';

export interface Session {
  token: string;
  user: User;
}

interface SessionValue {
  session: Session | null;
  user: User | null;
  /** Set when the last session ended because the server refused it (not by logging out). */
  expired: boolean;
  /** Set when the last session here ended by logging out: its page is not remembered for the next. */
  signedOut: boolean;
  signIn: (s: Session) => void;
  signOut: (opts?: { expired?: boolean }) => void;
  /**
   * The user as the server now has them (an administrator changed their role, section or name):
   * kept with the session, so the header and the role's pages follow.
   */
  refreshUser: (user: User) => void;
  hasRole: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function readStoredSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return s && typeof s.token === 'string' && s.user ? s : null;
  } catch {
    return null;
  }
}

/** The stored session, with its token handed to the API client (before the first render too). */
export function restoreSession(): Session | null {
  const s = readStoredSession();
  setApiToken(s?.token ?? null);
  return s;
}

/** The id of who signed in last in this browser (null: nobody yet). */
export const lastUserId = (): string | null => localStorage.getItem(LAST_USER);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(restoreSession);
  const [expired, setExpired] = useState(false);
  const [signedOut, setSignedOut] = useState(false);

  const signIn = useCallback((s: Session) => {
    if (localStorage.getItem(LAST_USER) !== s.user.id) clearAllDrafts();
    localStorage.setItem(LAST_USER, s.user.id);
    localStorage.setItem(KEY, JSON.stringify(s));
    setApiToken(s.token);
    setExpired(false);
    setSignedOut(false);
    setSession(s);
  }, []);

  const signOut = useCallback((opts?: { expired?: boolean }) => {
    // Signing out forgets this user's drafts; a session that merely expired keeps them for the
    // same user's next sign-in (nothing typed is lost), and another user's sign-in clears them.
    if (!opts?.expired) clearAllDrafts();
    localStorage.removeItem(KEY);
    setApiToken(null);
    setExpired(Boolean(opts?.expired));
    setSignedOut(!opts?.expired);
    setSession(null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => signOut({ expired: true }));
    return () => setUnauthorizedHandler(null);
  }, [signOut]);

  const refreshUser = useCallback((user: User) => {
    // The stored session is this tab's (signIn writes both): read it rather than write from inside
    // a state updater.
    const cur = readStoredSession();
    if (!cur || cur.user.id !== user.id || JSON.stringify(cur.user) === JSON.stringify(user))
      return;
    const next = { ...cur, user };
    localStorage.setItem(KEY, JSON.stringify(next));
    setSession(next);
  }, []);

  // Another tab logging in or out.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== KEY) return;
      const s = readStoredSession();
      setApiToken(s?.token ?? null);
      // Signed out in another tab: this tab's page is not remembered for the next user either.
      if (!s) setSignedOut(true);
      setSession(s);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const value = useMemo<SessionValue>(
    () => ({
      session,
      user: session?.user ?? null,
      expired,
      signedOut,
      signIn,
      signOut,
      refreshUser,
      hasRole: (...roles) => (session ? roles.includes(session.user.role) : false),
    }),
    [session, expired, signedOut, signIn, signOut, refreshUser],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
}

/** The signed-in user; only for components under the authenticated layout. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser outside an authenticated route');
  return user;
}
