import { List, Paper, Text, UnstyledButton } from '@mantine/core';
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
      {/* A list rather than a Table: Mantine's Table brings its scroll area to the first screen. */}
      <List listStyleType="none" spacing={4} size="sm">
        {DEMO_ACCOUNTS.map((a) => (
          <List.Item key={a.username}>
            <UnstyledButton
              c="blue"
              fz="sm"
              ff="monospace"
              miw={80}
              onClick={() => onPick(a.username)}
            >
              {a.username}
            </UnstyledButton>
            {t(`roles.${a.role}`)}
            {a.sectionId && ` · ${tx(`sections.${a.sectionId}`)}`}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
