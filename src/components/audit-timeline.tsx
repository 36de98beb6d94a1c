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
  event?: { type: string; params: Record<string, string | number | boolean | null> } | undefined;
}

/** A record's history from the audit trail: what happened, who, when. */
export function AuditTimeline({
  query,
  actionLabel,
  describe = (e) => e.detail,
}: {
  query: UseQueryResult<AuditItem[]>;
  actionLabel?: (action: string) => string;
  /** The entry in the viewer's language (its stored event); the stored text by default. */
  describe?: (entry: AuditItem) => string;
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
                  {actionLabel ? actionLabel(e.action) : describe(e)}
                </Text>
              }
            >
              {actionLabel && (
                <Text size="sm" className={classes.prose}>
                  {describe(e)}
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
