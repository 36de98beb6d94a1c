import { Drawer, Kbd, Stack, Table, Text, Title } from '@mantine/core';
import { helpEn } from '@/locales/en-US/help';
import { helpZh } from '@/locales/zh-CN/help';
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

type Help = typeof helpZh;

interface Shortcut {
  keys: string[];
  label: keyof Help['keys'];
  /** Only for these roles (default: everyone). */
  roles?: Role[];
}

/** What use-shortcuts.ts binds (and Esc, which Mantine's dialogs and drawers take). */
const SHORTCUTS: Shortcut[] = [
  { keys: ['/'], label: 'search' },
  { keys: ['N'], label: 'newLetter', roles: ['admin', 'clerk'] },
  { keys: ['Ctrl', 'Enter'], label: 'submit' },
  { keys: ['?'], label: 'help' },
  { keys: ['Esc'], label: 'close' },
];

/**
 * 「?」 or the user menu's 帮助: the shortcuts, then each workflow in a few lines with its basis. Its
 * texts are the locale files' help documents (help.ts of each locale), which come with this drawer.
 */
export function HelpDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { locale } = useI18n();
  const user = useUser();
  const h: Help = locale === 'en-US' ? helpEn : helpZh;
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={h.title}>
      <Stack gap="lg">
        <section aria-labelledby="help-shortcuts">
          <Title order={3} size="h4" id="help-shortcuts">
            {h.shortcutsTitle}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {h.shortcutsIntro}
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
                  <Table.Td>{h.keys[s.label]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
        <section aria-labelledby="help-workflows">
          <Title order={3} size="h4" id="help-workflows" mb="xs">
            {h.workflowsTitle}
          </Title>
          <Stack gap="md">
            {WORKFLOWS[user.role].map((w) => (
              <div key={w}>
                <Title order={4} size="h5">
                  {h.workflows[w].title}
                </Title>
                <Text size="sm">{h.workflows[w].steps}</Text>
                <Text size="xs" c="dimmed">
                  {h.basis.replace('{basis}', h.workflows[w].basis)}
                </Text>
              </div>
            ))}
          </Stack>
        </section>
      </Stack>
    </Drawer>
  );
}
