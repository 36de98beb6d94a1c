import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';

/**
 * "Are you sure?" for a consequential step (disable a user, retire a section): the consequence in
 * words, the step named on its button, a failure shown in place (the dialog stays open).
 */
export function ConfirmDialog({
  opened,
  title,
  message,
  confirmLabel,
  color = 'blue',
  busy = false,
  error = null,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  color?: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <Text size="sm">{message}</Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button color={color} loading={busy} onClick={onConfirm} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
