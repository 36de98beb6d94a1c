import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { paths } from '@/config/paths';
import { useRecordActionForm, type FormValues, type RecordActionForm } from '@/lib/action-form';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionName } from '@/lib/sections';
import { useUser } from '@/lib/session';
import { letterQueries, useLetterAction } from '../../api';
import type { LetterAction } from '../../rules';
import { letterActionToast } from '../../toasts';
import { letterActionSchemas, type Letter } from '../../types';

/** What an action's request body may hold (the schema's input). */
export type LetterActionBody<A extends LetterAction> = z.input<(typeof letterActionSchemas)[A]>;
/** The form of an action: every field of its body present, '' while left blank. */
export type LetterActionValues<A extends LetterAction> = FormValues<LetterActionBody<A>>;

export interface LetterActionFormProps {
  letter: Letter;
  onClose: () => void;
}

/** The action's name as its button says it (转办 or, once assigned, 改派). */
export function useActionTitle(letter: Letter, action: LetterAction): string {
  const { t } = useI18n();
  return action === 'assign' && letter.sectionId
    ? t('letters.actions.reassign')
    : t(`letters.actions.${action}`);
}

/** One letter action's form (`useRecordActionForm`): its schema, draft, toast and 409. */
export function useLetterActionForm<A extends LetterAction>(
  { letter, onClose }: LetterActionFormProps,
  action: A,
  initialValues: LetterActionValues<A>,
  options: Pick<
    Parameters<typeof useRecordActionForm<Letter, LetterActionValues<A>>>[0],
    'toBody' | 'extraErrors'
  > = {},
) {
  const { t, tx, locale } = useI18n();
  const sectionName = useSectionName();
  const user = useUser();
  const navigate = useNavigate();
  const title = useActionTitle(letter, action);
  const ctl = useRecordActionForm({
    record: letter,
    schema: letterActionSchemas[action],
    draftKey: `letter.${letter.id}.${action}.${user.id}`,
    initialValues,
    mutation: useLetterAction(letter.id, action),
    detailKey: letterQueries.detail(letter.id).queryKey,
    ...options,
    onDone: (updated) => {
      // 退回: no longer the section's to see: back to its list (the page is not read again).
      if (action === 'return') void navigate(paths.letters, { replace: true });
      // What happened to which letter: to whom, until when (letterActionToast).
      notifications.show({
        color: 'green',
        title: t('letters.actions.done', { action: title }),
        message: letterActionToast(action, updated, tx, locale, sectionName),
      });
      onClose();
    },
  });
  return { ...ctl, action, title };
}

/** What the dialog reads of any letter action's form. */
export type LetterActionControl = Omit<RecordActionForm<Letter, object>, 'form'> & {
  action: LetterAction;
  title: string;
};
