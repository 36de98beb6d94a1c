import { Select } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionOptions } from '@/lib/sections';
import { ActionDialog } from './action-dialog';
import { useActionForm, type ActionFormProps } from './use-action-form';

/** 交办科室: the section that holds the information. */
export function AssignForm(props: ActionFormProps) {
  const { t } = useI18n();
  const sectionOptions = useSectionOptions();
  const ctl = useActionForm(props, 'assign', { sectionId: '' });
  return (
    <ActionDialog ctl={ctl} onClose={props.onClose}>
      <Select
        label={t('applications.section')}
        required
        data={sectionOptions}
        {...ctl.form.getInputProps('sectionId')}
      />
    </ActionDialog>
  );
}
