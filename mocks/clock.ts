/**
 * The backend's notion of "today": the real current date in China time (Asia/Shanghai).
 * Test hook (documented in README and OpenAPI): `PUT /api/v1/admin/clock {today}` on the mock, or
 * `setToday()` from Vitest. The app itself never sets it.
 */
import { chinaDate, instant } from '../server/domain/time';

export { chinaDate };

let override: string | null = null;

export function today(): string {
  return override ?? chinaDate(new Date());
}

export function setToday(date: string | null) {
  override = date;
}

/** An instant as ISO 8601 with the China offset, e.g. 2026-11-26T09:30:00+08:00. */
export function nowInstant(d: Date = new Date()): string {
  return instant(d.getTime());
}
