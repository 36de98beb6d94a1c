/**
 * `@mantine/notifications` as the app imports it (vite.config.ts aliases the package name here):
 * the store and its API only. The toasts' container, with its transitions and scroll lock, is a
 * separate module (`@mantine/notifications/container`) that the app loads with the first toast.
 */
// @ts-expect-error -- an untyped deep module (the package exports only its index); same API
export * from '../../../node_modules/@mantine/notifications/esm/notifications.store.mjs';
