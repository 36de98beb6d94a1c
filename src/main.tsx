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
 * Start the mock backend and load the chosen language's catalogue, then make the router and the
 * query client and render once the first page's modules and data are in (index.html shows a
 * spinner meanwhile).
 */
async function start() {
  await Promise.all([enableMocking(), loadLocale(initialLocale()).catch(() => undefined)]);
  const app = createApp();
  await firstPageReady(app);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App {...app} />
    </StrictMode>,
  );
}

void start();
