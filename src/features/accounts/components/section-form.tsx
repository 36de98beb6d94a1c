import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { VersionConflictAlert, useVersionBase } from '@/components/version-conflict';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import type { Section } from '@/types/api';
import { useSaveSection } from '../api';
import { sectionCreateSchema } from '../types';

/** 新增科室 / 修改名称: the Chinese name (required) and the English one shown in English. */
export function SectionFormModal({
  section,
  onClose,
}: {
  section: Section | null;
  onClose: () => void;
}) {
  const { t, tx } = useI18n();
  const save = useSaveSection();
  const base = useVersionBase({
    name: section?.name ?? '',
    nameEn: section?.nameEn ?? '',
    version: section?.version ?? 0,
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: section?.name ?? '', nameEn: section?.nameEn ?? '' },
    validate: zodValidate(sectionCreateSchema, tx),
  });
  const failure =
    save.error && !serverFieldErrors(save.error) && !base.theirs ? errorMessage(save.error) : null;
  const submit = form.onSubmit((v) =>
    save.mutate(
      { ...(section ? { id: section.id, version: base.version } : {}), input: v },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t(section ? 'accounts.sections.saved' : 'accounts.sections.created', {
              name: saved.name,
            }),
          });
          onClose();
        },
        onError: (e) => {
          if (base.conflict(e)) return;
          const errs = serverFieldErrors(e);
          if (errs) form.setErrors(errs);
        },
      },
    ),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        section
          ? t('accounts.sections.editTitle', { name: section.name })
          : t('accounts.sections.createTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <VersionConflictAlert
            theirs={base.theirs}
            onLoad={(theirs) => {
              form.setValues({ name: theirs.name, nameEn: theirs.nameEn });
              base.dismiss();
            }}
          />
          {failure && (
            <Alert color="red" role="alert">
              {t(failure.key, failure.params)}
            </Alert>
          )}
          <TextInput label={t('accounts.sections.name')} required {...form.getInputProps('name')} />
          <TextInput
            label={t('accounts.sections.nameEn')}
            description={t('accounts.sections.nameEnHint')}
            {...form.getInputProps('nameEn')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {section ? t('app.save') : t('accounts.sections.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
