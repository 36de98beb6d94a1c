import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';

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
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
