import { Alert, Badge, Box, Center, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LocaleSwitch } from '@/components/locale-switch';
import { env } from '@/config/env';
import { authQueries } from '@/features/auth/api';
import { LoginForm } from '@/features/auth/components/login-form';
import { useI18n } from '@/lib/i18n/provider';
import { lastUserId, useSession } from '@/lib/session';
import type { User } from '@/types/api';
import { homeFor } from '../guards';
import { roleMayOpen } from '../nav';

/** Only same-app paths are followed after login (no open redirect). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login'))
    return null;
  return next;
}

/**
 * Where a sign-in goes: the remembered `next` if this user's role may open it (no 403 page) and it
 * was not another user's page when their session expired; otherwise the role's home.
 */
export function returnTo(next: string | null, user: User, expiredFor: string | null): string {
  const other = expiredFor !== null && expiredFor !== user.id;
  return next && !other && roleMayOpen(user.role, next) ? next : homeFor(user.role);
}

export default function LoginRoute() {
  const { t } = useI18n();
  const { session, expired } = useSession();
  // Whose page `next` is after an expired session: the user signed in last here.
  const [expiredFor] = useState(() => (expired ? lastUserId() : null));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  // The mock is always the demo; a real server says whether it runs one.
  const info = useQuery({ ...authQueries.info(), enabled: !env.mockEnabled });
  const showDemo = env.mockEnabled || info.data?.demo === true;

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.title')}`;
  }, [t]);

  if (session) return <Navigate to={returnTo(next, session.user, expiredFor)} replace />;

  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-light)" p="md" component="main">
      <Box w="100%" maw={420}>
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start">
            <Group gap="sm">
              <Badge color="brand" variant="filled" size="xl" radius="sm" aria-hidden>
                政
              </Badge>
              <div>
                <Title order={1} size="h3">
                  {t('app.name')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('app.org')}
                </Text>
              </div>
            </Group>
            <LocaleSwitch />
          </Group>
          {expired && (
            <Alert color="yellow" role="status">
              {t('auth.sessionExpired')}
            </Alert>
          )}
          <LoginForm
            showDemo={showDemo}
            onSuccess={(user) => navigate(returnTo(next, user, expiredFor), { replace: true })}
          />
        </Stack>
      </Box>
    </Center>
  );
}
