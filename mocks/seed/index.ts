import { createCalendar } from '@/lib/workdays';
import { DEFAULT_TIME_LIMITS } from '@/features/letters/types';
import { today } from '../clock';
import { seededSections, type Db } from '../db';
import { memoryTx } from '../memory-storage';
import { DEFAULT_ORGANISATION } from '../../server/domain/settings';
import { seedApplications } from './applications';
import { seedAssistance } from './assistance';
import { seedCatalogue } from './catalogue';
import { seed2017, seedClosedYear, seedCurrentYear } from './letters';
import { rng } from './random';
import { seedReports } from './reports';
import { DEMO_USERS } from './users';

export const SEED = 20171231;

/**
 * What every database starts with, the office's own as much as the demo: the eight sections and
 * the default settings. No accounts (a production start creates its first administrator with
 * `create-admin`), no records.
 */
export function seedBaseline(db: Db) {
  for (const s of seededSections()) db.sections.put(s);
  db.settings.put({ id: 'timeLimits', value: structuredClone(DEFAULT_TIME_LIMITS) });
  db.settings.put({ id: 'organisation', value: structuredClone(DEFAULT_ORGANISATION) });
}

/**
 * Build the whole demo seed into `db` (deterministic for a given today), through the same
 * services as real use, in a transaction straight on its stores (nothing is stored yet).
 */
export async function seedAll(db: Db) {
  const tx = memoryTx(db);
  const r = rng(SEED);
  const cal = createCalendar([]);
  const now = today();
  seedBaseline(db);
  for (const u of DEMO_USERS) db.users.put({ ...u });
  await seed2017(tx, cal, r);
  const year = Number(now.slice(0, 4));
  if (year - 1 > 2017) await seedClosedYear(tx, cal, r, year - 1, 48);
  await seedCurrentYear(tx, cal, r, now);
  const clerk = DEMO_USERS.find((u) => u.username === 'clerk')!;
  await seedCatalogue(tx, cal, r, { id: clerk.id, name: clerk.name, role: clerk.role }, now);
  await seedApplications(tx, cal, { id: clerk.id, name: clerk.name, role: clerk.role }, now);
  seedReports(db);
  await seedAssistance(tx, now);
}
