import { Badge } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';
import type { CatalogueEntry } from '../types';

export function TimelinessBadge({
  entry,
}: {
  entry: Pick<CatalogueEntry, 'timely' | 'lateWorkdays'>;
}) {
  const { t } = useI18n();
  if (entry.timely === null) return <Badge color="gray">{t('catalogue.unpublished')}</Badge>;
  if (entry.timely) return <Badge color="green">{t('catalogue.timely')}</Badge>;
  return (
    <Badge color="red" variant="filled">
      {t('catalogue.late', { n: entry.lateWorkdays })}
    </Badge>
  );
}
