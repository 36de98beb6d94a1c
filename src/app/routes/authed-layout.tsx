import { lazy } from 'react';
import { AppLayout } from '../layouts/app-layout';

/** The header's alerts (letters and applications) load with the header's controls, after the page. */
const HeaderAlerts = lazy(() => import('./header-alerts'));

export function AuthedLayout() {
  return <AppLayout alerts={<HeaderAlerts />} />;
}
