import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage } from '@/lib/errors';
import { useI18n } from '@/lib/i18n/provider';

/** An inline error with a retry button: what happened, in words, and a way forward. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const m = errorMessage(error);
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('errors.title')}
      role="alert"
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t(m.key, m.params)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
