/**
 * The server's tables (drizzle pg-core). `drizzle-kit generate` writes the SQL migrations from
 * this file into `server/db/migrations/` (committed; never edited after they ship).
 *
 * The stores are documents: one row per record, the record as `jsonb`, keyed by store and id, read
 * and written by the SQL storage (server/storage/sql-storage.ts) in each request's transaction.
 * `seq` keeps a store's records in the order they were first stored (a replaced record keeps its
 * place), as the memory storage's Maps do. The letters' lists, filters and counts run in SQL on
 * their facts and counts (`letter_facts`, `letter_counts` below).
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';
import { ADMINISTRATION } from '../domain/audit';
import type { INDEXED } from '../domain/ports';

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
    // The lookups by a field (ReadStore.where, issue #15): a record's audit trail, a parent's
    // attachments, a user's sessions — each an index over its store's rows only, in stored order.
    lookup(t.seq, 'audit', 'entityId', 'records_audit_entity_id_idx'),
    lookup(t.seq, 'attachments', 'parentId', 'records_attachments_parent_id_idx'),
    lookup(t.seq, 'sessions', 'userId', 'records_sessions_user_id_idx'),
    // The administration's audit log (GET /audit/log, issue #15): its entries in its order,
    // newest first — a page is the index's first rows, a range of days a range of it.
    index('records_audit_log_idx')
      .on(sql.raw(`${AUDIT_LOG_AT} DESC`), sql.raw(`${AUDIT_LOG_ID} DESC`))
      .where(sql.raw(AUDIT_LOG_ROWS)),
  ],
);

/**
 * The audit log's rows, order and index (server/storage/audit-log.ts): the administration's
 * entries (ADMINISTRATION, server/domain/audit.ts), by `at` then id, compared as text byte by byte
 * (the "C" collation: JavaScript's order). The log's statements repeat these texts, so that the
 * planner matches them to the partial index.
 */
export const AUDIT_LOG_ROWS = `store = 'audit' AND (value->>'entity') IN (${ADMINISTRATION.map((e) => `'${e}'`).join(', ')})`;
export const AUDIT_LOG_AT = `((value->>'at') COLLATE "C")`;
export const AUDIT_LOG_ID = `(id COLLATE "C")`;

/**
 * The index `store.where(field, …)` reads (server/storage/sql-storage.ts): over the expression
 * it queries, `value->>'field'`, then `seq`, for the store's rows only. One per pair of INDEXED
 * (server/domain/ports.ts), which the types hold to.
 */
function lookup<K extends keyof typeof INDEXED>(
  seq: AnyPgColumn,
  store: K,
  field: (typeof INDEXED)[K][number],
  name: string,
) {
  return index(name)
    .on(sql.raw(`(value->>'${field}')`), seq)
    .where(sql.raw(`store = '${store}'`));
}

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

/**
 * Text compared byte by byte (the "C" collation): the order of dates, serial numbers and instants
 * is then the same in SQL as in JavaScript, whatever the database's locale, and indexes serve it.
 */
const textC = customType<{ data: string; driverData: string }>({
  dataType: () => 'text COLLATE "C"',
});

/**
 * The letters' lists in SQL (issue #15): beside each letter (a row of `records`) its facts — the
 * fields lists filter, sort and count on, computed by `letterFacts` (server/domain/letter-query.ts)
 * and written in the same transaction as the letter — with the indexes the lists use.
 */
export const letterFacts = pgTable(
  'letter_facts',
  {
    id: text('id').primaryKey(),
    /** The letter's `records.seq`: ties in a sort keep the order letters were first stored in. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    status: textC('status').notNull(),
    sectionId: textC('section_id'),
    source: textC('source').notNull(),
    category: textC('category').notNull(),
    receivedOn: textC('received_on').notNull(),
    dueOn: textC('due_on').notNull(),
    serialNo: textC('serial_no').notNull(),
    updatedAt: textC('updated_at').notNull(),
    supervised: boolean('supervised').notNull(),
    extensionRequested: boolean('extension_requested').notNull(),
    replied: boolean('replied').notNull(),
    rated: boolean('rated').notNull(),
    phoneDigits: textC('phone_digits'),
    duplicateOf: text('duplicate_of'),
    search: text('search').notNull(),
    /**
     * The distinct two- and three-character pieces of `search` (gkwb_grams, migrations 0005 and
     * 0007), under a GIN index: a text search reads only the letters holding the pieces
     * gkwb_search_pieces chooses — the needle itself for two characters (Chinese words are mostly
     * two), its three-character pieces for longer ones, less those common to most letters — and
     * `strpos` decides.
     */
    grams: text('grams')
      .array()
      .generatedAlwaysAs(sql`gkwb_grams(search)`),
    onTime: boolean('on_time'),
    satisfaction: text('satisfaction'),
    repliedOn: textC('replied_on'),
  },
  (t) => [
    // The default order, whole office and per section (a section officer's scope), per status.
    index('letter_facts_received_idx').on(t.receivedOn.desc(), t.serialNo.desc()),
    index('letter_facts_section_received_idx').on(
      t.sectionId,
      t.receivedOn.desc(),
      t.serialNo.desc(),
    ),
    index('letter_facts_status_section_received_idx').on(
      t.status,
      t.sectionId,
      t.receivedOn.desc(),
      t.serialNo.desc(),
    ),
    // Letters whose clock runs, by deadline: the alerts, 今日到期, the remaining-days order.
    index('letter_facts_open_due_idx')
      .on(t.dueOn, t.seq)
      .where(sql`status IN ('registered', 'assigned')`),
    index('letter_facts_grams_idx').using('gin', t.grams),
    index('letter_facts_phone_idx').on(t.phoneDigits),
    index('letter_facts_phone_last4_idx').on(sql`right(${t.phoneDigits}, 4)`),
    index('letter_facts_duplicate_of_idx')
      .on(t.duplicateOf)
      .where(sql`duplicate_of IS NOT NULL`),
  ],
);

/**
 * How many letters there are per section, status, source, category and year of receipt, kept
 * with every change: a list's total for these filters (the unfiltered list, a section officer's,
 * a status) is a sum over a few hundred rows, not a count over every letter.
 */
export const letterCounts = pgTable(
  'letter_counts',
  {
    /** '' for letters not yet transferred to a section. */
    sectionId: textC('section_id').notNull(),
    status: textC('status').notNull(),
    source: textC('source').notNull(),
    category: textC('category').notNull(),
    year: integer('year').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sectionId, t.status, t.source, t.category, t.year] })],
);
