/**
 * The server's tables (drizzle pg-core). `drizzle-kit generate` writes the SQL migrations from
 * this file into `server/db/migrations/` (committed; never edited after they ship).
 *
 * Stage 1 of the server keeps the mock backend's stores as documents: one row per record, the
 * record as `jsonb`, keyed by store and id. The services still work on memory and write every
 * change through to this table in one transaction per commit; later stages give each store its
 * own table with real columns so that lists, filters and counters run in SQL.
 */
import { customType, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const records = pgTable(
  'records',
  {
    store: text('store').notNull(),
    id: text('id').notNull(),
    value: jsonb('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.store, t.id] })],
);

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
