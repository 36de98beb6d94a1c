import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { loadLocale } from './lib/i18n/core';
import { initialLocale } from './lib/i18n/provider';

declare const __MOCK_ENABLED__: boolean;

/**
 * With the mock on (default), the MSW worker starts before the first render. With
 * VITE_ENABLE_MOCK=false the constant is false at build time and the import below is dropped:
 * no MSW code ships, and the app talks to VITE_API_BASE_URL unchanged.
 */
async function start() {
  if (__MOCK_ENABLED__) {
    const { startMockBackend } = await import('../mocks/browser');
    await startMockBackend();
  }
  // The chosen language's catalogue is here before the first render (no flash of Chinese).
  await loadLocale(initialLocale()).catch(() => undefined);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
