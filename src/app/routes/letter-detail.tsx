import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { letterQueries } from '@/features/letters/api';
import { AttachmentsPanel } from '@/features/attachments/components/attachments-panel';
import { LetterDocuments } from '@/features/documents/components/documents-card';
import { LetterDetail } from '@/features/letters/components/letter-detail';

export default function LetterDetailRoute() {
  const { id = '' } = useParams();
  // The detail's own query (shared through the cache): the documents read the same record.
  const record = useQuery(letterQueries.detail(id));
  return (
    <Stack gap="md">
      <LetterDetail id={id} listHref={paths.letters} />
      <LetterDocuments id={id} letter={record.data} />
      <AttachmentsPanel parent="letters" parentId={id} />
    </Stack>
  );
}
