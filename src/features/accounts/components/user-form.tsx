import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { VersionConflictAlert, useVersionBase } from '@/components/version-conflict';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors, zodValidate } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionOptions } from '@/lib/sections';
import { roleSchema, type Role, type User } from '@/types/api';
import { useCreateUser, useUpdateUser } from '../api';
import { roleNeedsSection, userCreateSchema, type UserCreated } from '../types';

interface Values {
  username: string;
  name: string;
  role: Role | '';
  sectionId: string | null;
  phone: string;
}

const valuesOf = (u: User | null): Values => ({
  username: u?.username ?? '',
  name: u?.name ?? '',
  role: u?.role ?? '',
  sectionId: u?.sectionId ?? null,
  phone: u?.phone ?? '',
});

/**
 * 新增 / 编辑用户. The section field is there only for a section officer (it is required then) and
 * empty for the other roles, as the backend checks. A new user's one-time password goes to
 * `onCreated`, to be shown once.
 */
export function UserFormModal({
  user,
  onClose,
  onCreated,
}: {
  /** The user to edit, or null to add one. */
  user: User | null;
  onClose: () => void;
  onCreated: (created: UserCreated) => void;
}) {
  const { t, tx } = useI18n();
  const create = useCreateUser();
  const update = useUpdateUser();
  const base = useVersionBase({ ...valuesOf(user), version: user?.version ?? 1 });
  const sectionOptions = useSectionOptions(user?.sectionId);
  const check = zodValidate(userCreateSchema, tx);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(user),
    validate: (v) => {
      const errs = check({ ...v, role: v.role || undefined, phone: v.phone || null });
      // Editing: the username is fixed, so its rule is not the user's to meet.
      if (user) delete errs.username;
      return errs;
    },
  });
  const needsSection = form.values.role !== '' && roleNeedsSection(form.values.role);
  const pending = create.isPending || update.isPending;
  const failure = create.error ?? update.error;
  const generalFailure =
    failure && !serverFieldErrors(failure) && !base.theirs ? errorMessage(failure) : null;

  const submit = form.onSubmit((v) => {
    const fields = {
      name: v.name,
      role: v.role as Role,
      sectionId: needsSection ? v.sectionId : null,
      phone: v.phone || null,
    };
    const onError = (e: unknown) => {
      if (base.conflict(e)) return;
      const errs = serverFieldErrors(e);
      if (errs) form.setErrors(errs);
    };
    if (user)
      update.mutate(
        { id: user.id, input: fields, version: base.version },
        {
          onSuccess: (saved) => {
            notifications.show({
              color: 'green',
              message: t('accounts.users.saved', { name: saved.name }),
            });
            onClose();
          },
          onError,
        },
      );
    else
      create.mutate(
        { ...fields, username: v.username },
        { onSuccess: (created) => onCreated(created), onError },
      );
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        user ? t('accounts.users.editTitle', { name: user.name }) : t('accounts.users.createTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <VersionConflictAlert
            theirs={base.theirs}
            onLoad={(theirs) => {
              form.setValues(valuesOf(theirs as unknown as User));
              base.dismiss();
            }}
          />
          {generalFailure && (
            <Alert color="red" role="alert">
              {t(generalFailure.key, generalFailure.params)}
            </Alert>
          )}
          <TextInput
            label={t('accounts.users.username')}
            description={user ? undefined : t('accounts.users.usernameHint')}
            required={!user}
            readOnly={!!user}
            autoComplete="off"
            {...form.getInputProps('username')}
          />
          <TextInput label={t('accounts.users.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('accounts.users.role')}
            required
            allowDeselect={false}
            data={roleSchema.options.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            {...form.getInputProps('role')}
            onChange={(r) => {
              form.setFieldValue('role', (r ?? '') as Role | '');
              if (r !== 'handler') form.setFieldValue('sectionId', null);
            }}
          />
          <Select
            label={t('accounts.users.section')}
            description={t('accounts.users.sectionHint')}
            required={needsSection}
            disabled={!needsSection}
            placeholder={needsSection ? undefined : t('accounts.users.noSection')}
            data={sectionOptions}
            searchable
            {...form.getInputProps('sectionId')}
          />
          <TextInput
            label={t('accounts.users.phone')}
            inputMode="tel"
            autoComplete="off"
            {...form.getInputProps('phone')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {user ? t('app.save') : t('accounts.users.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
