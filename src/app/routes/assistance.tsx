import { PageHeader } from '@/components/page-header';
import { MonthGrid } from '@/features/assistance/components/month-grid';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';

export default function AssistanceRoute() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('pages.assistance.title')} subtitle={t('pages.assistance.subtitle')} />
      <MonthGrid defaultPeriod={chinaToday().slice(0, 7)} />
    </>
  );
}
