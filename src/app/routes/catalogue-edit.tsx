import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { paths } from '@/config/paths';
import { catalogueQueries } from '@/features/catalogue/api';
import { EntryForm } from '@/features/catalogue/components/entry-form';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';

export default function CatalogueEditRoute() {
  const { t } = useI18n();
  const { id } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const entry = useQuery({ ...catalogueQueries.detail(id ?? ''), enabled: Boolean(id) });
  const done = (e: { id: string }) => navigate(paths.catalogueEntry(e.id));
  return (
    <>
      <Anchor component={Link} to={id ? paths.catalogueEntry(id) : paths.catalogue} size="sm">
        ← {t('letters.detail.back')}
      </Anchor>
      <PageHeader title={id ? t('catalogue.edit') : t('catalogue.new')} />
      {id ? (
        <QueryState query={entry} rows={10}>
          {(e) => (
            <EntryForm
              key={e.version}
              entry={e}
              draftKey={`catalogue.${e.id}.${e.version}.${user.id}`}
              onSaved={done}
            />
          )}
        </QueryState>
      ) : (
        <EntryForm draftKey={`catalogue.new.${user.id}`} onSaved={done} />
      )}
    </>
  );
}
