import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { chinaToday, formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import { LETTER_ACTIONS, mayAct, pastDeadline, type LetterAction } from '../rules';
import type { Letter } from '../types';
import { AssignForm } from './actions/assign-form';
import { CloseForm } from './actions/close-form';
import { ApproveExtensionForm, ExtendForm, RefuseExtensionForm } from './actions/extension-forms';
import { ReasonForm, SuperviseForm } from './actions/reason-forms';
import { ReplyForm } from './actions/reply-form';
import { useActionTitle } from './actions/use-letter-action-form';

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

/** The action buttons a user may press on this letter now, each opening its own form. */
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
          <ActionButton key={a} letter={letter} action={a} onClick={() => setOpen(a)} />
        ))}
      </Group>
      {open && (
        <ActionForm
          key={open}
          letter={letter}
          action={open}
          onClose={() => setOpen(null)}
          onReopen={() => setOpen(mayAct(user, letter, 'reopen', today) ? 'reopen' : null)}
        />
      )}
    </>
  );
}

function ActionButton({
  letter,
  action,
  onClick,
}: {
  letter: Letter;
  action: LetterAction;
  onClick: () => void;
}) {
  return (
    <Button
      color={COLORS[action]}
      variant={action === 'reply' || action === 'close' ? 'filled' : 'light'}
      onClick={onClick}
    >
      {useActionTitle(letter, action)}
    </Button>
  );
}

/** The form of one action (each typed from its schema in ./actions). */
function ActionForm({
  action,
  onReopen,
  ...props
}: {
  letter: Letter;
  action: LetterAction;
  onClose: () => void;
  onReopen: () => void;
}) {
  switch (action) {
    case 'assign':
      return <AssignForm {...props} />;
    case 'extend':
    case 'request-extension':
      return <ExtendForm {...props} action={action} />;
    case 'approve-extension':
      return <ApproveExtensionForm {...props} />;
    case 'refuse-extension':
      return <RefuseExtensionForm {...props} />;
    case 'reply':
      return <ReplyForm {...props} />;
    case 'close':
      return <CloseForm {...props} onReopen={onReopen} />;
    case 'return':
    case 'reopen':
      return <ReasonForm {...props} action={action} />;
    case 'supervise':
      return <SuperviseForm {...props} />;
  }
}
