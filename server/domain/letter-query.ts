/**
 * The letters' lists as data: what a list asks of the stored letters (a `LetterQuery`: equalities,
 * ranges, a text needle, a sort, a page) and what each letter offers to it (its `LetterFacts`: the
 * fields lists filter, sort and count on). Both storages answer the same query over the same facts:
 * the memory storage by `searchLetters` below, the SQL storage from the facts stored beside each
 * letter (server/storage/letter-index.ts), with indexes. One contract test runs the same queries on
 * both and compares (tests/storage/letter-search.ts).
 *
 * Read-time fields (remaining working days, alert) are not facts — they change with the date — but
 * their filters are ranges of `dueOn`: remaining working days never fall as the deadline moves
 * later (`alertBounds`), so "overdue" is `dueOn` before one date and "due soon" `dueOn` within two.
 */
import { alertBounds, phoneQuery } from '@/features/letters/rules';
import type { letterListQuerySchema, LetterRecord } from '@/features/letters/types';
import type { z } from 'zod';
import type { User } from '@/types/api';
import type { View } from './view';

/** The fields of a letter that lists filter, sort and count on (computed from the record). */
export interface LetterFacts {
  id: string;
  status: LetterRecord['status'];
  sectionId: string | null;
  source: string;
  category: string;
  receivedOn: string;
  dueOn: string;
  serialNo: string;
  updatedAt: string;
  supervised: boolean;
  extensionRequested: boolean;
  replied: boolean;
  /** Closed with a follow-up that reached the citizen and recorded an opinion (满意度 counted). */
  rated: boolean;
  /** The stored phone's digits (matched by a phone search; never shown). */
  phoneDigits: string | null;
  duplicateOf: string | null;
  /** Serial number, subject, content and the citizen's name, lower-cased: what `q` searches. */
  search: string;
  // What the dashboard counts.
  onTime: boolean | null;
  /** The opinion of a follow-up that reached the citizen (a preset without one is not an answer). */
  satisfaction: string | null;
  repliedOn: string | null;
}

const digits = (s: string) => s.replace(/\D/g, '');

export function letterFacts(rec: LetterRecord): LetterFacts {
  return {
    id: rec.id,
    status: rec.status,
    sectionId: rec.sectionId ?? null,
    source: rec.source,
    category: rec.category,
    receivedOn: rec.receivedOn,
    dueOn: rec.dueOn,
    serialNo: rec.serialNo,
    updatedAt: rec.updatedAt,
    supervised: rec.supervised === true,
    extensionRequested: (rec.extensionRequest ?? null) !== null,
    replied: (rec.reply ?? null) !== null,
    rated: rec.status === 'closed' && !!rec.followUp?.reached && !!rec.satisfaction,
    phoneDigits: rec.citizenPhone ? digits(rec.citizenPhone) : null,
    duplicateOf: rec.duplicateOf?.id ?? null,
    search: `${rec.serialNo} ${rec.subject} ${rec.content} ${rec.citizenName}`.toLowerCase(),
    onTime: rec.onTime ?? null,
    satisfaction: rec.followUp?.reached ? (rec.satisfaction ?? null) : null,
    repliedOn: rec.reply?.repliedOn ?? null,
  };
}

/** Letters not yet replied: the ones with a running clock (remaining working days, alerts). */
export const OPEN_STATUSES = ['registered', 'assigned'] as const;

export type LetterSortKey = 'receivedOn' | 'dueOn' | 'serialNo' | 'openDueOn' | 'updatedAt';

/**
 * What a list asks. Every field narrows (absent: no condition). `open` keeps the letters whose
 * clock runs (OPEN_STATUSES); `dueFrom`/`dueTo` bound `dueOn` (inclusive); `text` is a lower-cased
 * needle over `search`, or over the phone's digits too when `phone` is set beside it (a search
 * that is a phone number).
 */
export interface LetterQuery {
  /** A section officer's scope: only this section's letters (never those without one). */
  scopeSection?: string;
  status?: LetterRecord['status'];
  source?: string;
  category?: string;
  sectionId?: string;
  year?: number;
  receivedFrom?: string;
  receivedTo?: string;
  supervised?: true;
  extensionRequested?: true;
  replied?: true;
  rated?: true;
  open?: true;
  dueFrom?: string;
  dueTo?: string;
  /** The stored phone: its last four digits (4 digits) or the whole number. */
  phone?: string;
  duplicateOf?: string;
  text?: { needle: string; orPhone?: string };
  /**
   * The order: a key, descending or not; ties keep the order the letters were first stored in.
   * `openDueOn` is the deadline of an open letter, letters without a running clock last: the
   * order of remaining working days.
   */
  sort: { key: LetterSortKey; desc: boolean };
}

export interface LetterPage {
  offset: number;
  limit: number;
}

export interface LetterSearchResult {
  items: LetterRecord[];
  total: number;
}

/** The storage's side of the letters' lists (ReadTx.letterSearch). */
export interface LetterSearch {
  /** One page of the letters the query selects, in its order, and how many it selects in all. */
  list(query: LetterQuery, page: LetterPage): Promise<LetterSearchResult>;
  count(query: Omit<LetterQuery, 'sort'>): Promise<number>;
  /** The facts of every letter the query selects, in no given order. */
  facts(query: Omit<LetterQuery, 'sort'>): Promise<LetterFacts[]>;
  /**
   * The letters the query selects, grouped by the values of `by` (the dashboard's figures): one
   * row per combination that occurs, with how many letters share it (`n` ≥ 1), in no given order.
   * The pure definition: `groupFacts`.
   */
  groups<K extends LetterGroupKey>(
    query: Omit<LetterQuery, 'sort'>,
    by: readonly K[],
  ): Promise<LetterGroup<K>[]>;
  /** The sections that hold at least one letter (of the scope). */
  sections(scopeSection?: string): Promise<string[]>;
}

/**
 * What letters can be grouped by: their facts, and `openDueOn` — the deadline of an open letter
 * (OPEN_STATUSES), null otherwise: what its alert depends on besides the date, so figures that
 * change with the date are computed from groups by it (a few hundred deadlines, not every letter).
 */
export interface GroupableFacts extends LetterFacts {
  openDueOn: string | null;
}
/** The search text is no group (every letter's is its own). */
export type LetterGroupKey = Exclude<keyof GroupableFacts, 'search'>;
export type LetterGroup<K extends LetterGroupKey> = Pick<GroupableFacts, K> & { n: number };

/** The value of a fact, or of `openDueOn`, to group by. */
export function groupValue<K extends LetterGroupKey>(f: LetterFacts, key: K): GroupableFacts[K] {
  return (key === 'openDueOn' ? sortValue(f, 'openDueOn') : f[key as keyof LetterFacts]) as never;
}

/** The groups of these facts by `by` (LetterSearch.groups' definition), in first-seen order. */
export function groupFacts<K extends LetterGroupKey>(
  facts: readonly LetterFacts[],
  by: readonly K[],
): LetterGroup<K>[] {
  const groups = new Map<string, LetterGroup<K>>();
  for (const f of facts) {
    const values = by.map((k) => groupValue(f, k));
    const key = JSON.stringify(values);
    const g = groups.get(key);
    if (g) g.n++;
    else
      groups.set(key, {
        ...(Object.fromEntries(by.map((k, i) => [k, values[i]])) as Pick<GroupableFacts, K>),
        n: 1,
      });
  }
  return [...groups.values()];
}

const SORTS: Record<string, LetterSortKey> = {
  receivedOn: 'receivedOn',
  dueOn: 'dueOn',
  serialNo: 'serialNo',
  remainingWorkdays: 'openDueOn',
  updatedAt: 'updatedAt',
};

/** The scope of a caller: a section officer sees their section's letters only. */
export const scopeOf = (user: User): Pick<LetterQuery, 'scopeSection'> =>
  user.role === 'handler' ? { scopeSection: user.sectionId ?? '' } : {};

/** GET /letters' query (validated) as a LetterQuery for this caller on the view's day. */
export function letterQueryOf(
  q: Omit<z.output<typeof letterListQuerySchema>, 'page' | 'pageSize'>,
  user: User,
  view: View,
): LetterQuery {
  const sort = q.sort ?? '-receivedOn';
  const desc = sort.startsWith('-');
  const out: LetterQuery = {
    ...scopeOf(user),
    sort: { key: SORTS[desc ? sort.slice(1) : sort]!, desc },
  };
  if (q.status) out.status = q.status;
  if (q.source) out.source = q.source;
  if (q.category) out.category = q.category;
  if (q.sectionId) out.sectionId = q.sectionId;
  if (q.year) out.year = q.year;
  if (q.receivedFrom) out.receivedFrom = q.receivedFrom;
  if (q.receivedTo) out.receivedTo = q.receivedTo;
  if (q.supervised) out.supervised = true;
  if (q.extensionRequested) out.extensionRequested = true;
  if (q.replied) out.replied = true;
  if (q.rated) out.rated = true;
  if (q.phone) out.phone = digits(q.phone);
  if (q.duplicateOf) out.duplicateOf = q.duplicateOf;
  // 今日到期: the open letters due that day.
  if (q.dueOn) Object.assign(out, narrowDue(out, { open: true, dueFrom: q.dueOn, dueTo: q.dueOn }));
  if (q.alert) Object.assign(out, narrowDue(out, alertRange(q.alert, view)));
  const needle = q.q?.trim().toLowerCase();
  if (needle) {
    const asPhone = phoneQuery(q.q!);
    out.text = asPhone ? { needle, orPhone: digits(asPhone) } : { needle };
  }
  return out;
}

/** The open letters an alert level selects, as a range of deadlines. */
export function alertRange(alert: 'overdue' | 'due_soon', view: View) {
  const b = alertBounds(view.cal, view.today, view.dueSoonDays);
  return alert === 'overdue'
    ? { open: true as const, dueTo: b.overdueTo }
    : { open: true as const, dueFrom: b.dueSoonFrom, dueTo: b.dueSoonTo };
}

/** Both ranges at once (a 今日到期 filter with an alert): the intersection. */
function narrowDue(
  q: Pick<LetterQuery, 'dueFrom' | 'dueTo'>,
  r: { open: true; dueFrom?: string; dueTo?: string },
): Pick<LetterQuery, 'open' | 'dueFrom' | 'dueTo'> {
  const from = [q.dueFrom, r.dueFrom].filter(Boolean).sort().at(-1);
  const to = [q.dueTo, r.dueTo].filter(Boolean).sort()[0];
  return { open: true, ...(from ? { dueFrom: from } : {}), ...(to ? { dueTo: to } : {}) };
}

const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

/** Whether a phone query (digits) matches a stored phone's digits: the last four, or all. */
export const phoneDigitsMatch = (stored: string | null, q: string) =>
  !!stored && (q.length === 4 ? stored.endsWith(q) : q.length > 4 && stored === q);

/** Whether the letter with these facts is one the query selects. */
export function selects(f: LetterFacts, q: Omit<LetterQuery, 'sort'>): boolean {
  if (q.scopeSection !== undefined && f.sectionId !== q.scopeSection) return false;
  if (q.status && f.status !== q.status) return false;
  if (q.source && f.source !== q.source) return false;
  if (q.category && f.category !== q.category) return false;
  if (q.sectionId && f.sectionId !== q.sectionId) return false;
  if (q.year && !f.receivedOn.startsWith(`${q.year}-`)) return false;
  if (q.receivedFrom && f.receivedOn < q.receivedFrom) return false;
  if (q.receivedTo && f.receivedOn > q.receivedTo) return false;
  if (q.supervised && !f.supervised) return false;
  if (q.extensionRequested && !f.extensionRequested) return false;
  if (q.replied && !f.replied) return false;
  if (q.rated && !f.rated) return false;
  if (q.open && !isOpen(f.status)) return false;
  if (q.dueFrom && f.dueOn < q.dueFrom) return false;
  if (q.dueTo && f.dueOn > q.dueTo) return false;
  if (q.phone && !phoneDigitsMatch(f.phoneDigits, q.phone)) return false;
  if (q.duplicateOf && f.duplicateOf !== q.duplicateOf) return false;
  if (q.text) {
    const inText = f.search.includes(q.text.needle);
    if (!inText && !(q.text.orPhone && phoneDigitsMatch(f.phoneDigits, q.text.orPhone)))
      return false;
  }
  return true;
}

/** A fact's sort value (null sorts last in both directions). */
export function sortValue(f: LetterFacts, key: LetterSortKey): string | null {
  switch (key) {
    case 'receivedOn':
      return `${f.receivedOn}${f.serialNo}`;
    case 'openDueOn':
      return isOpen(f.status) ? f.dueOn : null;
    default:
      return f[key];
  }
}

/**
 * The memory storage's answer: `records` in the order they were stored; facts are computed once
 * per record object (records are replaced, never edited in place).
 */
const factsCache = new WeakMap<LetterRecord, LetterFacts>();
export function factsOf(rec: LetterRecord): LetterFacts {
  let f = factsCache.get(rec);
  if (!f) factsCache.set(rec, (f = letterFacts(rec)));
  return f;
}

export function searchLetters(
  records: readonly LetterRecord[],
  query: LetterQuery,
  page: LetterPage,
): LetterSearchResult {
  const { key, desc } = query.sort;
  const rows = records
    .filter((r) => selects(factsOf(r), query))
    .map((r) => ({ r, k: sortValue(factsOf(r), key) }));
  // Array.prototype.sort is stable: equal keys keep the stored order.
  rows.sort((a, b) => {
    if (a.k === b.k) return 0;
    if (a.k === null) return 1;
    if (b.k === null) return -1;
    return (a.k < b.k ? -1 : 1) * (desc ? -1 : 1);
  });
  return {
    items: rows.slice(page.offset, page.offset + page.limit).map((x) => x.r),
    total: rows.length,
  };
}

/** The memory storage's LetterSearch over a transaction's letters. */
export function memoryLetterSearch(all: () => Promise<LetterRecord[]>): LetterSearch {
  return {
    list: async (query, page) => searchLetters(await all(), query, page),
    count: async (query) => (await all()).filter((r) => selects(factsOf(r), query)).length,
    facts: async (query) => (await all()).map(factsOf).filter((f) => selects(f, query)),
    groups: async (query, by) =>
      groupFacts(
        (await all()).map(factsOf).filter((f) => selects(f, query)),
        by,
      ),
    sections: async (scopeSection) => [
      ...new Set(
        (await all())
          .map((r) => r.sectionId)
          .filter((s): s is string => !!s && (scopeSection === undefined || s === scopeSection)),
      ),
    ],
  };
}
