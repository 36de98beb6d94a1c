/**
 * Live events (api.md "Live events"): one event per stored change of a record a user may see —
 * entity, id, version, action, never the record's content — kept in a short log so a client that
 * reconnects with Last-Event-ID catches up. Fed by the backend's commits (commits.ts: the memory Db's, or the SQL storage's on the server); in the
 * browser mock that includes other tabs' commits (they arrive over the IndexedDB persistence's
 * BroadcastChannel), so the mock's tabs follow each other too.
 */
import type { Role, User } from '@/types/api';
import { onCommit } from '../commits';
import { STORE_NAMES, type CommittedChange, type StoreName } from '../db';
import { currentStorage } from '../http';

export type LiveEntity =
  | 'letter'
  | 'application'
  | 'catalogue'
  | 'assistance'
  | 'review'
  | 'calendar'
  | 'settings'
  | 'section'
  | 'user';

/** What a client receives (the SSE `data`). `entity: 'all'` after a reset: refetch everything. */
export interface LiveEventData {
  entity: LiveEntity | 'all';
  id: string | null;
  version: number | null;
  action: 'created' | 'updated' | 'deleted' | 'reset';
}

export interface LiveEvent extends LiveEventData {
  seq: number;
  /** The sections the record belonged to before and after the change (letters, applications). */
  sections: (string | null)[];
}

const ENTITY_OF: Partial<Record<StoreName, LiveEntity>> = {
  letters: 'letter',
  applications: 'application',
  catalogue: 'catalogue',
  assistance: 'assistance',
  reviews: 'review',
  calendarYears: 'calendar',
  settings: 'settings',
  sections: 'section',
  users: 'user',
};

const OFFICE_AND_LEADERS: Role[] = ['admin', 'clerk', 'leader'];

/**
 * Whether `user` (as they are now) may see `event`: the read rules of the entity's endpoints —
 * a section officer only their section's letters and applications (also the one that just left
 * it, so their list drops it); the catalogue, figures and review cases for the office and leaders;
 * accounts for administrators and the account's owner; calendar, settings and sections for all.
 */
export function visibleTo(user: Pick<User, 'id' | 'role' | 'sectionId'>, event: LiveEvent) {
  switch (event.entity) {
    case 'all':
    case 'calendar':
    case 'settings':
    case 'section':
      return true;
    case 'letter':
    case 'application':
      return user.role !== 'handler' || event.sections.includes(user.sectionId ?? '\u0000');
    case 'catalogue':
    case 'assistance':
    case 'review':
      return OFFICE_AND_LEADERS.includes(user.role);
    case 'user':
      return user.role === 'admin' || event.id === user.id;
  }
}

const versionOf = (value: { id: string } | null) => {
  const v = (value as { version?: unknown } | null)?.version;
  return typeof v === 'number' ? v : null;
};
const sectionOf = (value: { id: string } | null) =>
  ((value as { sectionId?: string | null } | null)?.sectionId ?? null) as string | null;

/** An attachment's parent store and the entity its event names (attachments have no event of their own). */
const PARENT_ENTITY: Record<string, LiveEntity> = {
  letters: 'letter',
  applications: 'application',
  catalogue: 'catalogue',
  reviews: 'review',
};

/** The parent record as it is now (its version and section), as `lookUpParents` found it. */
export type ParentLookup = (store: string, id: string) => { id: string } | null;
const parentKey = (store: string, id: string) => `${store}/${id}`;

/** The parents of a commit's attachments (store, id), which their events are about. */
function attachmentParents(changes: CommittedChange[]): [string, string][] {
  const out: [string, string][] = [];
  for (const c of changes) {
    if (c.store !== 'attachments') continue;
    const att = (c.value ?? c.before) as { parentType?: string; parentId?: string } | null;
    if (att?.parentType && att.parentId && STORE_NAMES.includes(att.parentType as StoreName))
      out.push([att.parentType, att.parentId]);
  }
  return out;
}

/** Reads the parents after the commit, through the storage the handlers run on (memory or SQL). */
async function lookUpParents(parents: [string, string][]): Promise<ParentLookup> {
  const found = await currentStorage().read(async (tx) => {
    const m = new Map<string, { id: string } | null>();
    for (const [store, id] of parents)
      m.set(parentKey(store, id), (await tx[store as StoreName].get(id)) ?? null);
    return m;
  });
  return (store, id) => found.get(parentKey(store, id)) ?? null;
}

/**
 * An attachment added or removed — an issued document too — is a change of its parent record for
 * whoever may see that record: an open detail page refetches its attachments (issue #21).
 */
function attachmentEvent(
  c: CommittedChange,
  seq: number,
  parentOf: ParentLookup,
): LiveEvent | null {
  const att = (c.value ?? c.before) as { parentType?: string; parentId?: string } | null;
  const entity = att?.parentType ? PARENT_ENTITY[att.parentType] : undefined;
  if (!entity || !att?.parentId) return null;
  const parent = parentOf(att.parentType!, att.parentId);
  return {
    seq,
    entity,
    id: att.parentId,
    version: versionOf(parent),
    action: 'updated',
    sections: [sectionOf(parent)],
  };
}

/**
 * The events of one commit (the store's changes in, the events out, numbered from `seq`; an
 * attachment's event reads its parent through `parentOf`, none by default).
 */
export function eventsOf(
  changes: CommittedChange[],
  seq: number,
  parentOf: ParentLookup = () => null,
): LiveEvent[] {
  const out: LiveEvent[] = [];
  for (const c of changes) {
    if (c.store === 'attachments') {
      const e = attachmentEvent(c, seq, parentOf);
      if (e && !out.some((o) => o.entity === e.entity && o.id === e.id)) {
        out.push(e);
        seq++;
      }
      continue;
    }
    const entity = ENTITY_OF[c.store];
    if (!entity) continue;
    out.push({
      seq: seq++,
      entity,
      id: c.id,
      version: versionOf(c.value),
      action: c.value === null ? 'deleted' : c.before === null ? 'created' : 'updated',
      sections: [...new Set([sectionOf(c.before), sectionOf(c.value)])],
    });
  }
  return out;
}

/** How many events a reconnecting client can catch up on; older: it is told to refetch. */
export const EVENT_LOG_SIZE = 1000;

class EventLog {
  /** Tells this process's numbering from an earlier one's (a restart): ids are `<epoch>.<seq>`. */
  readonly epoch = Date.now().toString(36);
  private seq = 1;
  private log: LiveEvent[] = [];
  private listeners = new Set<(e: LiveEvent) => void>();

  /** Commits whose events wait for their attachments' parents to be read (kept in commit order). */
  private queue: Promise<void> = Promise.resolve();
  private waiting = 0;

  /**
   * Publishes a commit's events: at once, unless it changed attachments (whose events name the
   * parent record, read first) or an earlier commit's are still waiting — events keep commit order.
   */
  publish(changes: CommittedChange[] | 'all') {
    const parents = changes === 'all' ? [] : attachmentParents(changes);
    if (parents.length === 0 && this.waiting === 0) return this.emit(changes, () => null);
    this.waiting++;
    this.queue = this.queue
      .then(async () => {
        const parentOf = parents.length ? await lookUpParents(parents) : () => null;
        this.emit(changes, parentOf);
      })
      .catch((e) => console.error('[events] not published:', e))
      .finally(() => this.waiting--);
  }

  private emit(changes: CommittedChange[] | 'all', parentOf: ParentLookup) {
    const events =
      changes === 'all'
        ? [
            {
              seq: this.seq,
              entity: 'all' as const,
              id: null,
              version: null,
              action: 'reset' as const,
              sections: [],
            },
          ]
        : eventsOf(changes, this.seq, parentOf);
    this.seq += events.length;
    for (const e of events) {
      this.log.push(e);
      this.listeners.forEach((fn) => fn(e));
    }
    if (this.log.length > EVENT_LOG_SIZE) this.log.splice(0, this.log.length - EVENT_LOG_SIZE);
  }

  idOf(e: LiveEvent) {
    return `${this.epoch}.${e.seq}`;
  }

  /** The id of the latest event (as if it had just been received). */
  currentId() {
    return `${this.epoch}.${this.seq - 1}`;
  }

  /**
   * The events after `lastEventId`, or null when they cannot all be given (another process's id,
   * or older than the log): then the client refetches everything.
   */
  since(lastEventId: string): LiveEvent[] | null {
    const [epoch, n] = lastEventId.split('.');
    const seq = Number(n);
    if (epoch !== this.epoch || !Number.isInteger(seq) || seq >= this.seq) return null;
    const first = this.log[0]?.seq ?? this.seq;
    if (seq < first - 1) return null;
    return this.log.filter((e) => e.seq > seq);
  }

  subscribe(fn: (e: LiveEvent) => void) {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }
}

export const liveEvents = new EventLog();
onCommit((changes) => liveEvents.publish(changes));
