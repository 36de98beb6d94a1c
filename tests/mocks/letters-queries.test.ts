// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { setToday } from '@mocks/clock';
import type { Letter } from '@/features/letters/types';
import { as } from '../api';
import { seedOn } from '../seed-day';

// The seed is built around this day (its count of letters, their alerts); tests move the backend on from it.
seedOn('2026-11-03');

type Client = Awaited<ReturnType<typeof as>>;

const input = {
  source: 'website',
  category: 'consultation',
  subject: '低保申请材料',
  content: '请问需要哪些材料？',
  citizenName: '张三',
  citizenPhone: '13812345678',
  receivedOn: '2026-11-02',
};
const MASKED = /^(1\d{2}\*{4}\d{4}|0\d{2,3}-\*{4}\d{4})$/;

async function create(c: Client, over: Record<string, unknown> = {}): Promise<Letter> {
  const r = await c.post<Letter>('/letters', { ...input, ...over });
  expect(r.status).toBe(201);
  return r.body;
}
async function act(c: Client, l: Pick<Letter, 'id' | 'version'>, action: string, body = {}) {
  const r = await c.post<Letter>(`/letters/${l.id}/${action}`, body, {
    'If-Match': `"${l.version}"`,
  });
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}
const all = async (c: Client, query = '') =>
  (await c.get<{ items: Letter[]; total: number }>(`/letters/export?${query}`)).body;

describe('letters: personal data', () => {
  it('lists mask phones; the detail shows the full phone to clerk, admin and the assigned section only', async () => {
    setToday('2026-11-03');
    const clerk = await as('clerk');
    const l = await create(clerk, { subject: '电话可见性' });
    const a = await act(clerk, l, 'assign', { sectionId: 'social_assistance' });
    expect(a.citizenPhone).toBe('13812345678');
    const phoneOf = async (user: string) => {
      const r = await (await as(user)).get<Letter>(`/letters/${l.id}`);
      return r.status === 200 ? r.body.citizenPhone : r.status;
    };
    expect(await phoneOf('clerk')).toBe('13812345678');
    expect(await phoneOf('admin')).toBe('13812345678');
    expect(await phoneOf('handler')).toBe('13812345678');
    expect(await phoneOf('leader')).toBe('138****5678');
    expect(await phoneOf('handler2')).toBe(404);
    for (const user of ['clerk', 'leader', 'handler']) {
      const list = await (await as(user)).get(`/letters?q=${encodeURIComponent('电话可见性')}`);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0].citizenPhone).toBe('138****5678');
    }
    const page = (await clerk.get<{ items: Letter[] }>('/letters?pageSize=100')).body.items;
    for (const x of page) if (x.citizenPhone) expect(x.citizenPhone).toMatch(MASKED);
  });

  it('/letters/export returns every filtered row, phones masked', async () => {
    const clerk = await as('clerk');
    const list = (await clerk.get('/letters?pageSize=1')).body;
    const exp = await all(clerk);
    expect(list.total).toBeGreaterThan(100);
    expect(exp.total).toBe(list.total);
    expect(exp.items).toHaveLength(list.total);
    expect(exp.items.some((x) => x.citizenPhone)).toBe(true);
    for (const x of exp.items) if (x.citizenPhone) expect(x.citizenPhone).toMatch(MASKED);
    const closed2017 = await all(clerk, 'year=2017&status=closed');
    expect(closed2017.total).toBe(17);
    expect(closed2017.items).toHaveLength(17);
    const handlerRows = await all(await as('handler'));
    expect(handlerRows.items.length).toBeGreaterThan(0);
    expect(handlerRows.items.every((x) => x.sectionId === 'social_assistance')).toBe(true);
  });
});

describe('letters: alerts, filters, sorts', () => {
  it('/letters/alerts counts overdue and due-soon letters in the caller’s scope', async () => {
    setToday('2026-11-02');
    const clerk = await as('clerk');
    const mine = await act(clerk, await create(clerk), 'assign', {
      sectionId: 'social_assistance',
    });
    const theirs = await act(clerk, await create(clerk), 'assign', { sectionId: 'social_affairs' });
    setToday('2026-11-10');
    for (const [user, section, id] of [
      ['handler', 'social_assistance', mine.id],
      ['handler2', 'social_affairs', theirs.id],
    ] as const) {
      const r = (await (await as(user)).get('/letters/alerts')).body;
      expect(r.items.every((x: Letter) => x.sectionId === section)).toBe(true);
      expect(r.items.find((x: Letter) => x.id === id)).toMatchObject({ alert: 'overdue' });
      expect(r.overdue + r.dueSoon).toBe(r.items.length);
    }
    const office = (await clerk.get('/letters/alerts')).body;
    const ids = office.items.map((x: Letter) => x.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(office.overdue).toBe(office.items.filter((x: Letter) => x.alert === 'overdue').length);
    expect(office.items.every((x: Letter) => ['registered', 'assigned'].includes(x.status))).toBe(
      true,
    );
    for (const x of office.items) if (x.citizenPhone) expect(x.citizenPhone).toMatch(MASKED);
    const rem = office.items.map((x: Letter) => x.remainingWorkdays);
    expect([...rem].sort((a, b) => a - b)).toEqual(rem);
  });

  it.each([
    ['status=assigned', (l: Letter) => l.status === 'assigned'],
    ['status=closed', (l: Letter) => l.status === 'closed'],
    ['source=mayor_mailbox', (l: Letter) => l.source === 'mayor_mailbox'],
    ['category=complaint', (l: Letter) => l.category === 'complaint'],
    ['sectionId=social_assistance', (l: Letter) => l.sectionId === 'social_assistance'],
    ['year=2017', (l: Letter) => l.receivedOn.startsWith('2017-')],
    ['alert=overdue', (l: Letter) => l.alert === 'overdue' && l.remainingWorkdays! < 0],
    ['alert=due_soon', (l: Letter) => l.alert === 'due_soon'],
    [
      'receivedFrom=2017-03-01&receivedTo=2017-06-30',
      (l: Letter) => l.receivedOn >= '2017-03-01' && l.receivedOn <= '2017-06-30',
    ],
    [
      'year=2017&source=mayor_mailbox',
      (l: Letter) => l.source === 'mayor_mailbox' && l.receivedOn < '2018',
    ],
  ] as const)('filter %s', async (query, pred) => {
    const clerk = await as('clerk');
    const everything = (await all(clerk)).items;
    const expected = everything.filter(pred);
    expect(expected.length).toBeGreaterThan(0);
    const r = await clerk.get(`/letters?${query}&pageSize=100`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(expected.length);
    expect(r.body.items.every(pred)).toBe(true);
  });

  it('q searches serial number, subject, content and citizen name', async () => {
    setToday('2026-11-03');
    const clerk = await as('clerk');
    const l = await create(clerk, { subject: '独一无二的标题', citizenName: '欧阳娜娜' });
    for (const q of [l.serialNo, '独一无二', '欧阳娜', '哪些材料']) {
      const r = await clerk.get(`/letters?q=${encodeURIComponent(q)}&pageSize=100`);
      expect(r.body.items.map((x: Letter) => x.id)).toContain(l.id);
    }
    expect((await clerk.get('/letters?q=zzzz-nothing')).body.total).toBe(0);
  });

  it('rejects malformed filters with 400', async () => {
    const clerk = await as('clerk');
    for (const q of [
      'status=bogus',
      'alert=none',
      'year=abc',
      'receivedFrom=2017-13-01',
      'sectionId=Mars%21',
    ])
      expect((await clerk.get(`/letters?${q}`)).status, q).toBe(400);
  });

  it.each([
    ['receivedOn', (l: Letter) => l.receivedOn],
    ['dueOn', (l: Letter) => l.dueOn],
    ['serialNo', (l: Letter) => l.serialNo],
    ['updatedAt', (l: Letter) => l.updatedAt],
  ] as const)('sorts by %s both ways', async (field, key) => {
    const clerk = await as('clerk');
    for (const [sort, dir] of [
      [field, 1],
      [`-${field}`, -1],
    ] as const) {
      const items = (await all(clerk, `sort=${sort}`)).items.map(key);
      const sorted = [...items].sort((a, b) => (a < b ? -dir : a > b ? dir : 0));
      expect(items).toEqual(sorted);
    }
  });

  it('sorts by remainingWorkdays with replied and closed letters (null) last', async () => {
    const clerk = await as('clerk');
    const items = (await all(clerk, 'sort=remainingWorkdays')).items;
    const rem = items.map((l) => l.remainingWorkdays);
    const firstNull = rem.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(rem.slice(firstNull).every((x) => x === null)).toBe(true);
    const nums = rem.slice(0, firstNull) as number[];
    expect([...nums].sort((a, b) => a - b)).toEqual(nums);
  });
});

describe('letters: serial numbers and audit', () => {
  it('serialNo is XF-<year of receipt>-<4 digits>, sequential per year and unique', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk, { receivedOn: '2016-03-01' });
    const b = await create(clerk, { receivedOn: '2017-05-02' });
    const c = await create(clerk, { receivedOn: '2016-12-30' });
    expect([a.serialNo, b.serialNo, c.serialNo]).toEqual([
      'XF-2016-0001',
      'XF-2017-0018',
      'XF-2016-0002',
    ]);
    const serials = (await all(clerk)).items.map((l) => l.serialNo);
    expect(new Set(serials).size).toBe(serials.length);
    for (const l of (await all(clerk)).items)
      expect(l.serialNo).toBe(`XF-${l.receivedOn.slice(0, 4)}-${l.serialNo.slice(-4)}`);
    expect(serials.every((s) => /^XF-\d{4}-\d{4}$/.test(s))).toBe(true);
  });

  it('records every action in the audit trail with actor and before/after', async () => {
    setToday('2026-11-03');
    const clerk = await as('clerk');
    const handler = await as('handler');
    const reply = (content: string) => ({ content, method: 'written', repliedOn: '2026-11-03' });
    let l = await create(clerk);
    l = await act(clerk, l, 'assign', { sectionId: 'social_affairs' });
    l = await act(clerk, l, 'supervise', { note: '请抓紧' });
    l = await act(clerk, l, 'assign', { sectionId: 'social_assistance', note: '改派' });
    l = await act(handler, l, 'request-extension', { days: 2, reason: '需核查' });
    l = await act(clerk, l, 'approve-extension', {});
    l = await act(handler, l, 'reply', reply('初次答复'));
    l = await act(clerk, l, 'reopen', { reason: '未回应' });
    l = await act(handler, l, 'reply', reply('再次答复'));
    l = await act(clerk, l, 'close', {
      followUpMethod: 'phone',
      followUpOn: '2026-11-03',
      followUpBy: '李静',
      reached: true,
      satisfaction: 'satisfied',
    });
    expect(l.version).toBe(10);
    const trail = (await handler.get(`/audit?entity=letter&id=${l.id}`)).body;
    expect(trail.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'assign',
      'supervise',
      'assign',
      'request-extension',
      'approve-extension',
      'reply',
      'reopen',
      'reply',
      'close',
    ]);
    const actors = trail.map((e: { actor: { name: string } }) => e.actor.name);
    expect(actors).toEqual([
      '李静',
      '李静',
      '李静',
      '李静',
      '王强',
      '李静',
      '王强',
      '李静',
      '王强',
      '李静',
    ]);
    expect(trail[0]).toMatchObject({ after: { status: 'registered', dueOn: '2026-11-09' } });
    expect(trail[2]).toMatchObject({ before: { supervised: false }, after: { supervised: true } });
    expect(trail[3]).toMatchObject({
      before: { sectionId: 'social_affairs' },
      after: { sectionId: 'social_assistance' },
    });
    expect(trail[5]).toMatchObject({
      before: { dueOn: '2026-11-09', extension: null },
      after: { dueOn: '2026-11-11' },
    });
    expect(trail[6]).toMatchObject({ before: { status: 'assigned', reply: null } });
    expect(trail[7]).toMatchObject({
      before: { status: 'replied', reply: { content: '初次答复' } },
      after: { status: 'assigned', reply: null },
    });
    expect(trail[9]).toMatchObject({
      before: { status: 'replied', onTime: null },
      after: { status: 'closed', onTime: true, satisfaction: 'satisfied' },
    });
    for (const e of trail) expect(e.at).toMatch(/\+08:00$/);
    expect((await (await as('handler2')).get(`/audit?entity=letter&id=${l.id}`)).status).toBe(404);
  });
});
