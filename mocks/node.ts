import { setupServer } from 'msw/node';
import { db } from './db';
import { handlers } from './handlers';
import { MemoryPersistence } from './persistence/memory';
import { seedAll } from './seed';

export const server = setupServer(...handlers);

/** A fresh in-memory store with the seed (called before each test). */
export async function resetMockDb() {
  db.sessions.clear();
  await db.init(new MemoryPersistence(), seedAll);
}
