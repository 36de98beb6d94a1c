import { Badge, Group } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';
import type { CatalogueEntry } from '../types';

/** 按时 / 超期 n 个工作日 / 未发布, with 暂定 when the count runs through an unconfirmed year. */
export function TimelinessBadge({
  entry,
}: {
  entry: Pick<CatalogueEntry, 'timely' | 'lateWorkdays' | 'calendarProvisional'>;
}) {
  const { t } = useI18n();
  const verdict =
    entry.timely === null ? (
      <Badge color="gray">{t('catalogue.unpublished')}</Badge>
    ) : entry.timely ? (
      <Badge color="green">{t('catalogue.timely')}</Badge>
    ) : (
      <Badge color="red" variant="filled">
        {t('catalogue.late', { n: entry.lateWorkdays })}
      </Badge>
    );
  if (!entry.calendarProvisional || entry.timely === null) return verdict;
  return (
    <Group gap={4} wrap="nowrap">
      {verdict}
      <Badge size="xs" color="yellow" title={t('calendar.provisionalHint')}>
        {t('calendar.provisional')}
      </Badge>
    </Group>
  );
}
