import { Button, Group } from '@mantine/core';
import { useState, type ComponentType } from 'react';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import { availableActions } from '../rules';
import type { Application, ApplicationAction } from '../types';
import { AssignForm } from './actions/assign-form';
import { ConsultForm, ConsultRepliedForm } from './actions/consult-forms';
import { CorrectionReceivedForm, RequestCorrectionForm } from './actions/correction-forms';
import { DecideForm } from './actions/decide-form';
import { ExtendForm } from './actions/extend-form';
import { FeeNoticeForm, FeePaidForm } from './actions/fee-forms';
import type { ActionFormProps } from './actions/use-action-form';

/** One small form per step, each typed from that step's schema. */
const FORMS: Record<ApplicationAction, ComponentType<ActionFormProps>> = {
  assign: AssignForm,
  'request-correction': RequestCorrectionForm,
  'correction-received': CorrectionReceivedForm,
  'consult-third-party': ConsultForm,
  'third-party-replied': ConsultRepliedForm,
  extend: ExtendForm,
  'fee-notice': FeeNoticeForm,
  'fee-paid': FeePaidForm,
  decide: DecideForm,
};

/** The steps the user may take on this application now, each opening its own form. */
export function ApplicationActions({ app }: { app: Application }) {
  const { t } = useI18n();
  const user = useUser();
  const [open, setOpen] = useState<ApplicationAction | null>(null);
  const actions = availableActions(app, user.role);
  const Form = open ? FORMS[open] : null;
  if (actions.length === 0 && !Form) return null;
  return (
    <>
      <Group gap="xs">
        {actions.map((a) => (
          <Button
            key={a}
            variant={a === 'decide' ? 'filled' : 'light'}
            color={a === 'decide' ? 'teal' : 'blue'}
            onClick={() => setOpen(a)}
          >
            {t(`applications.actions.${a}`)}
          </Button>
        ))}
      </Group>
      {Form && <Form key={open} app={app} onClose={() => setOpen(null)} />}
    </>
  );
}
