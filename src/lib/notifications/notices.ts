import { createNotificationsStore } from '@mantine/notifications';

/**
 * Notices that are not an answer to what the user just did (the post-login deadline summary): a
 * store of their own, whose container sits below any open dialog (a forced password change, a
 * confirmation) rather than over it, as the toasts answering an action do.
 */
export const noticesStore = createNotificationsStore();
