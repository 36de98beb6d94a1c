import {
  Alert,
  Button,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/errors';
import { zodValidate } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import { loginSchema, type LoginInput, type Role, type SectionId } from '@/types/api';
import { useLogin } from '../api';

/** Demo accounts of the mock backend (README lists them too). */
export const DEMO_ACCOUNTS: { username: string; role: Role; sectionId: SectionId | null }[] = [
  { username: 'admin', role: 'admin', sectionId: null },
  { username: 'clerk', role: 'clerk', sectionId: 'office' },
  { username: 'leader', role: 'leader', sectionId: null },
  { username: 'handler', role: 'handler', sectionId: 'social_assistance' },
  { username: 'handler2', role: 'handler', sectionId: 'social_affairs' },
];

export function LoginForm({ onSuccess, showDemo }: { onSuccess: () => void; showDemo: boolean }) {
  const { t, tx } = useI18n();
  const login = useLogin();
  const form = useForm<LoginInput>({
    mode: 'controlled',
    initialValues: { username: '', password: '' },
    validate: zodValidate(loginSchema, tx),
  });

  const submit = form.onSubmit((values) =>
    login.mutate(values, {
      onSuccess,
      onError: (e) => {
        if (e instanceof ApiError && e.status === 422) form.setErrors(e.errors);
      },
    }),
  );

  const failure =
    login.error instanceof ApiError && login.error.status === 401
      ? (login.error.detail ?? t('auth.failed'))
      : login.error
        ? t(errorMessage(login.error).key, errorMessage(login.error).params)
        : null;

  return (
    <Stack gap="md">
      <Paper withBorder p="lg" shadow="sm">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {failure && (
              <Alert
                color="red"
                icon={<IconAlertTriangle aria-hidden />}
                role="alert"
                title={t('auth.failed')}
              >
                {failure}
              </Alert>
            )}
            <TextInput
              label={t('auth.username')}
              autoComplete="username"
              required
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={login.isPending} fullWidth mt="xs">
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      {showDemo && (
        <Paper withBorder p="md">
          <Text fw={600} size="sm">
            {t('auth.demoAccounts')}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('auth.demoHint')}
          </Text>
          <Table striped={false} withRowBorders={false} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auth.account')}</Table.Th>
                <Table.Th>{t('auth.role')}</Table.Th>
                <Table.Th>{t('auth.section')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {DEMO_ACCOUNTS.map((a) => (
                <Table.Tr key={a.username}>
                  <Table.Td>
                    <UnstyledButton
                      c="blue"
                      fz="sm"
                      ff="monospace"
                      onClick={() => form.setValues({ username: a.username, password: 'demo123' })}
                    >
                      {a.username}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td fz="sm">{t(`roles.${a.role}`)}</Table.Td>
                  <Table.Td fz="sm">{a.sectionId ? t(`sections.${a.sectionId}`) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
