import { Alert, Card, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { paths } from '@/config/paths';
import { dashboardQueries } from '@/features/dashboard/api';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { NotFoundPage } from './status-pages';

const SECTIONS = ['overview', 'proactive', 'applications', 'review', 'problems', 'other'] as const;

export default function AnnualReportRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = Number(useParams().year);
  const valid = Number.isInteger(year) && year >= 2017 && year <= thisYear;
  const letters = useQuery({ ...dashboardQueries.letterCounts(year), enabled: valid });
  if (!valid) return <NotFoundPage />;
  const years = Array.from({ length: thisYear - 2016 }, (_, i) => String(thisYear - i));

  return (
    <>
      <PageHeader
        title={t('pages.annualReport.title', { year })}
        subtitle={t('pages.annualReport.subtitle')}
        actions={
          <Select
            label={t('report.year')}
            data={years}
            value={String(year)}
            onChange={(v) => v && navigate(paths.annualReport(v))}
            allowDeselect={false}
            w={110}
          />
        }
      />
      <Stack gap="md">
        <Alert variant="light">{t('report.deadline')}</Alert>
        {SECTIONS.map((s) => (
          <Card key={s}>
            <Title order={2} size="h4" mb="xs">
              {t(`report.sections.${s}`)}
            </Title>
            {s === 'other' ? (
              <QueryState query={letters} rows={1}>
                {(c) => (
                  <Text size="sm">
                    <b>{t('report.lettersTitle')}：</b>
                    {t('report.lettersLine', {
                      received: c.received,
                      mayor: c.mayorMailbox,
                      closed: c.closed,
                    })}
                  </Text>
                )}
              </QueryState>
            ) : (
              <Text size="sm" c="dimmed">
                {t('app.noData')}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    </>
  );
}
