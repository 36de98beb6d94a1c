import type { Change, Persistence, Snapshot } from '../db';

/** In-memory persistence for Vitest (msw/node): a fresh seed for every reset. */
export class MemoryPersistence implements Persistence {
  private data: Snapshot | null = null;
  async load() {
    return this.data;
  }
  async save(changes: Change[]) {
    if (!this.data) this.data = {};
    for (const c of changes) {
      const list: { id: string }[] = (this.data[c.store] ??= []);
      const i = list.findIndex((r) => r.id === c.id);
      if (c.value) {
        if (i >= 0) list[i] = c.value;
        else list.push(c.value);
      } else if (i >= 0) list.splice(i, 1);
    }
  }
  async replaceAll(snapshot: Snapshot) {
    // Records are replaced on change, never edited in place: copying the lists is enough.
    this.data = Object.fromEntries(
      Object.entries(snapshot).map(([store, list]) => [store, [...(list ?? [])]]),
    );
  }
}
