import { Anchor } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { paths } from '@/config/paths';
import { RegisterLetterForm } from '@/features/letters/components/register-letter-form';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';

export default function LetterNewRoute() {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  return (
    <>
      <Anchor component={Link} to={paths.letters} size="sm">
        ← {t('letters.detail.back')}
      </Anchor>
      <PageHeader title={t('letters.form.title')} />
      <RegisterLetterForm
        draftKey={`letter.new.${user.id}`}
        onCreated={(l) => navigate(paths.letter(l.id))}
      />
    </>
  );
}
