import { Alert, Button, Paper, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { lazy, Suspense, type FormEvent } from 'react';
import { ApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/errors';
import { zodValidate } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import type { LoginInput, User } from '@/types/api';
import { useLogin } from '../api';

/**
 * The form's rules are `loginSchema`, the one the server checks (422 with field errors). The schema
 * module brings zod, which the sign-in page does not otherwise need: it is fetched when the user
 * first focuses the form (and awaited on submit), not with the first screen.
 */
const loadLoginSchema = () => import('@/types/api').then((m) => m.loginSchema);

/** The demo accounts exist only with the mock backend: their panel is fetched only then. */
const DemoAccounts = lazy(() => import('./demo-accounts'));

export function LoginForm({
  onSuccess,
  showDemo,
}: {
  onSuccess: (user: User) => void;
  showDemo: boolean;
}) {
  const { t, tx } = useI18n();
  const login = useLogin();
  const form = useForm<LoginInput>({
    mode: 'controlled',
    initialValues: { username: '', password: '' },
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = zodValidate(await loadLoginSchema(), tx)(form.getValues());
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    login.mutate(form.getValues(), {
      onSuccess: (res) => onSuccess(res.user),
      onError: (e) => {
        if (e instanceof ApiError && e.status === 422) form.setErrors(e.errors);
      },
    });
  };

  const failure =
    login.error instanceof ApiError && (login.error.status === 401 || login.error.status === 429)
      ? (login.error.detail ?? t('auth.failed'))
      : login.error
        ? t(errorMessage(login.error).key, errorMessage(login.error).params)
        : null;

  return (
    <Stack gap="md">
      <Paper withBorder p="lg" shadow="sm">
        <form onSubmit={(e) => void submit(e)} onFocus={() => void loadLoginSchema()} noValidate>
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
        <Suspense fallback={null}>
          <DemoAccounts onPick={(username) => form.setValues({ username, password: 'demo123' })} />
        </Suspense>
      )}
    </Stack>
  );
}
