import { PageHeader } from '@/components/page-header';
import { ApplicationsList } from '@/features/applications/components/applications-list';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';

export default function ApplicationsRoute() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        title={t('pages.applications.title')}
        subtitle={t('pages.applications.subtitle')}
      />
      <ApplicationsList thisYear={Number(chinaToday().slice(0, 4))} />
    </>
  );
}
