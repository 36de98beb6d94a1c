import { NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DateField } from '@/components/date-field';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { applicationQueries } from '../../api';
import { FeeCalculator } from '../fee-calculator';
import { ActionDialog } from './action-dialog';
import { dateInput, useActionForm, type ActionFormProps } from './use-action-form';

type Method = 'per_item' | 'per_page';

/** 收费通知 (办法): the amount is the server's (the same quote the notice records). */
export function FeeNoticeForm(props: ActionFormProps) {
  const { t } = useI18n();
  const today = chinaToday();
  const ctl = useActionForm(props, 'fee-notice', {
    sentOn: today,
    receivedOn: '',
    method: 'per_page',
    count: 31,
  });
  const { form } = ctl;
  const method: Method = form.values.method || 'per_page';
  // The fee the server will record, quoted as the counts change (same prior, same function).
  const [quoteCount] = useDebouncedValue(Number(form.values.count), 300);
  const quote = useQuery({
    ...applicationQueries.feeQuote(props.app.id, method, quoteCount),
    placeholderData: keepPreviousData,
  });
  return (
    <ActionDialog ctl={ctl} onClose={props.onClose}>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="fee-method">
          {t('applications.actions.method')}
        </Text>
        <SegmentedControl
          aria-labelledby="fee-method"
          value={method}
          onChange={(m) => form.setFieldValue('method', m as Method)}
          data={[
            { value: 'per_page', label: t('applications.actions.methods.per_page') },
            { value: 'per_item', label: t('applications.actions.methods.per_item') },
          ]}
        />
      </Stack>
      <NumberInput
        label={t('applications.actions.count')}
        required
        min={1}
        allowDecimal={false}
        {...form.getInputProps('count')}
      />
      <DateField
        label={t('applications.actions.sentOn')}
        required
        maxDate={today}
        {...dateInput(form, 'sentOn')}
      />
      <DateField
        label={t('applications.actions.noticeReceivedOn')}
        description={t('applications.actions.noticeReceivedOnHint')}
        clearable
        minDate={form.values.sentOn || undefined}
        maxDate={today}
        {...dateInput(form, 'receivedOn')}
      />
      <FeeCalculator
        method={method}
        quote={quote.data && quote.data.count === Number(form.values.count) ? quote.data : null}
      />
    </ActionDialog>
  );
}

/** 已缴费: the clock runs again (a payment inside its window may be entered late). */
export function FeePaidForm(props: ActionFormProps) {
  const { t } = useI18n();
  const today = chinaToday();
  const ctl = useActionForm(props, 'fee-paid', { on: today });
  return (
    <ActionDialog ctl={ctl} onClose={props.onClose}>
      <DateField
        label={t('applications.actions.paidOn')}
        required
        maxDate={today}
        {...dateInput(ctl.form, 'on')}
      />
    </ActionDialog>
  );
}
