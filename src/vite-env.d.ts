/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_API_BASE_URL?: string;
  readonly VITE_ENABLE_MOCK?: string;
}

declare module '*.module.css' {
  const classes: Record<string, string>;
  export default classes;
}

/** Mantine's global styles (vite.config.ts, mantineCssPerComponent). */
declare module 'virtual:mantine-styles';

/** The toasts' container alone (vite.config.ts aliases it to Mantine's module). */
declare module '@mantine/notifications/container' {
  export { Notifications } from '@mantine/notifications';
}
