import { NumberInput, Paper, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { letterQueries } from '../../api';
import type { Letter } from '../../types';
import { LetterActionDialog } from './letter-action-dialog';
import { useLetterActionForm, type LetterActionFormProps } from './use-letter-action-form';

/**
 * 延期 (the office, directly) or 申请延期 (a section, for the office to decide): the days, at most
 * the office's maximum (a setting, so checked here besides the schema), and the reason.
 */
export function ExtendForm({
  action,
  ...props
}: LetterActionFormProps & { action: 'extend' | 'request-extension' }) {
  const { t } = useI18n();
  const max = useQuery(letterQueries.timeLimits()).data?.maxExtensionDays;
  const ctl = useLetterActionForm(
    props,
    action,
    { days: 5, reason: '' },
    {
      extraErrors: (v): Record<string, string> =>
        max && Number(v.days) > max ? { days: t('letters.actions.daysHint', { max }) } : {},
    },
  );
  const { form } = ctl;
  return (
    <LetterActionDialog ctl={ctl} onClose={props.onClose}>
      {action === 'request-extension' && (
        <Text size="sm" c="dimmed">
          {t('letters.records.requestHint')}
        </Text>
      )}
      <NumberInput
        label={t('letters.actions.days')}
        description={max ? t('letters.actions.daysHint', { max }) : undefined}
        min={1}
        max={max}
        allowDecimal={false}
        required
        {...form.getInputProps('days')}
      />
      <Textarea
        label={t('letters.actions.reason')}
        required
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
    </LetterActionDialog>
  );
}

/** The section's pending request, as the office decides on it. */
function PendingRequest({ letter }: { letter: Letter }) {
  const { t, locale } = useI18n();
  const r = letter.extensionRequest;
  if (!r) return null;
  return (
    <Paper withBorder p="sm">
      <Text size="sm" fw={600}>
        {t('letters.records.pendingRequest')}
      </Text>
      <Text size="sm">
        {t('letters.records.request', {
          name: r.requestedBy.name,
          date: formatDate(r.requestedOn, locale),
          days: r.days,
          reason: r.reason,
        })}
      </Text>
    </Paper>
  );
}

/** 批准延期: the request's days and reason become the extension. */
export function ApproveExtensionForm(props: LetterActionFormProps) {
  const ctl = useLetterActionForm(props, 'approve-extension', {});
  return (
    <LetterActionDialog ctl={ctl} onClose={props.onClose}>
      <PendingRequest letter={props.letter} />
    </LetterActionDialog>
  );
}

/** 不予延期: with the reason the section is told. */
export function RefuseExtensionForm(props: LetterActionFormProps) {
  const { t } = useI18n();
  const ctl = useLetterActionForm(props, 'refuse-extension', { reason: '' });
  return (
    <LetterActionDialog ctl={ctl} onClose={props.onClose}>
      <PendingRequest letter={props.letter} />
      <Textarea
        label={t('letters.records.refuseReason')}
        required
        autosize
        minRows={2}
        {...ctl.form.getInputProps('reason')}
        data-autofocus
      />
    </LetterActionDialog>
  );
}
