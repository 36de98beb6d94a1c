import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';

/**
 * The one-time password of a new account or a reset, shown once: it is not stored in the clear
 * anywhere and cannot be shown again (a new reset gives a new one).
 */
export function TemporaryPasswordModal({
  shown,
  onClose,
}: {
  shown: { name: string; username: string; password: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      opened={shown !== null}
      onClose={onClose}
      title={t('accounts.users.temporaryTitle')}
      closeOnClickOutside={false}
    >
      {shown && (
        <Stack>
          <Alert color="yellow">
            {t('accounts.users.temporaryText', { name: shown.name, username: shown.username })}
          </Alert>
          <Code block fz="xl" ta="center" data-testid="temporary-password" translate="no">
            {shown.password}
          </Code>
          <Group justify="space-between">
            <CopyButton value={shown.password}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('accounts.users.copied') : t('accounts.users.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('accounts.users.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
