// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { setToday } from '@mocks/clock';
import type { Letter } from '@/features/letters/types';
import { as } from '../api';
import { seedOn } from '../seed-day';

type Client = Awaited<ReturnType<typeof as>>;

const input = {
  source: 'website',
  category: 'consultation',
  subject: '低保申请材料',
  content: '请问需要哪些材料？',
  citizenName: '张三',
  citizenPhone: '13812345678',
  receivedOn: '2026-11-02', // a Monday: 5 working days → 2026-11-09
};

async function create(c: Client, over: Record<string, unknown> = {}): Promise<Letter> {
  const r = await c.post<Letter>('/letters', { ...input, ...over });
  expect(r.status).toBe(201);
  return r.body;
}
/** One action with If-Match of the letter's current version. */
async function act(c: Client, l: Pick<Letter, 'id' | 'version'>, action: string, body = {}) {
  return c.post<any>(`/letters/${l.id}/${action}`, body, { 'If-Match': `"${l.version}"` });
}
async function assigned(clerk: Client, sectionId = 'social_assistance', over = {}) {
  const l = await create(clerk, over);
  const r = await act(clerk, l, 'assign', { sectionId });
  expect(r.status).toBe(200);
  return r.body as Letter;
}
async function replied(clerk: Client, over = {}) {
  const a = await assigned(clerk, 'social_assistance', over);
  return (await act(clerk, a, 'reply', reply('已答复', a.receivedOn))).body as Letter;
}
const reply = (content: string, repliedOn: string) => ({ content, method: 'written', repliedOn });
/** 办结 with a follow-up that reached the citizen (or not). */
const followUp = (on: string, over: Record<string, unknown> = {}) => ({
  followUpMethod: 'phone',
  followUpOn: on,
  followUpBy: '李敏',
  reached: true,
  satisfaction: 'satisfied',
  ...over,
});

// The letters below are received on 2026-11-02; pin today after it (tests move it as they need).
seedOn('2026-11-03');

describe('letters: actions, state rules and roles', () => {
  it('clerk assigns and reassigns (转办/改派); a handler may not assign', async () => {
    setToday('2026-11-03');
    const clerk = await as('clerk');
    const l = await create(clerk);
    expect(l).toMatchObject({
      status: 'registered',
      sectionId: null,
      version: 1,
      dueOn: '2026-11-09',
    });
    const a = await act(clerk, l, 'assign', { sectionId: 'social_assistance', note: '请办理' });
    expect(a.body).toMatchObject({
      status: 'assigned',
      sectionId: 'social_assistance',
      version: 2,
    });
    const handler = await as('handler');
    expect((await act(handler, a.body, 'assign', { sectionId: 'elderly' })).status).toBe(403);
    const b = await act(clerk, a.body, 'assign', { sectionId: 'social_affairs' });
    expect(b.body).toMatchObject({ status: 'assigned', sectionId: 'social_affairs', version: 3 });
    // after the reassignment the first section no longer sees it
    expect((await handler.get(`/letters/${l.id}`)).status).toBe(404);
    expect((await (await as('handler2')).get(`/letters/${l.id}`)).status).toBe(200);
    expect((await act(clerk, b.body, 'assign', { sectionId: 'nowhere' })).status).toBe(422);
  });

  it('extends once, by at most maxExtensionDays', async () => {
    setToday('2026-11-03');
    const clerk = await as('clerk');
    const a = await assigned(clerk);
    const tooLong = await act(clerk, a, 'extend', { days: 11, reason: '需核查' });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors).toHaveProperty('days');
    expect((await act(clerk, a, 'extend', { days: 0, reason: '需核查' })).status).toBe(422);
    expect((await act(clerk, a, 'extend', { days: 3, reason: '' })).status).toBe(422);
    // worded per Accept-Language, like every 422
    const post = (lang: string) =>
      clerk.post(
        `/letters/${a.id}/extend`,
        { days: 11, reason: 'x' },
        { 'If-Match': `"${a.version}"`, 'Accept-Language': lang },
      );
    expect((await post('en-US')).body.errors.days).toBe('At most 10 working days, once only');
    expect((await post('zh-CN')).body.errors.days).toBe('最多 10 个工作日，只能延期一次');
    // A section officer applies (申请延期) rather than extending; the office approves.
    const handler = await as('handler');
    expect((await act(handler, a, 'extend', { days: 10, reason: '需核查' })).status).toBe(403);
    const asked = await act(handler, a, 'request-extension', { days: 10, reason: '需核查' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ dueOn: '2026-11-09', extensionRequest: { days: 10 } });
    const ok = await act(clerk, asked.body, 'approve-extension', {});
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'assigned',
      dueOn: '2026-11-23',
      extension: {
        days: 10,
        reason: '需核查',
        previousDueOn: '2026-11-09',
        requestedBy: { name: '王强' },
        approvedBy: { name: expect.any(String) },
      },
      extensionRequest: null,
    });
    const again = await act(clerk, ok.body, 'extend', { days: 1, reason: '再次' });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/\/invalid-transition$/);
    expect((await clerk.get(`/letters/${a.id}`)).body.version).toBe(ok.body.version);
  });

  it('a handler replies only in their own section: 404 elsewhere, 403 for assign/close', async () => {
    setToday('2026-11-03');
    const clerk = await as('clerk');
    const own = await assigned(clerk, 'social_assistance');
    const other = await assigned(clerk, 'social_affairs');
    const handler = await as('handler');
    expect((await act(handler, other, 'reply', { content: 'x' })).status).toBe(404);
    expect((await handler.get(`/letters/${other.id}`)).status).toBe(404);
    const r = await act(handler, own, 'reply', {
      content: '已电话告知所需材料',
      method: 'phone',
      repliedOn: '2026-11-03',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'replied',
      reply: {
        content: '已电话告知所需材料',
        repliedOn: '2026-11-03',
        repliedBy: '王强',
        method: 'phone',
      },
      remainingWorkdays: null,
      alert: 'none',
    });
    expect((await act(handler, r.body, 'close', followUp('2026-11-03'))).status).toBe(403);
    expect((await act(handler, r.body, 'reopen', { reason: 'x' })).status).toBe(403);
    expect((await act(handler, r.body, 'supervise', { note: 'x' })).status).toBe(403);
  });

  it('a leader gets 403 on every write', async () => {
    const clerk = await as('clerk');
    const leader = await as('leader');
    const a = await assigned(clerk);
    expect((await leader.post('/letters', input)).status).toBe(403);
    for (const [action, body] of [
      ['assign', { sectionId: 'elderly' }],
      ['extend', { days: 1, reason: 'x' }],
      ['request-extension', { days: 1, reason: 'x' }],
      ['reply', reply('x', '2026-11-02')],
      ['return', { reason: 'x' }],
      ['close', followUp('2026-11-03')],
      ['reopen', { reason: 'x' }],
      ['supervise', { note: 'x' }],
    ] as const)
      expect((await act(leader, a, action, body)).status, action).toBe(403);
    expect((await leader.putCurrent('/settings/time-limits', {})).status).toBe(403);
    expect((await clerk.get(`/letters/${a.id}`)).body.version).toBe(a.version);
  });

  it('close computes onTime and stores the follow-up; closed is terminal', async () => {
    setToday('2026-11-05');
    const clerk = await as('clerk');
    const r = await replied(clerk);
    const c = await act(
      clerk,
      r,
      'close',
      followUp('2026-11-04', { satisfaction: 'basically_satisfied' }),
    );
    expect(c.body).toMatchObject({
      status: 'closed',
      closedOn: '2026-11-05',
      onTime: true,
      satisfaction: 'basically_satisfied',
      followUp: {
        method: 'phone',
        on: '2026-11-04',
        by: '李敏',
        reached: true,
        satisfaction: 'basically_satisfied',
        closeReason: null,
      },
    });
    for (const [action, body] of [
      ['close', followUp('2026-11-05')],
      ['reopen', { reason: 'x' }],
      ['supervise', { note: 'x' }],
      ['reply', reply('x', '2026-11-05')],
      ['assign', { sectionId: 'elderly' }],
    ] as const) {
      const res = await act(clerk, c.body, action, body);
      expect(res.status, action).toBe(409);
      expect(res.body.type).toMatch(/\/invalid-transition$/);
    }
    // replied after the deadline: closed late; the citizen could not be reached
    setToday('2026-11-02');
    const late = await assigned(clerk);
    setToday('2026-11-10');
    const lr = (await act(clerk, late, 'reply', reply('迟复', '2026-11-10'))).body;
    expect((await act(clerk, lr, 'close', {})).status).toBe(422);
    const lc = await act(
      clerk,
      lr,
      'close',
      followUp('2026-11-10', { reached: false, satisfaction: undefined }),
    );
    expect(lc.body).toMatchObject({
      onTime: false,
      satisfaction: null,
      closedOn: '2026-11-10',
      followUp: { reached: false, satisfaction: null },
    });
    expect(
      (await act(clerk, lc.body, 'close', followUp('2026-11-10', { satisfaction: 'great' })))
        .status,
    ).toBe(422);
  });

  it('reopen clears the reply and returns to assigned; the clock runs again', async () => {
    setToday('2026-11-04');
    const clerk = await as('clerk');
    const r = await replied(clerk);
    const o = await act(clerk, r, 'reopen', { reason: '答复未回应诉求' });
    expect(o.body).toMatchObject({ status: 'assigned', reply: null, remainingWorkdays: 3 });
    // the set-aside reply stays in the record, with why it was reopened
    expect(o.body.previousReplies).toMatchObject([
      { content: '已答复', reopenReason: '答复未回应诉求' },
    ]);
    expect((await act(clerk, o.body, 'close', followUp('2026-11-04'))).status).toBe(409);
    const again = await act(await as('handler'), o.body, 'reply', reply('重新答复', '2026-11-04'));
    expect(again.body).toMatchObject({ status: 'replied', reply: { content: '重新答复' } });
    expect(again.body.previousReplies).toHaveLength(1);
  });

  it('supervise sets supervised once transferred; 409 before and when closed', async () => {
    const clerk = await as('clerk');
    const reg = await create(clerk);
    const notYet = await act(clerk, reg, 'supervise', { note: '请抓紧办理' });
    expect(notYet.status).toBe(409);
    expect(notYet.body.type).toMatch(/\/invalid-transition$/);
    const asg = await assigned(clerk);
    const rep = await replied(clerk);
    const supervised: Letter[] = [];
    for (const l of [asg, rep]) {
      const s = await act(clerk, l, 'supervise', { note: '请抓紧办理' });
      expect(s.body).toMatchObject({ status: l.status, supervised: true, version: l.version + 1 });
      supervised.push(s.body);
    }
    expect((await act(clerk, supervised[0]!, 'supervise', { note: '' })).status).toBe(422);
    const closed = (await act(clerk, supervised[1]!, 'close', followUp(rep.reply!.repliedOn))).body;
    expect(closed.supervised).toBe(true);
    expect(closed.status).toBe('closed');
    const s = await act(clerk, closed, 'supervise', { note: 'x' });
    expect(s.status).toBe(409);
    expect(s.body.type).toMatch(/\/invalid-transition$/);
  });

  it('unknown actions are 404', async () => {
    const clerk = await as('clerk');
    const l = await create(clerk);
    expect((await act(clerk, l, 'delete')).status).toBe(404);
    expect((await act(clerk, { id: 'no-such', version: 1 }, 'assign', {})).status).toBe(404);
  });
});

describe('letters: deadlines and settings', () => {
  it('a time-limit change affects only letters registered afterwards', async () => {
    setToday('2026-11-03');
    const clerk = await as('clerk');
    const admin = await as('admin');
    const before = await create(clerk);
    const limits = (await admin.get('/settings/time-limits')).body;
    expect(limits).toMatchObject({ mayorMailboxDays: 15, dueSoonDays: 3, maxExtensionDays: 10 });
    expect((await clerk.putCurrent('/settings/time-limits', limits)).status).toBe(403);
    const changed = {
      ...limits,
      letters: { ...limits.letters, consultation: 10 },
      mayorMailboxDays: 20,
      maxExtensionDays: 2,
    };
    expect((await admin.putCurrent('/settings/time-limits', changed)).status).toBe(200);
    const after = await create(clerk);
    expect(after).toMatchObject({ timeLimitDays: 10, dueOn: '2026-11-16' });
    const mayor = await create(clerk, { source: 'mayor_mailbox', category: 'help' });
    expect(mayor.timeLimitDays).toBe(20);
    expect((await clerk.get(`/letters/${before.id}`)).body).toMatchObject({
      timeLimitDays: 5,
      dueOn: '2026-11-09',
      version: 1,
    });
    const a = (await act(clerk, before, 'assign', { sectionId: 'elderly' })).body;
    expect((await act(clerk, a, 'extend', { days: 3, reason: 'x' })).status).toBe(422);
    const e = await act(clerk, a, 'extend', { days: 2, reason: 'x' });
    expect(e.body).toMatchObject({ timeLimitDays: 5, dueOn: '2026-11-11' });
  });

  it('remainingWorkdays and alert follow the pinned today', async () => {
    setToday('2026-11-02');
    const clerk = await as('clerk');
    const l = await assigned(clerk);
    const at = async (today: string) => {
      setToday(today);
      const { remainingWorkdays, alert } = (await clerk.get(`/letters/${l.id}`)).body;
      return [remainingWorkdays, alert];
    };
    expect(await at('2026-11-02')).toEqual([5, 'none']);
    expect(await at('2026-11-03')).toEqual([4, 'none']);
    expect(await at('2026-11-04')).toEqual([3, 'due_soon']);
    expect(await at('2026-11-09')).toEqual([0, 'due_soon']);
    expect(await at('2026-11-10')).toEqual([-1, 'overdue']);
    expect(await at('2026-11-14')).toEqual([-4, 'overdue']); // Saturday
    setToday('2026-11-13');
    const friday = await act(clerk, await create(clerk, { receivedOn: '2026-11-06' }), 'assign', {
      sectionId: 'elderly',
    });
    expect(friday.body).toMatchObject({ dueOn: '2026-11-13', remainingWorkdays: 0 });
    setToday('2026-11-14');
    const weekend = (await clerk.get(`/letters/${friday.body.id}`)).body;
    expect([weekend.remainingWorkdays, weekend.alert]).toEqual([-1, 'overdue']);
    const overdue = (await clerk.get('/letters?alert=overdue&pageSize=100')).body.items;
    expect(overdue.map((x: Letter) => x.id)).toContain(friday.body.id);
    expect(await at('2026-11-16')).toEqual([-5, 'overdue']);
  });

  it('validates the letter on create: future and too-early dates, phone, lengths', async () => {
    setToday('2026-11-03');
    const clerk = await as('clerk');
    const bad = async (over: Record<string, unknown>) =>
      (await clerk.post('/letters', { ...input, ...over })).body.errors;
    expect(await bad({ receivedOn: '2026-11-04' })).toHaveProperty('receivedOn');
    expect(await bad({ receivedOn: '1999-12-31' })).toHaveProperty('receivedOn');
    expect(await bad({ citizenPhone: '1381234567' })).toHaveProperty('citizenPhone');
    expect(await bad({ subject: 'x'.repeat(201) })).toHaveProperty('subject');
    expect(await bad({ citizenName: '' })).toHaveProperty('citizenName');
    expect(await bad({ source: 'fax', category: 'praise' })).toMatchObject({
      source: expect.any(String),
      category: expect.any(String),
    });
    expect((await create(clerk, { citizenPhone: '0355-2021234' })).citizenPhone).toBe(
      '0355-2021234',
    );
    expect((await create(clerk, { citizenPhone: '' })).citizenPhone).toBeNull();
    expect((await create(clerk, { receivedOn: '2026-11-03' })).receivedOn).toBe('2026-11-03');
  });
});
