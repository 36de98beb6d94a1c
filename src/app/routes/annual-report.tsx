import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { QueryState } from '@/components/query-state';
import { paths } from '@/config/paths';
import { reportQueries } from '@/features/reports/api';
import { AnnualReportView } from '@/features/reports/components/annual-report-view';
import { ExportWordButton } from '@/features/reports/components/export-word-button';
import { CompareSwitch, PrintButton } from '@/features/reports/components/report-toolbar';
import { ReviewRegister } from '@/features/reports/components/review-register';
import { AttachmentsPanel } from '@/features/attachments/components/attachments-panel';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSession } from '@/lib/session';
import { NotFoundPage } from './status-pages';

const FIRST_YEAR = 2017;

export default function AnnualReportRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { user, hasRole } = useSession();
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = Number(useParams().year);
  const valid = Number.isInteger(year) && year >= FIRST_YEAR && year <= thisYear;
  const [compare, setCompare] = useState(false);
  const report = useQuery({ ...reportQueries.annual(year), enabled: valid });
  const previous = useQuery({ ...reportQueries.annual(year - 1), enabled: valid && compare });
  if (!valid) return <NotFoundPage />;
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const canEdit = hasRole('admin', 'clerk');

  const toolbar = (
    <>
      <Select
        label={t('report.year')}
        data={years}
        value={String(year)}
        onChange={(v) => v && navigate(paths.annualReport(v))}
        allowDeselect={false}
        w={110}
        size="xs"
      />
      <CompareSwitch checked={compare} onChange={setCompare} />
      <ExportWordButton report={report.data} />
      <PrintButton />
    </>
  );

  return (
    <QueryState query={report} rows={8}>
      {(data) => (
        <AnnualReportView
          key={year}
          report={data}
          previous={compare ? (previous.data ?? null) : null}
          canEdit={canEdit}
          draftKey={`report.narrative.${year}.${user?.id ?? 'anon'}`}
          reportPath={paths.annualReport(year)}
          canSeeSettings={canEdit}
          toolbar={toolbar}
        >
          <ReviewRegister
            year={year}
            canEdit={canEdit}
            applicationHref={paths.application}
            attachments={(reviewId) => <AttachmentsPanel parent="reviews" parentId={reviewId} />}
          />
        </AnnualReportView>
      )}
    </QueryState>
  );
}
