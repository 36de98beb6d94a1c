import { Anchor, Badge, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { AuditTimeline } from '@/components/audit-timeline';
import { Field } from '@/components/field';
import { QueryState } from '@/components/query-state';
import { formatDate, formatNumber } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { outcomeKey, outcomePlainKey } from '../rules';
import { applicationQueries } from '../api';
import { describeApplicationEvent } from '../history';
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

function DecisionCard({ decision: d }: { decision: NonNullable<Application['decision']> }) {
  const { t, tx, locale } = useI18n();
  return (
    <Card
      withBorder
      mt="md"
      padding="sm"
      bg="var(--mantine-color-gray-light)"
      data-testid="decision"
    >
      <Text size="sm" fw={600}>
        {t('app.labelValue', {
          label: t('applications.outcome'),
          value: tx(outcomePlainKey(d.outcome)),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('applications.records.outcomeRow', { code: d.outcome, row: tx(outcomeKey(d.outcome)) })}
      </Text>
      <Text size="sm" mt={4}>
        {d.reason}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mt="xs">
        <Field label={t('applications.actions.decidedOn')}>
          {formatDate(d.decidedOn, locale)} ·{' '}
          {d.late ? t('applications.late') : t('applications.onTime')}
        </Field>
        <Field label={t('applications.records.replyNo')}>{d.replyNo || '—'}</Field>
        <Field label={t('applications.records.deliveryMethod')}>
          {d.deliveryMethod
            ? d.deliveredOn
              ? t('applications.records.delivery', {
                  method: t(`applications.records.deliveryMethods.${d.deliveryMethod}`),
                  date: formatDate(d.deliveredOn, locale),
                })
              : t('applications.records.deliveryPending', {
                  method: t(`applications.records.deliveryMethods.${d.deliveryMethod}`),
                })
            : t('applications.records.notDelivered')}
        </Field>
        {d.fee ? (
          <Field label={t('applications.actions.fee')}>{formatNumber(d.fee, locale)}</Field>
        ) : null}
      </SimpleGrid>
    </Card>
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
                <Title order={1} size="h3" lineClamp={3} data-testid="application-title">
                  {app.description}
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {t('applications.records.applicantLine', { name: app.applicantName })}
                </Text>
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
            {app.decision && <DecisionCard decision={app.decision} />}
            <Stack mt="md">
              <ApplicationActions app={app} />
            </Stack>
          </Card>
          <Card>
            <Title order={2} size="h4" mb="sm">
              {t('letters.detail.timeline')}
            </Title>
            <AuditTimeline
              query={audit}
              describe={(e) => describeApplicationEvent(e, tx, locale, sectionName)}
            />
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
