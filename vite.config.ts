/// <reference types="vitest/config" />
import { rmSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

/**
 * Content-Security-Policy of the production build, as a meta tag (any static host serves it):
 * scripts only from this origin, no inline scripts, API calls only to this origin and the
 * configured backend. Styles allow inline because Mantine injects CSS variables at runtime.
 */
function contentSecurityPolicy(apiBase: string | undefined): Plugin {
  let apiOrigin = '';
  try {
    apiOrigin = apiBase && /^https?:/.test(apiBase) ? new URL(apiBase).origin : '';
  } catch {
    apiOrigin = '';
  }
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // An attachment's PDF preview: a blob: URL made from bytes fetched with the session.
    'frame-src blob:',
    "font-src 'self' data:",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return {
    name: 'gkwb-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      ),
  };
}

/** Without the mock, its service worker (copied from public/) has no business in the build. */
function dropMockWorker(mockEnabled: boolean): Plugin {
  return {
    name: 'gkwb-drop-mock-worker',
    apply: 'build',
    writeBundle(options) {
      if (!mockEnabled && options.dir)
        rmSync(`${options.dir}/mockServiceWorker.js`, { force: true });
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const mockEnabled = env.VITE_ENABLE_MOCK !== 'false';
  return {
    plugins: [react(), contentSecurityPolicy(env.VITE_API_BASE_URL), dropMockWorker(mockEnabled)],
    resolve: {
      alias: [
        { find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) },
        { find: /^@mocks\//, replacement: fileURLToPath(new URL('./mocks/', import.meta.url)) },
        { find: /^@mocks$/, replacement: fileURLToPath(new URL('./mocks', import.meta.url)) },
      ],
    },
    define: {
      // Compile-time constant so that, with the mock off, the dynamic import of mocks/ is dead code
      // and no MSW code reaches the bundle.
      __MOCK_ENABLED__: JSON.stringify(mockEnabled),
    },
    preview: { port: 4173, strictPort: true },
    server: { port: 5173 },
    build: {
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 900,
      // Shared chunks up to 48 KB (a Mantine component, a hook) are copied into the chunks that
      // use them rather than loaded as files of their own: fewer requests before the first render.
      rolldownOptions: {
        output: { codeSplitting: { experimentalInlineCommonChunks: { maxSize: 48 * 1024 } } },
      },
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['./tests/setup.ts'],
      include: ['tests/**/*.test.{ts,tsx}'],
      // The real server's suite runs it as a process, with its own config (tests/server).
      exclude: ['tests/server/**', 'node_modules/**'],
      // A safety net against a hung test, not a speed check (speed is `npm run bench`'s): on a
      // loaded 2-core machine a page test that takes 3 s idle can take 25.
      testTimeout: 60_000,
      hookTimeout: 60_000,
      css: false,
      // The files of a worker share one module graph and one jsdom instead of each importing the
      // app, the mock backend and a new jsdom again: about 40 % less CPU for the suite. Every test
      // still starts from a fresh seed, storage and clock (tests/setup.ts), and no file mocks a module.
      isolate: false,
      // Every core runs a test file: Vitest's default (cores − 1) leaves one of CI's two idle
      // while the main process mostly waits.
      maxWorkers: availableParallelism(),
    },
  };
});
