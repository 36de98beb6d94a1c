import {
  Alert,
  Anchor,
  Badge,
  Card,
  Divider,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { AuditTimeline } from '@/components/audit-timeline';
import { ErrorState } from '@/components/error-state';
import { Field } from '@/components/field';
import { LoadingState } from '@/components/loading-state';
import { QueryState } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { calendarQueries } from '@/lib/queries/calendar';
import { letterQueries } from '../api';
import type { Letter } from '../types';
import { describeLetterEvent } from '../history';
import { DeadlineExplanation } from './deadline-explanation';
import { FollowUpNote, PreviousReplies, ReplyMeta } from './letter-replies';
import { LetterActions } from './letter-actions';
import { LetterLinks } from './letter-links';
import { PlatformCard } from './platform-card';
import { LetterFlags, RemainingBadge } from './remaining-badge';
import classes from './letter-detail.module.css';
import { useSectionName } from '@/lib/sections';

export function LetterDetail({ id, listHref }: { id: string; listHref: string }) {
  const { t } = useI18n();
  const query = useQuery(letterQueries.detail(id));
  return (
    <Stack gap="md">
      <Anchor component={Link} to={listHref} size="sm">
        ← {t('letters.detail.back')}
      </Anchor>
      <QueryState query={query} rows={10}>
        {(letter) => <Body letter={letter} />}
      </QueryState>
    </Stack>
  );
}

function Body({ letter }: { letter: Letter }) {
  const { t, tx, locale } = useI18n();
  const sectionName = useSectionName();
  const base = useQuery(calendarQueries.workdays(letter.receivedOn, letter.timeLimitDays));
  const ext = useQuery({
    ...calendarQueries.workdays(
      letter.extension?.previousDueOn ?? letter.dueOn,
      letter.extension?.days ?? 0,
    ),
    enabled: Boolean(letter.extension),
  });
  const audit = useQuery(letterQueries.audit(letter.id));
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <Card>
            <Group justify="space-between" align="flex-start" mb="sm">
              <div>
                <Text ff="monospace" c="dimmed" size="sm" data-testid="serial-no">
                  {letter.serialNo}
                </Text>
                <Title order={1} size="h3">
                  {letter.subject}
                </Title>
              </div>
              <Stack gap={4} align="flex-end">
                <Badge size="lg" variant="outline">
                  {t(`letters.statuses.${letter.status}`)}
                </Badge>
                <RemainingBadge letter={letter} />
                <LetterFlags letter={letter} />
              </Stack>
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="md">
              <Field label={t('letters.source')}>{t(`letters.sources.${letter.source}`)}</Field>
              <Field label={t('letters.category')}>
                {t(`letters.categories.${letter.category}`)}
              </Field>
              <Field label={t('letters.receivedOn')}>{formatDate(letter.receivedOn, locale)}</Field>
              <Field label={t('letters.dueOn')}>{formatDate(letter.dueOn, locale)}</Field>
              <Field label={t('letters.citizenName')}>{letter.citizenName}</Field>
              <Field label={t('letters.citizenPhone')}>{letter.citizenPhone ?? '—'}</Field>
              <Field label={t('letters.section')}>{sectionName(letter.sectionId)}</Field>
              <Field label={t('letters.timeLimit')}>
                {t('letters.workdays', { n: letter.timeLimitDays })}
              </Field>
              {letter.closedOn && (
                <Field label={t('letters.detail.closedOn')}>
                  {formatDate(letter.closedOn, locale)}
                </Field>
              )}
              {letter.onTime !== null && (
                <Field label={t('letters.status')}>
                  {letter.onTime ? t('letters.onTime') : t('letters.late')}
                </Field>
              )}
              {letter.satisfaction && (
                <Field label={t('letters.satisfaction')}>
                  {t(`letters.satisfactions.${letter.satisfaction}`)}
                </Field>
              )}
              {letter.followUp && (
                <Field label={t('letters.records.followUp')}>
                  {letter.followUp.reached
                    ? t('letters.records.reachedYes')
                    : t('letters.records.reachedNo')}
                </Field>
              )}
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('letters.content')}
            </Text>
            <Text size="sm" className={classes.prose}>
              {letter.content}
            </Text>
            {letter.followUp && <FollowUpNote letter={letter} />}
            {letter.returned && (
              <Alert
                color="orange"
                variant="light"
                mt="md"
                title={t('letters.records.returnedTitle')}
              >
                {t('letters.records.returned', {
                  section: sectionName(letter.returned.sectionId),
                  date: formatDate(letter.returned.on, locale),
                  reason: letter.returned.reason,
                })}
              </Alert>
            )}
            {letter.extensionRequest && (
              <Alert
                color="cyan"
                variant="light"
                mt="md"
                title={t('letters.records.pendingRequest')}
              >
                {t('letters.records.request', {
                  name: letter.extensionRequest.requestedBy.name,
                  date: formatDate(letter.extensionRequest.requestedOn, locale),
                  days: letter.extensionRequest.days,
                  reason: letter.extensionRequest.reason,
                })}
              </Alert>
            )}
            <Divider my="md" />
            <LetterActions letter={letter} />
          </Card>
          <Card>
            <Title order={2} size="h4" mb="xs">
              {t('letters.detail.reply')}
            </Title>
            {letter.reply ? (
              <Stack gap={4}>
                <Text size="sm" className={classes.prose}>
                  {letter.reply.content}
                </Text>
                <ReplyMeta reply={letter.reply} />
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('letters.detail.noReply')}
              </Text>
            )}
            <PreviousReplies replies={letter.previousReplies} />
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <Card>
            <Title order={2} size="h4" mb="xs">
              {t('letters.detail.deadline')}
            </Title>
            {base.data ? (
              <DeadlineExplanation result={base.data} />
            ) : base.isError ? (
              <ErrorState error={base.error} onRetry={() => void base.refetch()} />
            ) : (
              <LoadingState rows={3} />
            )}
            {letter.extension && (
              <>
                <Alert color="cyan" variant="light" mt="sm" p="xs">
                  <Text size="sm">
                    {t('letters.detail.extension', {
                      days: letter.extension.days,
                      reason: letter.extension.reason,
                      previous: formatDate(letter.extension.previousDueOn, locale),
                    })}
                  </Text>
                  {letter.extension.approvedBy && (
                    <Text size="xs" c="dimmed">
                      {letter.extension.requestedBy
                        ? t('letters.records.extensionBy', {
                            requested: letter.extension.requestedBy.name,
                            approved: letter.extension.approvedBy.name,
                          })
                        : t('letters.records.extensionByOffice', {
                            approved: letter.extension.approvedBy.name,
                          })}
                    </Text>
                  )}
                </Alert>
                {ext.data && <DeadlineExplanation result={ext.data} />}
              </>
            )}
          </Card>
          <PlatformCard letter={letter} />
          <LetterLinks letter={letter} />
          <Card>
            <Title order={2} size="h4" mb="sm">
              {t('letters.detail.timeline')}
            </Title>
            <AuditTimeline
              query={audit}
              actionLabel={(a) => tx(`letters.audit.${a}`)}
              describe={(e) => describeLetterEvent(e, tx, locale, sectionName)}
            />
          </Card>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
