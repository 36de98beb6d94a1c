import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { clearDraft, readDraft, writeDraft } from '@/lib/draft';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import { letterQueries, useLetterAction } from '../api';
import { LETTER_ACTIONS, mayAct, type LetterAction } from '../rules';
import { letterActionSchemas, SATISFACTION, type Letter } from '../types';
import { useSectionName, useSectionOptions } from '@/lib/sections';

const COLORS: Record<LetterAction, string> = {
  assign: 'blue',
  extend: 'cyan',
  reply: 'teal',
  close: 'green',
  reopen: 'orange',
  supervise: 'grape',
};

/** The action buttons a user may press on this letter now, each opening its own modal. */
export function LetterActions({ letter }: { letter: Letter }) {
  const { t } = useI18n();
  const user = useUser();
  const [open, setOpen] = useState<LetterAction | null>(null);
  const allowed = LETTER_ACTIONS.filter((a) => mayAct(user, letter, a));
  if (allowed.length === 0) return null;
  return (
    <>
      <Group gap="xs">
        {allowed.map((a) => (
          <Button
            key={a}
            color={COLORS[a]}
            variant={a === 'reply' || a === 'close' ? 'filled' : 'light'}
            onClick={() => setOpen(a)}
          >
            {a === 'assign' && letter.sectionId
              ? t('letters.actions.reassign')
              : t(`letters.actions.${a}`)}
          </Button>
        ))}
      </Group>
      {open && (
        <ActionModal key={open} letter={letter} action={open} onClose={() => setOpen(null)} />
      )}
    </>
  );
}

type Values = Record<string, unknown>;

const initialValues = (action: LetterAction, letter: Letter): Values => {
  switch (action) {
    case 'assign':
      return { sectionId: letter.sectionId ?? '', note: '' };
    case 'extend':
      return { days: 5, reason: '' };
    case 'reply':
      return { content: '' };
    case 'close':
      return { satisfaction: 'satisfied' };
    case 'reopen':
      return { reason: '' };
    case 'supervise':
      return { note: '' };
  }
};

function ActionModal({
  letter,
  action,
  onClose,
}: {
  letter: Letter;
  action: LetterAction;
  onClose: () => void;
}) {
  const { t, tx } = useI18n();
  const sectionOptions = useSectionOptions();
  const sectionName = useSectionName();
  const user = useUser();
  const qc = useQueryClient();
  const draftKey = `letter.${letter.id}.${action}.${user.id}`;
  const mutation = useLetterAction(letter.id, action);
  const limits = useQuery(letterQueries.timeLimits());
  const [base, setBase] = useState<Letter>(letter);
  const [conflict, setConflict] = useState<{ current: Letter; changed: string[] } | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: readDraft<Values>(draftKey) ?? initialValues(action, letter),
    validate: (values) => {
      const errs = zodValidate(letterActionSchemas[action], tx)(clean(values));
      const max = limits.data?.maxExtensionDays;
      if (action === 'extend' && max && Number(values.days) > max)
        errs.days = t('letters.actions.daysHint', { max });
      return errs;
    },
    onValuesChange: (v) => writeDraft(draftKey, v),
  });

  const submit = (values: Values, version = base.version) =>
    mutation.mutate(
      { body: clean(values), version },
      {
        onSuccess: () => {
          clearDraft(draftKey);
          notifications.show({
            color: 'green',
            message: t('letters.actions.done', { action: t(`letters.actions.${action}`) }),
          });
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.isVersionConflict) {
            const current = e.current<Letter>();
            if (current) {
              setConflict({ current, changed: changedFields(base, current) });
              // The page behind the dialog shows the current record too, even if the user cancels.
              qc.setQueryData(letterQueries.detail(letter.id).queryKey, current);
            }
            return;
          }
          const errs = serverFieldErrors(e);
          if (errs) form.setErrors(errs);
        },
      },
    );

  const title =
    action === 'assign' && letter.sectionId
      ? t('letters.actions.reassign')
      : t(`letters.actions.${action}`);
  const failure =
    mutation.error && !conflict && !serverFieldErrors(mutation.error)
      ? errorMessage(mutation.error)
      : null;
  return (
    <Modal opened onClose={onClose} title={`${title} · ${letter.serialNo}`} size="lg">
      <form onSubmit={form.onSubmit((v) => submit(v))} noValidate>
        <Stack>
          {conflict && (
            <Alert color="orange" title={t('letters.actions.conflictTitle')} role="alert">
              <Stack gap="xs">
                <Text size="sm">{t('letters.actions.conflictText')}</Text>
                <Text size="sm" fw={600}>
                  {t('letters.actions.changed', {
                    fields:
                      conflict.changed
                        .map((f) => (f in FIELD_LABELS ? tx(FIELD_LABELS[f]!) : f))
                        .join('、') || '—',
                  })}
                </Text>
                <Text size="sm">
                  {t('letters.status')}: {t(`letters.statuses.${conflict.current.status}`)} ·{' '}
                  {t('letters.section')}:{' '}
                  {sectionName(conflict.current.sectionId)} ·{' '}
                  {t('letters.dueOn')}: {conflict.current.dueOn}
                </Text>
                <Group>
                  <Button
                    size="xs"
                    color="orange"
                    onClick={() => {
                      setBase(conflict.current);
                      setConflict(null);
                      submit(form.values, conflict.current.version);
                    }}
                  >
                    {t('letters.actions.applyAgain')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {t(failure.key, failure.params)}
            </Alert>
          )}
          {action === 'assign' && (
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
          )}
          {action === 'extend' && (
            <>
              <NumberInput
                label={t('letters.actions.days')}
                description={
                  limits.data
                    ? t('letters.actions.daysHint', { max: limits.data.maxExtensionDays })
                    : undefined
                }
                min={1}
                max={limits.data?.maxExtensionDays}
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
          )}
          {action === 'reply' && (
            <Textarea
              label={t('letters.actions.replyContent')}
              required
              autosize
              minRows={5}
              maxLength={5000}
              {...form.getInputProps('content')}
              data-autofocus
            />
          )}
          {action === 'close' && (
            <Radio.Group
              label={t('letters.actions.satisfaction')}
              {...form.getInputProps('satisfaction')}
            >
              <Group mt="xs">
                {SATISFACTION.map((s) => (
                  <Radio key={s} value={s} label={t(`letters.satisfactions.${s}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
          {action === 'reopen' && (
            <Textarea
              label={t('letters.actions.reopenReason')}
              required
              autosize
              minRows={3}
              {...form.getInputProps('reason')}
              data-autofocus
            />
          )}
          {action === 'supervise' && (
            <Textarea
              label={t('letters.actions.superviseNote')}
              required
              autosize
              minRows={3}
              {...form.getInputProps('note')}
              data-autofocus
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={Boolean(conflict)}>
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Empty optional strings are left out; numbers stay numbers. */
function clean(values: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === '' && (k === 'note' || k === 'satisfaction')) continue;
    out[k] = v;
  }
  return out;
}

const FIELD_LABELS: Record<string, string> = {
  status: 'letters.status',
  sectionId: 'letters.section',
  dueOn: 'letters.dueOn',
  reply: 'letters.detail.reply',
  extension: 'letters.extended',
  supervised: 'letters.supervised',
  satisfaction: 'letters.satisfaction',
};

export function changedFields(a: Letter, b: Letter): string[] {
  return Object.keys(FIELD_LABELS).filter(
    (k) => JSON.stringify(a[k as keyof Letter]) !== JSON.stringify(b[k as keyof Letter]),
  );
}
