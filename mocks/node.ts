import { setupServer } from 'msw/node';
import { today } from './clock';
import { db, type Snapshot } from './db';
import { handlers } from './handlers';
import { MemoryPersistence } from './persistence/memory';
import { seedAll } from './seed';

export const server = setupServer(...handlers);

/** The seed as built for one day, frozen: records are replaced on change, never edited. */
let built: { day: string; snapshot: Snapshot } | null = null;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * A fresh in-memory store with the seed (called before each test). Sessions stay, as on a reset
 * of the demo: the demo users keep their ids, and signing in costs a password hash.
 *
 * The seed is built once per file and day and then reused (a build costs more than most tests).
 * Its records are frozen, so a service that edited a stored record in place, instead of putting
 * a changed copy, would throw here rather than leak one test's change into the next.
 */
export async function resetMockDb() {
  const day = today();
  if (built?.day !== day) {
    await db.init(new MemoryPersistence(), seedAll); // the reseed keeps the sessions store
    const { sessions: _, ...records } = db.snapshot();
    built = { day, snapshot: deepFreeze(records) };
    return;
  }
  const { snapshot } = built;
  await db.init(new MemoryPersistence(), (d) => d.loadRecords(snapshot));
}
