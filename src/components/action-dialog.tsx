import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { errorMessage } from '@/lib/errors';
import { useI18n } from '@/lib/i18n/provider';
import { ChangedMeanwhile } from './changed-meanwhile';

/** What the dialog needs of a record action's form (`useRecordActionForm`). */
export interface ActionDialogControl {
  newer: boolean;
  conflict: unknown;
  submit: (event?: FormEvent<HTMLFormElement>) => void;
  caseErrors: string[];
  failure: Error | null;
  mutation: { isPending: boolean };
}

/**
 * The dialog every record action shares: the title, "changed meanwhile", the feature's conflict
 * notice (the current record and "apply again"), the case's errors, a failure, the fields, and
 * the buttons (cancel, `extraButtons`, the action).
 */
export function ActionDialog({
  title,
  label,
  ctl,
  conflictNotice,
  extraButtons,
  onClose,
  children,
}: {
  title: string;
  /** The submit button's text (the action's name). */
  label: string;
  ctl: ActionDialogControl;
  conflictNotice: ReactNode;
  extraButtons?: ReactNode;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const failed = ctl.failure ? errorMessage(ctl.failure) : null;
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={ctl.submit} noValidate>
        <Stack>
          <ChangedMeanwhile show={ctl.newer} />
          {Boolean(ctl.conflict) && conflictNotice}
          {ctl.caseErrors.map((m) => (
            <Alert key={m} color="red" role="alert" data-testid="case-error">
              {m}
            </Alert>
          ))}
          {failed && (
            <Alert color="red" role="alert">
              {t(failed.key, failed.params)}
            </Alert>
          )}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            {extraButtons}
            <Button type="submit" loading={ctl.mutation.isPending} disabled={Boolean(ctl.conflict)}>
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
