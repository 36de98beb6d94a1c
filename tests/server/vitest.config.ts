import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The real server, as a process over HTTP: `npx vitest run --config tests/server/vitest.config.ts`
 * (npm test runs it). Its global setup builds the SPA without the mock and the server bundle once.
 * TEST_DATABASE_URL (postgres://…, a role that may create databases) adds the PostgreSQL runs.
 */
export default defineConfig({
  // The storage contract imports the server's modules, which use the project's aliases.
  resolve: {
    alias: [
      { find: /^@\//, replacement: fileURLToPath(new URL('../../src/', import.meta.url)) },
      { find: /^@mocks\//, replacement: fileURLToPath(new URL('../../mocks/', import.meta.url)) },
    ],
  },
  test: {
    root: '.',
    include: ['tests/server/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/server/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each file starts its own servers; two at once on two cores is plenty.
    maxWorkers: 2,
  },
});
