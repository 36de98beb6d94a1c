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
import { Link, useNavigate } from 'react-router';
import { useI18n } from '@/lib/i18n/provider';
import { noticesStore } from '@/lib/notifications/notices';
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
  /** The group's line in the post-login summary ("来信 2 件已超期、1 件即将到期"). */
  summaryLine: string;
  /** The names of the links to its overdue and its due-soon list. */
  overdueLink: string;
  dueSoonLink: string;
}

/**
 * The post-login summary: a line per group with a link to its overdue list (or, with nothing
 * overdue, its due-soon list). Rendered by the notices' container, outside the router: the links
 * navigate through the `navigate` they are given.
 */
function AlertSummary({
  groups,
  intro,
  navigate,
}: {
  groups: AlertGroup[];
  intro: string;
  navigate: (to: string) => void;
}) {
  return (
    <Stack gap={4}>
      <Text size="sm">{intro}</Text>
      {groups
        .filter((g) => g.overdue + g.dueSoon > 0)
        .map((g) => {
          const href = g.overdue > 0 ? g.overdueHref : g.dueSoonHref;
          return (
            <Group key={g.key} gap="xs" justify="space-between" wrap="nowrap">
              <Text size="sm">{g.summaryLine}</Text>
              <Anchor
                href={href}
                size="sm"
                onClick={(e) => {
                  e.preventDefault();
                  notifications.hide(SUMMARY_ID, noticesStore);
                  navigate(href);
                }}
              >
                {g.overdue > 0 ? g.overdueLink : g.dueSoonLink}
              </Anchor>
            </Group>
          );
        })}
    </Stack>
  );
}

const SUMMARY_ID = 'alert-summary';

/**
 * Header bell: overdue and due-soon counts for the user's scope (letters, applications…), a drawer
 * of those records, and one notice after login that summarises them, group by group — for a
 * leader, who has no tasks of their own, as an overview of every section's.
 */
export function AlertBell({
  groups,
  ready,
  sessionKey,
  overview = false,
}: {
  groups: AlertGroup[];
  ready: boolean;
  sessionKey: string;
  overview?: boolean;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure();
  const overdue = groups.reduce((s, g) => s + g.overdue, 0);
  const dueSoon = groups.reduce((s, g) => s + g.dueSoon, 0);

  useEffect(() => {
    if (!ready) return;
    const flag = `gkwb.alertSummary.${sessionKey}`;
    if (sessionStorage.getItem(flag)) return;
    sessionStorage.setItem(flag, '1');
    if (overdue + dueSoon > 0) {
      notifications.show(
        {
          id: SUMMARY_ID,
          color: overdue ? 'red' : 'orange',
          title: t('letters.bell.title'),
          message: (
            <AlertSummary
              groups={groups}
              intro={t(overview ? 'letters.bell.summaryOverview' : 'letters.bell.summaryOwn')}
              navigate={(to) => void navigate(to)}
            />
          ),
          autoClose: 12000,
        },
        noticesStore,
      );
    }
  }, [ready, overdue, dueSoon, sessionKey, t, groups, overview, navigate]);

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
