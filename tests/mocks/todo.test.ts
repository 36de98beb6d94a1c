// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { setToday } from '@mocks/clock';
import type { Application } from '@/features/applications/types';
import type { Todo, TodoGroup } from '@/features/todo/types';
import { as } from '../api';
import { seedOn } from '../seed-day';

// The seed's live letters around a Thursday; the windows' working days: 27, 30 Nov, 1, 2 Dec.
seedOn('2026-11-26');

type Client = Awaited<ReturnType<typeof as>>;
const todo = async (c: Client) => {
  const r = await c.get<Todo>('/todo');
  expect(r.status).toBe(200);
  return r.body;
};
const group = (t: Todo, id: string) => t.groups.find((g) => g.id === id)!;
const counts = (t: Todo) => Object.fromEntries(t.groups.map((g) => [g.id, g.count]));
const serials = (g: TodoGroup) => g.items.map((i) => i.serialNo);
const listTotal = async (c: Client, g: TodoGroup) =>
  (await c.get<{ total: number }>(`/${g.resource}?${g.filter}&pageSize=1`)).body.total;

/** Every group's count is the total of the list its link opens, for that user. */
async function expectListsAgree(c: Client, t: Todo) {
  for (const g of t.groups) expect(await listTotal(c, g), g.id).toBe(g.count);
}

describe('GET /todo', () => {
  it("the office's groups on the seeded day, each the total of its list", async () => {
    const clerk = await as('clerk');
    const t = await todo(clerk);
    expect(t.asOf).toBe('2026-11-26');
    expect(t.windowDays).toBe(3);
    expect(counts(t)).toEqual({
      toTransfer: 2,
      toClose: 1,
      dueToday: 0,
      supervised: 2,
      extensionRequests: 1,
      correctionLapsing: 0,
      feeLapsing: 0,
    });
    expect(serials(group(t, 'toTransfer'))).toEqual(['XF-2026-0068', 'XF-2026-0067']);
    expect(serials(group(t, 'supervised'))).toEqual(['XF-2026-0058', 'XF-2026-0060']);
    expect(group(t, 'supervised').items.map((i) => i.remainingWorkdays)).toEqual([-3, 3]);
    expect(group(t, 'extensionRequests').items[0]).toMatchObject({
      serialNo: 'XF-2026-0059',
      extension: 'requested',
    });
    await expectListsAgree(clerk, t);
    // The admin does the office's work too.
    expect(counts(await todo(await as('admin')))).toEqual(counts(t));
  });

  it("a section officer gets their own section's work, fewest days left first", async () => {
    const handler = await as('handler');
    const t = await todo(handler);
    expect(t.groups.map((g) => g.id)).toEqual(['sectionLetters', 'sectionApplications']);
    const letters = group(t, 'sectionLetters');
    expect(letters.count).toBe(4);
    expect(letters.items.map((i) => i.remainingWorkdays)).toEqual([-5, -3, 2, 3]);
    expect(letters.items.every((i) => i.sectionId === 'social_assistance')).toBe(true);
    expect(letters.items.find((i) => i.serialNo === 'XF-2026-0060')?.supervised).toBe(true);
    expect(letters.items.find((i) => i.serialNo === 'XF-2026-0059')?.extension).toBe('requested');
    expect(serials(group(t, 'sectionApplications'))).toEqual(['YSQ-2026-0004', 'YSQ-2026-0007']);
    await expectListsAgree(handler, t);
    // Another section: only its own (the supervised letter of 社会事务科), never the above.
    const other = await todo(await as('handler2'));
    expect(serials(group(other, 'sectionLetters'))).toEqual(['XF-2026-0058']);
    expect(group(other, 'sectionApplications').count).toBe(0);
  });

  it('leaders have the dashboard, not a to-do (403)', async () => {
    expect((await (await as('leader')).get('/todo')).status).toBe(403);
  });

  it('今日到期: the letters not yet answered whose deadline is the day', async () => {
    setToday('2026-11-30');
    const clerk = await as('clerk');
    const g = group(await todo(clerk), 'dueToday');
    expect(g.filter).toBe('dueOn=2026-11-30');
    expect(serials(g)).toContain('XF-2026-0059');
    expect(g.items.every((i) => i.dueOn === '2026-11-30' && i.remainingWorkdays === 0)).toBe(true);
    expect(await listTotal(clerk, g)).toBe(g.count);
  });

  it('补正 and 缴费 windows ending within the window days, by the clock, with their lists', async () => {
    const clerk = await as('clerk');
    const create = async (receivedOn: string) => {
      const r = await clerk.post<Application>('/applications', {
        applicantType: 'natural_person',
        applicantName: '张三',
        contact: '13812345678',
        channel: 'online',
        receivedOn,
        description: '申请公开本市低保资金发放情况。',
      });
      expect(r.status).toBe(201);
      return r.body;
    };
    const act = async (a: Application, action: string, body: unknown) => {
      const r = await clerk.post<Application>(`/applications/${a.id}/${action}`, body, {
        'If-Match': `"${a.version}"`,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };
    const soon = await create('2026-11-20');
    await act(soon, 'request-correction', {
      note: '请补充申请内容的描述',
      requestedOn: '2026-11-24',
      correctionDueOn: '2026-12-01', // 3 working days from today: lapsing
    });
    const later = await create('2026-11-20');
    await act(later, 'request-correction', {
      note: '请补充申请内容的描述',
      requestedOn: '2026-11-24',
      correctionDueOn: '2026-12-02', // 4 working days: not yet
    });
    const fee = await create('2026-10-30');
    await act(fee, 'fee-notice', {
      sentOn: '2026-11-02',
      method: 'per_page',
      count: 500,
    }); // pay by 20 working days after 2 November: 30 November, 2 working days away
    const t = await todo(clerk);
    expect(serials(group(t, 'correctionLapsing'))).toEqual([soon.serialNo]);
    expect(group(t, 'correctionLapsing').items[0]).toMatchObject({
      dueOn: '2026-12-01',
      remainingWorkdays: 3,
    });
    expect(group(t, 'feeLapsing').items).toMatchObject([
      { serialNo: fee.serialNo, dueOn: '2026-11-30', remainingWorkdays: 2 },
    ]);
    await expectListsAgree(clerk, t);
    // A day later the other window is within the days too.
    setToday('2026-11-27');
    const next = await todo(clerk);
    expect(group(next, 'correctionLapsing').count).toBe(2);
    await expectListsAgree(clerk, next);
  });
  it('colours each deadline as the lists do: orange within the time limits’ 即将到期 days', async () => {
    const handler = await as('handler');
    const items = (t: Todo) => t.groups.flatMap((g) => g.items);
    const alerts = (t: Todo) => items(t).map((i) => [i.remainingWorkdays, i.alert] as const);
    const rule = (n: number | null, soon: number) =>
      n === null ? 'none' : n < 0 ? 'overdue' : n <= soon ? 'due_soon' : 'none';
    const before = await todo(handler);
    expect(items(before).length).toBeGreaterThan(0);
    for (const [n, a] of alerts(before)) expect(a).toBe(rule(n, 3));

    // A wider 即将到期 window: the items within it turn orange, on the lists and here alike.
    const admin = await as('admin');
    const limits = await admin.get<any>('/settings/time-limits');
    const put = await admin.put<any>(
      '/settings/time-limits',
      { ...limits.body, version: undefined, dueSoonDays: 15 },
      { 'If-Match': `"${limits.body.version}"` },
    );
    expect(put.status).toBe(200);
    const after = await todo(handler);
    for (const [n, a] of alerts(after)) expect(a).toBe(rule(n, 15));
    const list = await handler.get<{ items: { id: string; alert: string }[] }>(
      '/letters?status=assigned&pageSize=100',
    );
    const onList = new Map(list.body.items.map((l) => [l.id, l.alert]));
    const letterItems = items(after).filter((i) => i.kind === 'letter' && onList.has(i.id));
    expect(letterItems.length).toBeGreaterThan(0);
    for (const i of letterItems) expect(i.alert, i.serialNo).toBe(onList.get(i.id));
    expect(alerts(after).some(([n, a]) => n !== null && n > 3 && a === 'due_soon')).toBe(true);
  });
});
