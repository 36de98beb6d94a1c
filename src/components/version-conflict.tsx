import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';

/**
 * A versioned record edited in a form (a setting, a calendar year): the version the edit is based
 * on, and what another user saved meanwhile. On a 409 the form keeps what this user typed; a save
 * after it is based on the other's version (the user has seen the conflict), or the user loads
 * the other's values instead.
 */
export function useVersionBase<T extends { version: number }>(initial: T) {
  const { t } = useI18n();
  const [version, setVersion] = useState(initial.version);
  const [theirs, setTheirs] = useState<T | null>(null);
  const base = {
    version,
    theirs,
    /** True (and the conflict kept) when `e` is a version conflict. */
    conflict(e: unknown): boolean {
      const current = e instanceof ApiError && e.isVersionConflict ? e.current<T>() : undefined;
      if (!current) return false;
      setVersion(current.version);
      setTheirs(current);
      return true;
    },
    saved(next: T) {
      setVersion(next.version);
      setTheirs(null);
    },
    dismiss: () => setTheirs(null),
    /**
     * A settings form's save callbacks: the new version and "saved"; or the conflict kept; or the
     * field errors next to the fields (`setErrors`), or a toast for any other failure.
     */
    callbacks: (setErrors: (errs: Record<string, string>) => void) => ({
      onSuccess: (saved: T) => {
        base.saved(saved);
        notifications.show({ color: 'green', message: t('settings.saved') });
      },
      onError: (e: unknown) => {
        if (base.conflict(e)) return;
        const errs = serverFieldErrors(e);
        if (errs) setErrors(errs);
        else
          notifications.show({
            color: 'red',
            message: t(errorMessage(e).key, errorMessage(e).params),
          });
      },
    }),
  };
  return base;
}

/**
 * A form over a versioned record that can change on the server meanwhile (another admin's save,
 * heard through the live updates): a newer record is taken by a form the user has not touched
 * (its values and its version); a form being edited keeps every value typed, and its save meets
 * the 409 that shows the other's values and lets the user save again.
 */
export function useFollowRecord<T extends { version: number }, V>(
  form: UseFormReturnType<V>,
  record: T,
  valuesOf: (record: T) => V,
  base: ReturnType<typeof useVersionBase<T>>,
) {
  const shown = useRef(record);
  useEffect(() => {
    if (shown.current === record) return;
    const edited = JSON.stringify(form.getValues()) !== JSON.stringify(valuesOf(shown.current));
    shown.current = record;
    form.setInitialValues(valuesOf(record));
    if (!edited) {
      form.setValues(valuesOf(record));
      base.saved(record);
    }
  }, [record]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** "Someone else saved this meanwhile": save again to apply yours, or load theirs. */
export function VersionConflictAlert<T>({
  theirs,
  onLoad,
}: {
  theirs: T | null;
  onLoad: (theirs: T) => void;
}) {
  const { t } = useI18n();
  if (!theirs) return null;
  return (
    <Alert color="orange" role="alert" title={t('app.versionConflict.title')}>
      <Text size="sm">{t('app.versionConflict.text')}</Text>
      <Group mt="xs">
        <Button size="xs" variant="light" onClick={() => onLoad(theirs)}>
          {t('app.versionConflict.load')}
        </Button>
      </Group>
    </Alert>
  );
}
