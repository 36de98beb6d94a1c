import { openDB } from 'idb';
import { STORE_NAMES, type Change, type Persistence, type Snapshot } from '../db';
import { runMigrations, SCHEMA_VERSION, type AnyDb } from './migrations';

export const IDB_NAME = 'gkwb-mock';
/** The 'meta' record counting every write, shared by the tabs (Persistence.revision). */
const REV = '__revision';

/** IndexedDB persistence for the browser, with cross-tab change notification. */
export class IdbPersistence implements Persistence {
  private dbp: Promise<AnyDb>;
  private channel: BroadcastChannel | null =
    typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(`${IDB_NAME}-changes`) : null;

  constructor(name = IDB_NAME, version = SCHEMA_VERSION) {
    this.dbp = openDB(name, version, {
      upgrade: (db, oldVersion, newVersion, tx) =>
        runMigrations(db, tx as never, oldVersion, newVersion ?? version) as unknown as void,
    });
  }

  async load(): Promise<Snapshot | null> {
    const db = await this.dbp;
    const tx = db.transaction([...STORE_NAMES], 'readonly');
    const out: Snapshot = {};
    await Promise.all(
      STORE_NAMES.map(async (name) => {
        out[name] = (await tx.objectStore(name).getAll()) as { id: string }[];
      }),
    );
    await tx.done;
    return (out.meta ?? []).length ? out : null;
  }

  async save(changes: Change[]) {
    const db = await this.dbp;
    const names = [...new Set([...changes.map((c) => c.store), 'meta' as const])];
    const tx = db.transaction(names, 'readwrite');
    for (const c of changes) {
      if (c.value) void tx.objectStore(c.store).put(c.value);
      else void tx.objectStore(c.store).delete(c.id);
    }
    const rev = await this.bump(tx.objectStore('meta'));
    await tx.done;
    this.channel?.postMessage(changes);
    return rev;
  }

  async revision(): Promise<number> {
    const db = await this.dbp;
    return ((await db.get('meta', REV)) as { value?: number } | undefined)?.value ?? 0;
  }

  /** +1 on the stored revision, in the caller's transaction. */
  private async bump(meta: { get(k: string): Promise<unknown>; put(v: unknown): unknown }) {
    const rev = (((await meta.get(REV)) as { value?: number } | undefined)?.value ?? 0) + 1;
    void meta.put({ id: REV, value: rev });
    return rev;
  }

  async replaceAll(snapshot: Snapshot) {
    const db = await this.dbp;
    const tx = db.transaction([...STORE_NAMES], 'readwrite');
    const before = ((await tx.objectStore('meta').get(REV)) as { value?: number } | undefined)
      ?.value;
    for (const name of STORE_NAMES) {
      const st = tx.objectStore(name);
      void st.clear();
      for (const rec of snapshot[name] ?? []) void st.put(rec);
    }
    const rev = (before ?? 0) + 1;
    void tx.objectStore('meta').put({ id: REV, value: rev });
    await tx.done;
    this.channel?.postMessage('all');
    return rev;
  }

  onRemoteChange(fn: (changes: Change[] | 'all') => void) {
    if (this.channel) this.channel.onmessage = (e: MessageEvent<Change[] | 'all'>) => fn(e.data);
  }
}
