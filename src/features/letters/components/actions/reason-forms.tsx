import { Text, Textarea } from '@mantine/core';
import type { MessageKey } from '@/lib/i18n/core';
import { useI18n } from '@/lib/i18n/provider';
import { LetterActionDialog } from './letter-action-dialog';
import { useLetterActionForm, type LetterActionFormProps } from './use-letter-action-form';

/** 退回 (to the office) and 重新办理 (back to the section): a reason, required. */
export function ReasonForm({
  action,
  ...props
}: LetterActionFormProps & { action: 'return' | 'reopen' }) {
  const { t } = useI18n();
  const ctl = useLetterActionForm(props, action, { reason: '' });
  const label: MessageKey =
    action === 'return' ? 'letters.records.returnReason' : 'letters.actions.reopenReason';
  return (
    <LetterActionDialog ctl={ctl} onClose={props.onClose}>
      {action === 'return' && (
        <Text size="sm" c="dimmed">
          {t('letters.records.returnHint')}
        </Text>
      )}
      <Textarea
        label={t(label)}
        required
        autosize
        minRows={3}
        {...ctl.form.getInputProps('reason')}
        data-autofocus
      />
    </LetterActionDialog>
  );
}

/** 督办: the office's note to the section. */
export function SuperviseForm(props: LetterActionFormProps) {
  const { t } = useI18n();
  const ctl = useLetterActionForm(props, 'supervise', { note: '' });
  return (
    <LetterActionDialog ctl={ctl} onClose={props.onClose}>
      <Textarea
        label={t('letters.actions.superviseNote')}
        required
        autosize
        minRows={3}
        {...ctl.form.getInputProps('note')}
        data-autofocus
      />
    </LetterActionDialog>
  );
}
