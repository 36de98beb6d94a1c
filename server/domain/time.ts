/** Dates and instants as the API writes them: China time (Asia/Shanghai, UTC+8, no DST). */
const fmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in China of an instant, `YYYY-MM-DD`. */
export function chinaDate(d: Date): string {
  return fmt.format(d);
}

/** An instant as ISO 8601 with the China offset, e.g. 2026-11-26T09:30:00+08:00. */
export function instant(ms: number): string {
  const shifted = new Date(ms + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/** When an action happens: its business date and its instant. */
export interface When {
  on: string; // the business date of the action (today, or the seeded date)
  at: string; // the instant
}

/** The transaction's own moment (its clock was read when it began). */
export const nowOf = (tx: { today: string; now: number }): When => ({
  on: tx.today,
  at: instant(tx.now),
});
