import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DateField } from '@/components/date-field';
import { Field } from '@/components/field';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors } from '@/lib/form';
import { chinaToday, formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSession } from '@/lib/session';
import { useUpdateLetter } from '../api';
import { platformDateErrors } from '../rules';
import type { Letter } from '../types';

interface Values {
  platformRef: string;
  platformAssignedOn: string;
  platformFeedbackOn: string;
}

/**
 * 市长信箱转办: the platform's reference (平台编号), the day it assigned the letter (平台交办日期)
 * and the day the result went back to it (反馈平台日期), completed later by the office.
 */
export function PlatformCard({ letter }: { letter: Letter }) {
  const { t, locale } = useI18n();
  const { hasRole } = useSession();
  const [editing, setEditing] = useState(false);
  if (letter.source !== 'mayor_mailbox') return null;
  const missing = (
    <Text span c="dimmed" size="sm">
      {t('letters.cases.platform.missing')}
    </Text>
  );
  return (
    <Card data-testid="platform-card">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('letters.cases.platform.title')}
        </Title>
        {hasRole('admin', 'clerk') && !editing && (
          <Button size="compact-sm" variant="light" onClick={() => setEditing(true)}>
            {t('letters.cases.platform.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <PlatformForm letter={letter} onDone={() => setEditing(false)} />
      ) : (
        <Stack gap="xs">
          <Field label={t('letters.cases.platform.ref')}>{letter.platformRef || missing}</Field>
          <Field label={t('letters.cases.platform.assignedOn')}>
            {letter.platformAssignedOn ? formatDate(letter.platformAssignedOn, locale) : missing}
          </Field>
          <Field label={t('letters.cases.platform.feedbackOn')}>
            {letter.platformFeedbackOn ? (
              formatDate(letter.platformFeedbackOn, locale)
            ) : (
              <Text span c="orange.8" size="sm">
                {t('letters.cases.platform.notFedBack')}
              </Text>
            )}
          </Field>
        </Stack>
      )}
    </Card>
  );
}

function PlatformForm({ letter, onDone }: { letter: Letter; onDone: () => void }) {
  const { t, tx } = useI18n();
  const today = chinaToday();
  const update = useUpdateLetter(letter.id);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      platformRef: letter.platformRef ?? '',
      platformAssignedOn: letter.platformAssignedOn ?? '',
      platformFeedbackOn: letter.platformFeedbackOn ?? '',
    },
    validate: (v) => {
      const out: Record<string, string> = {};
      if (v.platformRef.trim().length > 40) out.platformRef = t('validation.max40');
      for (const [k, e] of Object.entries(
        platformDateErrors({ receivedOn: letter.receivedOn, ...v }, today),
      ))
        out[k] = tx(e.key, e.params);
      return out;
    },
  });
  const [failure, setFailure] = useState<string | null>(null);
  const submit = form.onSubmit((v) => {
    setFailure(null);
    update.mutate(
      {
        patch: {
          platformRef: v.platformRef.trim() || null,
          platformAssignedOn: v.platformAssignedOn || null,
          platformFeedbackOn: v.platformFeedbackOn || null,
        },
        version: letter.version,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('letters.cases.platform.saved', { serialNo: letter.serialNo }),
          });
          onDone();
        },
        onError: (e) => {
          const errs = serverFieldErrors(e);
          if (errs) form.setErrors(errs);
          else {
            const m = errorMessage(e);
            setFailure(t(m.key, m.params));
          }
        },
      },
    );
  });
  const date = (field: 'platformAssignedOn' | 'platformFeedbackOn', label: string) => (
    <DateField
      label={label}
      maxDate={today}
      minDate="2000-01-01"
      clearable
      {...form.getInputProps(field)}
      value={form.values[field] || null}
      onChange={(d) => form.setFieldValue(field, d ?? '')}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('letters.cases.platform.edit')}>
      <Stack gap="xs">
        {failure && (
          <Alert color="red" variant="light" p="xs" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          label={t('letters.cases.platform.ref')}
          maxLength={40}
          {...form.getInputProps('platformRef')}
        />
        {date('platformAssignedOn', t('letters.cases.platform.assignedOn'))}
        {date('platformFeedbackOn', t('letters.cases.platform.feedbackOn'))}
        <Text size="xs" c="dimmed">
          {t('letters.cases.platform.feedbackHint')}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={update.isPending}>
            {t('letters.cases.platform.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
