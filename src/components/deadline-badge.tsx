import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import { useI18n } from '@/lib/i18n/provider';

/**
 * A running deadline in words and colour (never colour alone): 剩余3个工作日 (blue, orange when due
 * soon), 今日到期, 已超期2个工作日 (red, filled). `remainingWorkdays` is negative once past the
 * deadline; `alert` is the backend's judgement (the rules shared with it), which sets the colour.
 */
export function DeadlineBadge({
  remainingWorkdays,
  alert,
}: {
  remainingWorkdays: number | null;
  alert: 'none' | 'due_soon' | 'overdue' | null | undefined;
}) {
  const { t } = useI18n();
  const n = remainingWorkdays ?? 0;
  if (alert === 'overdue')
    return (
      <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
        {t('app.deadline.overdue', { n: -n })}
      </Badge>
    );
  return (
    <Badge
      color={alert === 'due_soon' ? 'orange' : 'blue'}
      leftSection={<IconClock size={12} aria-hidden />}
    >
      {n === 0 ? t('app.deadline.dueToday') : t('app.deadline.remaining', { n })}
    </Badge>
  );
}
