/**
 * The first thing the entry evaluates (main.tsx imports it before anything else): the mock
 * backend starts, then the router and the query client are made, so the first URL's route
 * modules (the shell, the page) and its loaders' data are requested before the rest of the
 * entry — react-dom, the providers — is evaluated, instead of after it.
 *
 * With VITE_ENABLE_MOCK=false the constant is false at build time and the import of mocks/ is
 * dropped: no MSW code ships, and the app talks to VITE_API_BASE_URL unchanged.
 */
import { createApp } from './app/create-app';
import { holdRequestsUntil } from './lib/api-client';

declare const __MOCK_ENABLED__: boolean;

/** The mock's service worker; API calls wait for it (a loader may call before it is up). */
export const backend: Promise<void> = __MOCK_ENABLED__
  ? import('../mocks/browser').then((m) => m.startMockBackend())
  : Promise.resolve();
// A real backend needs no wait: the first page's calls go out at once.
if (__MOCK_ENABLED__) holdRequestsUntil(backend);

export const app = createApp();
