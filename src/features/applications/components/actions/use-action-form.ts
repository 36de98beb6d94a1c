import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '@/lib/api-client';
import { clearDraft, readDraft, writeDraft } from '@/lib/draft';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionName } from '@/lib/sections';
import { useUser } from '@/lib/session';
import { applicationQueries, useApplicationAction } from '../../api';
import { applicationActionToast } from '../../toasts';
import { applicationActionSchemas, type Application, type ApplicationAction } from '../../types';

/** What an action's request body may hold (the schema's input). */
export type ActionBody<A extends ApplicationAction> = z.input<(typeof applicationActionSchemas)[A]>;
/** The form of an action: every field of its body present, '' while left blank. */
export type ActionValues<A extends ApplicationAction> = {
  [K in keyof ActionBody<A>]-?: Exclude<ActionBody<A>[K], undefined> | '';
};

/** Blank fields are left out, so optional ones take their defaults and required ones say so. */
export function omitBlank(values: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== null));
}

/** The props of a DateField bound to a form field holding YYYY-MM-DD or ''. */
export function dateInput<V extends object>(form: UseFormReturnType<V>, field: keyof V & string) {
  const value = form.values[field];
  return {
    ...form.getInputProps(field),
    value: typeof value === 'string' && value ? value : null,
    onChange: (d: string | null) => form.setFieldValue(field, (d ?? '') as never),
  };
}

export interface ActionFormProps {
  app: Application;
  onClose: () => void;
}

/**
 * One action's form: typed from its zod schema, validated by it (the validated, parsed values are
 * what is sent), kept as a draft, and sent on the version the user saw. A 409 keeps the input and
 * shows the current record; `applyAgain` sends the same input on it.
 */
export function useActionForm<A extends ApplicationAction>(
  { app, onClose }: ActionFormProps,
  action: A,
  initialValues: ActionValues<A>,
) {
  const { t, tx, locale } = useI18n();
  const sectionName = useSectionName();
  const user = useUser();
  const qc = useQueryClient();
  const schema: z.ZodType = applicationActionSchemas[action];
  const draftKey = `application.${app.id}.${action}.${user.id}`;
  const mutation = useApplicationAction(app.id, action);
  const [base, setBase] = useState<Application>(app);
  const [conflict, setConflict] = useState<Application | null>(null);
  const form = useForm<ActionValues<A>>({
    mode: 'controlled',
    initialValues: { ...initialValues, ...readDraft<Partial<ActionValues<A>>>(draftKey) },
    validate: (v) => zodValidate(schema, tx)(omitBlank(v)),
    onValuesChange: (v) => writeDraft(draftKey, v),
  });

  const send = (values: ActionValues<A>, version: number) => {
    const parsed = schema.safeParse(omitBlank(values));
    if (!parsed.success) return;
    mutation.mutate(
      { body: parsed.data as object, version },
      {
        onSuccess: (updated) => {
          clearDraft(draftKey);
          notifications.show({
            color: 'green',
            title: t('applications.actions.done', {
              action: t(`applications.actions.${action}`),
            }),
            message: applicationActionToast(action, updated, tx, locale, sectionName),
          });
          onClose();
        },
        onError: (e) => {
          const current = e instanceof ApiError && e.isVersionConflict && e.current<Application>();
          if (current) {
            setConflict(current);
            // The page behind the dialog shows the current record too, even if the user cancels.
            qc.setQueryData(applicationQueries.detail(app.id).queryKey, current);
            return;
          }
          const errs = serverFieldErrors(e);
          if (errs) form.setErrors(errs);
        },
      },
    );
  };

  const fields = Object.keys(initialValues);
  const fieldErrors = serverFieldErrors(mutation.error);
  return {
    form,
    mutation,
    action,
    /** The record the input was made on (after a conflict: the current one). */
    base,
    conflict,
    /** Someone else saved the record since this form opened (a live update brought it). */
    newer: !conflict && app.version > base.version,
    submit: form.onSubmit((values) => send(values as ActionValues<A>, base.version)),
    applyAgain: () => {
      if (!conflict) return;
      setBase(conflict);
      setConflict(null);
      if (!form.validate().hasErrors) send(form.values, conflict.version);
    },
    /** Server rules about the case rather than a field of this form (e.g. the deadline passed). */
    caseErrors: Object.entries(fieldErrors ?? {})
      .filter(([k]) => !fields.includes(k))
      .map(([, m]) => m),
    /** A failure that is neither field errors nor the conflict (shown once, above the fields). */
    failure:
      mutation.error &&
      !fieldErrors &&
      !conflict &&
      !(mutation.error instanceof ApiError && mutation.error.isVersionConflict)
        ? mutation.error
        : null,
  };
}
export type ActionFormControl = ReturnType<typeof useActionForm>;
