import { Button, Tabs } from '@mantine/core';
import { IconPlus, IconUpload } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { paths } from '@/config/paths';
import { CatalogueList } from '@/features/catalogue/components/catalogue-list';
import { TimelinessPanel } from '@/features/catalogue/components/timeliness-panel';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSession } from '@/lib/session';
import { CatalogueOriginNote } from './catalogue-origin';

export default function CatalogueRoute() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'timeliness' ? 'timeliness' : 'list';
  return (
    <>
      <PageHeader
        title={t('pages.catalogue.title')}
        subtitle={t('pages.catalogue.subtitle')}
        actions={
          hasRole('admin', 'clerk') && (
            <>
              <Button
                component={Link}
                to={paths.catalogueImport}
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
              >
                {t('catalogue.importButton')}
              </Button>
              <Button
                component={Link}
                to={paths.catalogueNew}
                leftSection={<IconPlus size={16} aria-hidden />}
              >
                {t('catalogue.new')}
              </Button>
            </>
          )
        }
      />
      <Tabs value={tab} onChange={(v) => setParams(v === 'timeliness' ? { tab: v } : {})}>
        <Tabs.List mb="md">
          <Tabs.Tab value="list">{t('catalogue.tabs.list')}</Tabs.Tab>
          <Tabs.Tab value="timeliness">{t('catalogue.tabs.timeliness')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'list' ? (
        <>
          <CatalogueOriginNote />
          <CatalogueList entryHref={paths.catalogueEntry} />
        </>
      ) : (
        <TimelinessPanel
          defaultYear={Number(chinaToday().slice(0, 4))}
          entryHref={paths.catalogueEntry}
        />
      )}
    </>
  );
}
