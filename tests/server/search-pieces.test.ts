/**
 * The letters' text search asks the GIN index on letter_facts.grams only for the pieces of its
 * needle that narrow (gkwb_search_pieces, migration 0007): a two-character needle itself, a longer
 * one's three-character pieces less those ANALYZE found in most letters (every serial number's
 * "xf-", "-20", "202"); without statistics, or when every piece is common, all of them. Either way
 * `strpos` decides, so the lists answer as the rule over every letter does. On the embedded
 * PostgreSQL (PGlite) and, when TEST_DATABASE_URL is set, on a real PostgreSQL.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client';
import { searchLetters, type LetterQuery } from '../../server/domain/letter-query';
import { SqlStorage } from '../../server/storage/sql-storage';
import { letters } from '../storage/letter-search';
import { tempDataDir } from './harness';
import { createDatabase, TEST_DATABASE_URL } from './postgres';

const migrationsFolder = join(process.cwd(), 'server/db/migrations');

/** Needles: one letter's serial number, its common head, a word, a word in no letter, mixed. */
const NEEDLES = ['xf-2026-pcs1042', 'xf-2', '低保', '低保的咨', '养老金', '来信 4', 'abc def'];
const PAGES = [
  { offset: 0, limit: 10 },
  { offset: 10, limit: 10 },
];

async function pieces(db: Database, needle: string): Promise<string[]> {
  const [row] = await db.query<{ p: string[] }>('SELECT gkwb_search_pieces($1) AS p', [needle]);
  return [...row!.p].sort();
}

async function trigrams(db: Database, needle: string): Promise<string[]> {
  const [row] = await db.query<{ p: string[] }>('SELECT gkwb_trigrams($1) AS p', [needle]);
  return [...row!.p].sort();
}

function onDatabase(
  name: string,
  open: () => Promise<{ db: Database; done: () => Promise<void> }>,
) {
  describe(`text search pieces on ${name}`, () => {
    let db: Database;
    let done: () => Promise<void>;
    let storage: SqlStorage;
    beforeAll(async () => {
      ({ db, done } = await open());
      storage = new SqlStorage(db);
      await storage.write(async (tx) => {
        for (const l of letters('PCS1', 120)) await tx.letters.put(l);
      });
    });
    afterAll(async () => {
      await db?.close();
      await done?.();
    });

    const agrees = () =>
      storage.read(async (tx) => {
        const all = await tx.letters.all();
        for (const needle of NEEDLES) {
          const query: LetterQuery = { text: { needle }, sort: { key: 'receivedOn', desc: true } };
          for (const page of PAGES) {
            const want = searchLetters(all, query, page);
            const got = await tx.letterSearch.list(query, page);
            expect(
              got.items.map((l) => l.id),
              `${needle} ${page.offset}`,
            ).toEqual(want.items.map((l) => l.id));
            expect(got.total, needle).toBe(want.total);
          }
          expect(await tx.letterSearch.count(query), needle).toBe(
            searchLetters(all, query, PAGES[0]!).total,
          );
        }
      });

    it('asks for every piece before ANALYZE, for the rare ones after, and answers as the rule both times', async () => {
      // No statistics yet: every piece.
      expect(await pieces(db, 'xf-2026-pcs1042')).toEqual(await trigrams(db, 'xf-2026-pcs1042'));
      expect(await pieces(db, '低保')).toEqual(['低保']);
      await agrees();

      await db.query('ANALYZE letter_facts');
      const serial = await pieces(db, 'xf-2026-pcs1042');
      // In every letter, or in 10 of the 120 ("pcs104x"): left out. In one letter: asked for.
      for (const common of ['xf-', 'f-2', '-20', '202', '-pc', 'pcs', 'cs1', 's10', '104'])
        expect(serial).not.toContain(common);
      expect(serial).toContain('042');
      // Every piece common: all of them (an empty set would select every letter's entry).
      expect(await pieces(db, 'xf-')).toEqual(['xf-']);
      await agrees();
    });
  });
}

onDatabase('the embedded PostgreSQL (PGlite)', async () => ({
  db: await openDatabase({ dataDir: tempDataDir(), migrationsFolder }),
  done: async () => {},
}));

if (TEST_DATABASE_URL)
  onDatabase('PostgreSQL', async () => {
    const target = await createDatabase();
    return {
      db: await openDatabase({ databaseUrl: target.url, dataDir: '', migrationsFolder }),
      done: target.drop,
    };
  });
