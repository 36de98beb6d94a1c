/**
 * The backend's notion of "today": the real current date in China time (Asia/Shanghai).
 * Test hook (documented in README and OpenAPI): `PUT /api/v1/admin/clock {today}` on the mock, or
 * `setToday()` from Vitest. The app itself never sets it.
 */
let override: string | null = null;

const fmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function chinaDate(d: Date): string {
  return fmt.format(d);
}

export function today(): string {
  return override ?? chinaDate(new Date());
}

export function setToday(date: string | null) {
  override = date;
}

/** An instant as ISO 8601 with the China offset, e.g. 2026-11-26T09:30:00+08:00. */
export function nowInstant(d: Date = new Date()): string {
  const shifted = new Date(d.getTime() + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}
