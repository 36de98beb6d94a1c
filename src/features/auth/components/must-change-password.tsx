import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { LocaleSwitch } from '@/components/locale-switch';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import { useLogout } from '../api';
import { ChangePasswordForm } from './change-password';

/**
 * After an administrator's reset (or a new account), the one-time password opens only this: the
 * backend refuses everything else until the password is changed (403), so no page is drawn behind.
 */
export function MustChangePassword() {
  const { t } = useI18n();
  const user = useUser();
  const logout = useLogout();
  useEffect(() => {
    document.title = `${t('accounts.mustChange.title')} · ${t('app.title')}`;
  }, [t]);
  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-light)" p="md" component="main">
      <Paper w="100%" maw={440} p="lg" withBorder>
        <Stack>
          <Group justify="space-between" align="flex-start">
            <Title order={1} size="h3">
              {t('accounts.mustChange.title')}
            </Title>
            <LocaleSwitch />
          </Group>
          <Text size="sm">{t('app.paren', { text: user.name, note: user.username })}</Text>
          <ChangePasswordForm forced onDone={() => {}} />
          <Button variant="subtle" onClick={() => logout.mutate()}>
            {t('header.logout')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
