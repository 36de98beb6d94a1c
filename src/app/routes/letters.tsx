import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { paths } from '@/config/paths';
import { LettersList } from '@/features/letters/components/letters-list';
import { chinaToday } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { useSession } from '@/lib/session';
import { useSectionName } from '@/lib/sections';
import { OriginNote } from './origin-note';

export default function LettersRoute() {
  const { t } = useI18n();
  const sectionName = useSectionName();
  const { hasRole, user } = useSession();
  return (
    <>
      <PageHeader
        title={
          user?.role === 'handler' && user.sectionId
            ? `${t('pages.letters.title')} · ${sectionName(user.sectionId)}`
            : t('pages.letters.title')
        }
        subtitle={t('pages.letters.subtitle')}
        actions={
          hasRole('admin', 'clerk') && (
            <Button
              component={Link}
              to={paths.letterNew}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('letters.register')}
            </Button>
          )
        }
      />
      <OriginNote />
      <LettersList letterHref={paths.letter} thisYear={Number(chinaToday().slice(0, 4))} />
    </>
  );
}
