import { Anchor } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { paths } from '@/config/paths';
import { ImportWizard } from '@/features/catalogue/components/import-wizard';
import { useI18n } from '@/lib/i18n/provider';

export default function CatalogueImportRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <Anchor component={Link} to={paths.catalogue} size="sm">
        ← {t('letters.detail.back')}
      </Anchor>
      <PageHeader title={t('catalogue.import.title')} />
      <ImportWizard onDone={() => navigate(`${paths.catalogue}?sort=-indexNo`)} />
    </>
  );
}
