import {
  AppShell,
  Badge,
  Burger,
  Group,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { LoadingState } from '@/components/loading-state';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import { NAV } from '../nav';
import classes from './app-layout.module.css';

/**
 * The header's controls (alerts, language, colour scheme, user menu) come in their own chunk,
 * requested by the first render and drawn right after it: the page the user opened (the
 * dashboard's figures, a list) does not wait for the drawer, menu and popover code they carry.
 */
const HeaderControls = lazy(() =>
  import('./header-controls').then((m) => ({ default: m.HeaderControls })),
);

export function AppLayout({ alerts }: { alerts?: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { t } = useI18n();
  const user = useUser();
  const { pathname } = useLocation();
  const items = NAV.filter((n) => n.roles.includes(user.role));

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
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('header.toggleNav')}
            />
            <UnstyledButton component={RouterNavLink} to="/dashboard" className={classes.brand}>
              <Badge color="brand" variant="filled" radius="sm" size="lg" aria-hidden>
                政
              </Badge>
              <Stack gap={0}>
                <Text fw={700} size="sm" lh={1.2}>
                  {t('app.name')}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2} visibleFrom="xs">
                  {t('app.org')}
                </Text>
              </Stack>
            </UnstyledButton>
          </Group>
          <Suspense fallback={null}>
            <HeaderControls alerts={alerts} />
          </Suspense>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')} component="nav">
        <AppShell.Section grow className={classes.navItems}>
          <VisuallyHidden>
            <h2>{t('nav.main')}</h2>
          </VisuallyHidden>
          {items.map((item) => (
            <Link
              key={item.match}
              to={item.to}
              onClick={close}
              className={classes.navlink}
              // The section is current on its sub-pages too (a letter, /reports/annual/2017).
              aria-current={pathname.startsWith(item.match) ? 'page' : undefined}
            >
              <item.icon size={18} stroke={1.6} aria-hidden />
              {t(item.label)}
            </Link>
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
