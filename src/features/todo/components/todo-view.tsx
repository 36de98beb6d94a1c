import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DeadlineBadge } from '@/components/deadline-badge';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { Todo, TodoGroup, TodoItem } from '../types';
import classes from './todo.module.css';

/**
 * The deadline first, worded and coloured as on every list (the shared badge: 剩余3个工作日 /
 * 今日到期 / 已超期2个工作日, orange within the time limits' 即将到期 days: the backend's alert).
 */
function ItemDeadline({ item }: { item: TodoItem }) {
  if (item.remainingWorkdays === null) return null;
  return <DeadlineBadge remainingWorkdays={item.remainingWorkdays} alert={item.alert} />;
}

function ItemRow({ item, window }: { item: TodoItem; window: boolean }) {
  const { t, locale } = useI18n();
  const href = item.kind === 'letter' ? paths.letter(item.id) : paths.application(item.id);
  return (
    <li>
      <Link to={href} className={`${classes.item} mantine-focus-auto`}>
        <Group gap={6} wrap="wrap">
          <ItemDeadline item={item} />
          <Text size="xs" c="dimmed">
            {t(window ? 'todo.windowDue' : 'todo.due', { date: formatDate(item.dueOn, locale) })}
          </Text>
          {item.supervised && (
            <Badge color="grape" leftSection={<IconFlag size={12} aria-hidden />}>
              {t('todo.supervised')}
            </Badge>
          )}
          {item.extension && (
            <Badge color={item.extension === 'requested' ? 'orange' : 'gray'}>
              {t(`todo.extension.${item.extension}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm" mt={4} className={classes.title}>
          <Text span size="xs" c="dimmed" mr={6}>
            {item.serialNo}
          </Text>
          {item.title}
        </Text>
      </Link>
    </li>
  );
}

function GroupCard({ group, windowDays }: { group: TodoGroup; windowDays: number }) {
  const { t } = useI18n();
  const title = t(`todo.groups.${group.id}`);
  const list = group.resource === 'letters' ? paths.letters : paths.applications;
  const to = `${list}?${group.filter}&from=todo:${group.id}`;
  const window = group.id === 'correctionLapsing' || group.id === 'feeLapsing';
  return (
    <Card padding="md" data-testid={`todo-${group.id}`} component="section" aria-label={title}>
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text fw={700} fz="xl" c={group.count ? undefined : 'dimmed'} data-testid="todo-count">
          {t('todo.count', { n: group.count })}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t(`todo.hints.${group.id}`, { n: windowDays })}
      </Text>
      {group.items.length ? (
        <ul className={classes.items}>
          {group.items.map((it) => (
            <ItemRow key={it.id} item={it} window={window} />
          ))}
        </ul>
      ) : (
        <Text size="sm" c="dimmed">
          {t('todo.empty')}
        </Text>
      )}
      {group.count > 0 && (
        <Anchor component={Link} to={to} size="sm" mt="sm">
          {t('todo.viewAll', { n: group.count })}
        </Anchor>
      )}
    </Card>
  );
}

/** 我的待办: a card per group, the most urgent first in each, each opening its whole list. */
export function TodoView({ data }: { data: Todo }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('todo.asOf', { date: formatDate(data.asOf, locale) })}
      </Text>
      <div className={classes.grid}>
        {data.groups.map((g) => (
          <GroupCard key={g.id} group={g} windowDays={data.windowDays} />
        ))}
      </div>
    </Stack>
  );
}
