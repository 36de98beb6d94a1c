import { Anchor, Badge, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { AuditTimeline } from '@/components/audit-timeline';
import { Field } from '@/components/field';
import { QueryState } from '@/components/query-state';
import { formatDate, formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { outcomeKey } from '../rules';
import { applicationQueries } from '../api';
import type { Application } from '../types';
import { ApplicationActions } from './application-actions';
import { ClockBadge, ProvisionalBadge } from './clock-badge';
import { ClockPanel } from './clock-panel';
import { useSectionName } from '@/lib/sections';

export function ApplicationDetail({ id, listHref }: { id: string; listHref: string }) {
  const { t } = useI18n();
  const query = useQuery(applicationQueries.detail(id));
  return (
    <Stack gap="md">
      <Anchor component={Link} to={listHref} size="sm">
        ← {t('letters.detail.back')}
      </Anchor>
      <QueryState query={query} rows={8}>
        {(app) => <Body app={app} />}
      </QueryState>
    </Stack>
  );
}

function Body({ app }: { app: Application }) {
  const { t, tx, locale } = useI18n();
  const sectionName = useSectionName();
  const audit = useQuery(applicationQueries.audit(app.id));
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <Card>
            <Group justify="space-between" align="flex-start" mb="sm">
              <div>
                <Text ff="monospace" c="dimmed" size="sm" data-testid="serial-no">
                  {app.serialNo}
                </Text>
                <Title order={1} size="h3">
                  {app.applicantName}
                </Title>
              </div>
              <Stack gap={4} align="flex-end">
                <Badge size="lg" variant="outline">
                  {t(`applications.statuses.${app.status}`)}
                </Badge>
                <ClockBadge app={app} />
              </Stack>
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" mb="md">
              <Field label={t('applications.applicantType')}>
                {t(`applications.applicantTypes.${app.applicantType}`)}
              </Field>
              <Field label={t('applications.channel')}>
                {t(`applications.channels.${app.channel}`)}
              </Field>
              <Field label={t('applications.contact')}>{app.contact}</Field>
              <Field label={t('applications.receivedOn')}>
                {formatDate(app.receivedOn, locale)}
              </Field>
              <Field label={t('applications.dueOn')}>
                {formatDate(app.dueOn, locale)}{' '}
                <ProvisionalBadge provisional={app.calendarProvisional} />
              </Field>
              <Field label={t('applications.section')}>{sectionName(app.sectionId)}</Field>
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('applications.description')}
            </Text>
            <Text size="sm">{app.description}</Text>
            {app.decision && (
              <Card withBorder mt="md" padding="sm" bg="var(--mantine-color-gray-light)">
                <Text size="sm" fw={600}>
                  {t('applications.outcome')}: {app.decision.outcome}{' '}
                  {tx(outcomeKey(app.decision.outcome))}
                </Text>
                <Text size="sm">{app.decision.reason}</Text>
                <Text size="xs" c="dimmed">
                  {t('applications.actions.decidedOn')} {formatDate(app.decision.decidedOn, locale)}
                  {app.decision.fee
                    ? ` · ${t('applications.actions.fee')} ${formatNumber(app.decision.fee, locale)}`
                    : ''}{' '}
                  · {app.decision.late ? t('applications.late') : t('applications.onTime')}
                </Text>
              </Card>
            )}
            <Stack mt="md">
              <ApplicationActions app={app} />
            </Stack>
          </Card>
          <Card>
            <Title order={2} size="h4" mb="sm">
              {t('letters.detail.timeline')}
            </Title>
            <AuditTimeline query={audit} />
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card>
          <Title order={2} size="h4" mb="sm">
            {t('applications.clock.title')}
          </Title>
          <ClockPanel app={app} />
        </Card>
      </Grid.Col>
    </Grid>
  );
}
