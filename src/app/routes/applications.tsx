import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { paths } from '@/config/paths';
import { ApplicationsList } from '@/features/applications/components/applications-list';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSession } from '@/lib/session';
import { OriginNote } from './origin-note';

export default function ApplicationsRoute() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  return (
    <>
      <PageHeader
        title={t('pages.applications.title')}
        subtitle={t('pages.applications.subtitle')}
        actions={
          hasRole('admin', 'clerk') && (
            <Button
              component={Link}
              to={paths.applicationNew}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('applications.register')}
            </Button>
          )
        }
      />
      <OriginNote />
      <ApplicationsList
        thisYear={Number(chinaToday().slice(0, 4))}
        detailHref={paths.application}
      />
    </>
  );
}
