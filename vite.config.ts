/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const mockEnabled = env.VITE_ENABLE_MOCK !== 'false';
  return {
    plugins: [react()],
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
