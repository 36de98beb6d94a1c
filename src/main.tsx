import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createApp } from './app/app';
import { holdRequestsUntil } from './lib/api-client';
import { loadLocale } from './lib/i18n/core';
import { initialLocale } from './lib/i18n/provider';

declare const __MOCK_ENABLED__: boolean;

/**
 * With the mock on (default), the MSW worker starts before the first render and before any API
 * call is sent. With
 * VITE_ENABLE_MOCK=false the constant is false at build time and the import below is dropped:
 * no MSW code ships, and the app talks to VITE_API_BASE_URL unchanged.
 */
async function start() {
  // API calls wait for the mock's service worker (a route loader may call before it is up).
  const backend = __MOCK_ENABLED__
    ? import('../mocks/browser').then((m) => m.startMockBackend())
    : Promise.resolve();
  holdRequestsUntil(backend);
  const app = createApp();
  await backend;
  // The chosen language's catalogue is here before the first render (no flash of Chinese).
  await loadLocale(initialLocale()).catch(() => undefined);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App {...app} />
    </StrictMode>,
  );
}

void start();
