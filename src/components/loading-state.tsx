import { Center, Loader, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';

export function LoadingState({ rows = 0 }: { rows?: number }) {
  const { t } = useI18n();
  if (rows > 0) {
    return (
      // A status (not a labelled div: aria-label needs a role), its text for screen readers only;
      // the skeleton rows are decoration.
      <Stack gap="xs" aria-busy="true" role="status">
        <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} height={28} aria-hidden />
        ))}
      </Stack>
    );
  }
  return (
    <Center py="xl" aria-busy="true">
      <Stack align="center" gap="xs">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {t('app.loading')}
        </Text>
      </Stack>
    </Center>
  );
}
