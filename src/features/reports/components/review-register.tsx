import { Button, Card, Group, Modal, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { QueryState } from '@/components/query-state';
import tableClasses from '@/components/table.module.css';
import { formatDate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { reportQueries } from '../api';
import { REVIEW_REGISTER_ID } from '../links';
import type { ReviewCase } from '../types';
import { filterReviews, pickReviewKind, pickReviewResult, reviewCountsIn } from '../utils';
import classes from './report.module.css';
import { LinkedApplicationLink } from './application-picker';
import { ReviewFormModal } from './review-form';

/**
 * The cases behind table 四: the ones counted in the year (or all), filtered by a table 四 cell's
 * link (?reviewKind=…&reviewResult=…#review-register); registering and editing for the office.
 */
export function ReviewRegister({
  year,
  canEdit,
  applicationHref,
  attachments,
}: {
  year: number;
  canEdit: boolean;
  applicationHref: (id: string) => string;
  /** A case's attachments (composed by the app), opened from its row. */
  attachments?: (reviewId: string) => ReactNode;
}) {
  const { t, locale } = useI18n();
  const query = useQuery(reportQueries.reviews());
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const kind = pickReviewKind(params.get('reviewKind'));
  const result = pickReviewResult(params.get('reviewResult'));
  const [scope, setScope] = useState<'year' | 'all'>('year');
  const [editing, setEditing] = useState<ReviewCase | 'new' | null>(null);
  const [filesOf, setFilesOf] = useState<ReviewCase | null>(null);
  const extra = (canEdit ? 1 : 0) + (attachments ? 1 : 0);

  useEffect(() => {
    if (location.hash === `#${REVIEW_REGISTER_ID}`)
      document.getElementById(REVIEW_REGISTER_ID)?.scrollIntoView({ block: 'start' });
  }, [location.hash, location.search]);

  const clearFilter = () => {
    const next = new URLSearchParams(params);
    next.delete('reviewKind');
    next.delete('reviewResult');
    setParams(next, { replace: true });
  };
  const filterText = [kind && t(`report.reviews.kinds.${kind}`), result && t(`report.t4.${result}`)]
    .filter(Boolean)
    .join(' · ');

  return (
    <Card
      id={REVIEW_REGISTER_ID}
      className={classes.noPrint}
      withBorder
      aria-labelledby="review-register-title"
    >
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4" id="review-register-title">
          {t('report.reviews.title')}
        </Title>
        <Group gap="xs">
          <SegmentedControl
            aria-label={t('report.reviews.scope')}
            size="xs"
            value={scope}
            onChange={(v) => setScope(v as 'year' | 'all')}
            data={[
              { value: 'year', label: t('report.reviews.scopeYear') },
              { value: 'all', label: t('report.reviews.scopeAll') },
            ]}
          />
          {canEdit && (
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setEditing('new')}
            >
              {t('report.reviews.add')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" className={classes.muted} mb="xs">
        {t('report.reviews.intro')}
      </Text>
      {filterText && (
        <Group gap="xs" mb="xs">
          <Text size="sm" fw={600}>
            {t('report.reviews.filtered', { filter: filterText })}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={clearFilter}
          >
            {t('report.reviews.clearFilter')}
          </Button>
        </Group>
      )}
      <QueryState query={query} rows={3}>
        {(cases) => {
          const rows = filterReviews(cases, { year, countedOnly: scope === 'year', kind, result });
          return (
            <Table.ScrollContainer minWidth={760}>
              <Table aria-labelledby="review-register-title" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('report.reviews.kind')}</Table.Th>
                    <Table.Th>{t('report.reviews.filedOn')}</Table.Th>
                    <Table.Th>{t('report.reviews.result')}</Table.Th>
                    <Table.Th>{t('report.reviews.concludedOn')}</Table.Th>
                    <Table.Th>{t('report.reviews.applicationColumn')}</Table.Th>
                    <Table.Th>{t('report.reviews.countsIn')}</Table.Th>
                    {attachments && <Table.Th>{t('attachments.title')}</Table.Th>}
                    {canEdit && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={6 + extra}>
                        <Text ta="center" size="sm" py="sm" className={classes.muted}>
                          {t('report.reviews.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {rows.map((c) => {
                    const counted = reviewCountsIn(c, year);
                    return (
                      <Table.Tr key={c.id} data-testid="review-row">
                        <Table.Td>{t(`report.reviews.kinds.${c.kind}`)}</Table.Td>
                        <Table.Td className={tableClasses.nowrap}>
                          {formatDate(c.filedOn, locale)}
                        </Table.Td>
                        <Table.Td>{t(`report.t4.${c.result}`)}</Table.Td>
                        <Table.Td className={tableClasses.nowrap}>
                          {formatDate(c.concludedOn, locale)}
                        </Table.Td>
                        <Table.Td>
                          {c.applicationId ? (
                            <LinkedApplicationLink id={c.applicationId} href={applicationHref} />
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <Table.Td>
                          {counted
                            ? t('report.reviews.countsInValue', {
                                year,
                                result: t(`report.t4.${counted}`),
                              })
                            : t('report.reviews.countsNone')}
                        </Table.Td>
                        {attachments && (
                          <Table.Td>
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              onClick={() => setFilesOf(c)}
                              aria-label={t('attachments.ofReview', {
                                date: formatDate(c.filedOn, locale),
                              })}
                            >
                              {t('attachments.title')}
                            </Button>
                          </Table.Td>
                        )}
                        {canEdit && (
                          <Table.Td>
                            <Button
                              size="compact-xs"
                              variant="light"
                              onClick={() => setEditing(c)}
                              aria-label={t('report.reviews.editCase', {
                                date: formatDate(c.filedOn, locale),
                              })}
                            >
                              {t('report.reviews.edit')}
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          );
        }}
      </QueryState>
      {attachments && (
        <Modal
          opened={filesOf !== null}
          onClose={() => setFilesOf(null)}
          size="xl"
          title={
            filesOf ? t('attachments.ofReview', { date: formatDate(filesOf.filedOn, locale) }) : ''
          }
        >
          {filesOf && attachments(filesOf.id)}
        </Modal>
      )}
      {editing && (
        <ReviewFormModal
          key={editing === 'new' ? 'new' : editing.id}
          record={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
