import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { useRecordActionForm, type FormValues, type RecordActionForm } from '@/lib/action-form';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionName } from '@/lib/sections';
import { useUser } from '@/lib/session';
import { applicationQueries, useApplicationAction } from '../../api';
import { applicationActionToast } from '../../toasts';
import { applicationActionSchemas, type Application, type ApplicationAction } from '../../types';

export { dateInput, omitBlank } from '@/lib/action-form';

/** What an action's request body may hold (the schema's input). */
export type ActionBody<A extends ApplicationAction> = z.input<(typeof applicationActionSchemas)[A]>;
/** The form of an action: every field of its body present, '' while left blank. */
export type ActionValues<A extends ApplicationAction> = FormValues<ActionBody<A>>;

export interface ActionFormProps {
  app: Application;
  onClose: () => void;
}

/** One application action's form (`useRecordActionForm`): its schema, draft, toast and 409. */
export function useActionForm<A extends ApplicationAction>(
  { app, onClose }: ActionFormProps,
  action: A,
  initialValues: ActionValues<A>,
) {
  const { t, tx, locale } = useI18n();
  const sectionName = useSectionName();
  const user = useUser();
  const ctl = useRecordActionForm({
    record: app,
    schema: applicationActionSchemas[action],
    draftKey: `application.${app.id}.${action}.${user.id}`,
    initialValues,
    mutation: useApplicationAction(app.id, action),
    detailKey: applicationQueries.detail(app.id).queryKey,
    onDone: (updated) => {
      // What happened to which application (applicationActionToast).
      notifications.show({
        color: 'green',
        title: t('applications.actions.done', { action: t(`applications.actions.${action}`) }),
        message: applicationActionToast(action, updated, tx, locale, sectionName),
      });
      onClose();
    },
  });
  return { ...ctl, action };
}
/** What the dialog reads of any action's form. */
export type ActionFormControl = Omit<RecordActionForm<Application, object>, 'form'> & {
  action: ApplicationAction;
};
