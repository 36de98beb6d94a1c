import { Badge, Group } from '@mantine/core';
import { IconCheck, IconFlag } from '@tabler/icons-react';
import { DeadlineBadge } from '@/components/deadline-badge';
import { useI18n } from '@/lib/i18n/provider';
import type { Letter } from '../types';

/** Time left in words (剩余3个工作日 / 已超期2个工作日 / 已办结), never colour alone. */
export function RemainingBadge({
  letter,
}: {
  letter: Pick<Letter, 'status' | 'remainingWorkdays' | 'alert' | 'onTime'>;
}) {
  const { t } = useI18n();
  if (letter.status === 'closed') {
    return (
      <Badge
        color={letter.onTime === false ? 'orange' : 'gray'}
        leftSection={<IconCheck size={12} aria-hidden />}
      >
        {letter.onTime === false ? t('letters.badge.closedLate') : t('letters.badge.closed')}
      </Badge>
    );
  }
  if (letter.status === 'replied') {
    return (
      <Badge color="teal" leftSection={<IconFlag size={12} aria-hidden />}>
        {t('letters.badge.replied')}
      </Badge>
    );
  }
  return <DeadlineBadge remainingWorkdays={letter.remainingWorkdays} alert={letter.alert} />;
}

export function LetterFlags({
  letter,
}: {
  letter: Pick<Letter, 'supervised' | 'calendarProvisional' | 'extension'> &
    Partial<Pick<Letter, 'extensionRequest' | 'returned'>>;
}) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="nowrap">
      {letter.supervised && (
        <Badge size="xs" color="grape">
          {t('letters.supervised')}
        </Badge>
      )}
      {letter.extensionRequest && (
        <Badge size="xs" color="cyan" variant="outline">
          {t('letters.records.pendingFlag')}
        </Badge>
      )}
      {letter.returned && (
        <Badge size="xs" color="orange">
          {t('letters.records.returnedFlag')}
        </Badge>
      )}
      {letter.extension && (
        <Badge size="xs" color="cyan">
          {t('letters.extended')}
        </Badge>
      )}
      {letter.calendarProvisional && (
        <Badge size="xs" color="yellow" title={t('calendar.provisionalHint')}>
          {t('letters.provisional')}
        </Badge>
      )}
    </Group>
  );
}
