import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';

import { useQuery } from '@tanstack/react-query';

import { DateField } from '@/components/date-field';
import { useDraftedForm } from '@/lib/drafted-form';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { chinaToday, formatDate } from '@/lib/format';
import { SubmitFailure } from '@/components/submit-failure';
import { useI18n } from '@/lib/i18n/provider';
import { ErrorState } from '@/components/error-state';
import { isIsoDate } from '@/lib/dates';
import { applicationQueries, useCreateApplication } from '../api';
import { ProvisionalBadge } from './clock-badge';
import {
  APPLICANT_TYPES,
  APPLICATION_CHANNELS,
  createApplicationSchema,
  type Application,
  type CreateApplicationInput,
} from '../types';

type Values = Omit<CreateApplicationInput, 'applicantType' | 'channel'> & {
  applicantType: string;
  channel: string;
};
const empty = (today: string): Values => ({
  applicantType: '',
  applicantName: '',
  contact: '',
  channel: '',
  receivedOn: today,
  description: '',
});

export function RegisterApplicationForm({
  draftKey,
  onCreated,
}: {
  draftKey: string;
  onCreated: (a: Application) => void;
}) {
  const { t, tx, locale } = useI18n();
  const today = chinaToday();
  const create = useCreateApplication();
  const schema = createApplicationSchema.refine((v) => v.receivedOn <= today, {
    path: ['receivedOn'],
    message: 'validation.notFuture',
  });
  const { form, key, saved, discard } = useDraftedForm<Values>({
    draftKey,
    initialValues: empty(today),
    validate: zodValidate(schema, tx),
    restoredMessage: t('applications.form.draftRestored'),
    done: create.isSuccess,
  });

  const submit = form.onSubmit((values) =>
    create.mutate(
      { input: values as CreateApplicationInput, key },
      {
        onSuccess: (a) => {
          saved(
            t('applications.form.saved', {
              serialNo: a.serialNo,
              dueOn: formatDate(a.dueOn, locale),
            }),
          );
          onCreated(a);
        },
        onError: (e) => {
          const errs = serverFieldErrors(e);
          if (errs) form.setErrors(errs);
        },
      },
    ),
  );
  const [from] = useDebouncedValue(form.values.receivedOn, 200);
  const preview = useQuery({
    ...applicationQueries.due(from),
    enabled: isIsoDate(from) && from <= today && from >= '2008-05-01',
  });
  const failed = create.error && !serverFieldErrors(create.error) ? create.error : null;
  const failure = failed ? errorMessage(failed) : null;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card
          component="form"
          onSubmit={submit}
          noValidate
          aria-label={t('applications.form.title')}
        >
          <Stack gap="sm">
            {failed && <SubmitFailure error={failed} retryHint={t('letters.form.retryHint')} />}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('applications.applicantType')}
                required
                data={[
                  {
                    group: t('applications.applicantGroups.natural'),
                    items: [
                      {
                        value: 'natural_person',
                        label: t('applications.applicantTypes.natural_person'),
                      },
                    ],
                  },
                  {
                    group: t('applications.applicantGroups.legal'),
                    items: APPLICANT_TYPES.filter((a) => a !== 'natural_person').map((a) => ({
                      value: a,
                      label: t(`applications.applicantTypes.${a}`),
                    })),
                  },
                ]}
                {...form.getInputProps('applicantType')}
              />
              <TextInput
                label={t('applications.applicantName')}
                required
                maxLength={100}
                {...form.getInputProps('applicantName')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('applications.contact')}
                required
                maxLength={100}
                {...form.getInputProps('contact')}
              />
              <Select
                label={t('applications.channel')}
                required
                data={APPLICATION_CHANNELS.map((c) => ({
                  value: c,
                  label: t(`applications.channels.${c}`),
                }))}
                {...form.getInputProps('channel')}
              />
              <DateField
                label={t('applications.receivedOn')}
                required
                maxDate={today}
                {...form.getInputProps('receivedOn')}
                value={form.values.receivedOn || null}
                onChange={(d) => form.setFieldValue('receivedOn', d ?? '')}
              />
            </SimpleGrid>
            <Alert variant="light" color="gray" p="xs" fz="xs">
              {t('applications.receivedOnHint')}
            </Alert>
            <Textarea
              label={t('applications.description')}
              required
              autosize
              minRows={4}
              maxLength={2000}
              {...form.getInputProps('description')}
            />
            <Group justify="space-between">
              <Button
                variant="subtle"
                color="gray"
                onClick={() => {
                  discard();
                  create.reset();
                }}
              >
                {t('applications.form.discard')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {failure ? t('app.retry') : t('applications.register')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card aria-live="polite" data-testid="due-preview-card">
          <Text fw={600} mb="xs">
            {t('applications.records.due.title')}
          </Text>
          {preview.isError ? (
            <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
          ) : preview.data && preview.data.receivedOn === form.values.receivedOn ? (
            <Stack gap="xs">
              <Group gap="xs">
                <Text size="xl" fw={700} data-testid="due-preview">
                  {formatDate(preview.data.dueOn, locale)}
                </Text>
                <ProvisionalBadge provisional={preview.data.calendarProvisional} />
              </Group>
              <Text size="xs" c="dimmed">
                {t('applications.records.due.hint')}
              </Text>
              {preview.data.calendarProvisional && (
                <Text size="xs" c="dimmed">
                  {t('calendar.provisionalHint')}
                </Text>
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {preview.isFetching ? t('app.loading') : t('applications.records.due.pick')}
            </Text>
          )}
        </Card>
      </Grid.Col>
    </Grid>
  );
}
