import { Select, Textarea } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionOptions } from '@/lib/sections';
import { LetterActionDialog } from './letter-action-dialog';
import { useLetterActionForm, type LetterActionFormProps } from './use-letter-action-form';

/** 转办 / 改派: to a section that takes new work, with an optional note. */
export function AssignForm(props: LetterActionFormProps) {
  const { t } = useI18n();
  const sectionOptions = useSectionOptions();
  const ctl = useLetterActionForm(props, 'assign', {
    sectionId: props.letter.sectionId ?? '',
    note: '',
  });
  const { form } = ctl;
  return (
    <LetterActionDialog ctl={ctl} onClose={props.onClose}>
      <Select
        label={t('letters.section')}
        required
        data={sectionOptions}
        {...form.getInputProps('sectionId')}
        data-autofocus
      />
      <Textarea
        label={t('letters.actions.note')}
        autosize
        minRows={2}
        {...form.getInputProps('note')}
      />
    </LetterActionDialog>
  );
}
