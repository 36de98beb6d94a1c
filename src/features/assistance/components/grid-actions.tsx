import { Button, Group, Text } from '@mantine/core';
import { IconCopy, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { assistanceQueries } from '../api';
import { monthText } from '../charts';
import { isPeriodInProgress, previousPeriod } from '../rules';
import { monthComparison } from '../summary';
import type { AssistanceFigure } from '../types';
import { PublishModal } from './publish-modal';
import type { useMonthActions } from './use-month-actions';

/** Save, discard, copy last month and publish, each enabled only when it can do something. */
export function GridActions({
  period,
  dirty,
  drafts,
  figures,
  missing,
  actions,
  onSave,
  onDiscard,
}: {
  period: string;
  dirty: number;
  drafts: AssistanceFigure[];
  /** Every figure of the month (all saved: publishing waits for unsaved edits). */
  figures: AssistanceFigure[];
  missing: number;
  actions: ReturnType<typeof useMonthActions>;
  onSave: () => void;
  onDiscard: () => void;
}) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const previous = previousPeriod(period);
  // The month before, for the change the confirmation shows (its published figures).
  const before = useQuery({ ...assistanceQueries.month(previous), enabled: confirming });
  const comparison = useMemo(
    () =>
      before.data
        ? monthComparison(
            figures,
            before.data.filter((f) => f.status === 'published'),
          )
        : null,
    [figures, before.data],
  );
  const publishBlocked = dirty > 0 || drafts.length === 0;
  return (
    <Group gap="xs" wrap="wrap" justify="flex-end">
      {publishBlocked && (
        <Text size="xs" c="dimmed" id="publish-why">
          {dirty > 0 ? t('assistance.actions.saveFirst') : t('assistance.actions.nothingToPublish')}
        </Text>
      )}
      <Button
        variant="default"
        leftSection={<IconCopy size={16} aria-hidden />}
        disabled={missing === 0}
        loading={actions.copying}
        onClick={() => void actions.copyPrevious()}
      >
        {t('assistance.actions.copy')}
      </Button>
      <Button variant="default" disabled={dirty === 0} onClick={onDiscard}>
        {t('assistance.actions.discard')}
      </Button>
      <Button
        leftSection={<IconDeviceFloppy size={16} aria-hidden />}
        disabled={dirty === 0}
        loading={actions.saving}
        onClick={onSave}
      >
        {t('assistance.actions.save')}
      </Button>
      <Button
        leftSection={<IconSend size={16} aria-hidden />}
        disabled={publishBlocked}
        aria-describedby={publishBlocked ? 'publish-why' : undefined}
        onClick={() => setConfirming(true)}
      >
        {t('assistance.actions.publish')}
      </Button>
      <PublishModal
        opened={confirming}
        month={monthText(period, locale)}
        previousMonth={monthText(previous, locale)}
        inProgress={isPeriodInProgress(period, chinaToday())}
        comparison={comparison}
        drafts={drafts.length}
        missing={missing}
        busy={actions.publishing}
        error={actions.publishError}
        onClose={() => {
          setConfirming(false);
          actions.clearPublishError();
        }}
        onConfirm={() =>
          void actions.publishDrafts(drafts).then((ok) => ok && setConfirming(false))
        }
      />
    </Group>
  );
}
