import '@/theme/styles-app';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useFreshUser } from '@/features/auth/api';
import { useAfterFirstPaint } from '@/lib/after-paint';
import { useSession, useUser } from '@/lib/session';
import { AppLayout } from '../layouts/app-layout';

/** The header's alerts (letters and applications) load with the header's controls, after the page. */
const HeaderAlerts = lazy(() => import('./header-alerts'));
/** Rarely needed (after a password reset), so not in the first screen's code. */
const MustChangePassword = lazy(() =>
  import('@/features/auth/components/must-change-password').then((m) => ({
    default: m.MustChangePassword,
  })),
);

/** Other people's changes reach this page's queries (live-updates.ts), from after the first paint. */
function useLiveUpdates() {
  const qc = useQueryClient();
  const { session } = useSession();
  const painted = useAfterFirstPaint();
  const token = session?.token;
  const me = session?.user.id;
  useEffect(() => {
    if (!painted || !token || !me) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('../live-updates').then((m) => {
      if (!cancelled) stop = m.startLiveUpdates(qc, token, me);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [painted, token, me, qc]);
}

export function AuthedLayout() {
  const user = useUser();
  useFreshUser();
  useLiveUpdates();
  // A one-time password opens nothing but its own replacement (the backend agrees: 403).
  if (user.mustChangePassword)
    return (
      <Suspense fallback={null}>
        <MustChangePassword />
      </Suspense>
    );
  return <AppLayout alerts={<HeaderAlerts />} />;
}
