/**
 * The letters' lists in SQL (issue #15): each letter's facts (`letterFacts`, one pure function in
 * server/domain/letter-query.ts) stored in `letter_facts` beside the letter, in the same
 * transaction, and the counts per section, status, source, category and year in `letter_counts`.
 * A `LetterQuery` becomes a WHERE over the facts' indexed columns; a page is read with LIMIT and
 * only its letters' records are fetched; a total whose filters the counts cover is a sum of a few
 * rows instead of a count over every letter.
 * The dashboard's figures are counts per group of letters with the same facts (`groups`: a GROUP BY
 * over the facts the query selects), not the facts of every letter.
 *
 * The facts are derived data: `rebuildLetterIndex` recomputes them from the records (a reset, a
 * database moved or restored, a new version of the facts) — `ensureLetterIndex` at start.
 */
import type { LetterRecord } from '@/features/letters/types';
import type { Queryable } from '../db/client';
import {
  letterFacts,
  OPEN_STATUSES,
  type LetterFacts,
  type LetterGroupKey,
  type LetterQuery,
  type LetterSearch,
} from '../domain/letter-query';

/** Bumped when `letterFacts` or the tables change meaning: the next start rebuilds the facts. */
export const LETTER_INDEX_VERSION = 1;
const VERSION_KEY = 'letterIndex';
/** Rows per statement when facts are written in bulk. */
const CHUNK = 2000;

const COLUMNS = {
  id: 'id',
  seq: 'seq',
  status: 'status',
  sectionId: 'section_id',
  source: 'source',
  category: 'category',
  receivedOn: 'received_on',
  dueOn: 'due_on',
  serialNo: 'serial_no',
  updatedAt: 'updated_at',
  supervised: 'supervised',
  extensionRequested: 'extension_requested',
  replied: 'replied',
  rated: 'rated',
  phoneDigits: 'phone_digits',
  duplicateOf: 'duplicate_of',
  search: 'search',
  onTime: 'on_time',
  satisfaction: 'satisfaction',
  repliedOn: 'replied_on',
} as const;
type Row = LetterFacts & { seq: number };
const FIELDS = Object.keys(COLUMNS) as (keyof Row)[];
/** The facts' fields (the seq is the letter's record's). */
const FACT_FIELDS = FIELDS.filter((f) => f !== 'seq');
const SQL_TYPES: Partial<Record<keyof Row, string>> = {
  supervised: 'boolean',
  extensionRequested: 'boolean',
  replied: 'boolean',
  rated: 'boolean',
  onTime: 'boolean',
};
/** `jsonb_to_recordset`'s column list for facts sent as a JSON array. */
const RECORDSET = FACT_FIELDS.map((f) => `"${f}" ${SQL_TYPES[f] ?? 'text'}`).join(', ');
const COLUMN_LIST = FIELDS.map((f) => COLUMNS[f]).join(', ');
const SELECT_LIST = FIELDS.map((f) => (f === 'seq' ? 'r.seq' : `x."${f}"`)).join(', ');
const UPDATE_LIST = FIELDS.filter((f) => f !== 'id' && f !== 'seq')
  .map((f) => `${COLUMNS[f]} = EXCLUDED.${COLUMNS[f]}`)
  .join(', ');

/**
 * Upserts facts rows (a JSON array through jsonb_to_recordset: one statement per chunk), each with
 * its letter's `records.seq`.
 */
async function writeFacts(q: Queryable, rows: LetterFacts[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await q.query(
      `INSERT INTO letter_facts (${COLUMN_LIST})
       SELECT ${SELECT_LIST} FROM jsonb_to_recordset($1::jsonb) AS x(${RECORDSET})
       JOIN records r ON r.store = 'letters' AND r.id = x.id
       ON CONFLICT (id) DO UPDATE SET ${UPDATE_LIST}`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
}

/** A letter's key in `letter_counts`. */
const countKey = (f: LetterFacts) => [
  f.sectionId ?? '',
  f.status,
  f.source,
  f.category,
  Number(f.receivedOn.slice(0, 4)),
];

/**
 * Keeps the facts and counts of letters in step with their records, in the transaction that
 * wrote them: each change with the record as it was (`before`, null: new) and as it is (`after`,
 * null: deleted). One statement each for the facts written, the deleted and the counts.
 */
export async function indexLetter(
  q: Queryable,
  changes: { before: LetterRecord | null; after: LetterRecord | null }[],
) {
  if (!changes.length) return;
  const facts = changes.map((c) => ({
    was: c.before && letterFacts(c.before),
    now: c.after && letterFacts(c.after),
  }));
  await writeFacts(
    q,
    facts.flatMap((f) => (f.now ? [f.now] : [])),
  );
  const gone = facts.flatMap((f) => (!f.now && f.was ? [f.was.id] : []));
  if (gone.length) await q.query('DELETE FROM letter_facts WHERE id = ANY($1)', [gone]);
  const deltas = new Map<string, number>();
  const add = (f: LetterFacts, d: number) => {
    const k = JSON.stringify(countKey(f));
    deltas.set(k, (deltas.get(k) ?? 0) + d);
  };
  for (const f of facts) {
    if (f.was) add(f.was, -1);
    if (f.now) add(f.now, 1);
  }
  const rows = [...deltas].filter(([, d]) => d !== 0).map(([k, d]) => [...JSON.parse(k), d]);
  if (!rows.length) return;
  await q.query(
    `INSERT INTO letter_counts (section_id, status, source, category, year, n)
     SELECT x->>0, x->>1, x->>2, x->>3, (x->>4)::int, (x->>5)::int
     FROM jsonb_array_elements($1::jsonb) AS x
     ON CONFLICT (section_id, status, source, category, year)
       DO UPDATE SET n = letter_counts.n + EXCLUDED.n`,
    [JSON.stringify(rows)],
  );
}

/** The counts recomputed from the facts (after a bulk write). */
async function recount(q: Queryable) {
  await q.query('DELETE FROM letter_counts');
  await q.query(
    `INSERT INTO letter_counts (section_id, status, source, category, year, n)
     SELECT coalesce(section_id, ''), status, source, category, left(received_on, 4)::int, count(*)
     FROM letter_facts GROUP BY 1, 2, 3, 4, 5`,
  );
}

async function clearLetterIndex(q: Queryable) {
  await q.query('DELETE FROM letter_facts');
  await q.query('DELETE FROM letter_counts');
}

/** Every letter's facts recomputed from the records, in pages (bounded memory). */
export async function rebuildLetterIndex(q: Queryable) {
  await clearLetterIndex(q);
  let after = 0;
  for (;;) {
    const rows = await q.query<{ value: LetterRecord; seq: string }>(
      `SELECT value, seq FROM records WHERE store = 'letters' AND seq > $1 ORDER BY seq LIMIT $2`,
      [after, CHUNK * 5],
    );
    if (!rows.length) break;
    await writeFacts(
      q,
      rows.map((r) => letterFacts(r.value)),
    );
    after = Number(rows.at(-1)!.seq);
  }
  await recount(q);
  await markLetterIndex(q);
}

/**
 * Whether the facts are those of this version and cover every letter (a database moved or
 * restored from records alone, or an older server's, has none or stale ones).
 */
export async function letterIndexCurrent(q: Queryable): Promise<boolean> {
  const [row] = await q.query<{ version: number | null; letters: string; facts: string }>(
    `SELECT (SELECT (value #>> '{}')::int FROM server_state WHERE key = $1) AS version,
            (SELECT count(*) FROM records WHERE store = 'letters')::text AS letters,
            (SELECT count(*) FROM letter_facts)::text AS facts`,
    [VERSION_KEY],
  );
  return row?.version === LETTER_INDEX_VERSION && row.letters === row.facts;
}

/** Marks the facts as this version's. */
async function markLetterIndex(q: Queryable) {
  await q.query(
    `INSERT INTO server_state (key, value) VALUES ($1, to_jsonb($2::int))
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [VERSION_KEY, LETTER_INDEX_VERSION],
  );
}

// ---------------------------------------------------------------------------------------------
// Queries

const OPEN = `status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * A query's conditions as SQL over `letter_facts`, with its parameters; `pieces`: which pieces of
 * the text search's needle to ask the GIN index for (`searchPieces`); when absent (facts, groups)
 * the statement asks `gkwb_search_pieces` itself.
 */
function where(
  query: Omit<LetterQuery, 'sort'>,
  params: unknown[],
  pieces?: readonly string[] | null,
): string {
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  const c: string[] = [];
  if (query.scopeSection !== undefined) c.push(`section_id = ${p(query.scopeSection)}`);
  if (query.status) c.push(`status = ${p(query.status)}`);
  if (query.source) c.push(`source = ${p(query.source)}`);
  if (query.category) c.push(`category = ${p(query.category)}`);
  if (query.sectionId) c.push(`section_id = ${p(query.sectionId)}`);
  if (query.year)
    c.push(`received_on BETWEEN ${p(`${query.year}-01-01`)} AND ${p(`${query.year}-12-31`)}`);
  if (query.receivedFrom) c.push(`received_on >= ${p(query.receivedFrom)}`);
  if (query.receivedTo) c.push(`received_on <= ${p(query.receivedTo)}`);
  if (query.supervised) c.push('supervised');
  if (query.extensionRequested) c.push('extension_requested');
  if (query.replied) c.push('replied');
  if (query.rated) c.push('rated');
  if (query.open) c.push(OPEN);
  if (query.dueFrom) c.push(`due_on >= ${p(query.dueFrom)}`);
  if (query.dueTo) c.push(`due_on <= ${p(query.dueTo)}`);
  const phone = (digits: string) =>
    digits.length === 4
      ? `right(phone_digits, 4) = ${p(digits)}`
      : digits.length > 4
        ? `phone_digits = ${p(digits)}`
        : 'false';
  if (query.phone) c.push(phone(query.phone));
  if (query.duplicateOf) c.push(`duplicate_of = ${p(query.duplicateOf)}`);
  if (query.text) {
    const { needle } = query.text;
    // Two characters or more: only letters holding the needle's pieces can contain it (the GIN
    // index on grams finds them; which pieces: gkwb_search_pieces, passed in as `pieces` by the
    // lists so that their plans see them). strpos decides.
    const narrow =
      [...needle].length < 2
        ? ''
        : `grams @> ${pieces ? `${p(pieces)}::text[]` : `gkwb_search_pieces(${p(needle)})`} AND `;
    const inText = `(${narrow}strpos(search, ${p(needle)}) > 0)`;
    c.push(query.text.orPhone ? `(${inText} OR ${phone(query.text.orPhone)})` : inText);
  }
  return c.length ? `WHERE ${c.join(' AND ')}` : '';
}

/**
 * ORDER BY for a sort (ties: the stored order), in the indexes' column order; `t` qualifies the
 * columns (the page's outer query orders its joined rows again).
 */
function orderBy({ key, desc }: LetterQuery['sort'], t = ''): string {
  const dir = desc ? 'DESC NULLS LAST' : 'ASC NULLS FIRST';
  const plain = desc ? 'DESC' : 'ASC';
  switch (key) {
    case 'receivedOn':
      return `${t}received_on ${dir}, ${t}serial_no ${dir}`;
    case 'openDueOn':
      return `(CASE WHEN ${t}${OPEN} THEN ${t}due_on END) ${plain} NULLS LAST, ${t}seq`;
    case 'dueOn':
      return `${t}due_on ${plain}, ${t}seq`;
    case 'serialNo':
      return `${t}serial_no ${plain}, ${t}seq`;
    case 'updatedAt':
      return `${t}updated_at ${plain}, ${t}seq`;
  }
}

/** The filters `letter_counts` can answer: a sum over its rows instead of a count. */
const COUNTABLE = new Set(['scopeSection', 'status', 'source', 'category', 'sectionId', 'year']);

function countsWhere(query: Omit<LetterQuery, 'sort'>, params: unknown[]): string {
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  const c: string[] = [];
  // '' is how the counts file letters without a section: a scope is always a real section.
  if (query.scopeSection !== undefined)
    c.push(`section_id = ${p(query.scopeSection)} AND section_id <> ''`);
  if (query.sectionId) c.push(`section_id = ${p(query.sectionId)}`);
  if (query.status) c.push(`status = ${p(query.status)}`);
  if (query.source) c.push(`source = ${p(query.source)}`);
  if (query.category) c.push(`category = ${p(query.category)}`);
  if (query.year) c.push(`year = ${p(query.year)}`);
  return c.length ? `WHERE ${c.join(' AND ')}` : '';
}

/**
 * The statements a query runs: the page, and the total (a sum of counts or a count); `pieces` as
 * for `where`.
 */
export function letterListSql(
  query: LetterQuery,
  page: { offset: number; limit: number },
  pieces?: readonly string[] | null,
) {
  // Among open letters only, the remaining-days order is the deadline's (the open-letters index).
  if (query.open && query.sort.key === 'openDueOn')
    query = { ...query, sort: { ...query.sort, key: 'dueOn' } };
  const pageParams: unknown[] = [];
  const w = where(query, pageParams, pieces);
  const list = {
    text: `SELECT r.value FROM (
             SELECT id, ${orderColumns} FROM letter_facts ${w}
             ORDER BY ${orderBy(query.sort)}
             LIMIT ${Math.max(0, Math.trunc(page.limit))} OFFSET ${Math.max(0, Math.trunc(page.offset))}
           ) f JOIN records r ON r.store = 'letters' AND r.id = f.id
           ORDER BY ${orderBy(query.sort, 'f.')}`,
    params: pageParams,
  };
  return { list, total: letterCountSql(query, pieces) };
}
/** The columns the outer ORDER BY of a page needs again. */
const orderColumns = 'status, received_on, serial_no, due_on, updated_at, seq';

export function letterCountSql(
  query: Omit<LetterQuery, 'sort'>,
  pieces?: readonly string[] | null,
) {
  const params: unknown[] = [];
  const keys = Object.entries(query)
    .filter(([k, v]) => v !== undefined && k !== 'sort')
    .map(([k]) => k);
  if (keys.every((k) => COUNTABLE.has(k)))
    return {
      text: `SELECT coalesce(sum(n), 0)::int AS n FROM letter_counts ${countsWhere(query, params)}`,
      params,
    };
  return {
    text: `SELECT count(*)::int AS n FROM letter_facts ${where(query, params, pieces)}`,
    params,
  };
}

const FACT_SELECT = FACT_FIELDS.map((f) => `${COLUMNS[f]} AS "${f}"`).join(', ');

export function letterFactsSql(query: Omit<LetterQuery, 'sort'>) {
  const params: unknown[] = [];
  return { text: `SELECT ${FACT_SELECT} FROM letter_facts ${where(query, params)}`, params };
}

/**
 * What each key `groups` may group by selects (a whitelist: nothing of a query's keys reaches the
 * SQL but these): its column, or for `openDueOn` the deadline of an open letter (the order of
 * remaining working days uses the same expression).
 */
const GROUP_EXPRESSIONS: Record<LetterGroupKey, string> = {
  ...(Object.fromEntries(
    FACT_FIELDS.filter((f) => f !== 'search').map((f) => [f, COLUMNS[f]]),
  ) as Record<Exclude<LetterGroupKey, 'openDueOn'>, string>),
  openDueOn: `CASE WHEN ${OPEN} THEN due_on END`,
};

/** `LetterSearch.groups` as SQL: the facts the query selects, counted per combination of `by`. */
export function letterGroupsSql(query: Omit<LetterQuery, 'sort'>, by: readonly LetterGroupKey[]) {
  const params: unknown[] = [];
  const cols = by.map((k) => {
    if (!Object.hasOwn(GROUP_EXPRESSIONS, k)) throw new Error(`letters cannot be grouped by ${k}`);
    return `${GROUP_EXPRESSIONS[k]} AS "${k}"`;
  });
  const w = where(query, params);
  // Without keys, one group of all the letters — none when no letter is selected.
  const group = by.length
    ? `GROUP BY ${by.map((_, i) => i + 1).join(', ')}`
    : 'HAVING count(*) > 0';
  return {
    text: `SELECT ${[...cols, 'count(*)::int AS n'].join(', ')} FROM letter_facts ${w} ${group}`,
    params,
  };
}

/**
 * Which pieces of a text search's needle to ask the index for (gkwb_search_pieces, migration
 * 0007: its own, less those the statistics find in most letters), as a value, so the list's and
 * the count's plans see them; null without a needle of two characters.
 */
async function searchPieces(
  q: Queryable,
  query: Omit<LetterQuery, 'sort'>,
): Promise<string[] | null> {
  const needle = query.text?.needle;
  if (needle === undefined || [...needle].length < 2) return null;
  const [row] = await q.query<{ pieces: string[] }>('SELECT gkwb_search_pieces($1) AS pieces', [
    needle,
  ]);
  return row?.pieces ?? null;
}

/** The SQL storage's LetterSearch, in a transaction on `q`. */
export function sqlLetterSearch(q: Queryable): LetterSearch {
  const count = async (query: Omit<LetterQuery, 'sort'>, pieces?: string[] | null) => {
    const { text, params } = letterCountSql(query, pieces ?? (await searchPieces(q, query)));
    return (await q.query<{ n: number }>(text, params))[0]?.n ?? 0;
  };
  return {
    async list(query, page) {
      const pieces = await searchPieces(q, query);
      const { list } = letterListSql(query, page, pieces);
      const items = (await q.query<{ value: LetterRecord }>(list.text, list.params)).map(
        (r) => r.value,
      );
      // A short first page is its own total.
      const total =
        page.offset === 0 && items.length < page.limit ? items.length : await count(query, pieces);
      return { items, total };
    },
    count: (query) => count(query),
    async facts(query) {
      const { text, params } = letterFactsSql(query);
      return q.query<LetterFacts>(text, params);
    },
    async groups(query, by) {
      const { text, params } = letterGroupsSql(query, by);
      return q.query(text, params);
    },
    async sections(scopeSection) {
      const params: unknown[] = [];
      const scope =
        scopeSection !== undefined ? `AND section_id = $${params.push(scopeSection)}` : '';
      const rows = await q.query<{ s: string }>(
        `SELECT DISTINCT section_id AS s FROM letter_counts WHERE section_id <> '' AND n > 0 ${scope}`,
        params,
      );
      return rows.map((r) => r.s);
    },
  };
}
