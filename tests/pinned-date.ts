/**
 * The date the whole suite runs on. `TEST_TODAY=2027-01-02 npm test` runs every test as if it were
 * that day in China (10:00 Asia/Shanghai), so a test cannot pass only because of the real date: CI
 * runs the suite on a New Year and a mid-year date. Unset, tests see the real date.
 *
 * Time keeps flowing from the pinned instant (an offset, not a frozen clock), so timeouts, expiries
 * and durations behave as usual. Vitest installs it in `tests/setup.ts` before the mock seeds; the
 * e2e fixtures install the same function in every page (before the app and its mock start) and in
 * the Playwright worker.
 */
export const TEST_TODAY = process.env.TEST_TODAY || null;

if (TEST_TODAY !== null && !/^\d{4}-\d{2}-\d{2}$/.test(TEST_TODAY))
  throw new Error(`TEST_TODAY must be YYYY-MM-DD, got ${TEST_TODAY}`);

/** The pinned instant in ms, or null for the real date. */
export function pinnedInstant(): number | null {
  return TEST_TODAY === null ? null : Date.parse(`${TEST_TODAY}T10:00:00+08:00`);
}

/**
 * Replaces the global `Date` with one whose "now" starts at `startMs`. Self-contained (no closure
 * over module scope) so Playwright can serialise it into a page's init script.
 */
export function installPinnedDate(startMs: number): void {
  const g = globalThis as unknown as { Date: DateConstructor; __pinnedDate?: boolean };
  if (g.__pinnedDate) return;
  const Real = g.Date;
  const offset = startMs - Real.now();
  class PinnedDate extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(Real.now() + offset);
      else super(...(args as [string | number]));
    }
    static override now() {
      return Real.now() + offset;
    }
  }
  g.Date = PinnedDate as unknown as DateConstructor;
  g.__pinnedDate = true;
}

/** Installs the pinned date in this process when TEST_TODAY is set. */
export function pinDateFromEnv(): void {
  const at = pinnedInstant();
  if (at !== null) installPinnedDate(at);
}
