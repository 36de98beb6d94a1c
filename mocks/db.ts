/**
 * The mock backend's state: one in-memory Map per store, written through to a Persistence
 * (IndexedDB in the browser, memory in Vitest). Handlers validate first, then mutate, then
 * `await db.commit()`, so nothing is written on error.
 */
import type { ApplicationRecord } from '@/features/applications/types';
import type { Attachment } from '@/features/attachments/types';
import type { CatalogueRecord } from '@/features/catalogue/types';
import type { ReviewCase } from '@/features/reports/types';
import type { LetterRecord } from '@/features/letters/types';
import type { AdminYear } from '@/lib/workdays';
import type { AuditEntry, Role, Section, SectionId, User } from '@/types/api';
import { SECTIONS } from './seed/reference';
import { upgradeLegacyPasswordHash } from './seed/users';

export interface UserRecord extends User {
  passwordHash: string;
}
/** A section (科室) as stored: `order` keeps the list in the bureau's order, added ones last. */
export interface SectionRecord extends Section {
  order: number;
}
export interface SessionRecord {
  /** SHA-256 of the token (hex): the token itself is never stored. */
  id: string;
  userId: string;
  createdAt: number;
  /** Idle expiry: pushed on by use (sliding), never past `absoluteExpiresAt`. */
  expiresAt: number;
  absoluteExpiresAt: number;
}
export interface SettingRecord {
  id: string;
  value: unknown;
  /** 1 on the first save, +1 on each; absent on records stored before settings had versions (= 1). */
  version?: number;
}
export interface IdempotencyRecord {
  id: string; // user, method, path and key
  hash: string; // SHA-256 of the request body
  status: number;
  body: unknown;
  at: string;
}
export interface CounterRecord {
  id: string;
  value: number;
}
export interface MetaRecord {
  id: string;
  value: unknown;
}

/** Store names, and the IndexedDB object stores behind them. Extend with a migration (see migrations.ts). */
export const STORE_NAMES = [
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
  'sections',
  'attachments',
] as const;
export type StoreName = (typeof STORE_NAMES)[number];

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

export class Store<T extends { id: string }> {
  readonly map = new Map<string, T>();
  constructor(
    readonly name: StoreName,
    private readonly db: Db,
  ) {}
  get(id: string): T | undefined {
    return this.map.get(id);
  }
  all(): T[] {
    return [...this.map.values()];
  }
  get size() {
    return this.map.size;
  }
  put(value: T): T {
    this.db.markDirty(this.name, value.id, this.map.get(value.id) ?? null);
    this.map.set(value.id, value);
    return value;
  }
  delete(id: string) {
    this.db.markDirty(this.name, id, this.map.get(id) ?? null);
    this.map.delete(id);
  }
  clear() {
    this.map.clear();
  }
}

export class Db {
  readonly users = new Store<UserRecord>('users', this);
  readonly sessions = new Store<SessionRecord>('sessions', this);
  readonly settings = new Store<SettingRecord>('settings', this);
  readonly calendarYears = new Store<AdminYear & { id: string; version?: number }>(
    'calendarYears',
    this,
  );
  readonly audit = new Store<AuditEntry>('audit', this);
  readonly idempotency = new Store<IdempotencyRecord>('idempotency', this);
  readonly counters = new Store<CounterRecord>('counters', this);
  readonly meta = new Store<MetaRecord>('meta', this);
  // Feature stores (assistance and reviews are typed when their issues land).
  readonly letters = new Store<LetterRecord>('letters', this);
  readonly catalogue = new Store<CatalogueRecord>('catalogue', this);
  readonly applications = new Store<ApplicationRecord>('applications', this);
  readonly assistance = new Store<import('@/features/assistance/types').AssistanceFigure>(
    'assistance',
    this,
  );
  readonly reviews = new Store<ReviewCase>('reviews', this);
  readonly sections = new Store<SectionRecord>('sections', this);
  /** Attachments' metadata; their bytes are in the blob store (blobs.ts). */
  readonly attachments = new Store<Attachment>('attachments', this);

  private dirty = new Map<string, Change>();
  /** Each dirty record as it was before its first change since the last commit (null: new). */
  private before = new Map<string, { id: string } | null>();
  private commitListeners = new Set<(changes: CommittedChange[] | 'all') => void>();
  private persistence: Persistence | null = null;
  private seedFn: ((db: Db) => void) | null = null;
  private listeners = new Set<() => void>();
  ready: Promise<void> = Promise.resolve();
  /**
   * Goes up with every change to any store, committed or not yet (a handler's puts before its
   * commit), and with changes from another tab: results derived from the records can be kept
   * under it (services/dashboard.ts).
   */
  revision = 0;
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
    this.commitListeners.forEach((fn) => fn(changes));
  }

  /** Called whenever state changes (locally or from another tab): caches derived from it drop. */
  onChange(fn: () => void) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  private emit() {
    this.revision++;
    this.listeners.forEach((fn) => fn());
  }

  async init(persistence: Persistence, seed: (db: Db) => void) {
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
    for (const name of STORE_NAMES) if (name !== 'sessions') this.store(name).clear();
    this.seedFn?.(this);
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
    if (this.dirty.size === 0) return;
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

export function publicUser(u: UserRecord): User {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    sectionId: u.sectionId,
    phone: u.phone ?? null,
    active: u.active !== false,
    mustChangePassword: u.mustChangePassword === true,
    version: u.version ?? 1,
  };
}

/** The bureau's eight sections as first stored (version 1, in the order of api.md). */
export const seededSections = (): SectionRecord[] =>
  SECTIONS.map((s, i) => ({ ...s, retired: false, version: 1, order: i }));

export type { Role, SectionId };

export const db = new Db();
