import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { AttachmentsPanel } from '@/features/attachments/components/attachments-panel';
import { EntryDetail } from '@/features/catalogue/components/entry-detail';
import { useSession } from '@/lib/session';

export default function CatalogueEntryRoute() {
  const { id = '' } = useParams();
  const { hasRole } = useSession();
  return (
    <Stack gap="md">
      <EntryDetail
        id={id}
        listHref={paths.catalogue}
        editHref={paths.catalogueEdit}
        canEdit={hasRole('admin', 'clerk')}
      />
      <AttachmentsPanel parent="catalogue" parentId={id} />
    </Stack>
  );
}
