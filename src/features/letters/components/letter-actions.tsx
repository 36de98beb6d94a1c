import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ChangedMeanwhile } from '@/components/changed-meanwhile';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { clearDraft, readDraft, writeDraft } from '@/lib/draft';
import { errorMessage } from '@/lib/errors';
import { chinaToday, formatDate } from '@/lib/format';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionName } from '@/lib/sections';
import { useUser } from '@/lib/session';
import type { User } from '@/types/api';
import { letterQueries, useLetterAction } from '../api';
import { LETTER_ACTIONS, mayAct, pastDeadline, type LetterAction } from '../rules';
import { letterActionSchemas, type Letter } from '../types';
import { letterActionToast } from '../toasts';
import { ActionFields, type Values } from './letter-action-fields';

const COLORS: Record<LetterAction, string> = {
  assign: 'blue',
  extend: 'cyan',
  'request-extension': 'cyan',
  'approve-extension': 'cyan',
  'refuse-extension': 'gray',
  reply: 'teal',
  return: 'orange',
  close: 'green',
  reopen: 'orange',
  supervise: 'grape',
};

/** The action buttons a user may press on this letter now, each opening its own modal. */
export function LetterActions({ letter }: { letter: Letter }) {
  const { t, locale } = useI18n();
  const user = useUser();
  const [open, setOpen] = useState<LetterAction | null>(null);
  const today = chinaToday();
  const allowed = LETTER_ACTIONS.filter((a) => mayAct(user, letter, a, today));
  const passed =
    letter.status === 'assigned' && !letter.extension && pastDeadline(today, letter.dueOn);
  if (allowed.length === 0 && !passed) return null;
  return (
    <>
      {passed && user.role !== 'leader' && (
        <Text size="sm" c="dimmed" mb="xs" data-testid="extension-closed">
          {t('letters.records.pastDeadline', { date: formatDate(letter.dueOn, locale) })}
        </Text>
      )}
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
        <ActionModal
          key={open}
          letter={letter}
          action={open}
          onClose={() => setOpen(null)}
          onSwitch={(a) => setOpen(mayAct(user, letter, a, today) ? a : null)}
        />
      )}
    </>
  );
}

const initialValues = (action: LetterAction, letter: Letter, user: User): Values => {
  const today = chinaToday();
  switch (action) {
    case 'assign':
      return { sectionId: letter.sectionId ?? '', note: '' };
    case 'extend':
    case 'request-extension':
      return { days: 5, reason: '' };
    case 'approve-extension':
      return {};
    case 'reply':
      return { content: '', method: '', repliedOn: today };
    case 'close':
      // Nothing about the citizen's answer is pre-selected: it is what the follow-up found.
      return {
        followUpMethod: '',
        followUpOn: today,
        followUpBy: user.name,
        reached: '',
        satisfaction: '',
        closeReason: '',
      };
    case 'refuse-extension':
    case 'return':
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
  onSwitch,
}: {
  letter: Letter;
  action: LetterAction;
  onClose: () => void;
  onSwitch: (action: LetterAction) => void;
}) {
  const { t, tx, locale } = useI18n();
  const sectionName = useSectionName();
  const user = useUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const draftKey = `letter.${letter.id}.${action}.${user.id}`;
  const mutation = useLetterAction(letter.id, action);
  const limits = useQuery(letterQueries.timeLimits());
  const [base, setBase] = useState<Letter>(letter);
  const [conflict, setConflict] = useState<{ current: Letter; changed: string[] } | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: readDraft<Values>(draftKey) ?? initialValues(action, letter, user),
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
        onSuccess: (updated) => {
          clearDraft(draftKey);
          if (action === 'return') {
            // No longer the section's to see: back to its list (the page is not read again).
            void navigate(paths.letters, { replace: true });
          }
          notifications.show({
            color: 'green',
            title: t('letters.actions.done', { action: title }),
            message: letterActionToast(action, updated, tx, locale, sectionName),
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
  const fieldErrors = serverFieldErrors(mutation.error);
  const failure = mutation.error && !conflict && !fieldErrors ? errorMessage(mutation.error) : null;
  return (
    <Modal opened onClose={onClose} title={`${title} · ${letter.serialNo}`} size="lg">
      <form onSubmit={form.onSubmit((v) => submit(v))} noValidate>
        <Stack>
          <ChangedMeanwhile show={!conflict && letter.version > base.version} />
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
                  {t('letters.section')}: {sectionName(conflict.current.sectionId)} ·{' '}
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
          {fieldErrors?.dueOn && (
            <Alert color="red" role="alert">
              {fieldErrors.dueOn}
            </Alert>
          )}
          <ActionFields
            action={action}
            letter={letter}
            form={form}
            today={chinaToday()}
            maxExtensionDays={limits.data?.maxExtensionDays}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            {action === 'close' && form.values.satisfaction === 'unsatisfied' && (
              <Button variant="light" color="orange" onClick={() => onSwitch('reopen')}>
                {t('letters.records.reopenInstead')}
              </Button>
            )}
            <Button type="submit" loading={mutation.isPending} disabled={Boolean(conflict)}>
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Empty optional strings are left out; numbers stay numbers; 联系上/联系不上 as a boolean. */
function clean(values: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === '' && OPTIONAL.has(k)) continue;
    out[k] = v;
  }
  if ('reached' in values)
    out.reached = values.reached === 'yes' ? true : values.reached === 'no' ? false : undefined;
  if (out.reached !== true) delete out.satisfaction;
  if (out.satisfaction !== 'unsatisfied') delete out.closeReason;
  return out;
}
const OPTIONAL = new Set(['note', 'satisfaction', 'closeReason', 'method', 'followUpMethod']);

const FIELD_LABELS: Record<string, string> = {
  status: 'letters.status',
  sectionId: 'letters.section',
  dueOn: 'letters.dueOn',
  reply: 'letters.detail.reply',
  extension: 'letters.extended',
  supervised: 'letters.supervised',
  satisfaction: 'letters.satisfaction',
  extensionRequest: 'letters.records.pendingRequest',
  followUp: 'letters.records.followUp',
  returned: 'letters.records.returnedFlag',
};

export function changedFields(a: Letter, b: Letter): string[] {
  return Object.keys(FIELD_LABELS).filter(
    (k) => JSON.stringify(a[k as keyof Letter]) !== JSON.stringify(b[k as keyof Letter]),
  );
}
