import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ActionDialog } from '@/components/action-dialog';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionName } from '@/lib/sections';
import type { Letter } from '../../types';
import type { LetterActionControl } from './use-letter-action-form';

/** What another user's save changed, by the fields an officer reads on the page. */
const FIELD_LABELS: Record<string, string> = {
  status: 'letters.status',
  sectionId: 'letters.section',
  dueOn: 'letters.dueOn',
  reply: 'letters.detail.reply',
  extension: 'letters.extended',
  supervised: 'letters.supervised',
  satisfaction: 'letters.satisfaction',
  extensionRequest: 'letters.records.pendingRequest',
  followUp: 'letters.records.followUp',
  returned: 'letters.records.returnedFlag',
};

export function changedFields(a: Letter, b: Letter): string[] {
  return Object.keys(FIELD_LABELS).filter(
    (k) => JSON.stringify(a[k as keyof Letter]) !== JSON.stringify(b[k as keyof Letter]),
  );
}

/** A letter action's dialog: the shared one, with the letter's conflict notice. */
export function LetterActionDialog({
  ctl,
  onClose,
  extraButtons,
  children,
}: {
  ctl: LetterActionControl;
  onClose: () => void;
  extraButtons?: ReactNode;
  children?: ReactNode;
}) {
  const { t, tx, locale } = useI18n();
  const sectionName = useSectionName();
  const { conflict } = ctl;
  return (
    <ActionDialog
      title={`${ctl.title} · ${ctl.base.serialNo}`}
      label={ctl.title}
      ctl={ctl}
      onClose={onClose}
      extraButtons={extraButtons}
      conflictNotice={
        conflict && (
          <Alert color="orange" title={t('letters.actions.conflictTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{t('letters.actions.conflictText')}</Text>
              <Text size="sm" fw={600}>
                {t('letters.actions.changed', {
                  fields:
                    changedFields(ctl.base, conflict)
                      .map((f) => tx(FIELD_LABELS[f]!))
                      .join(locale === 'zh-CN' ? '、' : ', ') || '—',
                })}
              </Text>
              <Text size="sm">
                {[
                  [t('letters.status'), t(`letters.statuses.${conflict.status}`)],
                  [t('letters.section'), sectionName(conflict.sectionId)],
                  [t('letters.dueOn'), formatDate(conflict.dueOn, locale)],
                ]
                  .map(([label, value]) => t('app.labelValue', { label: label!, value: value! }))
                  .join(' · ')}
              </Text>
              <Group>
                <Button size="xs" color="orange" onClick={ctl.applyAgain}>
                  {t('letters.actions.applyAgain')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )
      }
    >
      {children}
    </ActionDialog>
  );
}
