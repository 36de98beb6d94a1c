import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Indicator,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n/provider';
import classes from './alert-bell.module.css';

export interface AlertItem {
  id: string;
  href: string;
  serialNo: string;
  title: string;
  badge: ReactNode;
  meta: ReactNode;
}

export interface AlertGroup {
  key: string;
  title: string;
  overdue: number;
  dueSoon: number;
  items: AlertItem[];
  overdueHref: string;
  dueSoonHref: string;
  /** Further chips beside the counts (督办件 for letters). */
  chips?: { key: string; label: string; href: string; color: string }[];
}

/**
 * Header bell: overdue and due-soon counts for the user's scope (letters, applications…), a drawer
 * of those records, and one notification after login that summarises them.
 */
export function AlertBell({
  groups,
  ready,
  sessionKey,
}: {
  groups: AlertGroup[];
  ready: boolean;
  sessionKey: string;
}) {
  const { t } = useI18n();
  const [opened, { open, close }] = useDisclosure();
  const overdue = groups.reduce((s, g) => s + g.overdue, 0);
  const dueSoon = groups.reduce((s, g) => s + g.dueSoon, 0);

  useEffect(() => {
    if (!ready) return;
    const flag = `gkwb.alertSummary.${sessionKey}`;
    if (sessionStorage.getItem(flag)) return;
    sessionStorage.setItem(flag, '1');
    if (overdue + dueSoon > 0) {
      notifications.show({
        id: 'alert-summary',
        color: overdue ? 'red' : 'orange',
        title: t('letters.bell.title'),
        message: t('letters.bell.summary', { overdue, dueSoon }),
        autoClose: 8000,
      });
    }
  }, [ready, overdue, dueSoon, sessionKey, t]);

  const label = t('letters.bell.label', { overdue, dueSoon });
  return (
    <>
      <Indicator
        label={overdue + dueSoon}
        size={16}
        color={overdue ? 'red' : 'orange'}
        disabled={!ready || overdue + dueSoon === 0}
        offset={4}
      >
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={label}
          title={label}
          onClick={open}
          data-testid="alert-bell"
        >
          <IconBell size={18} aria-hidden />
        </ActionIcon>
      </Indicator>
      <Drawer
        opened={opened}
        onClose={close}
        position="right"
        title={t('letters.bell.title')}
        size="md"
      >
        <Stack gap="lg">
          {groups.map((g) => (
            <Stack key={g.key} gap="xs">
              <Title order={3} size="h5">
                {g.title}
              </Title>
              <Group gap="xs">
                <Button
                  component={Link}
                  to={g.overdueHref}
                  onClick={close}
                  variant="light"
                  color="red"
                  size="xs"
                >
                  {t('letters.bell.overdue')} {g.overdue}
                </Button>
                <Button
                  component={Link}
                  to={g.dueSoonHref}
                  onClick={close}
                  variant="light"
                  color="orange"
                  size="xs"
                >
                  {t('letters.bell.dueSoon')} {g.dueSoon}
                </Button>
                {g.chips?.map((c) => (
                  <Button
                    key={c.key}
                    component={Link}
                    to={c.href}
                    onClick={close}
                    variant="light"
                    color={c.color}
                    size="xs"
                  >
                    {c.label}
                  </Button>
                ))}
              </Group>
              {g.items.length === 0 && (
                <Text c="dimmed" size="sm">
                  {t('letters.bell.none')}
                </Text>
              )}
              {g.items.map((it) => (
                <Stack key={it.id} gap={2} p="xs" className={classes.item}>
                  <Group justify="space-between" wrap="nowrap">
                    <Anchor component={Link} to={it.href} onClick={close} size="sm" ff="monospace">
                      {it.serialNo}
                    </Anchor>
                    {it.badge}
                  </Group>
                  <Text size="sm" lineClamp={1}>
                    {it.title}
                  </Text>
                  <Group gap="xs">{it.meta}</Group>
                </Stack>
              ))}
            </Stack>
          ))}
        </Stack>
      </Drawer>
    </>
  );
}

export const AlertMeta = ({ tag, text }: { tag: string; text: string }) => (
  <>
    <Badge size="xs" variant="outline">
      {tag}
    </Badge>
    <Text size="xs" c="dimmed">
      {text}
    </Text>
  </>
);
