import { Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DateField } from '@/components/date-field';
import { chinaToday, formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { calendarQueries } from '@/lib/queries/calendar';
import { ActionDialog } from './action-dialog';
import { dateInput, useActionForm, type ActionFormProps } from './use-action-form';

/** 告知补正 (第三十条): once, within 7 working days of receipt, with a 补正期限. */
export function RequestCorrectionForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const today = chinaToday();
  const ctl = useActionForm(props, 'request-correction', {
    note: '',
    requestedOn: today,
    correctionDueOn: '',
  });
  const { form } = ctl;
  const window7 = useQuery(calendarQueries.workdays(props.app.receivedOn, 7));
  return (
    <ActionDialog ctl={ctl} onClose={props.onClose}>
      <Textarea
        label={t('applications.actions.note')}
        required
        autosize
        minRows={3}
        {...form.getInputProps('note')}
      />
      <DateField
        label={t('applications.actions.requestedOn')}
        description={
          window7.data
            ? t('applications.actions.correctionHint', {
                date: formatDate(window7.data.date, locale),
              })
            : undefined
        }
        required
        maxDate={today}
        {...dateInput(form, 'requestedOn')}
      />
      <DateField
        label={t('applications.actions.correctionDueOn')}
        description={t('applications.actions.correctionDueOnHint')}
        required
        minDate={form.values.requestedOn || undefined}
        {...dateInput(form, 'correctionDueOn')}
      />
    </ActionDialog>
  );
}

/** 收到补正: the corrected request as received; the 20 days count again from that day. */
export function CorrectionReceivedForm(props: ActionFormProps) {
  const { t } = useI18n();
  const today = chinaToday();
  const ctl = useActionForm(props, 'correction-received', { receivedOn: today, content: '' });
  const { form } = ctl;
  return (
    <ActionDialog ctl={ctl} onClose={props.onClose}>
      <DateField
        label={t('applications.actions.correctionReceivedOn')}
        required
        maxDate={today}
        {...dateInput(form, 'receivedOn')}
      />
      <Textarea
        label={t('applications.records.content')}
        description={t('applications.records.contentHint')}
        required
        autosize
        minRows={3}
        maxLength={2000}
        {...form.getInputProps('content')}
      />
    </ActionDialog>
  );
}
