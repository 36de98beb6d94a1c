import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { AttachmentsPanel } from '@/features/attachments/components/attachments-panel';
import { LetterDocuments } from '@/features/documents/components/letter-documents';
import { LetterDetail } from '@/features/letters/components/letter-detail';

export default function LetterDetailRoute() {
  const { id = '' } = useParams();
  return (
    <Stack gap="md">
      <LetterDetail id={id} listHref={paths.letters} />
      <LetterDocuments id={id} />
      <AttachmentsPanel parent="letters" parentId={id} />
    </Stack>
  );
}
