import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';

/** Confirms publishing a month's drafts, saying how many and whether the month is complete. */
export function PublishModal({
  opened,
  month,
  drafts,
  missing,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  month: string;
  drafts: number;
  missing: number;
  busy: boolean;
  /** What the server said when publishing failed; the dialog stays open for a retry. */
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('assistance.actions.publishTitle', { month })}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('assistance.actions.publishBody', { n: drafts })}</Text>
        {error && (
          <Alert color="red" role="alert" title={error}>
            {t('assistance.actions.publishFailedHint')}
          </Alert>
        )}
        {missing > 0 && (
          <Alert color="yellow" variant="light">
            {t('assistance.actions.publishIncomplete', { n: missing })}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button loading={busy} onClick={onConfirm}>
            {t('assistance.actions.publish')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
