import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ActionDialog as Dialog } from '@/components/action-dialog';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionName } from '@/lib/sections';
import type { Application } from '../../types';
import type { ActionFormControl } from './use-action-form';

/** What another user's save changed, by the fields a clerk reads on the page. */
const FIELD_LABELS: Record<string, string> = {
  status: 'applications.status',
  sectionId: 'applications.section',
  dueOn: 'applications.dueOn',
  ledger: 'applications.clock.ledger',
  decision: 'applications.outcome',
};
export function changedFields(a: Application, b: Application): string[] {
  return Object.keys(FIELD_LABELS).filter(
    (k) => JSON.stringify(a[k as keyof Application]) !== JSON.stringify(b[k as keyof Application]),
  );
}

/** An application action's dialog: the shared one, with the application's conflict notice. */
export function ActionDialog({
  ctl,
  onClose,
  children,
}: {
  ctl: Pick<
    ActionFormControl,
    | 'action'
    | 'base'
    | 'conflict'
    | 'newer'
    | 'applyAgain'
    | 'submit'
    | 'caseErrors'
    | 'failure'
    | 'mutation'
  >;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t, tx, locale } = useI18n();
  const sectionName = useSectionName();
  const label = t(`applications.actions.${ctl.action}`);
  const { conflict } = ctl;
  return (
    <Dialog
      title={`${label} · ${ctl.base.serialNo}`}
      label={label}
      ctl={ctl}
      onClose={onClose}
      conflictNotice={
        conflict && (
          <Alert color="orange" role="alert" title={t('applications.records.conflict.title')}>
            <Stack gap="xs">
              <Text size="sm">{t('applications.records.conflict.text')}</Text>
              <Text size="sm" fw={600} data-testid="conflict-changed">
                {t('applications.records.conflict.changed', {
                  fields:
                    changedFields(ctl.base, conflict)
                      .map((f) => tx(FIELD_LABELS[f]!))
                      .join(locale === 'zh-CN' ? '、' : ', ') || '—',
                })}
              </Text>
              <Text size="sm" data-testid="conflict-current">
                {t('applications.records.conflict.current', {
                  status: t(`applications.statuses.${conflict.status}`),
                  dueOn: formatDate(conflict.dueOn, locale),
                })}{' '}
                ·{' '}
                {t('app.labelValue', {
                  label: t('applications.section'),
                  value: sectionName(conflict.sectionId),
                })}
              </Text>
              <Group>
                <Button size="xs" color="orange" onClick={ctl.applyAgain}>
                  {t('applications.records.conflict.applyAgain')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )
      }
    >
      {children}
    </Dialog>
  );
}
