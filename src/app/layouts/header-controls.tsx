import {
  ActionIcon,
  Group,
  Kbd,
  Menu,
  Text,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconChevronDown,
  IconHelpCircle,
  IconKey,
  IconLogout,
  IconMoon,
  IconSun,
  IconUserCircle,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { LocaleSwitch } from '@/components/locale-switch';
import { useLogout } from '@/features/auth/api';
import { ChangePasswordModal } from '@/features/auth/components/change-password';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import { useSectionName } from '@/lib/sections';
import { HelpDrawer } from './help-drawer';
import { useShortcuts } from './use-shortcuts';

export function HeaderControls({ alerts }: { alerts?: ReactNode }) {
  const { t } = useI18n();
  const user = useUser();
  const sectionName = useSectionName();
  const logout = useLogout();
  const [changing, setChanging] = useState(false);
  const [helping, setHelping] = useState(false);
  useShortcuts(() => setHelping(true));
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');

  return (
    // Gaps of 6 px: on a 360–390 px phone the brand, the alerts, both languages, the scheme and
    // the user's menu fit on one line.
    <Group gap={6} wrap="nowrap">
      {alerts}
      <LocaleSwitch />
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('header.colorScheme')}
        title={scheme === 'dark' ? t('header.light') : t('header.dark')}
        onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
      >
        {scheme === 'dark' ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
      </ActionIcon>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          {/* Named by what it shows (WCAG 2.5.3, label in name), then what it is; on a phone, where
              the name and role are hidden, only the latter. */}
          <UnstyledButton data-testid="user-menu">
            <Group gap={6} wrap="nowrap">
              <div>
                {/* On a phone, an icon: the open menu says who is signed in. */}
                <IconUserCircle
                  size={22}
                  stroke={1.6}
                  aria-hidden
                  className="mantine-hidden-from-sm"
                />
                <Text
                  component="div"
                  size="sm"
                  fw={600}
                  lh={1.2}
                  truncate="end"
                  maw={240}
                  visibleFrom="sm"
                >
                  {user.name}
                </Text>
                <Text component="div" size="xs" c="dimmed" lh={1.2} visibleFrom="sm">
                  {t(`roles.${user.role}`)}
                  {user.sectionId ? ` · ${sectionName(user.sectionId)}` : ''}
                </Text>
              </div>
              <VisuallyHidden>{t('header.userMenu')}</VisuallyHidden>
              <IconChevronDown size={14} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {user.name} · {t(`roles.${user.role}`)}
            {user.sectionId ? ` · ${sectionName(user.sectionId)}` : ''}
          </Menu.Label>
          <Menu.Item
            leftSection={<IconKey size={16} aria-hidden />}
            onClick={() => setChanging(true)}
          >
            {t('auth.changePassword')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconHelpCircle size={16} aria-hidden />}
            rightSection={<Kbd size="xs">?</Kbd>}
            onClick={() => setHelping(true)}
          >
            {t('header.help')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={() => logout.mutate()}
          >
            {t('header.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={changing} onClose={() => setChanging(false)} />
      <HelpDrawer opened={helping} onClose={() => setHelping(false)} />
    </Group>
  );
}
