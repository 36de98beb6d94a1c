import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { EntryDetail } from '@/features/catalogue/components/entry-detail';
import { useSession } from '@/lib/session';

export default function CatalogueEntryRoute() {
  const { id = '' } = useParams();
  const { hasRole } = useSession();
  return (
    <EntryDetail
      id={id}
      listHref={paths.catalogue}
      editHref={paths.catalogueEdit}
      canEdit={hasRole('admin', 'clerk')}
    />
  );
}
