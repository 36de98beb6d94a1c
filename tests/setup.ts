import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { pinDateFromEnv } from './pinned-date';

// TEST_TODAY pins the date before anything (the mock's seed included) reads it.
pinDateFromEnv();

// Vitest runs DOM tests in jsdom, where relative URLs cannot be fetched by Node: point the API at
// an absolute origin. The MSW handlers match any origin.
vi.stubEnv('VITE_API_BASE_URL', 'http://localhost/api/v1');

const isDom = typeof window !== 'undefined';

if (isDom) {
  // findBy…/waitFor give a page up to 15 s: the default 1 s (and 5 s, measured: 14 of 1,440 tests
  // at a load of 13 on 2 cores) fails on a busy machine, not a slow app. A passing wait returns as
  // soon as its condition holds, so the limit costs nothing until a test fails.
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 15_000 });
}
// Mantine needs these browser APIs that jsdom lacks: installed once per window (the test files of
// a worker share one, see vite.config.ts).
const shimmed = isDom && (window as { __gkwbShims?: boolean }).__gkwbShims;
if (isDom && !shimmed) {
  (window as { __gkwbShims?: boolean }).__gkwbShims = true;
  const { getComputedStyle } = window;
  window.getComputedStyle = (elt: Element) => getComputedStyle(elt);
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
  class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  window.ResizeObserver = ResizeObserver as unknown as typeof window.ResizeObserver;
  window.HTMLElement.prototype.scrollIntoView = () => {};
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener() {}, removeEventListener() {}, ready: Promise.resolve() },
  });
}

const { server, resetMockDb } = await import('@mocks/node');
const { setToday } = await import('@mocks/clock');
const { clearFaults } = await import('@mocks/faults');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  await resetMockDb();
});
afterEach(async () => {
  if (isDom) {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
    const { notifications } = await import('@mantine/notifications');
    const { noticesStore } = await import('@/lib/notifications/notices');
    notifications.clean();
    notifications.clean(noticesStore);
  }
  server.resetHandlers();
  setToday(null);
  clearFaults();
  if (isDom) {
    localStorage.clear();
    sessionStorage.clear();
  }
});
afterAll(() => server.close());
