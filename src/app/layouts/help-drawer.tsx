import { Drawer, Kbd, Stack, Table, Text, Title } from '@mantine/core';
import type { MessageKey } from '@/lib/i18n/core';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import type { Role } from '@/types/api';

type Workflow = 'letters' | 'applications' | 'catalogue' | 'assistance' | 'report';

/** The workflows a role takes part in, its own first. */
const WORKFLOWS: Record<Role, Workflow[]> = {
  clerk: ['letters', 'applications', 'catalogue', 'assistance', 'report'],
  admin: ['letters', 'applications', 'catalogue', 'assistance', 'report'],
  handler: ['letters', 'applications'],
  leader: ['letters', 'applications', 'catalogue', 'assistance', 'report'],
};

interface Shortcut {
  keys: string[];
  label: MessageKey;
  /** Only for these roles (default: everyone). */
  roles?: Role[];
}

/** What use-shortcuts.ts binds (and Esc, which Mantine's dialogs and drawers take). */
const SHORTCUTS: Shortcut[] = [
  { keys: ['/'], label: 'help.keys.search' },
  { keys: ['N'], label: 'help.keys.newLetter', roles: ['admin', 'clerk'] },
  { keys: ['Ctrl', 'Enter'], label: 'help.keys.submit' },
  { keys: ['?'], label: 'help.keys.help' },
  { keys: ['Esc'], label: 'help.keys.close' },
];

/** 「?」 or the user menu's 帮助: the shortcuts, then each workflow in a few lines with its basis. */
export function HelpDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={t('help.title')}>
      <Stack gap="lg">
        <section aria-labelledby="help-shortcuts">
          <Title order={3} size="h4" id="help-shortcuts">
            {t('help.shortcutsTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('help.shortcutsIntro')}
          </Text>
          <Table>
            <Table.Tbody>
              {SHORTCUTS.filter((s) => !s.roles || s.roles.includes(user.role)).map((s) => (
                <Table.Tr key={s.label}>
                  <Table.Td w={130}>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && ' + '}
                        <Kbd>{k}</Kbd>
                      </span>
                    ))}
                  </Table.Td>
                  <Table.Td>{t(s.label)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
        <section aria-labelledby="help-workflows">
          <Title order={3} size="h4" id="help-workflows" mb="xs">
            {t('help.workflowsTitle')}
          </Title>
          <Stack gap="md">
            {WORKFLOWS[user.role].map((w) => (
              <div key={w}>
                <Title order={4} size="h5">
                  {t(`help.workflows.${w}.title`)}
                </Title>
                <Text size="sm">{t(`help.workflows.${w}.steps`)}</Text>
                <Text size="xs" c="dimmed">
                  {t('help.basis', { basis: t(`help.workflows.${w}.basis`) })}
                </Text>
              </div>
            ))}
          </Stack>
        </section>
      </Stack>
    </Drawer>
  );
}
