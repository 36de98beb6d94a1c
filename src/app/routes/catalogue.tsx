import { PageHeader } from '@/components/page-header';
import { CatalogueList } from '@/features/catalogue/components/catalogue-list';
import { useI18n } from '@/lib/i18n/provider';

export default function CatalogueRoute() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('pages.catalogue.title')} subtitle={t('pages.catalogue.subtitle')} />
      <CatalogueList />
    </>
  );
}
