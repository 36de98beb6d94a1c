/**
 * The storage port's contract (tests/storage/contract.ts) on the server's SQL storage: over the
 * embedded PostgreSQL (PGlite) and, when TEST_DATABASE_URL is set, over a real PostgreSQL.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client';
import { SqlStorage } from '../../server/storage/sql-storage';
import { describeStorageContract } from '../storage/contract';
import { tempDataDir } from './harness';
import { createDatabase, TEST_DATABASE_URL } from './postgres';

const migrationsFolder = join(process.cwd(), 'server/db/migrations');

function onDatabase(
  name: string,
  open: () => Promise<{ db: Database; done: () => Promise<void> }>,
) {
  describe(name, () => {
    let storage: SqlStorage;
    let db: Database;
    let done: () => Promise<void>;
    beforeAll(async () => {
      ({ db, done } = await open());
      storage = new SqlStorage(db);
    });
    afterAll(async () => {
      await db?.close();
      await done?.();
    });
    describeStorageContract(name, () => storage);
  });
}

onDatabase('SQL on the embedded PostgreSQL (PGlite)', async () => ({
  db: await openDatabase({ dataDir: tempDataDir(), migrationsFolder }),
  done: async () => {},
}));

if (TEST_DATABASE_URL)
  onDatabase('SQL on PostgreSQL', async () => {
    const target = await createDatabase();
    return {
      db: await openDatabase({ databaseUrl: target.url, dataDir: '', migrationsFolder }),
      done: target.drop,
    };
  });
