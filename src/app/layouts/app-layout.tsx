import {
  AppShell,
  Badge,
  Burger,
  Group,
  NavLink,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, memo, Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { LoadingState } from '@/components/loading-state';
import { useAfterFirstPaint } from '@/lib/after-paint';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import type { Role } from '@/types/api';
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
 * The page frame: Mantine's AppShell with a header, the navigation on the left (a drawer under
 * the `sm` breakpoint, opened by the burger, hidden from Tab while closed), the page in <main>.
 */
export function AppLayout({ alerts }: { alerts?: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { t } = useI18n();
  const user = useUser();
  const { pathname } = useLocation();
  const painted = useAfterFirstPaint();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('header.toggleNav')}
              aria-expanded={opened}
              aria-controls="app-nav"
            />
            <UnstyledButton component={Link} to="/" className={classes.brand}>
              <Badge color="brand" variant="filled" radius="sm" size="lg" aria-hidden>
                政
              </Badge>
              {/* On a phone the header keeps the emblem; the name stays the link's name. */}
              <span className={classes.brandText}>
                <Text span fw={700} size="sm" lh={1.2}>
                  {t('app.name')}
                </Text>
                <Text span size="xs" c="dimmed" lh={1.2}>
                  {t('app.org')}
                </Text>
              </span>
            </UnstyledButton>
          </Group>
          {painted && (
            <Suspense fallback={null}>
              <HeaderControls alerts={alerts} />
            </Suspense>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id="app-nav"
        component="nav"
        p="xs"
        aria-label={t('nav.main')}
        className={classes.navbar}
        data-opened={opened || undefined}
      >
        <VisuallyHidden>
          <h2>{t('nav.main')}</h2>
        </VisuallyHidden>
        <NavItems pathname={pathname} role={user.role} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

/** The role's pages; rendered again when the path changes, not with a list's filters. */
const NavItems = memo(function NavItems({
  pathname,
  role,
  onNavigate,
}: {
  pathname: string;
  role: Role;
  onNavigate: () => void;
}) {
  const { t } = useI18n();
  return NAV.filter((n) => n.roles.includes(role)).map((item) => {
    // The section is current on its sub-pages too (a letter, /reports/annual/2017).
    const current = pathname.startsWith(item.match);
    return (
      <NavLink
        key={item.match}
        component={Link}
        to={item.to}
        onClick={onNavigate}
        label={t(item.label)}
        leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
        active={current}
        aria-current={current ? 'page' : undefined}
      />
    );
  });
});
