/**
 * The mock backend's state: one in-memory Map per store, written through to a Persistence
 * (IndexedDB in the browser, memory in Vitest, SQL on the server). Requests change it through the
 * storage port's transactions (memory-storage.ts): a transaction's writes wait in an overlay and
 * are applied and committed together when it succeeds, or dropped when it fails.
 */
import type { Role, SectionId } from '@/types/api';
import {
  publicUser,
  STORE_NAMES,
  type StoreName,
  type StoreRecords,
  type SectionRecord,
} from '../server/domain/records';
import { publishCommit } from './commits';
import { SECTIONS } from './seed/reference';
import { upgradeLegacyPasswordHash } from './seed/users';

export type {
  CalendarYearRecord,
  CounterRecord,
  IdempotencyRecord,
  MetaRecord,
  SectionRecord,
  SessionRecord,
  SettingRecord,
  StoreName,
  UserRecord,
} from '../server/domain/records';
export { publicUser, STORE_NAMES };

export type Snapshot = Partial<Record<StoreName, { id: string }[]>>;
export interface Change {
  store: StoreName;
  id: string;
  value: { id: string } | null; // null = deleted
}

/** A stored change with the record as it was before (null: it is new). */
export interface CommittedChange extends Change {
  before: { id: string } | null;
}

export interface Persistence {
  load(): Promise<Snapshot | null>;
  /** Writes the changes; returns the store's revision after them (when it keeps one). */
  save(changes: Change[]): Promise<number | void>;
  /** Replace everything (reset / reseed). */
  replaceAll(snapshot: Snapshot): Promise<number | void>;
  /**
   * The revision of what is stored, shared by every tab (IndexedDB): when it differs from the one
   * this tab last loaded or wrote, another tab has written since.
   */
  revision?(): Promise<number>;
  /** Changes made by another tab (BroadcastChannel), applied to memory. */
  onRemoteChange?(fn: (changes: Change[] | 'all') => void): void;
}

/**
 * The changes of the write transaction under way (memory-storage.ts), by store and id (null:
 * deleted): the stores read through them and write into them until the transaction commits
 * (applied) or fails (dropped). One writer at a time, so one overlay at most.
 */
export type Overlay = Map<StoreName, Map<string, { id: string } | null>>;

export class Store<T extends { id: string }> {
  readonly map = new Map<string, T>();
  constructor(
    readonly name: StoreName,
    private readonly db: Db,
  ) {}
  private pending(): Map<string, T | null> | undefined {
    return this.db.overlay?.get(this.name) as Map<string, T | null> | undefined;
  }
  get(id: string): T | undefined {
    const p = this.pending();
    if (p?.has(id)) return p.get(id) ?? undefined;
    return this.map.get(id);
  }
  /** In the order a Map keeps: replaced records where they were, new ones last. */
  all(): T[] {
    const p = this.pending();
    if (!p?.size) return [...this.map.values()];
    const out: T[] = [];
    for (const [id, rec] of this.map) {
      const next = p.has(id) ? p.get(id) : rec;
      if (next) out.push(next);
    }
    for (const [id, rec] of p) if (rec && !this.map.has(id)) out.push(rec);
    return out;
  }
  get size() {
    return this.pending()?.size ? this.all().length : this.map.size;
  }
  put(value: T): T {
    const p = this.db.overlay;
    if (p) {
      let m = p.get(this.name);
      if (!m) p.set(this.name, (m = new Map()));
      m.set(value.id, value);
      this.db.touched();
      return value;
    }
    this.db.markDirty(this.name, value.id, this.map.get(value.id) ?? null);
    this.map.set(value.id, value);
    return value;
  }
  delete(id: string) {
    const p = this.db.overlay;
    if (p) {
      let m = p.get(this.name);
      if (!m) p.set(this.name, (m = new Map()));
      m.set(id, null);
      this.db.touched();
      return;
    }
    this.db.markDirty(this.name, id, this.map.get(id) ?? null);
    this.map.delete(id);
  }
  clear() {
    this.map.clear();
  }
}

export class Db {
  readonly users = new Store<StoreRecords['users']>('users', this);
  readonly sessions = new Store<StoreRecords['sessions']>('sessions', this);
  readonly settings = new Store<StoreRecords['settings']>('settings', this);
  readonly calendarYears = new Store<StoreRecords['calendarYears']>('calendarYears', this);
  readonly audit = new Store<StoreRecords['audit']>('audit', this);
  readonly idempotency = new Store<StoreRecords['idempotency']>('idempotency', this);
  readonly counters = new Store<StoreRecords['counters']>('counters', this);
  readonly meta = new Store<StoreRecords['meta']>('meta', this);
  readonly letters = new Store<StoreRecords['letters']>('letters', this);
  readonly catalogue = new Store<StoreRecords['catalogue']>('catalogue', this);
  readonly applications = new Store<StoreRecords['applications']>('applications', this);
  readonly assistance = new Store<StoreRecords['assistance']>('assistance', this);
  readonly reviews = new Store<StoreRecords['reviews']>('reviews', this);
  readonly sections = new Store<StoreRecords['sections']>('sections', this);
  /** Attachments' metadata; their bytes are in the blob store (blobs.ts). */
  readonly attachments = new Store<StoreRecords['attachments']>('attachments', this);

  /** The open write transaction's changes, or null (see Overlay). */
  overlay: Overlay | null = null;

  /** A change inside the open transaction: tells the `onChange` listeners. */
  touched() {
    this.emit();
  }

  /** Opens a write transaction: from now on the stores' writes wait in its overlay. */
  begin(): Overlay {
    if (this.overlay) throw new Error('a write transaction is already open');
    this.overlay = new Map();
    return this.overlay;
  }

  /** Ends the transaction `o`: its changes applied to the stores (marked dirty), or dropped. */
  end(o: Overlay, apply: boolean) {
    if (this.overlay !== o) return; // a reseed in between replaced everything
    this.overlay = null;
    if (!apply) {
      if (o.size) this.emit();
      return;
    }
    for (const [name, changes] of o) {
      const st = this.store(name);
      for (const [id, value] of changes) {
        this.markDirty(name, id, st.map.get(id) ?? null);
        if (value) st.map.set(id, value);
        else st.map.delete(id);
      }
    }
  }

  /**
   * Ends the transaction `o` by storing its changes and only then applying them to memory: when
   * the store refuses (the database is unreachable) memory stays as it was — nobody reads a change
   * that was never stored — and the error reaches the caller. The writer lock is still held.
   */
  async commitTransaction(o: Overlay) {
    if (this.overlay !== o) return; // a reseed in between replaced everything
    const changes: CommittedChange[] = [];
    for (const [store, m] of o) {
      const st = this.store(store);
      for (const [id, value] of m) {
        const before = st.map.get(id) ?? null;
        // A record put and deleted again, or deleted without ever being stored: no change.
        if (value || before) changes.push({ store, id, value, before });
      }
    }
    // Changes made outside a transaction since the last commit go with it (normally none).
    const loose = [...this.dirty.values()].map((c) => ({
      ...c,
      value: this.store(c.store).map.get(c.id) ?? null,
    }));
    let rev: number | void = undefined;
    try {
      if (changes.length || loose.length)
        rev = await this.persistence?.save([
          ...loose,
          ...changes.map(({ store, id, value }) => ({ store, id, value })),
        ]);
    } catch (e) {
      this.overlay = null;
      if (o.size) this.emit();
      throw e;
    }
    this.overlay = null;
    const looseBefore = this.before;
    this.dirty.clear();
    this.before = new Map();
    for (const c of changes) {
      const st = this.store(c.store);
      if (c.value) st.map.set(c.id, c.value);
      else st.map.delete(c.id);
    }
    if (!changes.length && !loose.length) return;
    this.emit();
    this.committed([
      ...loose.map((c) => ({ ...c, before: looseBefore.get(`${c.store}\u0000${c.id}`) ?? null })),
      ...changes,
    ]);
    if (typeof rev === 'number')
      this.persistedRevision =
        this.persistedRevision !== null && rev === this.persistedRevision + 1 ? rev : null;
  }

  private dirty = new Map<string, Change>();
  /** Each dirty record as it was before its first change since the last commit (null: new). */
  private before = new Map<string, { id: string } | null>();
  private commitListeners = new Set<(changes: CommittedChange[] | 'all') => void>();
  private persistence: Persistence | null = null;
  private seedFn: ((db: Db) => void | Promise<void>) | null = null;
  private listeners = new Set<() => void>();
  ready: Promise<void> = Promise.resolve();
  /**
   * Goes up with every change to any store, committed or not yet (a handler's puts before its
   * commit), and with changes from another tab. (Caches key on the committed revision: the
   * storage's `revision()`.)
   */
  revision = 0;
  /**
   * Goes up with every commit that changed something (this tab's, another tab's, a reset), and
   * only then: the storage port's `revision` (caches of figures computed from the records).
   */
  committedRevision = 0;
  /** The persisted revision this tab's memory matches (see syncWithOtherTabs). */
  private persistedRevision: number | null = null;

  store(name: StoreName): Store<{ id: string }> {
    return this[name] as unknown as Store<{ id: string }>;
  }

  markDirty(store: StoreName, id: string, previous: { id: string } | null = null) {
    this.revision++;
    const key = `${store}\u0000${id}`;
    if (!this.before.has(key)) this.before.set(key, previous);
    this.dirty.set(key, { store, id, value: null });
  }

  /**
   * Called after changes are stored (this tab's commits and, in the browser, other tabs'), with
   * each record before and after; 'all' after a reset. The live events (services/events.ts).
   */
  onCommit(fn: (changes: CommittedChange[] | 'all') => void) {
    this.commitListeners.add(fn);
    return () => this.commitListeners.delete(fn);
  }
  private committed(changes: CommittedChange[] | 'all') {
    this.committedRevision++;
    this.commitListeners.forEach((fn) => fn(changes));
  }

  /** Listeners called whenever state changes (locally or from another tab). */
  onChange(fn: () => void) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  private emit() {
    this.revision++;
    this.listeners.forEach((fn) => fn());
  }

  async init(persistence: Persistence, seed: (db: Db) => void | Promise<void>) {
    this.overlay = null;
    this.persistence = persistence;
    this.seedFn = seed;
    this.ready = (async () => {
      // The revision before the records: a write in between only makes the next sync reload.
      const rev = await persistence.revision?.();
      const snap = await persistence.load();
      if (snap && (snap.meta ?? []).some((m) => m.id === 'seed')) {
        this.loadSnapshot(snap);
        this.persistedRevision = rev ?? null;
        // Records stored by an older version, brought up to date once (written back at once).
        for (const u of this.users.all()) {
          const upgraded = upgradeLegacyPasswordHash(u.passwordHash);
          if (upgraded !== null) this.users.put({ ...u, passwordHash: upgraded });
        }
        // Stores made before sections were records: the eight seeded ones.
        if (this.sections.size === 0) for (const s of seededSections()) this.sections.put(s);
        await this.commit();
      } else await this.reseed();
      persistence.onRemoteChange?.((changes) => {
        if (changes === 'all') {
          void persistence.load().then((s) => {
            if (s) this.loadSnapshot(s);
            this.committed('all');
          });
          return;
        }
        const applied: CommittedChange[] = [];
        for (const c of changes) {
          const st = this.store(c.store);
          applied.push({ ...c, before: st.map.get(c.id) ?? null });
          if (c.value) st.map.set(c.id, c.value);
          else st.map.delete(c.id);
        }
        this.emit();
        this.committed(applied);
      });
    })();
    return this.ready;
  }

  private loadSnapshot(snap: Snapshot) {
    for (const name of STORE_NAMES) {
      const st = this.store(name);
      st.clear();
      for (const rec of snap[name] ?? []) st.map.set(rec.id, rec);
    }
    this.dirty.clear();
    this.before.clear();
    this.committedRevision++;
    this.emit();
  }

  snapshot(): Snapshot {
    const out: Snapshot = {};
    for (const name of STORE_NAMES) out[name] = this.store(name).all();
    return out;
  }

  /** Fills the stores from a snapshot, as a seed function does (tests reuse one built seed). */
  loadRecords(snap: Snapshot) {
    for (const name of STORE_NAMES) {
      const st = this.store(name);
      for (const rec of snap[name] ?? []) st.map.set(rec.id, rec);
    }
  }

  /** Restore the seed: everything else is dropped, except who is logged in. */
  async reseed() {
    this.overlay = null; // the transaction that asked for it goes on outside it
    for (const name of STORE_NAMES) if (name !== 'sessions') this.store(name).clear();
    await this.seedFn?.(this);
    this.meta.map.set('seed', { id: 'seed', value: { seededAt: new Date().toISOString() } });
    this.dirty.clear();
    this.before.clear();
    this.persistedRevision = (await this.persistence?.replaceAll(this.snapshot())) ?? null;
    this.emit();
    this.committed('all');
  }

  /**
   * Brings this tab's memory up to what is stored, if another tab has written since: called under
   * the writer lock before a change (browser.ts), so a serial number or a version is never taken
   * from a stale copy. Cross-tab broadcasts keep reads fresh; this makes writes exact.
   */
  async syncWithOtherTabs() {
    const stored = await this.persistence?.revision?.();
    if (stored === undefined || stored === this.persistedRevision) return;
    const snap = await this.persistence!.load(); // after reading the revision (see init)
    if (snap) this.loadSnapshot(snap);
    this.persistedRevision = stored;
  }

  /** Write every change since the last commit. */
  async commit() {
    // Inside a write transaction its changes are stored when it ends (memory-storage.ts).
    if (this.overlay || this.dirty.size === 0) return;
    const changes = [...this.dirty.values()].map((c) => ({
      ...c,
      value: this.store(c.store).get(c.id) ?? null,
    }));
    const before = this.before;
    this.dirty.clear();
    this.before = new Map();
    this.emit();
    const rev = await this.persistence?.save(changes);
    this.committed(
      changes.map((c) => ({ ...c, before: before.get(`${c.store}\u0000${c.id}`) ?? null })),
    );
    // This tab is as fresh as the store only if nobody wrote between its last sync and this write
    // (a write outside the writer lock, e.g. a session's sliding expiry on a read): otherwise the
    // next sync reloads.
    if (typeof rev === 'number')
      this.persistedRevision =
        this.persistedRevision !== null && rev === this.persistedRevision + 1 ? rev : null;
  }

  nextSeq(counter: string): number {
    const cur = this.counters.get(counter)?.value ?? 0;
    this.counters.put({ id: counter, value: cur + 1 });
    return cur + 1;
  }
}

/** The bureau's eight sections as first stored (version 1, in the order of api.md). */
export const seededSections = (): SectionRecord[] =>
  SECTIONS.map((s, i) => ({ ...s, retired: false, version: 1, order: i }));

export type { Role, SectionId };

/** The mock's store; its commits are the backend's while the handlers run on it (commits.ts). */
export const db = new Db();
db.onCommit(publishCommit);
