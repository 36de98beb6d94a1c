import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { DateField } from '@/components/date-field';
import { OUTCOME_REASONS } from '@/lib/disclosure-template';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { DELIVERY_METHODS, type DeliveryMethod } from '../../types';
import { OutcomeSelect } from '../outcome-select';
import { ActionDialog } from './action-dialog';
import { dateInput, useActionForm, type ActionFormProps } from './use-action-form';

/** 作出答复: the outcome in plain words, the 答复书 and how and when it reached the applicant. */
export function DecideForm(props: ActionFormProps) {
  const { t } = useI18n();
  const today = chinaToday();
  const ctl = useActionForm(props, 'decide', {
    outcome: '',
    reason: '',
    decidedOn: today,
    fee: '',
    replyNo: '',
    deliveryMethod: '',
    deliveredOn: '',
  });
  const { form } = ctl;
  return (
    <ActionDialog ctl={ctl} onClose={props.onClose}>
      <OutcomeSelect
        label={t('applications.outcome')}
        required
        {...form.getInputProps('outcome')}
        onChange={(o) => {
          form.setFieldValue('outcome', o ?? '');
          if (o && !form.values.reason.trim())
            form.setFieldValue('reason', OUTCOME_REASONS[o] ?? '');
        }}
      />
      <Textarea
        label={t('applications.actions.decisionReason')}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps('reason')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t('applications.actions.decidedOn')}
          required
          maxDate={today}
          {...dateInput(form, 'decidedOn')}
        />
        <TextInput
          label={t('applications.records.replyNo')}
          placeholder={t('applications.records.replyNoPlaceholder')}
          maxLength={50}
          {...form.getInputProps('replyNo')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('applications.records.deliveryMethod')}
          clearable
          required={Boolean(form.values.deliveredOn)}
          data={DELIVERY_METHODS.map((m) => ({
            value: m,
            label: t(`applications.records.deliveryMethods.${m}`),
          }))}
          {...form.getInputProps('deliveryMethod')}
          onChange={(m) => form.setFieldValue('deliveryMethod', (m ?? '') as DeliveryMethod | '')}
        />
        <DateField
          label={t('applications.records.deliveredOn')}
          description={t('applications.records.deliveredOnHint')}
          clearable
          maxDate={today}
          {...dateInput(form, 'deliveredOn')}
        />
      </SimpleGrid>
    </ActionDialog>
  );
}
