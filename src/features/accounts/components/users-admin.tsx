import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { QueryState } from '@/components/query-state';
import { PageFooter } from '@/components/table-parts';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import { useAllSectionOptions } from '@/lib/sections';
import { roleSchema, type Role, type User } from '@/types/api';
import { userQueries, useResetPassword, useUpdateUser } from '../api';
import { TemporaryPasswordModal } from './temporary-password';
import { UserFormModal } from './user-form';
import { UsersTable, type UserConfirm } from './users-table';

const PAGE_SIZE = 20;

/** 系统设置 → 用户: find, add, change, disable and reset the office's accounts (admin only). */
export function UsersAdmin() {
  const { t } = useI18n();
  const sectionOptions = useAllSectionOptions();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [role, setRole] = useState<Role | null>(null);
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [active, setActive] = useState<'true' | 'false' | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [confirm, setConfirm] = useState<UserConfirm | null>(null);
  const [shown, setShown] = useState<{ name: string; username: string; password: string } | null>(
    null,
  );
  const query = useQuery({
    ...userQueries.list({
      ...(debouncedQ ? { q: debouncedQ } : {}),
      ...(role ? { role } : {}),
      ...(sectionId ? { sectionId } : {}),
      ...(active ? { active } : {}),
      page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const update = useUpdateUser();
  const reset = useResetPassword();
  const filter =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setPage(1);
    };

  const runConfirm = () => {
    if (!confirm) return;
    const { kind, user } = confirm;
    if (kind === 'reset')
      reset.mutate(user.id, {
        onSuccess: ({ temporaryPassword }) => {
          setConfirm(null);
          setShown({ name: user.name, username: user.username, password: temporaryPassword });
        },
      });
    else
      update.mutate(
        { id: user.id, input: { active: kind === 'enable' }, version: user.version ?? 1 },
        {
          onSuccess: () => {
            setConfirm(null);
            notifications.show({
              color: 'green',
              message: t(kind === 'enable' ? 'accounts.users.enabled' : 'accounts.users.disabled', {
                name: user.name,
              }),
            });
          },
        },
      );
  };
  const confirmError = (() => {
    const e = confirm?.kind === 'reset' ? reset.error : update.error;
    if (!confirm || !e) return null;
    // A refusal with a reason (the last administrator, oneself) says it; anything else in general.
    const reason = Object.values(serverFieldErrors(e) ?? {})[0];
    return reason ?? t(errorMessage(e).key, errorMessage(e).params);
  })();

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('accounts.users.intro')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('app.search')}
          placeholder={t('accounts.users.search')}
          data-shortcut="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => filter(setQ)(e.currentTarget.value)}
          w={240}
        />
        <Select
          label={t('accounts.users.role')}
          placeholder={t('accounts.users.anyRole')}
          clearable
          data={roleSchema.options.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(v) => filter(setRole)(v as Role | null)}
          w={200}
        />
        <Select
          label={t('accounts.users.section')}
          placeholder={t('accounts.users.anySection')}
          clearable
          searchable
          data={sectionOptions}
          value={sectionId}
          onChange={filter(setSectionId)}
          w={200}
        />
        <Select
          label={t('accounts.users.status')}
          placeholder={t('accounts.users.anyStatus')}
          clearable
          data={[
            { value: 'true', label: t('accounts.users.active') },
            { value: 'false', label: t('accounts.users.inactive') },
          ]}
          value={active}
          onChange={(v) => filter(setActive)(v as 'true' | 'false' | null)}
          w={140}
        />
        <Button
          ml="auto"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setEditing('new')}
        >
          {t('accounts.users.add')}
        </Button>
      </Group>
      <QueryState query={query} rows={6}>
        {(data) => (
          <>
            <UsersTable data={data} onEdit={setEditing} onConfirm={setConfirm} />
            <PageFooter total={data.total} page={page} pageSize={PAGE_SIZE} onChange={setPage} />
          </>
        )}
      </QueryState>
      {editing && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={({ user, temporaryPassword }) => {
            setEditing(null);
            notifications.show({
              color: 'green',
              message: t('accounts.users.created', { name: user.name }),
            });
            setShown({ name: user.name, username: user.username, password: temporaryPassword });
          }}
        />
      )}
      <ConfirmDialog
        opened={confirm !== null}
        title={
          confirm
            ? t(
                confirm.kind === 'reset'
                  ? 'accounts.users.resetPassword'
                  : confirm.kind === 'disable'
                    ? 'accounts.users.disable'
                    : 'accounts.users.enable',
              )
            : ''
        }
        message={
          confirm
            ? t(
                confirm.kind === 'reset'
                  ? 'accounts.users.confirmReset'
                  : confirm.kind === 'disable'
                    ? 'accounts.users.confirmDisable'
                    : 'accounts.users.confirmEnable',
                { name: confirm.user.name, username: confirm.user.username },
              )
            : ''
        }
        confirmLabel={
          confirm?.kind === 'reset'
            ? t('accounts.users.resetPassword')
            : confirm?.kind === 'disable'
              ? t('accounts.users.disable')
              : t('accounts.users.enable')
        }
        color={confirm?.kind === 'enable' ? 'blue' : 'red'}
        busy={reset.isPending || update.isPending}
        error={confirmError}
        onConfirm={runConfirm}
        onClose={() => {
          setConfirm(null);
          reset.reset();
          update.reset();
        }}
      />
      <TemporaryPasswordModal shown={shown} onClose={() => setShown(null)} />
    </Stack>
  );
}
