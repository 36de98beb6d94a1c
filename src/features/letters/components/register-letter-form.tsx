import { Button, Card, Grid, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';

import { useQuery } from '@tanstack/react-query';

import { DateField } from '@/components/date-field';
import { ErrorState } from '@/components/error-state';
import { useDraftedForm } from '@/lib/drafted-form';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { chinaToday, formatDate } from '@/lib/format';
import { SubmitFailure } from '@/components/submit-failure';
import { useI18n } from '@/lib/i18n/provider';
import { isIsoDate } from '@/lib/dates';
import { letterQueries, useCreateLetter } from '../api';
import { platformDateErrors } from '../rules';
import {
  createLetterSchema,
  LETTER_CATEGORIES,
  LETTER_SOURCES,
  type CreateLetterInput,
  type Letter,
  type LetterCategory,
  type LetterSource,
} from '../types';
import { DeadlineExplanation } from './deadline-explanation';
import { PhoneHistory } from './phone-history';

type FormValues = Omit<CreateLetterInput, 'source' | 'category'> & {
  source: LetterSource | '';
  category: LetterCategory | '';
  /** The serial no. of the chosen original, shown beside the link (not sent). */
  duplicateOfSerial?: string;
};

const empty = (today: string): FormValues => ({
  source: '',
  category: '',
  subject: '',
  content: '',
  citizenName: '',
  citizenPhone: '',
  receivedOn: today,
  duplicateOf: '',
  duplicateOfSerial: '',
  platformRef: '',
  platformAssignedOn: '',
});

/** What is sent: the platform fields only for a mayor's-mailbox letter, no display-only field. */
function toInput(values: FormValues): CreateLetterInput {
  const { duplicateOfSerial: _shown, platformRef, platformAssignedOn, ...rest } = values;
  const mailbox = values.source === 'mayor_mailbox';
  return {
    ...rest,
    ...(mailbox ? { platformRef, platformAssignedOn } : {}),
  } as CreateLetterInput;
}

export function RegisterLetterForm({
  draftKey,
  onCreated,
}: {
  draftKey: string;
  onCreated: (letter: Letter) => void;
}) {
  const { t, tx, locale } = useI18n();
  const today = chinaToday();
  const create = useCreateLetter();
  const schema = createLetterSchema.refine((v) => v.receivedOn <= today, {
    path: ['receivedOn'],
    message: 'validation.notFuture',
  });
  const byZod = zodValidate(schema, tx);
  const { form, key, restored, saved, discard } = useDraftedForm<FormValues>({
    draftKey,
    initialValues: empty(today),
    validate: (values) => {
      const input = toInput(values);
      const errs = byZod(input);
      for (const [k, e] of Object.entries(platformDateErrors(input, today)))
        errs[k] ??= tx(e.key, e.params);
      return errs;
    },
    restoredMessage: t('letters.form.draftRestored'),
    done: create.isSuccess,
  });

  // The deadline the server will store for these fields, asked of it (GET /letters/due).
  const v = form.values;
  const [receivedOn] = useDebouncedValue(v.receivedOn, 200);
  const chosen = v.source && v.category ? { source: v.source, category: v.category } : null;
  const preview = useQuery({
    ...letterQueries.due({
      receivedOn,
      source: chosen?.source ?? 'visit',
      category: chosen?.category ?? 'help',
    }),
    enabled: chosen !== null && isIsoDate(receivedOn) && receivedOn <= today,
  });

  const startOver = () => {
    discard();
    create.reset();
  };

  const submit = form.onSubmit((values) => {
    create.mutate(
      { input: toInput(values), key },
      {
        onSuccess: (letter) => {
          saved(
            t('letters.form.saved', {
              serialNo: letter.serialNo,
              dueOn: formatDate(letter.dueOn, locale),
            }),
          );
          onCreated(letter);
        },
        onError: (e) => {
          const errs = serverFieldErrors(e);
          if (errs) form.setErrors(errs);
        },
      },
    );
  });

  const failure = create.error && !serverFieldErrors(create.error) ? create.error : null;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card component="form" onSubmit={submit} noValidate aria-label={t('letters.form.title')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('letters.form.intro')}
            </Text>
            {failure && <SubmitFailure error={failure} retryHint={t('letters.form.retryHint')} />}
            <Group grow align="flex-start">
              <Select
                label={t('letters.source')}
                required
                data={LETTER_SOURCES.map((s) => ({ value: s, label: t(`letters.sources.${s}`) }))}
                {...form.getInputProps('source')}
              />
              <Select
                label={t('letters.category')}
                required
                data={LETTER_CATEGORIES.map((c) => ({
                  value: c,
                  label: t(`letters.categories.${c}`),
                }))}
                {...form.getInputProps('category')}
              />
              <DateField
                label={t('letters.receivedOn')}
                required
                maxDate={today}
                minDate="2000-01-01"
                {...form.getInputProps('receivedOn')}
                value={v.receivedOn || null}
                onChange={(d) => form.setFieldValue('receivedOn', d ?? '')}
              />
            </Group>
            <TextInput
              label={t('letters.subject')}
              required
              maxLength={200}
              {...form.getInputProps('subject')}
            />
            <Textarea
              label={t('letters.content')}
              required
              autosize
              minRows={4}
              maxRows={12}
              maxLength={5000}
              {...form.getInputProps('content')}
            />
            {v.source === 'mayor_mailbox' && (
              <Stack gap={4} data-testid="mailbox-fields">
                <Group grow align="flex-start">
                  <TextInput
                    label={t('letters.cases.platform.ref')}
                    maxLength={40}
                    {...form.getInputProps('platformRef')}
                  />
                  <DateField
                    label={t('letters.cases.platform.assignedOn')}
                    maxDate={today}
                    minDate="2000-01-01"
                    {...form.getInputProps('platformAssignedOn')}
                    value={v.platformAssignedOn || null}
                    onChange={(d) => form.setFieldValue('platformAssignedOn', d ?? '')}
                  />
                </Group>
                <Text size="xs" c="dimmed">
                  {t('letters.cases.platform.registerHint')}
                </Text>
              </Stack>
            )}
            <Group grow align="flex-start">
              <TextInput
                label={t('letters.citizenName')}
                required
                maxLength={50}
                {...form.getInputProps('citizenName')}
              />
              <TextInput
                label={t('letters.citizenPhone')}
                description={t('letters.form.phoneHint')}
                inputMode="tel"
                {...form.getInputProps('citizenPhone')}
              />
            </Group>
            <PhoneHistory
              phone={v.citizenPhone ?? ''}
              today={today}
              duplicateOf={
                v.duplicateOf ? { id: v.duplicateOf, serialNo: v.duplicateOfSerial ?? '' } : null
              }
              onPick={(ref) =>
                form.setValues({
                  duplicateOf: ref?.id ?? '',
                  duplicateOfSerial: ref?.serialNo ?? '',
                })
              }
              error={form.errors.duplicateOf as string | undefined}
            />
            <Group justify="space-between" mt="sm">
              <Button
                variant="subtle"
                color="gray"
                onClick={startOver}
                disabled={!form.isDirty() && !restored}
              >
                {t('letters.form.discard')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {failure ? t('app.retry') : t('letters.form.save')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card aria-live="polite">
          <Text fw={600} mb="xs">
            {t('letters.form.preview')}
          </Text>
          {chosen === null ? (
            <Text size="sm" c="dimmed">
              {t('letters.source')} / {t('letters.category')} →
            </Text>
          ) : preview.isError ? (
            <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
          ) : preview.data ? (
            <Stack gap="xs">
              <Text size="xl" fw={700} data-testid="due-preview">
                {formatDate(preview.data.dueOn, locale)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('letters.form.previewHint', { n: preview.data.timeLimitDays })}
              </Text>
              <DeadlineExplanation result={preview.data.count} />
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('app.loading')}
            </Text>
          )}
        </Card>
      </Grid.Col>
    </Grid>
  );
}
