import { Badge, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { AlertBell, AlertMeta, type AlertGroup } from '@/components/alert-bell';
import { paths } from '@/config/paths';
import { applicationQueries } from '@/features/applications/api';
import { ClockBadge } from '@/features/applications/components/clock-badge';
import { letterQueries } from '@/features/letters/api';
import { RemainingBadge } from '@/features/letters/components/remaining-badge';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSession } from '@/lib/session';
import { useSectionName } from '@/lib/sections';

/** The header's alerts compose letters and applications (features do not know each other). */
export default function HeaderAlerts() {
  const { t, locale } = useI18n();
  const sectionName = useSectionName();
  const { session } = useSession();
  const letters = useQuery(letterQueries.alerts());
  const apps = useQuery(applicationQueries.alerts());
  const groups: AlertGroup[] = [
    {
      key: 'letters',
      title: t('nav.letters'),
      overdue: letters.data?.overdue ?? 0,
      dueSoon: letters.data?.dueSoon ?? 0,
      overdueHref: `${paths.letters}?alert=overdue&sort=remainingWorkdays`,
      dueSoonHref: `${paths.letters}?alert=due_soon&sort=remainingWorkdays`,
      chips: letters.data?.supervised
        ? [
            {
              key: 'supervised',
              label: t('letters.records.supervisedCount', { n: letters.data.supervised }),
              href: `${paths.letters}?supervised=true&sort=remainingWorkdays`,
              color: 'grape',
            },
          ]
        : [],
      summaryLine: t('letters.bell.lettersLine', {
        overdue: letters.data?.overdue ?? 0,
        dueSoon: letters.data?.dueSoon ?? 0,
      }),
      overdueLink: t('letters.bell.lettersOverdueLink'),
      dueSoonLink: t('letters.bell.lettersDueSoonLink'),
      items: (letters.data?.items ?? []).map((l) => ({
        id: l.id,
        href: paths.letter(l.id),
        serialNo: l.serialNo,
        title: l.subject,
        badge: (
          <Group gap={4} wrap="nowrap">
            {l.supervised && (
              <Badge size="xs" color="grape">
                {t('letters.supervised')}
              </Badge>
            )}
            <RemainingBadge letter={l} />
          </Group>
        ),
        meta: (
          <AlertMeta
            tag={l.sectionId ? sectionName(l.sectionId) : t('letters.statuses.registered')}
            text={`${t('letters.dueOn')} ${formatDate(l.dueOn, locale)}`}
          />
        ),
      })),
    },
    {
      key: 'applications',
      title: t('nav.applications'),
      overdue: apps.data?.overdue ?? 0,
      dueSoon: apps.data?.dueSoon ?? 0,
      overdueHref: `${paths.applications}?alert=overdue`,
      dueSoonHref: `${paths.applications}?alert=due_soon`,
      summaryLine: t('letters.bell.applicationsLine', {
        overdue: apps.data?.overdue ?? 0,
        dueSoon: apps.data?.dueSoon ?? 0,
      }),
      overdueLink: t('letters.bell.applicationsOverdueLink'),
      dueSoonLink: t('letters.bell.applicationsDueSoonLink'),
      items: (apps.data?.items ?? []).map((a) => ({
        id: a.id,
        href: paths.application(a.id),
        serialNo: a.serialNo,
        title: a.description,
        badge: <ClockBadge app={a} />,
        meta: (
          <AlertMeta
            tag={t(`applications.statuses.${a.status}`)}
            text={`${t('applications.dueOn')} ${formatDate(a.dueOn, locale)}`}
          />
        ),
      })),
    },
  ];
  return (
    <AlertBell
      groups={groups}
      ready={Boolean(letters.data && apps.data)}
      sessionKey={session?.token.slice(0, 12) ?? 'anon'}
      overview={session?.user.role === 'leader'}
    />
  );
}
