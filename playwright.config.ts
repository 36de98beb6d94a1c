import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4179);
const SERVER_PORT = Number(process.env.E2E_SERVER_PORT ?? 4181);

/**
 * End-to-end tests in Debian's Chromium (test tools cannot download browsers here): most on the
 * production build with the mock backend (`vite preview` of dist/), those in tests/e2e/server/ on
 * the real server (the SPA without the mock and the API on a fresh embedded database).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'mock', testIgnore: 'server/**' },
    {
      name: 'server',
      testMatch: 'server/**/*.spec.ts',
      use: { baseURL: `http://127.0.0.1:${SERVER_PORT}` },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}/login`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: 'node tests/e2e/real-server.mjs',
      env: { PORT: String(SERVER_PORT), HOST: '127.0.0.1' },
      url: `http://127.0.0.1:${SERVER_PORT}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
