import { Paper, Table, Text, UnstyledButton } from '@mantine/core';
import { useI18n } from '@/lib/i18n/provider';
import type { Role, SectionId } from '@/types/api';

/** Demo accounts of the mock backend (README lists them too); password demo123. */
const DEMO_ACCOUNTS: { username: string; role: Role; sectionId: SectionId | null }[] = [
  { username: 'admin', role: 'admin', sectionId: null },
  { username: 'clerk', role: 'clerk', sectionId: null },
  { username: 'leader', role: 'leader', sectionId: null },
  { username: 'handler', role: 'handler', sectionId: 'social_assistance' },
  { username: 'handler2', role: 'handler', sectionId: 'social_affairs' },
];

/** The mock backend's accounts; a click fills the login form. */
export default function DemoAccounts({ onPick }: { onPick: (username: string) => void }) {
  const { t, tx } = useI18n();
  return (
    <Paper withBorder p="md">
      <Text fw={600} size="sm">
        {t('auth.demoAccounts')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('auth.demoHint')}
      </Text>
      <Table striped={false} withRowBorders={false} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('auth.account')}</Table.Th>
            <Table.Th>{t('auth.role')}</Table.Th>
            <Table.Th>{t('auth.section')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DEMO_ACCOUNTS.map((a) => (
            <Table.Tr key={a.username}>
              <Table.Td>
                <UnstyledButton c="blue" fz="sm" ff="monospace" onClick={() => onPick(a.username)}>
                  {a.username}
                </UnstyledButton>
              </Table.Td>
              <Table.Td fz="sm">{t(`roles.${a.role}`)}</Table.Td>
              <Table.Td fz="sm">{a.sectionId ? tx(`sections.${a.sectionId}`) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
