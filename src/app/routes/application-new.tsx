import { Anchor } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { paths } from '@/config/paths';
import { RegisterApplicationForm } from '@/features/applications/components/register-application-form';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';

export default function ApplicationNewRoute() {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  return (
    <>
      <Anchor component={Link} to={paths.applications} size="sm">
        ← {t('letters.detail.back')}
      </Anchor>
      <PageHeader title={t('applications.form.title')} />
      <RegisterApplicationForm
        draftKey={`application.new.${user.id}`}
        onCreated={(a) => navigate(paths.application(a.id))}
      />
    </>
  );
}
