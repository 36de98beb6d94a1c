import { DEFAULT_TIME_LIMITS, type TimeLimits } from '@/features/letters/types';
import type { Organisation } from '@/features/settings/types';
import { db } from '../db';

export const DEFAULT_ORGANISATION: Organisation = {
  name: '长治市民政局',
  // Illustrative 18-character USCC (domain.md §7: the bureau's real code is unverified).
  orgCode: '11140400012345678X',
  administrativeFeesWan: { '2017': 0 },
};

export function getSetting<T>(id: string, fallback: T): T {
  return (db.settings.get(id)?.value as T | undefined) ?? fallback;
}

/** A setting's version: 0 while only the default exists, 1 for records saved before versions. */
export const settingVersion = (id: string) => {
  const rec = db.settings.get(id);
  return rec ? (rec.version ?? 1) : 0;
};

export const timeLimits = () => getSetting<TimeLimits>('timeLimits', DEFAULT_TIME_LIMITS);
export const organisation = () => getSetting<Organisation>('organisation', DEFAULT_ORGANISATION);
