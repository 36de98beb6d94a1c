import { Text, Timeline } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatDateTime } from '@/lib/format';
import type { Params } from '@/lib/i18n/core';
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

/**
 * Events every kind of record has — its attachments, its issued documents — are worded here, once; the rest by the
 * feature's `describe`.
 */
export function describeSharedEvent(
  e: AuditItem,
  tx: (key: string, params?: Params) => string,
): string | null {
  const type = e.event?.type;
  if (type === 'document-issued')
    return tx(`documents.events.${e.event?.params.replyNo ? 'issuedReplyNo' : 'issued'}`, {
      kind: tx(`documents.kinds.${String(e.event?.params.kind)}`),
      docNo: String(e.event?.params.docNo ?? ''),
    });
  if (type !== 'attachment-added' && type !== 'attachment-removed') return null;
  return tx(`attachments.events.${type === 'attachment-added' ? 'added' : 'removed'}`, {
    name: String(e.event?.params.name ?? ''),
  });
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
  const { locale, tx } = useI18n();
  const word = (e: AuditItem) => describeSharedEvent(e, tx) ?? describe(e);
  return (
    <QueryState query={query} rows={3}>
      {(items) => (
        <Timeline bulletSize={12} lineWidth={2} active={items.length} data-testid="timeline">
          {items.map((e, i) => (
            <Timeline.Item
              key={i}
              title={
                <Text size="sm" fw={actionLabel ? 600 : undefined}>
                  {actionLabel ? actionLabel(e.action) : word(e)}
                </Text>
              }
            >
              {actionLabel && (
                <Text size="sm" className={classes.prose}>
                  {word(e)}
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
