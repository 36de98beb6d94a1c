import { openDB, type IDBPDatabase } from 'idb';
import type { BlobStore, StoredBlob } from '../blobs';

/**
 * The browser mock's attachment bytes: their own IndexedDB database (one object store), apart
 * from the records' store, whose snapshots are loaded whole into memory.
 */
export class IdbBlobStore implements BlobStore {
  private dbp: Promise<IDBPDatabase>;
  constructor(name = 'gkwb-mock-blobs') {
    this.dbp = openDB(name, 1, {
      upgrade: (db) => {
        db.createObjectStore('blobs');
      },
    });
  }
  async put(id: string, blob: StoredBlob) {
    await (await this.dbp).put('blobs', { sha256: blob.sha256, bytes: blob.bytes }, id);
  }
  async get(id: string) {
    return ((await (await this.dbp).get('blobs', id)) as StoredBlob | undefined) ?? null;
  }
  async delete(id: string) {
    await (await this.dbp).delete('blobs', id);
  }
  async clear() {
    await (await this.dbp).clear('blobs');
  }
}
