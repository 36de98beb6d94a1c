import { setupServer } from 'msw/node';
import { db } from './db';
import { handlers } from './handlers';
import { MemoryPersistence } from './persistence/memory';
import { seedAll } from './seed';

export const server = setupServer(...handlers);

/**
 * A fresh in-memory store with the seed (called before each test). Sessions stay, as on a reset
 * of the demo: the demo users keep their ids, and signing in costs a password hash.
 */
export async function resetMockDb() {
  await db.init(new MemoryPersistence(), seedAll); // the reseed keeps the sessions store
}
