import { Alert, Button, Text } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';

/**
 * "Someone else just changed this record" while this user's form is open (a live update brought
 * the newer version). What the user typed stays; saving is still checked against the version the
 * form was opened on, so it gets the usual conflict (409) and its choices.
 */
export function ChangedMeanwhile({ show, onLoad }: { show: boolean; onLoad?: () => void }) {
  const { t } = useI18n();
  if (!show) return null;
  return (
    <Alert color="yellow" role="status" title={t('app.changedMeanwhile.title')}>
      <Text size="sm">{t('app.changedMeanwhile.text')}</Text>
      {onLoad && (
        <Button size="xs" variant="light" mt="xs" onClick={onLoad}>
          {t('app.changedMeanwhile.load')}
        </Button>
      )}
    </Alert>
  );
}
