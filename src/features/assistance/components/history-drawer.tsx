import { Badge, Drawer, Group, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { assistanceQueries, type FigureAudit } from '../api';
import { monthText } from '../charts';
import type { AssistanceFigure, FigureField } from '../types';

type Snapshot = { values?: Record<string, number>; status?: 'draft' | 'published' };

/** The audit trail of one figure: who entered, changed and published it, and what changed. */
export function HistoryDrawer({
  figure,
  regionName,
  onClose,
}: {
  figure: AssistanceFigure | null;
  regionName: string;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const query = useQuery({
    ...assistanceQueries.audit(figure?.id ?? ''),
    enabled: figure !== null,
  });
  return (
    <Drawer
      opened={figure !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={t('assistance.audit.title')}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      {figure && (
        <Stack gap="md">
          <Text size="sm" fw={500}>
            {t('assistance.audit.subtitle', {
              month: monthText(figure.period, locale),
              region: regionName,
              program: t(`assistance.programs.${figure.program}`),
            })}
          </Text>
          <Group gap="xs">
            <Badge color={figure.status === 'published' ? 'green' : 'blue'}>
              {t(`assistance.status.${figure.status}`)}
            </Badge>
            {figure.illustrative && (
              <Badge color="gray" variant="outline">
                {t('assistance.illustrative')}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {t('assistance.audit.version', { n: figure.version })}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('assistance.audit.createdAt', { at: formatDateTime(figure.createdAt, locale) })}
            {figure.publishedAt &&
              ` · ${t('assistance.audit.publishedAt', { at: formatDateTime(figure.publishedAt, locale) })}`}
          </Text>
          {query.isPending ? (
            <LoadingState rows={3} />
          ) : query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : query.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('assistance.audit.empty')}
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2} data-testid="figure-history">
              {[...query.data].reverse().map((e, i) => (
                <Timeline.Item key={i} title={<ActionTitle entry={e} />}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.at, locale)} ·{' '}
                    {t('assistance.audit.by', {
                      name: e.actor.name,
                      role: e.actor.role ? t(`roles.${e.actor.role}`) : '—',
                    })}
                  </Text>
                  <Changes before={e.before as Snapshot} after={e.after as Snapshot} />
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function ActionTitle({ entry }: { entry: FigureAudit }) {
  const { t, tx } = useI18n();
  const known = ['create', 'update', 'publish', 'copy'].includes(entry.action);
  const reopened =
    entry.action === 'update' && (entry.before as Snapshot | undefined)?.status === 'published';
  return (
    <Text size="sm" fw={500}>
      {known ? tx(`assistance.audit.actions.${entry.action}`) : entry.detail}
      {reopened && ` — ${t('assistance.grid.publishedEditWarning')}`}
    </Text>
  );
}

function Changes({ before, after }: { before?: Snapshot; after?: Snapshot }) {
  const { t, locale } = useI18n();
  const lines: string[] = [];
  const fmt = (v: number | undefined) =>
    v === undefined ? '—' : formatNumber(v, locale, v % 1 ? 2 : 0);
  for (const f of Object.keys(after?.values ?? {})) {
    const b = before?.values?.[f];
    const a = after?.values?.[f];
    if (b === a) continue;
    lines.push(
      t('assistance.audit.change', {
        field: t(`assistance.fields.${f as FigureField}`),
        before: fmt(b),
        after: fmt(a),
      }),
    );
  }
  if (before?.status && after?.status && before.status !== after.status)
    lines.push(
      t('assistance.audit.statusChange', {
        before: t(`assistance.status.${before.status}`),
        after: t(`assistance.status.${after.status}`),
      }),
    );
  if (lines.length === 0) return null;
  return (
    <Stack gap={0} mt={4}>
      {lines.map((l) => (
        <Text key={l} size="xs">
          {l}
        </Text>
      ))}
    </Stack>
  );
}
