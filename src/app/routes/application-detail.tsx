import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { ApplicationDetail } from '@/features/applications/components/application-detail';

export default function ApplicationDetailRoute() {
  const { id = '' } = useParams();
  return <ApplicationDetail id={id} listHref={paths.applications} />;
}
