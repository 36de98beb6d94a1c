import '@/theme/styles';
import {
  MantineProvider,
  MantineThemeProvider,
  type CSSVariablesResolver,
  type MantineThemeOverride,
} from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useNotifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/core';
import { I18nProvider, useI18n } from '@/lib/i18n/provider';
import { noticesStore } from '@/lib/notifications/notices';
import { SessionProvider } from '@/lib/session';
import { theme } from '@/theme/theme';

/**
 * The theme's words in the user's language: every dialog's, drawer's and notification's close
 * button is named (axe: button-name), as the locale says.
 */
function LocalisedTheme({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n();
  const close = t('app.close');
  const overrides = useMemo<MantineThemeOverride>(() => {
    const named = { defaultProps: { closeButtonProps: { 'aria-label': close } } };
    // The calendars' headers as the office writes them: 2026年12月 / December 2026 (issue #20).
    const labels = {
      defaultProps:
        locale === 'zh-CN'
          ? { monthLabelFormat: 'YYYY年M月', yearLabelFormat: 'YYYY年' }
          : { monthLabelFormat: 'MMMM YYYY', yearLabelFormat: 'YYYY' },
    };
    return {
      components: {
        Modal: named,
        Drawer: named,
        Notification: named,
        Calendar: labels,
        DateInput: labels,
        DatePickerInput: labels,
        MonthPickerInput: labels,
      },
    };
  }, [close, locale]);
  return <MantineThemeProvider theme={overrides}>{children}</MantineThemeProvider>;
}

function LocalisedDates({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <DatesProvider settings={{ locale: locale === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

/**
 * The toasts' containers (with their transitions and scroll lock) are a chunk of their own, fetched
 * when the first toast or notice is shown: `notifications.show` keeps it in the store until then.
 */
const NotificationsHost = lazy(() => import('./notifications-host'));

function LazyNotifications() {
  const { notifications: shown, queue } = useNotifications();
  const notices = useNotifications(noticesStore);
  const [needed, setNeeded] = useState(false);
  const waiting = shown.length + queue.length + notices.notifications.length + notices.queue.length;
  if (!needed && waiting > 0) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <NotificationsHost />
    </Suspense>
  );
}

/** Dimmed text dark enough for WCAG AA contrast (4.5:1) on white and on the grey page background. */
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});

export function AppProviders({
  children,
  queryClient,
  locale,
}: {
  children: ReactNode;
  /** Made with the router (its loaders prefetch into it). */
  queryClient: QueryClient;
  locale?: Locale;
}) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={resolver}>
      <I18nProvider locale={locale}>
        <LocalisedTheme>
          <LocalisedDates>
            <QueryClientProvider client={queryClient}>
              <SessionProvider>
                <LazyNotifications />
                {children}
              </SessionProvider>
            </QueryClientProvider>
          </LocalisedDates>
        </LocalisedTheme>
      </I18nProvider>
    </MantineProvider>
  );
}
