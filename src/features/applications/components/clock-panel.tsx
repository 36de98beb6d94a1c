import { Alert, Group, Progress, Stack, Text, Timeline } from '@mantine/core';
import { ProvisionalBadge } from './clock-badge';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { outcomePlainKey } from '../rules';
import type { Application, ClockView } from '../types';
import { useSectionName } from '@/lib/sections';

/** The clock bar (used / not counted / left) and the ledger in plain words. */
export function ClockPanel({ app }: { app: Application }) {
  const { t, locale } = useI18n();
  const sectionName = useSectionName();
  const c = app.clock;
  const total = Math.max(
    c.allowanceWorkdays + c.excludedWorkdays,
    c.usedWorkdays + c.excludedWorkdays,
    1,
  );
  const remaining = c.remainingWorkdays ?? 0;
  const over = remaining < 0 ? -remaining : 0;
  const pct = (n: number) => (Math.max(n, 0) / total) * 100;
  return (
    <Stack gap="sm" data-testid="clock-panel">
      {c.state === 'awaiting_correction' ? (
        <Alert color="yellow">{t('applications.clock.awaiting')}</Alert>
      ) : (
        <>
          <Progress.Root size={22}>
            <Progress.Section
              value={pct(c.usedWorkdays - over)}
              color="blue"
              aria-label={t('applications.clock.used', { n: c.usedWorkdays - over })}
            >
              <Progress.Label>{c.usedWorkdays - over}</Progress.Label>
            </Progress.Section>
            <Progress.Section
              value={pct(c.excludedWorkdays)}
              color="gray"
              aria-label={t('applications.clock.excluded', { n: c.excludedWorkdays })}
            >
              <Progress.Label>{c.excludedWorkdays}</Progress.Label>
            </Progress.Section>
            {remaining > 0 && (
              <Progress.Section
                value={pct(remaining)}
                color="teal.9"
                aria-label={t('applications.clock.remaining', { n: remaining })}
              >
                <Progress.Label>{remaining}</Progress.Label>
              </Progress.Section>
            )}
            {over > 0 && (
              <Progress.Section
                value={pct(over)}
                color="red"
                aria-label={t('applications.clock.overdue', { n: over })}
              >
                <Progress.Label>+{over}</Progress.Label>
              </Progress.Section>
            )}
          </Progress.Root>
          <Group gap="md" wrap="wrap">
            <Text size="sm">{t('applications.clock.used', { n: c.usedWorkdays })}</Text>
            <Text size="sm">{t('applications.clock.excluded', { n: c.excludedWorkdays })}</Text>
            {c.state !== 'decided' && (
              <Text size="sm" fw={600} c={remaining < 0 ? 'red.9' : undefined}>
                {remaining < 0
                  ? t('applications.clock.overdue', { n: -remaining })
                  : t('applications.clock.remaining', { n: remaining })}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('applications.clock.allowance', { n: c.allowanceWorkdays })}
            </Text>
          </Group>
          <Group gap="xs" wrap="wrap">
            <Text size="sm">
              {t('applications.clock.startOn', { date: formatDate(c.startOn, locale) })} ·{' '}
              <b>{t('applications.clock.dueOn', { date: formatDate(c.dueOn, locale) })}</b>
            </Text>
            <ProvisionalBadge provisional={c.calendarProvisional} />
          </Group>
          {c.calendarProvisional && (
            <Text size="xs" c="dimmed">
              {t('calendar.provisionalHint')}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('applications.clock.legend')}
          </Text>
          {c.state === 'paused' && <Alert color="gray">{t('applications.clock.paused')}</Alert>}
          {c.state === 'fee_expired' && (
            <Alert color="red">{t('applications.clock.feeExpired')}</Alert>
          )}
        </>
      )}
      <Text fw={600} size="sm" mt="xs">
        {t('applications.clock.ledger')}
      </Text>
      <Timeline bulletSize={12} lineWidth={2} active={c.events.length} data-testid="clock-ledger">
        {c.events.map((e, i) => (
          <Timeline.Item key={i}>
            <Text size="sm">{describeEvent(e, t, locale, sectionName)}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

type T = ReturnType<typeof useI18n>['t'];

/** "2026年10月14日征求第三方意见，期间8个工作日不计入": dates as every page writes them. */
export function describeEvent(
  e: ClockView['events'][number],
  t: T,
  locale: 'zh-CN' | 'en-US',
  sectionName: (id: string) => string,
): string {
  const date = formatDate(e.on, locale);
  const d = e.detail ?? {};
  const n = e.excludedWorkdays ?? 0;
  switch (e.kind) {
    case 'assigned':
      return t('applications.events.assigned', {
        date,
        section: sectionName(String(d.sectionId)),
      });
    case 'correction_requested':
      return d.correctionDueOn
        ? t('applications.events.correction_requested_due', {
            date,
            note: String(d.note ?? ''),
            due: formatDate(String(d.correctionDueOn), locale),
          })
        : t('applications.events.correction_requested', { date, note: String(d.note ?? '') });
    case 'consult_sent':
      return (
        t(e.open ? 'applications.events.consult_sent_open' : 'applications.events.consult_sent', {
          date,
          n,
          party: t(
            `applications.parties.${d.party === 'other_agency' ? 'other_agency' : 'third_party'}`,
          ),
        }) + receipt(d, 'replyBy', t, locale)
      );
    case 'fee_notice':
      return (
        t(e.open ? 'applications.events.fee_notice_open' : 'applications.events.fee_notice', {
          date,
          n,
          amount: d.amount ?? 0,
        }) + receipt(d, 'payBy', t, locale)
      );
    case 'extended':
      return (
        t('applications.events.extended', {
          date,
          approvedBy: String(d.approvedBy ?? ''),
          reason: String(d.reason ?? ''),
        }) +
        (d.notifiedOn
          ? t('applications.records.events.notified', {
              date: formatDate(String(d.notifiedOn), locale),
            })
          : '')
      );
    case 'correction_received':
      return d.content
        ? t('applications.records.events.correction_received', {
            date,
            content: String(d.content),
          })
        : t('applications.events.correction_received', { date });
    case 'consult_replied': {
      const opinion = d.opinion as 'agree' | 'disagree' | 'no_reply' | undefined;
      if (!opinion) return t('applications.events.consult_replied', { date });
      if (opinion === 'no_reply')
        return t('applications.records.events.consult_no_reply', { date });
      const label = t(`applications.records.opinions.${opinion}`);
      return d.opinionText
        ? t('applications.records.events.consult_replied_text', {
            date,
            opinion: label,
            text: String(d.opinionText),
          })
        : t('applications.records.events.consult_replied', { date, opinion: label });
    }
    case 'decided':
      return t('applications.events.decided', {
        date,
        outcome: t(outcomePlainKey(String(d.outcome)) as never),
      });
    case 'received':
    case 'third_party_deadline_passed':
    case 'fee_paid':
    case 'fee_payment_expired':
      return t(`applications.events.${e.kind}`, { date });
    default:
      return `${date} ${e.kind}`;
  }
}

/** "；3月2日送达，答复期限至3月23日" — the receipt the 15 or 20 days run from, and their end. */
function receipt(
  d: Record<string, string | number>,
  by: 'replyBy' | 'payBy',
  t: T,
  locale: 'zh-CN' | 'en-US',
): string {
  if (!d.receivedOn || !d[by]) return '';
  return t(`applications.events.${by}`, {
    received: formatDate(String(d.receivedOn), locale),
    by: formatDate(String(d[by]), locale),
  });
}
