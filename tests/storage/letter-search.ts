/**
 * The letters' lists on the storage port (ReadTx.letterSearch), part of the storage contract: on
 * every storage the answer to a query equals the pure definition (`searchLetters` over every
 * letter, server/domain/letter-query.ts) — the SQL storage answers from its indexed facts and
 * counts, so this is what keeps it to the rule. Letters of all kinds are written, then changed
 * and deleted (the facts and counts must follow), and each query runs in a read and inside the
 * write that made the change. The dashboard's letter figures, computed from the storage's groups,
 * equal those of the letters one by one.
 */
import { expect, it } from 'vitest';
import {
  letterKpis,
  sectionKpis,
  type LetterFact,
  type SectionLetterFact,
} from '@/features/dashboard/kpi';
import { alertLevel, remainingWorkdays } from '@/features/letters/rules';
import { LETTER_CATEGORIES, LETTER_SOURCES, type LetterRecord } from '@/features/letters/types';
import type { User } from '@/types/api';
import { dashboard, LETTER_KPI_KEYS, SECTION_KPI_KEYS } from '../../server/domain/dashboard';
import {
  groupFacts,
  searchLetters,
  selects,
  factsOf,
  type LetterGroupKey,
  type LetterQuery,
  type LetterSearch,
} from '../../server/domain/letter-query';
import type { ReadTx, Storage } from '../../server/domain/ports';
import { readView } from '../../server/domain/view';

/** A small deterministic generator (the same letters on every storage). */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s / 2 ** 32);
  return {
    int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

const SECTIONS = ['social_assistance', 'social_affairs', 'elderly'];
const STATUSES = ['registered', 'assigned', 'replied', 'closed'] as const;

export function letters(prefix: string, n: number): LetterRecord[] {
  const r = rng(n * 7919);
  return Array.from({ length: n }, (_, i) => {
    const status = r.pick(STATUSES);
    const receivedOn = `20${r.pick(['25', '26'])}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const dueOn = `2026-${String(r.int(11, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const replied = status === 'replied' || status === 'closed';
    const reached = status === 'closed' && r.chance(0.6);
    return {
      id: `${prefix}-${String(i).padStart(3, '0')}`,
      serialNo: `XF-${receivedOn.slice(0, 4)}-${prefix.slice(-4)}${String(i).padStart(3, '0')}`,
      source: r.pick(LETTER_SOURCES),
      category: r.pick(LETTER_CATEGORIES),
      subject: `${r.pick(['低保', '养老', '救助', 'Mixed Case'])} 来信 ${i}`,
      content: r.pick(['内容', '关于低保的咨询', 'ABC def']),
      citizenName: r.pick(['张三', '李四', 'Ann']),
      citizenPhone: r.chance(0.8) ? `1380000${String(r.int(1000, 1003))}` : null,
      receivedOn,
      status,
      timeLimitDays: 15,
      dueOn: r.chance(0.2) ? '2026-12-10' : dueOn,
      calendarProvisional: false,
      sectionId: status === 'registered' ? null : r.pick(SECTIONS),
      reply: replied
        ? { content: '答复', repliedOn: dueOn, repliedBy: 'x', method: 'written' }
        : null,
      closedOn: status === 'closed' ? dueOn : null,
      onTime: status === 'closed' ? r.chance(0.7) : null,
      extension: null,
      supervised: r.chance(0.25),
      satisfaction: status === 'closed' && r.chance(0.7) ? 'satisfied' : null,
      followUp: reached
        ? {
            method: 'phone',
            on: dueOn,
            by: 'x',
            reached: true,
            satisfaction: 'satisfied',
            closeReason: null,
          }
        : null,
      extensionRequest: r.chance(0.1)
        ? { days: 5, reason: 'x', requestedBy: 'x', requestedAt: '2026-12-01T10:00:00+08:00' }
        : null,
      previousReplies: [],
      returned: null,
      duplicateOf: i > 3 && r.chance(0.15) ? { id: `${prefix}-000`, serialNo: 'XF' } : null,
      version: 1,
      createdAt: '2026-12-01T09:00:00+08:00',
      // Some instants equal (ties keep the stored order).
      updatedAt: `2026-12-0${r.int(1, 3)}T09:00:00+08:00`,
    } as unknown as LetterRecord;
  });
}

const SORTS: LetterQuery['sort'][] = (
  ['receivedOn', 'dueOn', 'serialNo', 'openDueOn', 'updatedAt'] as const
).flatMap((key) => [
  { key, desc: false },
  { key, desc: true },
]);

/** Queries over every filter, alone and together (the text needle lower-cased, as lists send it). */
function queries(): LetterQuery[] {
  const sort = { key: 'receivedOn', desc: true } as const;
  const filters: Omit<LetterQuery, 'sort'>[] = [
    {},
    { scopeSection: 'elderly' },
    { status: 'assigned' },
    { status: 'closed', sectionId: 'social_affairs' },
    { scopeSection: 'social_assistance', status: 'replied' },
    { source: LETTER_SOURCES[1], category: LETTER_CATEGORIES[0] },
    { year: 2025 },
    { year: 2026, status: 'assigned', sectionId: 'elderly' },
    { receivedFrom: '2025-06-01', receivedTo: '2026-03-31' },
    { supervised: true },
    { extensionRequested: true },
    { replied: true },
    { rated: true },
    { open: true },
    { open: true, dueTo: '2026-12-09' },
    { open: true, dueFrom: '2026-12-10', dueTo: '2026-12-20' },
    { open: true, dueFrom: '2026-12-10', dueTo: '2026-12-10' },
    { phone: '1002' },
    { phone: '13800001001' },
    { phone: '123' },
    { duplicateOf: 'PREFIX-000' },
    { text: { needle: '低保' } },
    { text: { needle: 'mixed case' } },
    { text: { needle: 'xf-2026' } },
    { text: { needle: '1003', orPhone: '1003' } },
    { text: { needle: '%' } },
    { text: { needle: '低' } },
    { text: { needle: 'x' } },
    { text: { needle: '低保的咨' } },
    { text: { needle: '低保户' } },
    // Every two-character piece is in a letter ("mixed case" + "abc def"), the needle is not.
    { text: { needle: 'de d' } },
    // Every three-character piece is in a letter (subject "低保 来信 …", content "关于低保的咨询"),
    // the needle is not.
    { text: { needle: '于低保 来' } },
    { text: { needle: '𠀀' } },
    { scopeSection: 'elderly', sectionId: 'social_affairs' },
    { scopeSection: '' },
  ];
  return [...filters.map((f) => ({ ...f, sort })), ...SORTS.map((s) => ({ sort: s }))];
}

const withPrefix = (q: LetterQuery, prefix: string): LetterQuery =>
  q.duplicateOf ? { ...q, duplicateOf: q.duplicateOf.replace('PREFIX', prefix) } : q;

/**
 * Every check of one state: each query's pages and totals, and its facts, against the rule over
 * every letter the transaction sees (other tests' letters included: the same rule selects them).
 */
async function expectAgrees(tx: ReadTx, search: LetterSearch, prefix: string) {
  const all = await tx.letters.all();
  for (const q of queries().map((q) => withPrefix(q, prefix))) {
    // A filter's first and a later page; a sort's whole order.
    const pages =
      q.sort.key === 'receivedOn' && q.sort.desc && Object.keys(q).length > 1
        ? [
            { offset: 0, limit: 10 },
            { offset: 10, limit: 7 },
          ]
        : [{ offset: 0, limit: 100_000 }];
    for (const page of pages) {
      const want = searchLetters(all, q, page);
      const got = await search.list(q, page);
      const what = JSON.stringify({ q, page });
      expect(
        got.items.map((l) => l.id),
        what,
      ).toEqual(want.items.map((l) => l.id));
      expect(got.total, what).toBe(want.total);
    }
    const { sort: _sort, ...filter } = q;
    void _sort;
    const expected = all
      .filter((l) => selects(factsOf(l), filter))
      .map((l) => l.id)
      .sort();
    expect(await search.count(filter), JSON.stringify(q)).toBe(expected.length);
    const facts = await search.facts(filter);
    expect(facts.map((f) => f.id).sort(), JSON.stringify(q)).toEqual(expected);
    for (const f of facts.filter((f) => f.id.startsWith(prefix)))
      expect(f).toEqual(factsOf(all.find((l) => l.id === f.id)!));
    const selected = all.map(factsOf).filter((f) => selects(f, filter));
    for (const by of GROUPINGS)
      expect(sortedGroups(await search.groups(filter, by)), JSON.stringify({ q, by })).toEqual(
        sortedGroups(groupFacts(selected, by)),
      );
  }
}

/** Groupings the contract checks: none, one key, the dashboard's, and every other kind of value. */
const GROUPINGS: (readonly LetterGroupKey[])[] = [
  [],
  ['status'],
  LETTER_KPI_KEYS,
  SECTION_KPI_KEYS,
  ['rated', 'extensionRequested', 'replied', 'duplicateOf', 'category', 'source', 'dueOn'],
];
const sortedGroups = (gs: object[]) => gs.map((g) => JSON.stringify(g)).sort();

/**
 * The dashboard's letter figures as they were computed before the storage grouped them: every
 * letter the figures count, one by one (received in the window's two years, or open).
 */
async function dashboardOneByOne(tx: ReadTx, user: User, year: number, today: string) {
  const { cal, dueSoonDays } = await readView(tx, today);
  const letters = (await tx.letters.all()).filter(
    (l) =>
      (user.role !== 'handler' || l.sectionId === user.sectionId) &&
      ((l.receivedOn >= `${year - 1}-01-01` && l.receivedOn <= `${year}-12-31`) ||
        l.status === 'registered' ||
        l.status === 'assigned'),
  );
  const facts: (LetterFact & SectionLetterFact)[] = letters.map((l) => ({
    receivedOn: l.receivedOn,
    closed: l.status === 'closed',
    onTime: l.onTime ?? null,
    satisfaction: l.followUp?.reached ? (l.satisfaction ?? null) : null,
    repliedOn: l.reply?.repliedOn ?? null,
    alert: alertLevel(remainingWorkdays(cal, today, l), dueSoonDays),
    sectionId: l.sectionId ?? null,
    atSection: l.status === 'assigned',
    supervised: l.supervised === true,
  }));
  const ctx = { year, today, workdaysBetween: (a: string, b: string) => cal.workdaysBetween(a, b) };
  return {
    letters: letterKpis(facts, ctx),
    sectionKpis: (ids: string[]) => sectionKpis(facts, ids, ctx),
  };
}

async function expectDashboardAgrees(tx: ReadTx) {
  const users = [
    { id: 'u-leader', role: 'leader', sectionId: null },
    { id: 'u-handler', role: 'handler', sectionId: 'elderly' },
  ] as unknown as User[];
  for (const user of users)
    for (const year of [2025, 2026, 2027]) {
      const today = '2026-12-07';
      const d = await dashboard(tx, user, year, today);
      const want = await dashboardOneByOne(tx, user, year, today);
      const what = JSON.stringify({ role: user.role, year });
      expect(d.letters, what).toEqual(want.letters);
      expect(d.sections, what).toEqual(want.sectionKpis(d.sections.map((s) => s.sectionId)));
    }
}

export function letterSearchContract(storage: () => Storage, fresh: () => string) {
  it('letter lists: every filter, sort and page answers as the rule over every letter does, after writes, changes and deletes', async () => {
    const prefix = fresh().toUpperCase();
    const mine = letters(prefix, 90);
    await storage().write(async (tx) => {
      for (const l of mine) await tx.letters.put(l);
      await expectAgrees(tx, tx.letterSearch, prefix);
    });
    await storage().read((tx) => expectAgrees(tx, tx.letterSearch, prefix));
    // Changes that move letters between counts (status, section, year), and deletes.
    await storage().write(async (tx) => {
      for (const l of mine.slice(0, 30)) {
        const cur = (await tx.letters.getForUpdate(l.id))!;
        await tx.letters.put({
          ...cur,
          status: cur.status === 'assigned' ? 'replied' : 'assigned',
          sectionId: cur.sectionId === 'elderly' ? 'social_affairs' : 'elderly',
          receivedOn: cur.receivedOn.startsWith('2025')
            ? `2026${cur.receivedOn.slice(4)}`
            : cur.receivedOn,
          supervised: !cur.supervised,
          citizenPhone: null,
        });
      }
      for (const l of mine.slice(30, 40)) await tx.letters.delete(l.id);
      await expectAgrees(tx, tx.letterSearch, prefix);
    });
    await storage().read((tx) => expectAgrees(tx, tx.letterSearch, prefix));
    await storage().read(expectDashboardAgrees);
    // A rolled-back change leaves the facts as they were.
    await expect(
      storage().write(async (tx) => {
        await tx.letters.delete(mine[50]!.id);
        await tx.letterSearch.count({});
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await storage().read(async (tx) => {
      expect(await tx.letters.get(mine[50]!.id)).toBeDefined();
      await expectAgrees(tx, tx.letterSearch, prefix);
    });
  });

  it('the dashboard: its letter figures from the storage’s groups equal those of the letters one by one', async () => {
    const prefix = fresh().toUpperCase();
    const mine = letters(prefix, 120).map((l, i) =>
      // Open letters of an earlier and a later year too (counted whatever the year shown), and
      // deadlines around the day the figures are for (overdue, due soon, not yet).
      i % 9 === 0 && (l.status === 'registered' || l.status === 'assigned')
        ? { ...l, receivedOn: i % 2 ? '2023-05-04' : '2027-01-05' }
        : i % 5 === 0
          ? { ...l, dueOn: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}` }
          : l,
    );
    await storage().write(async (tx) => {
      for (const l of mine) await tx.letters.put(l);
      await expectDashboardAgrees(tx);
    });
    await storage().read(expectDashboardAgrees);
  });

  it('letter lists: the counts of the whole store and the sections holding letters agree with the letters', async () => {
    await storage().read(async (tx) => {
      const all = await tx.letters.all();
      const search = tx.letterSearch;
      expect(await search.count({})).toBe(all.length);
      for (const s of ['elderly', 'social_affairs']) {
        expect(await search.count({ scopeSection: s })).toBe(
          all.filter((l) => l.sectionId === s).length,
        );
        expect(await search.count({ status: 'assigned', sectionId: s, year: 2026 })).toBe(
          all.filter(
            (l) => l.status === 'assigned' && l.sectionId === s && l.receivedOn.startsWith('2026-'),
          ).length,
        );
      }
      const held = [...new Set(all.map((l) => l.sectionId).filter(Boolean))].sort();
      expect((await search.sections()).sort()).toEqual(held);
      expect(await search.sections('elderly')).toEqual(held.includes('elderly') ? ['elderly'] : []);
    });
  });
}
