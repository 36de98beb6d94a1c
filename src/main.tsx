import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createApp, firstPageReady } from './app/create-app';
import { loadLocale } from './lib/i18n/core';
import { initialLocale } from './lib/i18n/provider';

/**
 * The mock backend (MSW's service worker and its IndexedDB store), when the build has it on.
 * With VITE_ENABLE_MOCK=false the constant is false at build time, the import is dropped and no
 * MSW code ships.
 */
async function enableMocking() {
  if (!__MOCK_ENABLED__) return;
  const { startMockBackend } = await import('../mocks/browser');
  await startMockBackend();
}

/**
 * Start the mock backend, then make the router and the query client (the first page's modules
 * and data are requested at once) and render once those and the chosen language's texts are in
 * (index.html shows a spinner meanwhile).
 */
async function start() {
  await enableMocking();
  const app = createApp();
  await Promise.all([loadLocale(initialLocale()).catch(() => undefined), firstPageReady(app)]);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App {...app} />
    </StrictMode>,
  );
}

void start();
