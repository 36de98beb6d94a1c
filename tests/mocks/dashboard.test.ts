// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { setToday } from '@mocks/clock';
import type { AssistanceFigure } from '@/features/assistance/types';
import type { Dashboard } from '@/features/dashboard/types';
import { as } from '../api';
import { seedOn } from '../seed-day';

seedOn('2026-11-26');

type Client = Awaited<ReturnType<typeof as>>;
const dash = async (c: Client, q = '') => {
  const r = await c.get<Dashboard>(`/dashboard${q}`);
  expect(r.status).toBe(200);
  return r.body;
};
const total = async (c: Client, path: string) => (await c.get(path)).body.total as number;

describe('GET /dashboard', () => {
  it('kept figures never outlive a change: a new letter, another day, another scope', async () => {
    const leader = await as('leader');
    const clerk = await as('clerk');
    const first = await dash(leader, '?year=2026');
    expect(await dash(leader, '?year=2026')).toEqual(first);
    const created = await clerk.post('/letters', {
      source: 'website',
      category: 'consultation',
      subject: '低保申请材料',
      content: '请问需要哪些材料？',
      citizenName: '张三',
      receivedOn: '2026-11-20',
    });
    expect(created.status).toBe(201);
    const after = await dash(leader, '?year=2026');
    expect(after.letters.received.value).toBe(first.letters.received.value + 1);
    setToday('2026-11-27');
    expect((await dash(leader, '?year=2026')).asOf).toBe('2026-11-27');
    // A handler's figures are their section's, not the ones kept for the leader.
    const handler = await dash(await as('handler'), '?year=2026');
    expect(handler.letters.received.value).toBeLessThan(after.letters.received.value);
    expect(handler.assistance).toBeNull();
  });

  it('defaults to this year and compares with the same days of last year', async () => {
    const d = await dash(await as('leader'));
    expect(d.year).toBe(2026);
    expect(d.asOf).toBe('2026-11-26');
    expect(d.window).toEqual({
      from: '2026-01-01',
      to: '2026-11-26',
      previousFrom: '2025-01-01',
      previousTo: '2025-11-26',
    });
    expect(d.letters.monthly.current).toHaveLength(12);
    expect(d.letters.monthly.current[11]).toBeNull();
  });

  it('agrees with the lists its cards link to', async () => {
    const clerk = await as('clerk');
    const d = await dash(clerk, '?year=2026');
    expect(d.letters.received.value).toBe(await total(clerk, '/letters?year=2026&pageSize=1'));
    expect(d.letters.closed.value).toBe(
      await total(clerk, '/letters?year=2026&status=closed&pageSize=1'),
    );
    expect(d.letters.overdue).toBe(await total(clerk, '/letters?alert=overdue&pageSize=1'));
    expect(d.letters.dueSoon).toBe(await total(clerk, '/letters?alert=due_soon&pageSize=1'));
    expect(d.applications.received.value).toBe(
      await total(clerk, '/applications?year=2026&pageSize=1'),
    );
    expect(d.applications.overdue).toBe(
      await total(clerk, '/applications?alert=overdue&pageSize=1'),
    );
    expect(d.catalogue.published.value).toBe(await total(clerk, '/catalogue?year=2026&pageSize=1'));
    expect(d.catalogue.late.value).toBe(
      await total(clerk, '/catalogue?year=2026&timely=false&pageSize=1'),
    );
    expect(d.catalogue.timelyRate.denominator).toBe(d.catalogue.published.value);
    // The rate's list (the year's entries) holds the late ones too: 其中 N 条逾期公开.
    expect(d.catalogue.timelyRate.denominator - d.catalogue.timelyRate.numerator).toBe(
      d.catalogue.late.value,
    );
  });

  it('every letters and applications tile: its figure is the total of the list it opens', async () => {
    const clerk = await as('clerk');
    const d = await dash(clerk, '?year=2026');
    const L = d.letters;
    const A = d.applications;
    // [figure, the tile's list query] — a rate's and a time's list: the cases they rest on.
    const cases: [number, string][] = [
      [L.received.value, '/letters?year=2026'],
      [L.closed.value, '/letters?year=2026&status=closed'],
      [L.onTimeRate.denominator, '/letters?year=2026&status=closed'],
      [L.satisfactionRate.denominator, '/letters?year=2026&rated=true'],
      [L.responseDays.n, '/letters?year=2026&replied=true'],
      [L.overdue, '/letters?alert=overdue'],
      [L.dueSoon, '/letters?alert=due_soon'],
      [A.received.value, '/applications?year=2026'],
      [A.pending.value, '/applications?year=2026&open=true'],
      [A.late.value, '/applications?year=2026&late=true'],
      [A.onTimeRate.denominator, '/applications?year=2026&status=decided'],
      [A.responseDays.n, '/applications?year=2026&status=decided'],
      [A.overdue, '/applications?alert=overdue'],
    ];
    for (const [figure, path] of cases)
      expect(await total(clerk, `${path}&pageSize=1`), path).toBe(figure);
    // The filters narrow: these figures are not simply the year's letters.
    expect(L.satisfactionRate.denominator).toBeLessThan(L.closed.value);
    expect(L.responseDays.n).toBeLessThan(L.received.value);
    expect(A.pending.value).toBeLessThan(A.received.value);
  });

  it('the per-section table: exact figures on the seeded day, each the total of its list', async () => {
    const leader = await as('leader');
    const d = await dash(leader, '?year=2026');
    const row = (id: string) => d.sections.find((s) => s.sectionId === id)!;
    expect(d.sections.map((s) => s.sectionId).slice(0, 2)).toEqual([
      'social_assistance',
      'social_affairs',
    ]);
    expect(row('social_assistance')).toMatchObject({ inProgress: 4, overdue: 2, supervised: 1 });
    expect(row('social_assistance').onTimeRate).toMatchObject({ numerator: 12, denominator: 12 });
    expect(row('social_org').onTimeRate).toMatchObject({
      value: 0.8,
      numerator: 8,
      denominator: 10,
    });
    expect(row('finance').onTimeRate).toMatchObject({ value: null, denominator: 1 });
    for (const s of d.sections) {
      const q = `/letters?sectionId=${s.sectionId}&pageSize=1`;
      expect(await total(leader, `${q}&status=assigned`)).toBe(s.inProgress);
      expect(await total(leader, `${q}&alert=overdue`)).toBe(s.overdue);
      expect(await total(leader, `${q}&year=2026&status=closed`)).toBe(s.onTimeRate.denominator);
      expect(await total(leader, `${q}&year=2026&supervised=true`)).toBe(s.supervised);
    }
    // The same rules as the KPIs: the sections' overdue letters are all of the overdue at a section.
    const atSections = d.sections.reduce((n, s) => n + s.overdue, 0);
    expect(atSections).toBeLessThanOrEqual(d.letters.overdue);
    // A section officer's table is their own section's row.
    const mine = await dash(await as('handler'), '?year=2026');
    expect(mine.sections).toEqual([row('social_assistance')]);
  });

  it('2017 as the report states it: 17 letters, all closed; rates only from 5 cases', async () => {
    const d = await dash(await as('leader'), '?year=2017');
    expect(d.letters.received.value).toBe(17);
    expect(d.letters.closed.value).toBe(17);
    expect(d.letters.onTimeRate.denominator).toBe(17);
    expect(d.letters.onTimeRate.value).not.toBeNull();
    expect(d.letters.received.previous).toBe(0);
    expect(d.letters.received.change).toBeNull();
    expect(d.applications.received.value).toBe(0);
    expect(d.applications.onTimeRate).toMatchObject({ value: null, denominator: 0 });
    expect(d.letters.responseDays.n).toBe(17);
    expect(d.letters.responseDays.median).toBeGreaterThan(0);
    expect(d.letters.responseDays.mean).toBeGreaterThan(0);
  });

  it('computes at request time: a new letter counts at once', async () => {
    const clerk = await as('clerk');
    const before = (await dash(clerk)).letters.received.value;
    const r = await clerk.post('/letters', {
      source: 'website',
      category: 'consultation',
      subject: '低保标准',
      content: '请问今年的低保标准是多少？',
      citizenName: '张三',
      receivedOn: '2026-11-25',
    });
    expect(r.status).toBe(201);
    expect((await dash(clerk)).letters.received.value).toBe(before + 1);
  });

  it('assistance: published figures only; publishing this month changes the dashboard', async () => {
    const clerk = await as('clerk');
    const before = (await dash(clerk)).assistance!;
    expect(before).toMatchObject({ through: '2026-10', illustrative: true });
    expect(before.persons.value).toBe(before.urbanDibao! + before.ruralDibao! + before.tekun!);
    expect(before.persons.value).toBeGreaterThan(60_000);
    expect(before.expenditure.previous).toBeGreaterThan(0);
    expect(before.monthly.current[10]).toBeNull(); // November: still a draft
    const drafts = (await clerk.get<AssistanceFigure[]>('/assistance?period=2026-11&status=draft'))
      .body;
    await clerk.post('/assistance/2026-11/publish', {
      figures: drafts.map((f) => ({ id: f.id, version: f.version })),
    });
    const after = (await dash(clerk)).assistance!;
    expect(after.through).toBe('2026-11');
    expect(after.expenditure.value).toBeGreaterThan(before.expenditure.value);
    expect(after.monthly.current[10]).toBeGreaterThan(0);
  });

  it("a handler sees their section's letters and applications, and no assistance figures", async () => {
    const handler = await as('handler');
    const d = await dash(handler);
    expect(d.assistance).toBeNull();
    expect(d.letters.received.value).toBe(await total(handler, '/letters?year=2026&pageSize=1'));
    const all = await dash(await as('leader'));
    expect(d.letters.received.value).toBeLessThan(all.letters.received.value);
    expect(all.assistance).not.toBeNull();
  });

  it('400 for a malformed year', async () => {
    const c = await as('leader');
    expect((await c.get('/dashboard?year=abc')).status).toBe(400);
    expect((await c.get('/dashboard?year=1999')).status).toBe(400);
  });
});
