/**
 * Versioned schema of the mock's IndexedDB store. Each migration upgrades from the previous
 * version; `upgrade` runs all newer than the stored one, in order, inside IndexedDB's
 * versionchange transaction, so an old store is carried forward without losing records.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { StoreName } from '../db';

export type AnyDb = IDBPDatabase<unknown>;
export type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface Migration {
  version: number;
  description: string;
  up: (db: AnyDb, tx: UpgradeTx) => Promise<void> | void;
}

const V1_STORES: StoreName[] = [
  'users',
  'sessions',
  'settings',
  'calendarYears',
  'audit',
  'idempotency',
  'counters',
  'meta',
  'letters',
  'catalogue',
  'applications',
  'assistance',
  'reviews',
];

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'initial stores, keyed by id',
    up: (db) => {
      for (const name of V1_STORES) db.createObjectStore(name, { keyPath: 'id' });
    },
  },
  {
    version: 2,
    description: 'audit entries indexed by entity, letters by serialNo',
    up: (_db, tx) => {
      tx.objectStore('audit').createIndex('byEntity', ['entity', 'entityId']);
      tx.objectStore('letters').createIndex('bySerialNo', 'serialNo');
    },
  },
  {
    version: 3,
    description: 'sections as records (filled with the seeded eight when the store is loaded)',
    up: (db) => {
      db.createObjectStore('sections', { keyPath: 'id' });
    },
  },
  {
    version: 4,
    description: "attachments' metadata (their bytes are in the gkwb-mock-blobs database)",
    up: (db) => {
      db.createObjectStore('attachments', { keyPath: 'id' });
    },
  },
];

export const SCHEMA_VERSION = migrations[migrations.length - 1]!.version;

export async function runMigrations(
  db: AnyDb,
  tx: UpgradeTx,
  oldVersion: number,
  target = SCHEMA_VERSION,
) {
  for (const m of migrations) {
    if (m.version > oldVersion && m.version <= target) await m.up(db, tx);
  }
}
