import { Group, Select, Text, Textarea } from '@mantine/core';
import { DateField } from '@/components/date-field';
import { dateInput } from '@/lib/action-form';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { REPLY_METHODS } from '../../types';
import { LetterActionDialog } from './letter-action-dialog';
import { useLetterActionForm, type LetterActionFormProps } from './use-letter-action-form';

/** 答复: how and when the citizen was answered (back-dating allowed, not before receipt). */
export function ReplyForm(props: LetterActionFormProps) {
  const { t } = useI18n();
  const today = chinaToday();
  const ctl = useLetterActionForm(props, 'reply', { content: '', method: '', repliedOn: today });
  const { form } = ctl;
  return (
    <LetterActionDialog ctl={ctl} onClose={props.onClose}>
      <Group grow align="flex-start">
        <Select
          label={t('letters.records.replyMethod')}
          required
          data={REPLY_METHODS.map((m) => ({
            value: m,
            label: t(`letters.records.replyMethods.${m}`),
          }))}
          {...form.getInputProps('method')}
        />
        <DateField
          label={t('letters.records.repliedOn')}
          required
          maxDate={today}
          minDate={props.letter.receivedOn}
          {...dateInput(form, 'repliedOn')}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('letters.records.repliedOnHint')}
      </Text>
      <Textarea
        label={t('letters.actions.replyContent')}
        required
        autosize
        minRows={5}
        maxLength={5000}
        {...form.getInputProps('content')}
        data-autofocus
      />
    </LetterActionDialog>
  );
}
