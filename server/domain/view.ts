import type { WorkdayCalendar } from '@/lib/workdays';
import { calendar } from './calendar';
import type { ReadTx } from './ports';
import { timeLimits } from './settings';

/**
 * What presenting a letter or an application needs besides the record (its remaining working
 * days and alert against today): read once per request, then every row is presented from it.
 */
export interface View {
  cal: WorkdayCalendar;
  dueSoonDays: number;
  today: string;
}

export async function readView(tx: ReadTx, today = tx.today): Promise<View> {
  return { cal: await calendar(tx), dueSoonDays: (await timeLimits(tx)).dueSoonDays, today };
}
