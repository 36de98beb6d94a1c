import { TextInput, Textarea } from '@mantine/core';
import { DateField } from '@/components/date-field';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { ActionDialog } from './action-dialog';
import { dateInput, useActionForm, type ActionFormProps } from './use-action-form';

/** 延长期限 (第三十三条第二款): once, approved within the period, and the applicant told. */
export function ExtendForm(props: ActionFormProps) {
  const { t } = useI18n();
  const today = chinaToday();
  const ctl = useActionForm(props, 'extend', {
    reason: '',
    approvedBy: '',
    approvedOn: today,
    notifiedOn: today,
  });
  const { form } = ctl;
  return (
    <ActionDialog ctl={ctl} onClose={props.onClose}>
      <TextInput
        label={t('applications.actions.approvedBy')}
        required
        maxLength={50}
        {...form.getInputProps('approvedBy')}
      />
      <Textarea
        label={t('applications.actions.reason')}
        required
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps('reason')}
      />
      <DateField
        label={t('applications.records.approvedOn')}
        minDate={props.app.clock.startOn}
        maxDate={today}
        {...dateInput(form, 'approvedOn')}
      />
      <DateField
        label={t('applications.records.notifiedOn')}
        description={t('applications.records.notifiedOnHint')}
        required
        maxDate={today}
        {...dateInput(form, 'notifiedOn')}
      />
    </ActionDialog>
  );
}
