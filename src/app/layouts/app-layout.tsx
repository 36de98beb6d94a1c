import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { LoadingState } from '@/components/loading-state';
import { useAfterFirstPaint } from '@/lib/after-paint';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import { NAV } from '../nav';
import classes from './app-layout.module.css';

/**
 * The header's controls (alerts, language, colour scheme, user menu) come in their own chunk,
 * requested once the first view is painted and drawn right after it: the page the user opened
 * (the dashboard's figures, a list) does not wait for the drawer, menu and popover code they carry.
 */
const HeaderControls = lazy(() =>
  import('./header-controls').then((m) => ({ default: m.HeaderControls })),
);

/**
 * The page frame: a fixed header, the navigation on the left (a drawer under the `sm` breakpoint,
 * opened by the burger), the page in <main>. Plain elements and CSS (app-layout.module.css, on
 * Mantine's variables and breakpoints) rather than Mantine's AppShell, which computes its
 * responsive styles on every render of every page.
 */
export function AppLayout({ alerts }: { alerts?: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { t } = useI18n();
  const user = useUser();
  const { pathname } = useLocation();
  const items = NAV.filter((n) => n.roles.includes(user.role));
  const painted = useAfterFirstPaint();

  return (
    <div className={classes.shell} data-nav-open={opened || undefined}>
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <header className={classes.header}>
        <div className={classes.headerStart}>
          {/* Mantine's Burger (size sm, hidden from sm) as a plain button: app-layout.module.css. */}
          <button
            type="button"
            className={`${classes.burger} mantine-focus-auto`}
            onClick={toggle}
            aria-label={t('header.toggleNav')}
            aria-expanded={opened}
            aria-controls="app-nav"
          >
            <span className={classes.burgerLines} data-opened={opened || undefined} />
          </button>
          {/* mantine-focus-auto: Mantine's own focus ring (global styles), as on its buttons. */}
          <Link to="/" className={`${classes.brand} mantine-focus-auto`}>
            <span className={classes.emblem} aria-hidden>
              政
            </span>
            <span className={classes.brandText}>
              <span className={classes.brandName}>{t('app.name')}</span>
              <span className={classes.brandOrg}>{t('app.org')}</span>
            </span>
          </Link>
        </div>
        {painted && (
          <Suspense fallback={null}>
            <HeaderControls alerts={alerts} />
          </Suspense>
        )}
      </header>
      <nav id="app-nav" className={classes.navbar} aria-label={t('nav.main')}>
        <h2 className={classes.visuallyHidden}>{t('nav.main')}</h2>
        {items.map((item) => (
          <Link
            key={item.match}
            to={item.to}
            onClick={close}
            className={`${classes.navlink} mantine-focus-auto`}
            // The section is current on its sub-pages too (a letter, /reports/annual/2017).
            aria-current={pathname.startsWith(item.match) ? 'page' : undefined}
          >
            <item.icon size={18} stroke={1.6} aria-hidden />
            {t(item.label)}
          </Link>
        ))}
      </nav>
      <main id="main" tabIndex={-1} className={classes.main}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
