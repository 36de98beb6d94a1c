import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import { changePasswordSchema } from '@/types/api';
import { useChangePassword } from '../api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 修改密码: the current password, the new one twice. `forced` (after an administrator's reset)
 * says why, and offers no cancel: the user sets a password before anything else.
 */
export function ChangePasswordForm({
  onDone,
  onCancel,
  forced = false,
}: {
  onDone: () => void;
  onCancel?: () => void;
  forced?: boolean;
}) {
  const { t, tx } = useI18n();
  const change = useChangePassword();
  const schemaCheck = zodValidate(changePasswordSchema, tx);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: (v) => ({
      ...schemaCheck(v),
      ...(v.confirm !== v.newPassword ? { confirm: tx('validation.passwordMismatch') } : {}),
    }),
  });
  const submit = form.onSubmit(({ currentPassword, newPassword }) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('auth.passwordChanged') });
          form.reset();
          onDone();
        },
        onError: (e) => {
          const errs = serverFieldErrors(e);
          if (errs) form.setErrors(errs);
        },
      },
    ),
  );
  const failure = change.error && !serverFieldErrors(change.error) ? change.error : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {forced && <Alert color="yellow">{t('auth.mustChange')}</Alert>}
        {failure && (
          <Alert color="red" role="alert">
            {t(errorMessage(failure).key, errorMessage(failure).params)}
          </Alert>
        )}
        <PasswordInput
          label={forced ? t('auth.oneTimePassword') : t('auth.currentPassword')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('auth.newPassword')}
          description={t('auth.newPasswordHint')}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('auth.confirmPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirm')}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('app.cancel')}
            </Button>
          )}
          <Button type="submit" loading={change.isPending}>
            {t('auth.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** 修改密码 from the user menu. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t('auth.changePassword')}>
      <ChangePasswordForm onDone={onClose} onCancel={onClose} />
    </Modal>
  );
}
