import { DEFAULT_TIME_LIMITS, type TimeLimits } from '@/features/letters/types';
import type { Organisation } from '@/features/settings/types';
import type { ReadTx } from './ports';

export const DEFAULT_ORGANISATION: Organisation = {
  name: '长治市民政局',
  // Illustrative 18-character USCC (domain.md §7: the bureau's real code is unverified).
  orgCode: '11140400012345678X',
  administrativeFeesWan: { '2017': 0 },
};

export async function getSetting<T>(tx: ReadTx, id: string, fallback: T): Promise<T> {
  return ((await tx.settings.get(id))?.value as T | undefined) ?? fallback;
}

/** A setting's version: 0 while only the default exists, 1 for records saved before versions. */
export const versionOf = (rec: { version?: number } | undefined) => (rec ? (rec.version ?? 1) : 0);

export const settingVersion = async (tx: ReadTx, id: string) =>
  versionOf(await tx.settings.get(id));

export const timeLimits = (tx: ReadTx) =>
  getSetting<TimeLimits>(tx, 'timeLimits', DEFAULT_TIME_LIMITS);
export const organisation = (tx: ReadTx) =>
  getSetting<Organisation>(tx, 'organisation', DEFAULT_ORGANISATION);
