/**
 * A create form that survives a reload: its values are kept as a draft (once the user changed
 * something), restored on the next visit with a notice, and sent with one Idempotency-Key per
 * logical create — kept in the draft, so a retry even after a reload yields one record. Used by
 * the letter, application and catalogue forms.
 */
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { newIdempotencyKey } from './api-client';
import { clearDraft, readDraft, writeDraft } from './draft';

type Draft<V, M> = { values: V; key: string } & Partial<M>;

export function useDraftedForm<V extends object, M extends object = object>({
  draftKey,
  initialValues,
  validate,
  restoredMessage,
  done,
  meta,
}: {
  draftKey: string;
  initialValues: V;
  validate: (values: V) => FormErrors;
  /** The notice shown when a draft was restored. */
  restoredMessage: string;
  /** The save succeeded: renders before the navigation away must not write the draft back (it
   * would be restored later with the used key and replay the old create). */
  done: boolean;
  /** Kept with the draft besides the values (an edit: the version it is based on). */
  meta?: M;
}) {
  const restored = useRef(readDraft<Draft<V, M>>(draftKey)).current;
  const [key, setKey] = useState(() => restored?.key ?? newIdempotencyKey());
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: { ...initialValues, ...restored?.values },
    validate,
    validateInputOnBlur: true,
  });
  useEffect(() => {
    // Longer than a save's toast: it is read while the restored form is being taken in (and a
    // slow first render must not use up its time).
    if (restored)
      notifications.show({
        id: 'draft-restored',
        color: 'blue',
        message: restoredMessage,
        autoClose: 10_000,
      });
  }, [restored, restoredMessage]);
  useEffect(() => {
    if (form.isDirty() && !done)
      writeDraft<Draft<V, M>>(draftKey, { values: form.values, key, ...meta } as Draft<V, M>);
  }, [form, form.values, draftKey, key, done, meta]);

  return {
    form,
    /** The Idempotency-Key of this create. */
    key,
    /** The draft this form started from, if any (with its meta). */
    restored,
    /** Saved: the draft goes, and the user is told `message`. */
    saved: (message: string) => {
      clearDraft(draftKey);
      notifications.show({ color: 'green', message });
    },
    /** Start over: the draft goes, the form empties, and a new create gets a new key. */
    discard: (values: V = initialValues) => {
      clearDraft(draftKey);
      form.setValues(values);
      form.resetDirty(values);
      setKey(newIdempotencyKey());
    },
  };
}
