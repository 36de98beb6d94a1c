import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DateField } from '@/components/date-field';
import { api, ApiError } from '@/lib/api-client';
import { clearDraft, readDraft, writeDraft } from '@/lib/draft';
import { OUTCOME_REASONS } from '@/lib/disclosure-template';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { chinaToday, formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import type { WorkdaysResult } from '@/types/calendar';
import { applicationQueries, useApplicationAction } from '../api';
import { availableActions } from '../rules';
import { applicationActionSchemas, type Application, type ApplicationAction } from '../types';
import { FeeCalculator } from './fee-calculator';
import { OutcomeSelect } from './outcome-select';
import { useSectionOptions } from '@/lib/sections';

export function ApplicationActions({ app }: { app: Application }) {
  const { t } = useI18n();
  const user = useUser();
  const [open, setOpen] = useState<ApplicationAction | null>(null);
  const actions = availableActions(app, user.role);
  if (actions.length === 0) return null;
  return (
    <>
      <Group gap="xs">
        {actions.map((a) => (
          <Button
            key={a}
            variant={a === 'decide' ? 'filled' : 'light'}
            color={a === 'decide' ? 'teal' : 'blue'}
            onClick={() => setOpen(a)}
          >
            {t(`applications.actions.${a}`)}
          </Button>
        ))}
      </Group>
      {open && <ActionModal key={open} app={app} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}

type Values = Record<string, unknown>;

function initial(action: ApplicationAction, today: string): Values {
  switch (action) {
    case 'assign':
      return { sectionId: '' };
    case 'request-correction':
      return { note: '', requestedOn: today, correctionDueOn: '' };
    case 'correction-received':
      return { receivedOn: today };
    case 'consult-third-party':
      return { sentOn: today, receivedOn: '', party: 'third_party', name: '' };
    case 'third-party-replied':
    case 'fee-paid':
      return { on: today };
    case 'extend':
      return { reason: '', approvedBy: '' };
    case 'fee-notice':
      return { sentOn: today, receivedOn: '', method: 'per_page', count: 31 };
    case 'decide':
      return { outcome: '', reason: '', decidedOn: today };
  }
}

function ActionModal({
  app,
  action,
  onClose,
}: {
  app: Application;
  action: ApplicationAction;
  onClose: () => void;
}) {
  const { t, tx, locale } = useI18n();
  const sectionOptions = useSectionOptions();
  const today = chinaToday();
  const user = useUser();
  const draftKey = `application.${app.id}.${action}.${user.id}`;
  const mutation = useApplicationAction(app.id, action);
  const window7 = useQuery({
    queryKey: ['calendar', 'workdays', app.receivedOn, 7],
    queryFn: () =>
      api.get<WorkdaysResult>('/calendar/workdays', { from: app.receivedOn, count: 7 }),
    enabled: action === 'request-correction',
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { ...initial(action, today), ...readDraft<Values>(draftKey) },
    validate: (v) => zodValidate(applicationActionSchemas[action], tx)(clean(v)),
    onValuesChange: (v) => writeDraft(draftKey, v),
  });
  const v = form.values;
  // The fee the server will record, quoted as the counts change (same prior, same function).
  const [quoteCount] = useDebouncedValue(Number(v.count), 300);
  const quote = useQuery({
    ...applicationQueries.feeQuote(app.id, v.method as 'per_item' | 'per_page', quoteCount),
    enabled: action === 'fee-notice' && Number.isInteger(quoteCount) && quoteCount >= 1,
  });
  const fields = Object.keys(initial(action, today));
  const submit = form.onSubmit((values) =>
    mutation.mutate(
      { body: clean(values), version: app.version },
      {
        onSuccess: () => {
          clearDraft(draftKey);
          notifications.show({
            color: 'green',
            message: t('applications.actions.done', {
              action: t(`applications.actions.${action}`),
            }),
          });
          onClose();
        },
        onError: (e) => {
          const errs = serverFieldErrors(e);
          if (errs) form.setErrors(errs);
        },
      },
    ),
  );
  const failure = mutation.error && !serverFieldErrors(mutation.error) ? mutation.error : null;
  // A rule about the case rather than a field of this form (e.g. the deadline has passed).
  const caseErrors = Object.entries(serverFieldErrors(mutation.error) ?? {})
    .filter(([k]) => !fields.includes(k))
    .map(([, m]) => m);
  const date = (
    field: string,
    label: string,
    description?: string,
    opts: { required?: boolean; future?: boolean; min?: string } = {},
  ) => (
    <DateField
      label={label}
      description={description}
      required={opts.required ?? true}
      clearable={opts.required === false}
      minDate={opts.min || undefined}
      maxDate={opts.future ? undefined : today}
      {...form.getInputProps(field)}
      value={(v[field] as string) || null}
      onChange={(d) => form.setFieldValue(field, d ?? '')}
    />
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={`${t(`applications.actions.${action}`)} · ${app.serialNo}`}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {caseErrors.map((m) => (
            <Alert key={m} color="red" role="alert" data-testid="case-error">
              {m}
            </Alert>
          ))}
          {failure && (
            <Alert color="red" role="alert">
              {failure instanceof ApiError && failure.isVersionConflict
                ? t('applications.actions.conflict')
                : t(errorMessage(failure).key, errorMessage(failure).params)}
            </Alert>
          )}
          {action === 'assign' && (
            <Select
              label={t('applications.section')}
              required
              data={sectionOptions}
              {...form.getInputProps('sectionId')}
            />
          )}
          {action === 'request-correction' && (
            <>
              <Textarea
                label={t('applications.actions.note')}
                required
                autosize
                minRows={3}
                {...form.getInputProps('note')}
              />
              {date(
                'requestedOn',
                t('applications.actions.requestedOn'),
                window7.data
                  ? t('applications.actions.correctionHint', {
                      date: formatDate(window7.data.date, locale),
                    })
                  : undefined,
              )}
              {date(
                'correctionDueOn',
                t('applications.actions.correctionDueOn'),
                t('applications.actions.correctionDueOnHint'),
                { future: true, min: String(v.requestedOn || '') },
              )}
            </>
          )}
          {action === 'correction-received' &&
            date('receivedOn', t('applications.actions.correctionReceivedOn'))}
          {action === 'consult-third-party' && (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('applications.actions.party')}
                </Text>
                <SegmentedControl
                  value={String(v.party)}
                  onChange={(p) => form.setFieldValue('party', p)}
                  data={[
                    { value: 'third_party', label: t('applications.parties.third_party') },
                    { value: 'other_agency', label: t('applications.parties.other_agency') },
                  ]}
                />
              </Stack>
              <TextInput
                label={t('applications.actions.partyName')}
                {...form.getInputProps('name')}
              />
              {date('sentOn', t('applications.actions.sentOn'))}
              {date(
                'receivedOn',
                t('applications.actions.partyReceivedOn'),
                t('applications.actions.partyReceivedOnHint'),
                { required: false, min: String(v.sentOn || '') },
              )}
            </>
          )}
          {action === 'third-party-replied' && date('on', t('applications.actions.repliedOn'))}
          {action === 'fee-paid' && date('on', t('applications.actions.paidOn'))}
          {action === 'extend' && (
            <>
              <TextInput
                label={t('applications.actions.approvedBy')}
                required
                {...form.getInputProps('approvedBy')}
              />
              <Textarea
                label={t('applications.actions.reason')}
                required
                autosize
                minRows={2}
                {...form.getInputProps('reason')}
              />
            </>
          )}
          {action === 'fee-notice' && (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('applications.actions.method')}
                </Text>
                <SegmentedControl
                  value={String(v.method)}
                  onChange={(m) => form.setFieldValue('method', m)}
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
              {date('sentOn', t('applications.actions.sentOn'))}
              {date(
                'receivedOn',
                t('applications.actions.noticeReceivedOn'),
                t('applications.actions.noticeReceivedOnHint'),
                { required: false, min: String(v.sentOn || '') },
              )}
              <FeeCalculator
                method={v.method as 'per_item' | 'per_page'}
                quote={quote.data && quote.data.count === Number(v.count) ? quote.data : null}
              />
            </>
          )}
          {action === 'decide' && (
            <>
              <OutcomeSelect
                label={t('applications.outcome')}
                required
                {...form.getInputProps('outcome')}
                onChange={(o) => {
                  form.setFieldValue('outcome', o ?? '');
                  if (o && !String(v.reason).trim())
                    form.setFieldValue('reason', OUTCOME_REASONS[o] ?? '');
                }}
              />
              <Textarea
                label={t('applications.actions.decisionReason')}
                autosize
                minRows={2}
                {...form.getInputProps('reason')}
              />
              {date('decidedOn', t('applications.actions.decidedOn'))}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t(`applications.actions.${action}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function clean(values: Values): Values {
  const out: Values = {};
  for (const [k, val] of Object.entries(values)) {
    // Optional fields left empty are left out (a receipt date then defaults to the sending date).
    if (val === '' && (k === 'name' || k === 'reason' || k === 'receivedOn')) continue;
    out[k] = val;
  }
  return out;
}
