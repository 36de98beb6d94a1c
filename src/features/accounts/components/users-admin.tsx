import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Pager } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/errors';
import { serverFieldErrors } from '@/lib/form';
import { useI18n } from '@/lib/i18n/provider';
import { useAllSectionOptions, useSectionName } from '@/lib/sections';
import { useUser } from '@/lib/session';
import { roleSchema, type Role, type User } from '@/types/api';
import { userQueries, useResetPassword, useUpdateUser } from '../api';
import { TemporaryPasswordModal } from './temporary-password';
import { UserFormModal } from './user-form';

type Confirm = { kind: 'disable' | 'enable' | 'reset'; user: User };
const PAGE_SIZE = 20;

/** 系统设置 → 用户: find, add, change, disable and reset the office's accounts (admin only). */
export function UsersAdmin() {
  const { t } = useI18n();
  const me = useUser();
  const sectionName = useSectionName();
  const sectionOptions = useAllSectionOptions();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [role, setRole] = useState<Role | null>(null);
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [active, setActive] = useState<'true' | 'false' | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [shown, setShown] = useState<{ name: string; username: string; password: string } | null>(
    null,
  );
  const query = useQuery(
    userQueries.list({
      ...(debouncedQ ? { q: debouncedQ } : {}),
      ...(role ? { role } : {}),
      ...(sectionId ? { sectionId } : {}),
      ...(active ? { active } : {}),
      page,
      pageSize: PAGE_SIZE,
    }),
  );
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
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('accounts.users.username')}</Table.Th>
                    <Table.Th>{t('accounts.users.name')}</Table.Th>
                    <Table.Th>{t('accounts.users.role')}</Table.Th>
                    <Table.Th>{t('accounts.users.section')}</Table.Th>
                    <Table.Th>{t('accounts.users.phone')}</Table.Th>
                    <Table.Th>{t('accounts.users.status')}</Table.Th>
                    <Table.Th>
                      <span className="mantine-visible-from-xs">{t('accounts.users.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <Text c="dimmed" size="sm" ta="center" py="md">
                          {t('accounts.users.none')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {data.items.map((u) => (
                    <Table.Tr key={u.id} data-testid={`user-row-${u.username}`}>
                      <Table.Td ff="monospace" fz="sm">
                        {u.username}
                      </Table.Td>
                      <Table.Td fz="sm">
                        {u.name}
                        {u.id === me.id ? t('accounts.users.you') : ''}
                      </Table.Td>
                      <Table.Td fz="sm">{t(`roles.${u.role}`)}</Table.Td>
                      <Table.Td fz="sm">{sectionName(u.sectionId)}</Table.Td>
                      <Table.Td fz="sm">{u.phone ?? '—'}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge variant="light" color={u.active ? 'green' : 'gray'}>
                            {u.active ? t('accounts.users.active') : t('accounts.users.inactive')}
                          </Badge>
                          {u.mustChangePassword && (
                            <Badge variant="light" color="yellow">
                              {t('accounts.users.mustChange')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('accounts.users.actionsFor', { name: u.name })}
                            >
                              <IconDots size={16} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item onClick={() => setEditing(u)}>
                              {t('accounts.users.edit')}
                            </Menu.Item>
                            <Menu.Item onClick={() => setConfirm({ kind: 'reset', user: u })}>
                              {t('accounts.users.resetPassword')}
                            </Menu.Item>
                            {u.active ? (
                              <Menu.Item
                                color="red"
                                disabled={u.id === me.id}
                                onClick={() => setConfirm({ kind: 'disable', user: u })}
                              >
                                {t('accounts.users.disable')}
                              </Menu.Item>
                            ) : (
                              <Menu.Item onClick={() => setConfirm({ kind: 'enable', user: u })}>
                                {t('accounts.users.enable')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm" c="dimmed">
              {t('app.total', { n: data.total })}
            </Text>
            {data.total > PAGE_SIZE && (
              <Pager total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} />
            )}
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
