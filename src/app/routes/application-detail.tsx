import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { ApplicationDetail } from '@/features/applications/components/application-detail';
import { ApplicationDocuments } from '@/features/documents/components/letter-documents';
import { AttachmentsPanel } from '@/features/attachments/components/attachments-panel';

export default function ApplicationDetailRoute() {
  const { id = '' } = useParams();
  return (
    <Stack gap="md">
      <ApplicationDetail id={id} listHref={paths.applications} />
      <ApplicationDocuments id={id} />
      <AttachmentsPanel parent="applications" parentId={id} />
    </Stack>
  );
}
