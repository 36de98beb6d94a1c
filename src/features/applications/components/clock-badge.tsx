import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconPlayerPause } from '@tabler/icons-react';
import { DeadlineBadge } from '@/components/deadline-badge';
import { useI18n } from '@/lib/i18n/provider';
import type { Application } from '../types';

/** The application's time left in words, as for letters (never colour alone). */
export function ClockBadge({
  app,
}: {
  app: Pick<Application, 'status' | 'clock' | 'alert' | 'decision'>;
}) {
  const { t } = useI18n();
  const c = app.clock;
  if (app.status === 'decided')
    return (
      <Badge
        color={app.decision?.late ? 'orange' : 'gray'}
        leftSection={<IconCheck size={12} aria-hidden />}
      >
        {app.decision?.late ? t('applications.late') : t('applications.onTime')}
      </Badge>
    );
  // Past the deadline nothing else matters: overdue whatever the state (paused, awaiting payment).
  if (app.alert === 'overdue')
    return <DeadlineBadge remainingWorkdays={c.remainingWorkdays} alert={app.alert} />;
  if (c.state === 'awaiting_correction')
    return (
      <Badge color="yellow" leftSection={<IconPlayerPause size={12} aria-hidden />}>
        {t('applications.badge.awaiting')}
      </Badge>
    );
  if (c.state === 'paused')
    return (
      <Badge color="gray" leftSection={<IconPlayerPause size={12} aria-hidden />}>
        {t('applications.badge.paused')}
      </Badge>
    );
  if (c.state === 'fee_expired')
    return (
      <Badge color="red" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
        {t('applications.badge.feeExpired')}
      </Badge>
    );
  return <DeadlineBadge remainingWorkdays={c.remainingWorkdays} alert={app.alert} />;
}

/** 暂定 beside a deadline counted through a year whose holidays are not confirmed. */
export function ProvisionalBadge({ provisional }: { provisional: boolean }) {
  const { t } = useI18n();
  if (!provisional) return null;
  return (
    <Badge size="xs" color="yellow" title={t('calendar.provisionalHint')}>
      {t('calendar.provisional')}
    </Badge>
  );
}
