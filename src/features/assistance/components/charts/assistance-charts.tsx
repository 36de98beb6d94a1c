import { Alert, Select, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LoadingState } from '@/components/loading-state';
import { QueryState } from '@/components/query-state';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { assistanceQueries } from '../../api';
import {
  compositionSeries,
  countySeries,
  monthText,
  trendSeries,
  yearOverYearSeries,
} from '../../charts';
import { PROGRAMS, type AssistanceSummary, type Program } from '../../types';
import { CompositionChart, TrendChart } from './chart-views';
import { CountyChart, YearOverYearChart } from './comparison-charts';

/** The charts of one year's published figures (loaded lazily with the charts tab). */
export function AssistanceCharts({ year }: { year: number }) {
  const { t } = useI18n();
  const summary = useQuery(assistanceQueries.summary(year));
  return (
    <QueryState query={summary} rows={6}>
      {(s) =>
        s.through === null ? (
          <Alert color="gray">{t('assistance.charts.noData')}</Alert>
        ) : (
          <Charts summary={s} through={s.through} />
        )
      }
    </QueryState>
  );
}

function Charts({ summary, through }: { summary: AssistanceSummary; through: string }) {
  const { t, locale } = useI18n();
  const now = chinaToday();
  const [program, setProgram] = useState<Program>('rural_dibao');
  const previous = useQuery(assistanceQueries.summary(summary.year - 1));
  const month = useQuery(assistanceQueries.month(through));
  const regions = useQuery(assistanceQueries.regions(`${through}-01`));
  const note = t('assistance.charts.publishedOnly', { month: monthText(through, locale) });
  const programSelect = (
    <Select
      size="xs"
      aria-label={t('assistance.charts.program')}
      data={PROGRAMS.map((p) => ({ value: p, label: t(`assistance.programs.${p}`) }))}
      value={program}
      onChange={(v) => v && setProgram(v as Program)}
      allowDeselect={false}
      w={240}
    />
  );
  return (
    <Stack gap="md">
      <TrendChart
        program={program}
        data={trendSeries(summary, program, now, locale)}
        illustrative={summary.illustrative}
        note={note}
        controls={programSelect}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <CompositionChart
          data={compositionSeries(summary, now, locale)}
          illustrative={summary.illustrative}
        />
        {previous.isPending ? (
          <LoadingState rows={4} />
        ) : (
          <YearOverYearChart
            year={summary.year}
            data={yearOverYearSeries(summary, previous.data, now, locale)}
            illustrative={summary.illustrative || Boolean(previous.data?.illustrative)}
          />
        )}
      </SimpleGrid>
      {month.data && regions.data ? (
        <CountyChart
          program={program}
          month={monthText(through, locale)}
          data={countySeries(month.data, regions.data, program, now, locale)}
          illustrative={month.data.some((f) => f.illustrative)}
        />
      ) : (
        <LoadingState rows={4} />
      )}
    </Stack>
  );
}
