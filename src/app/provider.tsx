import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '@/lib/errors';
import { translate, type Locale } from '@/lib/i18n/core';
import { I18nProvider, useI18n } from '@/lib/i18n/provider';
import { createQueryClient } from '@/lib/query-client';
import { SessionProvider } from '@/lib/session';
import { theme } from '@/theme/theme';

function LocalisedDates({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <DatesProvider settings={{ locale: locale === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
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

const currentLocale = (): Locale => (document.documentElement.lang === 'en-US' ? 'en-US' : 'zh-CN');

export function AppProviders({
  children,
  queryClient,
  locale,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
  locale?: Locale;
}) {
  const [client] = useState(
    () =>
      queryClient ??
      createQueryClient({
        onBackgroundError: (e) => {
          const m = errorMessage(e);
          notifications.show({
            id: 'background-refetch',
            color: 'yellow',
            message: translate(currentLocale(), m.key, m.params),
          });
        },
      }),
  );
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={resolver}>
      <I18nProvider locale={locale}>
        <LocalisedDates>
          <QueryClientProvider client={client}>
            <SessionProvider>
              <ModalsProvider>
                <Notifications position="top-right" />
                {children}
              </ModalsProvider>
            </SessionProvider>
          </QueryClientProvider>
        </LocalisedDates>
      </I18nProvider>
    </MantineProvider>
  );
}
