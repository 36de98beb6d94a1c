/**
 * Attachments' bytes on the server: rows of `attachment_blobs(id, sha256, bytes bytea)`, in the
 * same database as the records, so one backup (and `move-to`) carries both. Inside a request's
 * transaction (sql-storage.ts) the bytes are read and written in it: an upload whose record is
 * rolled back leaves no bytes behind (and the embedded database's one connection is not asked
 * twice at once).
 */
import type { BlobStore, StoredBlob } from '@mocks/blobs';
import type { Database, Queryable } from '../db/client';
import { currentSqlTransaction } from './sql-storage';

export class SqlBlobStore implements BlobStore {
  constructor(private readonly database: Database) {}

  private get db(): Queryable {
    return currentSqlTransaction() ?? this.database;
  }

  async put(id: string, blob: StoredBlob) {
    await this.db.query(
      `INSERT INTO attachment_blobs (id, sha256, bytes) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes`,
      [
        id,
        blob.sha256,
        Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, blob.bytes.byteLength),
      ],
    );
  }

  async get(id: string): Promise<StoredBlob | null> {
    const rows = await this.db.query<{ sha256: string; bytes: Uint8Array }>(
      'SELECT sha256, bytes FROM attachment_blobs WHERE id = $1',
      [id],
    );
    const row = rows[0];
    return row ? { sha256: row.sha256, bytes: new Uint8Array(row.bytes) } : null;
  }

  async delete(id: string) {
    await this.db.query('DELETE FROM attachment_blobs WHERE id = $1', [id]);
  }

  async clear() {
    await this.db.query('DELETE FROM attachment_blobs');
  }

  /** Every blob's id, for copying a database (move-to). */
  async ids(): Promise<string[]> {
    return (await this.database.query<{ id: string }>('SELECT id FROM attachment_blobs')).map(
      (r) => r.id,
    );
  }
}
