// First: starts the first page's modules and data while the rest is evaluated (see boot.ts).
import { app, backend } from './boot';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { firstPageReady } from './app/create-app';
import { loadLocale } from './lib/i18n/core';
import { initialLocale } from './lib/i18n/provider';

/**
 * The first render waits for the mock backend (when on), the chosen language's catalogue (no
 * flash of Chinese) and the first page: its modules and, unless the server is slow, its data —
 * drawn once, not as a loading screen, then a skeleton, then the page.
 */
async function start() {
  const locale = loadLocale(initialLocale()).catch(() => undefined);
  await backend;
  await Promise.all([locale, firstPageReady(app)]);
  const root = createRoot(document.getElementById('root')!);
  // Rendered and committed now, in this task, rather than in a task React schedules next.
  flushSync(() =>
    root.render(
      <StrictMode>
        <App {...app} />
      </StrictMode>,
    ),
  );
}

void start();
