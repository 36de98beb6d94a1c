import { SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateField } from '@/components/date-field';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { CONSULT_OPINIONS } from '../../types';
import { ActionDialog } from './action-dialog';
import { dateInput, useActionForm, type ActionFormProps } from './use-action-form';

/** 征求意见 (第三十二条): the days until the reply are not counted. */
export function ConsultForm(props: ActionFormProps) {
  const { t } = useI18n();
  const today = chinaToday();
  const ctl = useActionForm(props, 'consult-third-party', {
    sentOn: today,
    receivedOn: '',
    party: 'third_party',
    name: '',
  });
  const { form } = ctl;
  return (
    <ActionDialog ctl={ctl} onClose={props.onClose}>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="consult-party">
          {t('applications.actions.party')}
        </Text>
        <SegmentedControl
          aria-labelledby="consult-party"
          value={form.values.party || 'third_party'}
          onChange={(p) => form.setFieldValue('party', p as 'third_party' | 'other_agency')}
          data={[
            { value: 'third_party', label: t('applications.parties.third_party') },
            { value: 'other_agency', label: t('applications.parties.other_agency') },
          ]}
        />
      </Stack>
      <TextInput
        label={t('applications.actions.partyName')}
        maxLength={100}
        {...form.getInputProps('name')}
      />
      <DateField
        label={t('applications.actions.sentOn')}
        required
        maxDate={today}
        {...dateInput(form, 'sentOn')}
      />
      <DateField
        label={t('applications.actions.partyReceivedOn')}
        description={t('applications.actions.partyReceivedOnHint')}
        clearable
        minDate={form.values.sentOn || undefined}
        maxDate={today}
        {...dateInput(form, 'receivedOn')}
      />
    </ActionDialog>
  );
}

/** 收到回复: the party's opinion — agrees, objects (with its reasons), or did not answer in time. */
export function ConsultRepliedForm(props: ActionFormProps) {
  const { t } = useI18n();
  const today = chinaToday();
  const ctl = useActionForm(props, 'third-party-replied', {
    on: today,
    opinion: '',
    opinionText: '',
  });
  const { form } = ctl;
  const error = form.errors.opinion;
  return (
    <ActionDialog ctl={ctl} onClose={props.onClose}>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="consult-opinion">
          {t('applications.records.opinion')}{' '}
          <Text span c="red" aria-hidden>
            *
          </Text>
        </Text>
        <SegmentedControl
          aria-labelledby="consult-opinion"
          aria-describedby={error ? 'consult-opinion-error' : undefined}
          fullWidth
          value={form.values.opinion}
          onChange={(o) => form.setFieldValue('opinion', o as (typeof CONSULT_OPINIONS)[number])}
          data={CONSULT_OPINIONS.map((o) => ({
            value: o,
            label: t(`applications.records.opinions.${o}`),
          }))}
        />
        {error && (
          <Text size="xs" c="red" id="consult-opinion-error">
            {error}
          </Text>
        )}
      </Stack>
      <Textarea
        label={t('applications.records.opinionText')}
        description={t('applications.records.opinionTextHint')}
        required={form.values.opinion === 'disagree'}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps('opinionText')}
      />
      <DateField
        label={t('applications.actions.repliedOn')}
        required
        maxDate={today}
        {...dateInput(form, 'on')}
      />
    </ActionDialog>
  );
}
