import '@/theme/styles-app';
import { lazy, Suspense } from 'react';
import { useFreshUser } from '@/features/auth/api';
import { useUser } from '@/lib/session';
import { AppLayout } from '../layouts/app-layout';

/** The header's alerts (letters and applications) load with the header's controls, after the page. */
const HeaderAlerts = lazy(() => import('./header-alerts'));
/** Rarely needed (after a password reset), so not in the first screen's code. */
const MustChangePassword = lazy(() =>
  import('@/features/auth/components/must-change-password').then((m) => ({
    default: m.MustChangePassword,
  })),
);

export function AuthedLayout() {
  const user = useUser();
  useFreshUser();
  // A one-time password opens nothing but its own replacement (the backend agrees: 403).
  if (user.mustChangePassword)
    return (
      <Suspense fallback={null}>
        <MustChangePassword />
      </Suspense>
    );
  return <AppLayout alerts={<HeaderAlerts />} />;
}
