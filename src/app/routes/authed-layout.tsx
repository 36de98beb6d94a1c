import { paths } from '@/config/paths';
import { LetterAlertsBell } from '@/features/letters/components/alert-bell';
import { useSession } from '@/lib/session';
import { AppLayout } from '../layouts/app-layout';

export function AuthedLayout() {
  const { session } = useSession();
  return (
    <AppLayout
      alerts={
        <LetterAlertsBell
          letterHref={paths.letter}
          listHref={(alert) => `${paths.letters}?alert=${alert}&sort=remainingWorkdays`}
          sessionKey={session?.token.slice(0, 12) ?? 'anon'}
        />
      }
    />
  );
}
