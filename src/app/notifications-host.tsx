import { Notifications } from '@mantine/notifications';
import { noticesStore } from '@/lib/notifications/notices';
import toastClasses from './notifications.module.css';

/** The toasts, and the notices just below dialogs and drawers (their z-index), above the page. */
export default function NotificationsHost() {
  return (
    <>
      <Notifications position="top-center" classNames={{ root: toastClasses.root }} />
      <Notifications
        store={noticesStore}
        position="top-center"
        zIndex="calc(var(--mantine-z-index-modal) - 1)"
        classNames={{ root: toastClasses.root }}
      />
    </>
  );
}
