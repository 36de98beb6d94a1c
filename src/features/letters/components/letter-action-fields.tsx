import {
  Group,
  Paper,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { DateField } from '@/components/date-field';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionOptions } from '@/lib/sections';
import type { LetterAction } from '../rules';
import { FOLLOW_UP_METHODS, REPLY_METHODS, SATISFACTION, type Letter } from '../types';

export type Values = Record<string, unknown>;

/** The fields of one action's dialog (the dialog itself is LetterActions' ActionModal). */
export function ActionFields({
  action,
  letter,
  form,
  today,
  maxExtensionDays,
}: {
  action: LetterAction;
  letter: Letter;
  form: UseFormReturnType<Values>;
  today: string;
  maxExtensionDays: number | undefined;
}) {
  const { t, locale } = useI18n();
  const sectionOptions = useSectionOptions();
  const v = form.values;
  const date = (field: string, label: string, minDate?: string) => (
    <DateField
      label={label}
      required
      maxDate={today}
      minDate={minDate}
      {...form.getInputProps(field)}
      value={(v[field] as string) || null}
      onChange={(d) => form.setFieldValue(field, d ?? '')}
    />
  );
  switch (action) {
    case 'assign':
      return (
        <>
          <Select
            label={t('letters.section')}
            required
            data={sectionOptions}
            {...form.getInputProps('sectionId')}
            data-autofocus
          />
          <Textarea
            label={t('letters.actions.note')}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
        </>
      );
    case 'extend':
    case 'request-extension':
      return (
        <>
          {action === 'request-extension' && (
            <Text size="sm" c="dimmed">
              {t('letters.records.requestHint')}
            </Text>
          )}
          <NumberInput
            label={t('letters.actions.days')}
            description={
              maxExtensionDays
                ? t('letters.actions.daysHint', { max: maxExtensionDays })
                : undefined
            }
            min={1}
            max={maxExtensionDays}
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
        </>
      );
    case 'approve-extension':
    case 'refuse-extension': {
      const r = letter.extensionRequest;
      return (
        <>
          {r && (
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
          )}
          {action === 'refuse-extension' && (
            <Textarea
              label={t('letters.records.refuseReason')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('reason')}
              data-autofocus
            />
          )}
        </>
      );
    }
    case 'reply':
      return (
        <>
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
            {date('repliedOn', t('letters.records.repliedOn'), letter.receivedOn)}
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
        </>
      );
    case 'return':
      return (
        <>
          <Text size="sm" c="dimmed">
            {t('letters.records.returnHint')}
          </Text>
          <Textarea
            label={t('letters.records.returnReason')}
            required
            autosize
            minRows={3}
            {...form.getInputProps('reason')}
            data-autofocus
          />
        </>
      );
    case 'close':
      return <CloseFields letter={letter} form={form} date={date} />;
    case 'reopen':
      return (
        <Textarea
          label={t('letters.actions.reopenReason')}
          required
          autosize
          minRows={3}
          {...form.getInputProps('reason')}
          data-autofocus
        />
      );
    case 'supervise':
      return (
        <Textarea
          label={t('letters.actions.superviseNote')}
          required
          autosize
          minRows={3}
          {...form.getInputProps('note')}
          data-autofocus
        />
      );
  }
}

/** 办结 with the follow-up (回访): nothing about the citizen's opinion is pre-selected. */
function CloseFields({
  letter,
  form,
  date,
}: {
  letter: Letter;
  form: UseFormReturnType<Values>;
  date: (field: string, label: string, minDate?: string) => React.ReactNode;
}) {
  const { t } = useI18n();
  const v = form.values;
  return (
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
        {date('followUpOn', t('letters.records.followUpOn'), letter.reply?.repliedOn)}
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
        onChange={(x) => {
          form.setFieldValue('reached', x);
          if (x === 'no') form.setFieldValue('satisfaction', '');
        }}
      >
        <Group mt="xs">
          <Radio value="yes" label={t('letters.records.reachedYes')} />
          <Radio value="no" label={t('letters.records.reachedNo')} />
        </Group>
      </Radio.Group>
      {v.reached === 'yes' && (
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
      {v.reached === 'no' && (
        <Text size="sm" c="dimmed">
          {t('letters.records.unreachedNoOpinion')}
        </Text>
      )}
      {v.reached === 'yes' && v.satisfaction === 'unsatisfied' && (
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
  );
}
