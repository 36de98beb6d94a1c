import { Center, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';

export function LoadingState({ rows = 0 }: { rows?: number }) {
  const { t } = useI18n();
  if (rows > 0) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} height={28} />
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
