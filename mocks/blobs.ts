/**
 * Where attachments' bytes live: not in the JSON records but behind this small port. Memory in
 * Vitest and the Node mock, IndexedDB in the browser mock (persistence/idb-blobs.ts), a SQL table
 * on the server (server/storage/sql-blobs.ts, so the database's backup covers the files).
 */
import type { BlobStore, StoredBlob } from '../server/domain/ports';

export type { BlobStore, StoredBlob };

export class MemoryBlobStore implements BlobStore {
  readonly map = new Map<string, StoredBlob>();
  async put(id: string, blob: StoredBlob) {
    this.map.set(id, { sha256: blob.sha256, bytes: blob.bytes.slice() });
  }
  async get(id: string) {
    const b = this.map.get(id);
    return b ? { sha256: b.sha256, bytes: b.bytes.slice() } : null;
  }
  async delete(id: string) {
    this.map.delete(id);
  }
  async clear() {
    this.map.clear();
  }
}

let current: BlobStore = new MemoryBlobStore();

/** The blob store in use. */
export const blobs = (): BlobStore => current;
export function setBlobStore(store: BlobStore) {
  current = store;
}
