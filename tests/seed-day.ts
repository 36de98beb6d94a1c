import { afterAll, beforeAll, vi } from 'vitest';

/**
 * Runs every test of the calling file on `today` (China time, 10:00): the app, the mock backend
 * and its seed all see that date, and time flows from it. Call it at the top of a test file whose
 * expectations depend on the day; the setup's `beforeEach` seeds after it, so the seed is built
 * around `today` (a test may still move the backend's day with `setToday`).
 */
export function seedOn(today: string) {
  beforeAll(() => {
    vi.useFakeTimers({
      toFake: ['Date'],
      now: Date.parse(`${today}T10:00:00+08:00`),
      shouldAdvanceTime: true,
    });
  });
  afterAll(() => {
    vi.useRealTimers();
  });
}
