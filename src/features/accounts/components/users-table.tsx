import { Badge, Group, Menu, Table } from '@mantine/core';
import { EmptyRow, RowMenu } from '@/components/table-parts';
import { useI18n } from '@/lib/i18n/provider';
import { useSectionName } from '@/lib/sections';
import { useUser } from '@/lib/session';
import type { User } from '@/types/api';

export type UserConfirm = { kind: 'disable' | 'enable' | 'reset'; user: User };

/** The users as a table, each row's actions behind its menu. */
export function UsersTable({
  data,
  onEdit,
  onConfirm,
}: {
  data: { items: User[] };
  onEdit: (u: User) => void;
  onConfirm: (c: UserConfirm) => void;
}) {
  const { t } = useI18n();
  const me = useUser();
  const sectionName = useSectionName();
  return (
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
          {data.items.length === 0 && <EmptyRow colSpan={7}>{t('accounts.users.none')}</EmptyRow>}
          {data.items.map((u) => (
            <Table.Tr key={u.id} data-testid={`user-row-${u.username}`}>
              <Table.Td ff="monospace">{u.username}</Table.Td>
              <Table.Td>
                {u.name}
                {u.id === me.id ? t('accounts.users.you') : ''}
              </Table.Td>
              <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
              <Table.Td>{sectionName(u.sectionId)}</Table.Td>
              <Table.Td>{u.phone ?? '—'}</Table.Td>
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
                <RowMenu label={t('accounts.users.actionsFor', { name: u.name })}>
                  <Menu.Item onClick={() => onEdit(u)}>{t('accounts.users.edit')}</Menu.Item>
                  <Menu.Item onClick={() => onConfirm({ kind: 'reset', user: u })}>
                    {t('accounts.users.resetPassword')}
                  </Menu.Item>
                  {u.active ? (
                    <Menu.Item
                      color="red"
                      disabled={u.id === me.id}
                      onClick={() => onConfirm({ kind: 'disable', user: u })}
                    >
                      {t('accounts.users.disable')}
                    </Menu.Item>
                  ) : (
                    <Menu.Item onClick={() => onConfirm({ kind: 'enable', user: u })}>
                      {t('accounts.users.enable')}
                    </Menu.Item>
                  )}
                </RowMenu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
