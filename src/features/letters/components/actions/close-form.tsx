import {
  Button,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateField } from '@/components/date-field';
import { dateInput, omitBlank } from '@/lib/action-form';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import { FOLLOW_UP_METHODS, SATISFACTION } from '../../types';
import { LetterActionDialog } from './letter-action-dialog';
import {
  useLetterActionForm,
  type LetterActionFormProps,
  type LetterActionValues,
} from './use-letter-action-form';

/** The opinion only when the citizen was reached; the reason only when they were unsatisfied. */
const closeBody = (v: LetterActionValues<'close'>) => {
  const body = omitBlank(v);
  if (v.reached !== true) delete body.satisfaction;
  if (body.satisfaction !== 'unsatisfied') delete body.closeReason;
  return body;
};

/**
 * 办结 with the follow-up (回访): nothing about the citizen's answer is pre-selected — it is what
 * the follow-up found. An unsatisfied citizen: close with a reason, or 重新办理 instead.
 */
export function CloseForm({
  onReopen,
  ...props
}: LetterActionFormProps & { onReopen: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const today = chinaToday();
  const ctl = useLetterActionForm(
    props,
    'close',
    {
      followUpMethod: '',
      followUpOn: today,
      followUpBy: user.name,
      reached: '',
      satisfaction: '',
      closeReason: '',
    },
    { toBody: closeBody },
  );
  const { form } = ctl;
  const v = form.values;
  return (
    <LetterActionDialog
      ctl={ctl}
      onClose={props.onClose}
      extraButtons={
        v.satisfaction === 'unsatisfied' && (
          <Button variant="light" color="orange" onClick={onReopen}>
            {t('letters.records.reopenInstead')}
          </Button>
        )
      }
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select
            label={t('letters.records.followUpMethod')}
            required
            data={FOLLOW_UP_METHODS.map((m) => ({
              value: m,
              label: t(`letters.records.followUpMethods.${m}`),
            }))}
            {...form.getInputProps('followUpMethod')}
          />
          <DateField
            label={t('letters.records.followUpOn')}
            required
            maxDate={today}
            minDate={props.letter.reply?.repliedOn}
            {...dateInput(form, 'followUpOn')}
          />
        </Group>
        <TextInput
          label={t('letters.records.followUpBy')}
          required
          maxLength={50}
          {...form.getInputProps('followUpBy')}
        />
        <Radio.Group
          label={t('letters.records.reached')}
          required
          {...form.getInputProps('reached')}
          value={v.reached === '' ? '' : v.reached ? 'yes' : 'no'}
          onChange={(x) => {
            form.setFieldValue('reached', x === 'yes');
            if (x === 'no') form.setFieldValue('satisfaction', '');
          }}
        >
          <Group mt="xs">
            <Radio value="yes" label={t('letters.records.reachedYes')} />
            <Radio value="no" label={t('letters.records.reachedNo')} />
          </Group>
        </Radio.Group>
        {v.reached === true && (
          <Radio.Group
            label={t('letters.records.opinion')}
            required
            {...form.getInputProps('satisfaction')}
          >
            <Group mt="xs">
              {SATISFACTION.map((s) => (
                <Radio key={s} value={s} label={t(`letters.satisfactions.${s}`)} />
              ))}
            </Group>
          </Radio.Group>
        )}
        {v.reached === false && (
          <Text size="sm" c="dimmed">
            {t('letters.records.unreachedNoOpinion')}
          </Text>
        )}
        {v.reached === true && v.satisfaction === 'unsatisfied' && (
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('letters.records.unsatisfiedTitle')}
              </Text>
              <Text size="sm">{t('letters.records.unsatisfiedHint')}</Text>
              <Textarea
                label={t('letters.records.closeReason')}
                autosize
                minRows={2}
                {...form.getInputProps('closeReason')}
              />
            </Stack>
          </Paper>
        )}
      </Stack>
    </LetterActionDialog>
  );
}
