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
              // Not remounted when a newer version arrives (a live update): what the user typed
              // stays, and the form says the record changed (its draft keeps the version it is on).
              key={e.id}
              entry={e}
              draftKey={`catalogue.${e.id}.${user.id}`}
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
