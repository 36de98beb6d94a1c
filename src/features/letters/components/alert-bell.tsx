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
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { letterQueries } from '../api';
import classes from './alert-bell.module.css';
import { RemainingBadge } from './remaining-badge';

/**
 * Header bell: overdue and due-soon counts for the caller's scope; refreshes every minute and on
 * focus; opens a drawer of those letters. After login, one notification summarises them.
 */
export function LetterAlertsBell({
  letterHref,
  listHref,
  sessionKey,
}: {
  letterHref: (id: string) => string;
  listHref: (alert: 'overdue' | 'due_soon') => string;
  sessionKey: string;
}) {
  const { t, locale } = useI18n();
  const [opened, { open, close }] = useDisclosure();
  const { data } = useQuery(letterQueries.alerts());
  const overdue = data?.overdue ?? 0;
  const dueSoon = data?.dueSoon ?? 0;

  useEffect(() => {
    if (!data) return;
    const flag = `gkwb.alertSummary.${sessionKey}`;
    if (sessionStorage.getItem(flag)) return;
    sessionStorage.setItem(flag, '1');
    if (data.overdue + data.dueSoon > 0) {
      notifications.show({
        id: 'alert-summary',
        color: data.overdue ? 'red' : 'orange',
        title: t('letters.bell.title'),
        message: t('letters.bell.summary', { overdue: data.overdue, dueSoon: data.dueSoon }),
        autoClose: 8000,
      });
    }
  }, [data, sessionKey, t]);

  const label = t('letters.bell.label', { overdue, dueSoon });
  return (
    <>
      <Indicator
        label={overdue + dueSoon}
        size={16}
        color={overdue ? 'red' : 'orange'}
        disabled={!data || overdue + dueSoon === 0}
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
        <Stack gap="sm">
          <Group gap="xs">
            <Button
              component={Link}
              to={listHref('overdue')}
              onClick={close}
              variant="light"
              color="red"
              size="xs"
            >
              {t('letters.bell.overdue')} {overdue}
            </Button>
            <Button
              component={Link}
              to={listHref('due_soon')}
              onClick={close}
              variant="light"
              color="orange"
              size="xs"
            >
              {t('letters.bell.dueSoon')} {dueSoon}
            </Button>
          </Group>
          {data && data.items.length === 0 && <Text c="dimmed">{t('letters.bell.none')}</Text>}
          {data?.items.map((l) => (
            <Stack key={l.id} gap={2} p="xs" className={classes.item}>
              <Group justify="space-between" wrap="nowrap">
                <Anchor
                  component={Link}
                  to={letterHref(l.id)}
                  onClick={close}
                  size="sm"
                  ff="monospace"
                >
                  {l.serialNo}
                </Anchor>
                <RemainingBadge letter={l} />
              </Group>
              <Text size="sm" lineClamp={1}>
                {l.subject}
              </Text>
              <Group gap="xs">
                <Badge size="xs" variant="outline">
                  {l.sectionId ? t(`sections.${l.sectionId}`) : t('letters.statuses.registered')}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('letters.dueOn')} {formatDate(l.dueOn, locale)}
                </Text>
              </Group>
            </Stack>
          ))}
        </Stack>
      </Drawer>
    </>
  );
}
