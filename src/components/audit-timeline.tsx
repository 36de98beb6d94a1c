import { Text, Timeline } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { QueryState } from './query-state';
import classes from './audit-timeline.module.css';

export interface AuditItem {
  at: string;
  actor: { name: string };
  action: string;
  detail: string;
}

/** A record's history from the audit trail: what happened, who, when. */
export function AuditTimeline({
  query,
  actionLabel,
}: {
  query: UseQueryResult<AuditItem[]>;
  actionLabel?: (action: string) => string;
}) {
  const { locale } = useI18n();
  return (
    <QueryState query={query} rows={3}>
      {(items) => (
        <Timeline bulletSize={12} lineWidth={2} active={items.length} data-testid="timeline">
          {items.map((e, i) => (
            <Timeline.Item
              key={i}
              title={
                <Text size="sm" fw={actionLabel ? 600 : undefined}>
                  {actionLabel ? actionLabel(e.action) : e.detail}
                </Text>
              }
            >
              {actionLabel && (
                <Text size="sm" className={classes.prose}>
                  {e.detail}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {e.actor.name} · {formatDateTime(e.at, locale)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </QueryState>
  );
}
