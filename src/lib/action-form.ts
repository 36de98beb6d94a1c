/**
 * One record action's form (an application's 延期, a letter's 转办…), whatever the feature: typed
 * from the action's zod schema and validated by it (the parsed values are what is sent), kept as a
 * draft, and sent on the version the user saw. A 409 keeps the input and shows the current record;
 * `applyAgain` sends the same input on it (house style rule 5).
 */
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useQueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from './api-client';
import { clearDraft, readDraft, writeDraft } from './draft';
import { serverFieldErrors, zodValidate } from './form';
import { useI18n } from './i18n/provider';

/** The form of an action whose body is `B`: every field present, '' while left blank. */
export type FormValues<B> = { [K in keyof B]-?: Exclude<B[K], undefined> | '' };

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

interface Versioned {
  id: string;
  version: number;
}

export interface RecordActionFormOptions<R extends Versioned, V extends object> {
  record: R;
  schema: z.ZodType;
  draftKey: string;
  initialValues: V;
  mutation: UseMutationResult<R, Error, { body: object; version: number }>;
  /** The record's detail query: a 409's current record goes there too. */
  detailKey: QueryKey;
  /** The body to validate and send (default: the values less their blank fields). */
  toBody?: (values: V) => object;
  /** Limits from elsewhere than the schema (a setting), as field errors. */
  extraErrors?: (values: V) => Record<string, string>;
  onDone: (saved: R) => void;
}

export function useRecordActionForm<R extends Versioned, V extends object>({
  record,
  schema,
  draftKey,
  initialValues,
  mutation,
  detailKey,
  toBody = omitBlank,
  extraErrors,
  onDone,
}: RecordActionFormOptions<R, V>) {
  const { tx } = useI18n();
  const qc = useQueryClient();
  const [base, setBase] = useState<R>(record);
  const [conflict, setConflict] = useState<R | null>(null);
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: { ...initialValues, ...readDraft<Partial<V>>(draftKey) },
    validate: (v) => ({ ...zodValidate(schema, tx)(toBody(v)), ...extraErrors?.(v) }),
    onValuesChange: (v) => writeDraft(draftKey, v),
  });

  const send = (values: V, version: number) => {
    const parsed = schema.safeParse(toBody(values));
    if (!parsed.success) return;
    mutation.mutate(
      { body: parsed.data as object, version },
      {
        onSuccess: (saved) => {
          clearDraft(draftKey);
          onDone(saved);
        },
        onError: (e) => {
          const current = e instanceof ApiError && e.isVersionConflict && e.current<R>();
          if (current) {
            setConflict(current);
            // The page behind the dialog shows the current record too, even if the user cancels.
            qc.setQueryData(detailKey, current);
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
    /** The record the input was made on (after a conflict: the current one). */
    base,
    conflict,
    /** Someone else saved the record since this form opened (a live update brought it). */
    newer: !conflict && record.version > base.version,
    submit: form.onSubmit((values) => send(values as V, base.version)),
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
export type RecordActionForm<R extends Versioned, V extends object> = ReturnType<
  typeof useRecordActionForm<R, V>
>;
