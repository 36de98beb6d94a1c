import { Badge, Button, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { QueryState } from '@/components/query-state';
import { RowMenu } from '@/components/table-parts';
import { errorMessage } from '@/lib/errors';
import { useI18n } from '@/lib/i18n/provider';
import { sectionQueries } from '@/lib/sections';
import type { Section } from '@/types/api';
import { useSaveSection } from '../api';
import { SectionFormModal } from './section-form';

/** 系统设置 → 科室: add, rename, retire and restore sections (admin only). */
export function SectionsAdmin() {
  const { t } = useI18n();
  const query = useQuery(sectionQueries.all());
  const save = useSaveSection();
  const [editing, setEditing] = useState<Section | 'new' | null>(null);
  const [retiring, setRetiring] = useState<Section | null>(null);

  const setRetired = (s: Section, retired: boolean) =>
    save.mutate(
      { id: s.id, input: { retired }, version: s.version },
      {
        onSuccess: () => {
          setRetiring(null);
          notifications.show({
            color: 'green',
            message: t(
              retired ? 'accounts.sections.retiredDone' : 'accounts.sections.restoredDone',
              {
                name: s.name,
              },
            ),
          });
        },
        onError: (e) => {
          if (!retired)
            notifications.show({
              color: 'red',
              message: t(errorMessage(e).key, errorMessage(e).params),
            });
        },
      },
    );

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={720}>
          {t('accounts.sections.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('accounts.sections.add')}
        </Button>
      </Group>
      <QueryState query={query} rows={8}>
        {(sections) => (
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accounts.sections.name')}</Table.Th>
                  <Table.Th>{t('accounts.sections.nameEn')}</Table.Th>
                  <Table.Th>{t('accounts.sections.status')}</Table.Th>
                  <Table.Th>
                    <span className="mantine-visible-from-xs">{t('accounts.users.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sections.map((s) => (
                  <Table.Tr key={s.id} data-testid={`section-row-${s.id}`}>
                    <Table.Td>{s.name}</Table.Td>
                    <Table.Td>{s.nameEn || '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={s.retired ? 'gray' : 'green'}>
                        {s.retired ? t('accounts.sections.retired') : t('accounts.sections.inUse')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <RowMenu label={t('accounts.sections.actionsFor', { name: s.name })}>
                        <Menu.Item onClick={() => setEditing(s)}>
                          {t('accounts.sections.rename')}
                        </Menu.Item>
                        {s.retired ? (
                          <Menu.Item onClick={() => setRetired(s, false)}>
                            {t('accounts.sections.restore')}
                          </Menu.Item>
                        ) : (
                          <Menu.Item color="red" onClick={() => setRetiring(s)}>
                            {t('accounts.sections.retire')}
                          </Menu.Item>
                        )}
                      </RowMenu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {editing && (
        <SectionFormModal
          section={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={retiring !== null}
        title={t('accounts.sections.retire')}
        message={retiring ? t('accounts.sections.confirmRetire', { name: retiring.name }) : ''}
        confirmLabel={t('accounts.sections.retire')}
        color="red"
        busy={save.isPending}
        error={
          save.error && retiring
            ? t(errorMessage(save.error).key, errorMessage(save.error).params)
            : null
        }
        onConfirm={() => retiring && setRetired(retiring, true)}
        onClose={() => {
          setRetiring(null);
          save.reset();
        }}
      />
    </Stack>
  );
}
