import { Alert, Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DateField } from '@/components/date-field';
import { ApiError } from '@/lib/api-client';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { chinaToday, formatDate } from '@/lib/format';
import { isMessageKey } from '@/lib/i18n/core';
import { SubmitFailure } from '@/components/submit-failure';
import { useI18n } from '@/lib/i18n/provider';
import { newIdempotencyKey, useSaveReview } from '../api';
import {
  REVIEW_KINDS,
  REVIEW_RESULTS,
  reviewInputSchema,
  type ReviewCase,
  type ReviewInput,
} from '../types';
import { ApplicationPicker } from './application-picker';
import classes from './report.module.css';

interface Values {
  kind: string;
  filedOn: string;
  result: string;
  concludedOn: string | null;
  applicationId: string | null;
}
const valuesOf = (c: ReviewCase | null, today: string): Values => ({
  kind: c?.kind ?? '',
  filedOn: c?.filedOn ?? today,
  result: c?.result ?? 'pending',
  concludedOn: c?.concludedOn ?? null,
  applicationId: c?.applicationId ?? null,
});

/** Register or change a review/litigation case; messages next to the fields; a 409 shows the current version. */
export function ReviewFormModal({
  record,
  onClose,
}: {
  record: ReviewCase | null;
  onClose: () => void;
}) {
  const { t, tx, locale } = useI18n();
  const today = chinaToday();
  const [base, setBase] = useState(record);
  const [key] = useState(newIdempotencyKey);
  const [conflict, setConflict] = useState(false);
  const save = useSaveReview();
  // The schema's messages for this form live in the report's locale file.
  const txr = (k: string) =>
    isMessageKey(k) ? tx(k) : tx(k.replace(/^validation\./, 'report.validation.'));
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(record, today),
    validate: zodValidate(reviewInputSchema, txr),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit((values) => {
    if (save.isPending) return; // a second click while saving sends nothing
    const input = values as ReviewInput;
    setConflict(false);
    save.mutate(base ? { id: base.id, version: base.version, input } : { key, input }, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: t('report.reviews.saved', {
            kind: t(`report.reviews.kinds.${input.kind}`),
            filedOn: formatDate(input.filedOn, locale),
          }),
        });
        onClose();
      },
      onError: (e) => {
        const errs = serverFieldErrors(e);
        if (errs)
          form.setErrors(Object.fromEntries(Object.entries(errs).map(([k, v]) => [k, txr(v)])));
        if (e instanceof ApiError && e.isVersionConflict) {
          const current = e.current<ReviewCase>();
          if (current) setBase(current);
          setConflict(true);
        }
      },
    });
  });
  const failure = save.error && !serverFieldErrors(save.error) && !conflict ? save.error : null;
  const pending = form.values.result === 'pending';

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(record ? 'report.reviews.editTitle' : 'report.reviews.addTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {conflict && base && (
            <Alert color="orange" role="alert">
              {t('report.reviews.conflict')}
              <br />
              {`${t(`report.reviews.kinds.${base.kind}`)} · ${formatDate(base.filedOn, locale)} · ${t(`report.t4.${base.result}`)}${base.concludedOn ? ` · ${formatDate(base.concludedOn, locale)}` : ''}`}
            </Alert>
          )}
          {failure && (
            <SubmitFailure error={save.error} retryHint={t('report.reviews.retryHint')} />
          )}
          <Select
            label={t('report.reviews.kind')}
            required
            data={REVIEW_KINDS.map((k) => ({ value: k, label: t(`report.reviews.kinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <Group grow align="flex-start">
            <DateField
              label={t('report.reviews.filedOn')}
              required
              maxDate={today}
              {...form.getInputProps('filedOn')}
              value={form.values.filedOn || null}
              onChange={(d) => form.setFieldValue('filedOn', d ?? '')}
            />
            <Select
              label={t('report.reviews.result')}
              required
              data={REVIEW_RESULTS.map((r) => ({ value: r, label: t(`report.t4.${r}`) }))}
              {...form.getInputProps('result')}
              onChange={(v) => {
                form.setFieldValue('result', v ?? '');
                if (v === 'pending') form.setFieldValue('concludedOn', null);
              }}
            />
            <DateField
              label={t('report.reviews.concludedOn')}
              description={t('report.reviews.concludedOnHint')}
              classNames={{ description: classes.muted }}
              required={!pending}
              disabled={pending}
              clearable
              maxDate={today}
              {...form.getInputProps('concludedOn')}
              value={form.values.concludedOn}
              onChange={(d) => form.setFieldValue('concludedOn', d ?? null)}
            />
          </Group>
          <ApplicationPicker
            value={form.values.applicationId}
            onChange={(v) => form.setFieldValue('applicationId', v)}
            error={form.errors.applicationId}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('report.reviews.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
