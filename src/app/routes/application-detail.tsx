import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { applicationQueries } from '@/features/applications/api';
import { ApplicationDetail } from '@/features/applications/components/application-detail';
import { ApplicationDocuments } from '@/features/documents/components/documents-card';
import { AttachmentsPanel } from '@/features/attachments/components/attachments-panel';

export default function ApplicationDetailRoute() {
  const { id = '' } = useParams();
  // The detail's own query (shared through the cache): the documents read the same record.
  const record = useQuery(applicationQueries.detail(id));
  return (
    <Stack gap="md">
      <ApplicationDetail id={id} listHref={paths.applications} />
      <ApplicationDocuments id={id} application={record.data} />
      <AttachmentsPanel parent="applications" parentId={id} />
    </Stack>
  );
}
