import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { LetterDetail } from '@/features/letters/components/letter-detail';

export default function LetterDetailRoute() {
  const { id = '' } = useParams();
  return <LetterDetail id={id} listHref={paths.letters} />;
}
