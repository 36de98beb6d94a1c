import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4179);

/**
 * End-to-end tests in Debian's Chromium (test tools cannot download browsers here): on the real
 * server (build/app and build/server, see the projects below) and, for the mock's own store, on
 * the production build with the mock backend (`vite preview` of dist/).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  // Safety nets, not speed checks (speed is `npm run bench`'s): at a load of 13 on 2 cores the
  // suite ran 3× slower than idle, and 60 s / 10 s failed tests that were only slow.
  timeout: 120_000,
  expect: { timeout: 20_000 },
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
  // Most journeys on the real server (one per worker, started by the `backend` fixture in
  // fixtures.ts, reset to the demo seed before each test); what concerns the in-browser mock
  // itself (its IndexedDB store) on the mock build.
  projects: [
    { name: 'server', grepInvert: /IndexedDB/ },
    { name: 'mock', grep: /IndexedDB/ },
  ],
  globalSetup: './tests/e2e/global-setup.ts',
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
