// @vitest-environment node
/** Issue #20, "records that stay true", through the API: what each step records, and refuses. */
import { describe, expect, it } from 'vitest';
import { setToday } from '@mocks/clock';
import { db } from '@mocks/db';
import type { Dashboard } from '@/features/dashboard/types';
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
  receivedOn: '2026-11-02', // a Monday: 5 working days → due 2026-11-09
};
const act = (c: Client, l: Pick<Letter, 'id' | 'version'>, action: string, body = {}) =>
  c.post<any>(`/letters/${l.id}/${action}`, body, { 'If-Match': `"${l.version}"` });
async function assigned(clerk: Client, sectionId = 'social_assistance') {
  const l = (await clerk.post<Letter>('/letters', input)).body;
  return (await act(clerk, l, 'assign', { sectionId })).body as Letter;
}
const reply = (repliedOn: string, method = 'phone') => ({ content: '已答复', method, repliedOn });
const followUp = (on: string, over: Record<string, unknown> = {}) => ({
  followUpMethod: 'phone',
  followUpOn: on,
  followUpBy: '李敏',
  reached: true,
  satisfaction: 'satisfied',
  ...over,
});
const history = async (c: Client, id: string) =>
  (await c.get<any[]>(`/audit?entity=letter&id=${id}`)).body;

seedOn('2026-11-03');

describe('extensions (延期): applied for by the section, decided by the office', () => {
  it('past the deadline nothing extends it: 422 naming the deadline, the record unchanged', async () => {
    setToday('2026-11-03');
    const clerk = await as('clerk');
    const handler = await as('handler');
    const a = await assigned(clerk);
    const asked = (
      await act(handler, await assigned(clerk), 'request-extension', {
        days: 3,
        reason: '需核查',
      })
    ).body;
    setToday('2026-11-10'); // the day after dueOn 2026-11-09
    for (const [c, l, action, body] of [
      [clerk, a, 'extend', { days: 3, reason: '需核查' }],
      [handler, a, 'request-extension', { days: 3, reason: '需核查' }],
      [clerk, asked, 'approve-extension', {}],
    ] as const) {
      const r = await act(c, l, action, body);
      expect(r.status, action).toBe(422);
      expect(r.body.errors.dueOn).toContain('2026-11-09');
      expect(r.body.detail).toContain('2026-11-09');
    }
    const now = (await clerk.get<Letter>(`/letters/${a.id}`)).body;
    expect(now).toMatchObject({ dueOn: '2026-11-09', extension: null, alert: 'overdue' });
    expect(now.version).toBe(a.version);
    // the office may still refuse the request, supervise, and the section reply late
    const refused = await act(clerk, asked, 'refuse-extension', { reason: '已超期' });
    expect(refused.status).toBe(200);
    expect(refused.body.extensionRequest).toBeNull();
    const sup = await act(clerk, now, 'supervise', { note: '请尽快答复' });
    expect(sup.status).toBe(200);
    const late = await act(handler, sup.body, 'reply', reply('2026-11-10'));
    expect(late.status).toBe(200);
    // English callers read the same refusal in English
    const b = await assigned(clerk);
    const en = await clerk.post<any>(
      `/letters/${b.id}/extend`,
      { days: 1, reason: 'x' },
      { 'If-Match': `"${b.version}"`, 'Accept-Language': 'en-US' },
    );
    expect(en.status).toBe(422);
    expect(en.body.errors.dueOn).toMatch(/^The deadline 2026-11-09 has passed/);
  });

  it('the request records who applied; approval who approved; refusal needs a reason', async () => {
    setToday('2026-11-03');
    const clerk = await as('clerk');
    const handler = await as('handler');
    const a = await assigned(clerk);
    expect((await act(clerk, a, 'request-extension', { days: 2, reason: 'x' })).status).toBe(403);
    expect((await act(handler, a, 'approve-extension', {})).status).toBe(403);
    expect((await act(clerk, a, 'approve-extension', {})).status).toBe(409); // nothing pending
    const bad = await act(handler, a, 'request-extension', { days: 0, reason: '' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['days', 'reason']);
    const long = await act(handler, a, 'request-extension', { days: 11, reason: 'x' });
    expect(long.body.errors).toHaveProperty('days');
    const r1 = (await act(handler, a, 'request-extension', { days: 4, reason: '需实地核查' })).body;
    expect(r1.extensionRequest).toMatchObject({
      days: 4,
      reason: '需实地核查',
      requestedBy: { name: '王强' },
      requestedOn: '2026-11-03',
    });
    // one pending request at a time; no direct extension over it
    expect((await act(handler, r1, 'request-extension', { days: 1, reason: 'x' })).status).toBe(
      409,
    );
    expect((await act(clerk, r1, 'extend', { days: 1, reason: 'x' })).status).toBe(409);
    expect((await act(clerk, r1, 'refuse-extension', { reason: '' })).status).toBe(422);
    const refused = (await act(clerk, r1, 'refuse-extension', { reason: '可按期办结' })).body;
    expect(refused).toMatchObject({ extensionRequest: null, extension: null, dueOn: '2026-11-09' });
    const r2 = (await act(handler, refused, 'request-extension', { days: 2, reason: '再核查' }))
      .body;
    const ok = (await act(clerk, r2, 'approve-extension', {})).body;
    expect(ok).toMatchObject({
      dueOn: '2026-11-11',
      extensionRequest: null,
      extension: {
        days: 2,
        requestedBy: { name: '王强' },
        approvedBy: { name: '李静' },
        approvedOn: '2026-11-03',
      },
    });
    const events = (await history(clerk, a.id)).map((e) => e.event?.type);
    expect(events).toEqual([
      'created',
      'assigned',
      'extension-requested',
      'extension-refused',
      'extension-requested',
      'extension-approved',
    ]);
    // the office's direct extension (within the deadline) still records who granted it
    const b = await assigned(clerk);
    const direct = (await act(clerk, b, 'extend', { days: 1, reason: '节前' })).body;
    expect(direct.extension).toMatchObject({ requestedBy: null, approvedBy: { name: '李静' } });
  });
});

describe('replies: 答复方式 and 答复日期, earlier replies kept, 退回', () => {
  it('back-dated replies are allowed, future ones and ones before receipt are 422', async () => {
    setToday('2026-11-05');
    const clerk = await as('clerk');
    const handler = await as('handler');
    const a = await assigned(clerk);
    const future = await act(handler, a, 'reply', reply('2026-11-06'));
    expect(future.status).toBe(422);
    expect(future.body.errors).toHaveProperty('repliedOn');
    expect((await act(handler, a, 'reply', reply('2026-11-01'))).body.errors).toHaveProperty(
      'repliedOn',
    );
    const noMethod = await act(handler, a, 'reply', { content: 'x', repliedOn: '2026-11-04' });
    expect(noMethod.body.errors).toHaveProperty('method');
    expect((await clerk.get<Letter>(`/letters/${a.id}`)).body.version).toBe(a.version);
    const ok = await act(handler, a, 'reply', reply('2026-11-03', 'sms'));
    expect(ok.body.reply).toMatchObject({
      repliedOn: '2026-11-03',
      method: 'sms',
      recordedOn: '2026-11-05',
    });
  });

  it('a section hands a misrouted letter back; the office transfers it again', async () => {
    setToday('2026-11-03');
    const clerk = await as('clerk');
    const handler = await as('handler');
    const a = await assigned(clerk);
    expect((await act(clerk, a, 'return', { reason: 'x' })).status).toBe(403);
    expect((await act(handler, a, 'return', { reason: '' })).status).toBe(422);
    const back = await act(handler, a, 'return', { reason: '属养老服务科职责' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      status: 'registered',
      sectionId: null,
      returned: {
        sectionId: 'social_assistance',
        reason: '属养老服务科职责',
        by: { name: '王强' },
      },
    });
    expect((await handler.get(`/letters/${a.id}`)).status).toBe(404);
    expect((await act(clerk, back.body, 'supervise', { note: 'x' })).status).toBe(409);
    const again = (await act(clerk, back.body, 'assign', { sectionId: 'elderly' })).body;
    expect(again).toMatchObject({ status: 'assigned', sectionId: 'elderly', returned: null });
    const types = (await history(clerk, a.id)).map((e) => e.event?.type);
    expect(types).toEqual(['created', 'assigned', 'returned', 'assigned']);
  });
});

describe('办结 with 回访, and the satisfaction rate', () => {
  it('an opinion needs a reached citizen; 不满意 needs a reason to close anyway', async () => {
    setToday('2026-11-05');
    const clerk = await as('clerk');
    const handler = await as('handler');
    const r = (await act(handler, await assigned(clerk), 'reply', reply('2026-11-04'))).body;
    const errs = async (body: Record<string, unknown>) =>
      (await act(clerk, r, 'close', body)).body.errors;
    expect(await errs(followUp('2026-11-05', { satisfaction: undefined }))).toHaveProperty(
      'satisfaction',
    );
    expect(await errs(followUp('2026-11-05', { reached: false }))).toHaveProperty('satisfaction');
    expect(await errs(followUp('2026-11-05', { satisfaction: 'unsatisfied' }))).toHaveProperty(
      'closeReason',
    );
    expect(await errs(followUp('2026-11-06'))).toHaveProperty('followUpOn');
    expect(await errs(followUp('2026-11-03'))).toHaveProperty('followUpOn');
    expect(await errs(followUp('2026-11-05', { followUpMethod: 'fax' }))).toHaveProperty(
      'followUpMethod',
    );
    expect((await clerk.get<Letter>(`/letters/${r.id}`)).body.status).toBe('replied');
    const c = await act(
      clerk,
      r,
      'close',
      followUp('2026-11-05', { satisfaction: 'unsatisfied', closeReason: '诉求超出政策' }),
    );
    expect(c.body.followUp).toMatchObject({
      satisfaction: 'unsatisfied',
      closeReason: '诉求超出政策',
    });
  });

  it('满意率 counts only letters whose follow-up got an answer', async () => {
    setToday('2026-11-05');
    const clerk = await as('clerk');
    const handler = await as('handler');
    const rate = async () =>
      (await clerk.get<Dashboard>('/dashboard?year=2026')).body.letters.satisfactionRate;
    const before = await rate();
    const close = async (body: Record<string, unknown>) => {
      const r = (await act(handler, await assigned(clerk), 'reply', reply('2026-11-04'))).body;
      expect((await act(clerk, r, 'close', body)).status).toBe(200);
    };
    await close(followUp('2026-11-05', { reached: false, satisfaction: undefined }));
    expect((await rate()).denominator).toBe(before.denominator);
    await close(followUp('2026-11-05', { satisfaction: 'unsatisfied', closeReason: 'x' }));
    expect(await rate()).toMatchObject({
      denominator: before.denominator + 1,
      numerator: before.numerator,
    });
    // a letter closed before #20 with a stored opinion but no follow-up does not count
    const old = [...db.letters.all()].find((l) => l.status === 'closed')!;
    db.letters.put({ ...old, followUp: undefined as never, receivedOn: '2026-11-02' });
    expect((await rate()).denominator).toBeLessThanOrEqual(before.denominator + 1);
  });
});

describe('督办 and the history', () => {
  it('督办件: a list filter and a count in the caller’s bell', async () => {
    setToday('2026-11-03');
    const clerk = await as('clerk');
    const handler = await as('handler');
    const a = await assigned(clerk);
    const count = async () => (await handler.get<any>('/letters/alerts')).body.supervised;
    const before = await count();
    const s = (await act(clerk, a, 'supervise', { note: '请抓紧' })).body;
    expect(await count()).toBe(before + 1);
    const alerts = (await handler.get<any>('/letters/alerts?limit=1000')).body;
    expect(alerts.items.map((l: Letter) => l.id)).toContain(s.id);
    const list = (await handler.get<any>('/letters?supervised=true&pageSize=100')).body;
    expect(list.items.every((l: Letter) => l.supervised)).toBe(true);
    expect(list.items.map((l: Letter) => l.id)).toContain(s.id);
    expect((await handler.get('/letters?supervised=yes')).status).toBe(400);
  });

  it('entries carry an event and its parameters; old free-text entries still read', async () => {
    setToday('2026-11-05');
    const clerk = await as('clerk');
    const handler = await as('handler');
    const r = (await act(handler, await assigned(clerk), 'reply', reply('2026-11-04'))).body;
    await act(clerk, r, 'close', followUp('2026-11-05', { satisfaction: 'basically_satisfied' }));
    const h = await history(clerk, r.id);
    expect(h.at(-1)).toMatchObject({
      action: 'close',
      event: {
        type: 'closed',
        params: {
          onTime: true,
          method: 'phone',
          followUpOn: '2026-11-05',
          by: '李敏',
          reached: true,
          satisfaction: 'basically_satisfied',
          closeReason: null,
        },
      },
    });
    expect(h.at(-1).detail).toContain('基本满意');
    // a letter and an entry as stored before #20 (no new fields, free text only)
    const {
      followUp: _f,
      extensionRequest: _e,
      previousReplies: _p,
      returned: _r,
      ...old
    } = db.letters.get(r.id)!;
    db.letters.put(old as never);
    const read = await clerk.get<Letter>(`/letters/${r.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      followUp: null,
      extensionRequest: null,
      previousReplies: [],
      returned: null,
    });
  });
});
