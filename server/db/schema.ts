/**
 * The server's tables (drizzle pg-core). `drizzle-kit generate` writes the SQL migrations from
 * this file into `server/db/migrations/` (committed; never edited after they ship).
 *
 * The stores are documents: one row per record, the record as `jsonb`, keyed by store and id, read
 * and written by the SQL storage (server/storage/sql-storage.ts) in each request's transaction.
 * `seq` keeps a store's records in the order they were first stored (a replaced record keeps its
 * place), as the memory storage's Maps do. Later stages give the big stores tables with real
 * columns so that lists, filters and counts run in SQL.
 */
import { bigint, customType, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const records = pgTable(
  'records',
  {
    store: text('store').notNull(),
    id: text('id').notNull(),
    value: jsonb('value').notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.store, t.id] }),
    index('records_store_seq_idx').on(t.store, t.seq),
  ],
);

/**
 * The server's own state, shared by every instance on one database and never part of the
 * records (a reset keeps it): e.g. the test clock (`testToday`) when the test hooks are on.
 */
export const serverState = pgTable('server_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * Attachments' bytes (issue #21), beside their metadata (a store of `records`): in the database,
 * so its backup covers the files. The SHA-256 recorded at upload is checked on every download.
 */
export const attachmentBlobs = pgTable('attachment_blobs', {
  id: text('id').primaryKey(),
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
});
