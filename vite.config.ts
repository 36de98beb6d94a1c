/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
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

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const mockEnabled = env.VITE_ENABLE_MOCK !== 'false';
  return {
    plugins: [react(), contentSecurityPolicy(env.VITE_API_BASE_URL)],
    resolve: {
      alias: {
        '@': fileURLToPath(new URL('./src', import.meta.url)),
        '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
      },
    },
    define: {
      // Compile-time constant so that, with the mock off, the dynamic import of mocks/ is dead code
      // and no MSW code reaches the bundle.
      __MOCK_ENABLED__: JSON.stringify(mockEnabled),
    },
    preview: { port: 4173, strictPort: true },
    server: { port: 5173 },
    build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 900 },
    test: {
      environment: 'jsdom',
      setupFiles: ['./tests/setup.ts'],
      include: ['tests/**/*.test.{ts,tsx}'],
      testTimeout: 20000,
      css: false,
    },
  };
});
