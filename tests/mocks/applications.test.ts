// @vitest-environment node
import { describe, it, expect, beforeEach } from 'vitest';
import { setToday } from '@mocks/clock';
import { resetMockDb } from '@mocks/node';
import type { Application } from '@/features/applications/types';
import { as } from '../api';
import { seedOn } from '../seed-day';

type Client = Awaited<ReturnType<typeof as>>;
type Page = { items: Application[]; total: number };

// Today is pinned to Thursday 2026-11-26. November 2026 has no holidays, so its working days are
// Mon–Fri: receipt 11-02 (Mon) → day 7 = 11-11 (correction window), day 20 = 11-30 (dueOn);
// 11-26 is day 18. Receipt 10-12 (Mon, after National Day) → day 20 = 11-09, overdue on 11-26.
const TODAY = '2026-11-26';
const input = {
  applicantType: 'natural_person',
  applicantName: '张三',
  contact: '13812345678',
  channel: 'online',
  receivedOn: '2026-11-02',
  description: '申请公开本市2026年城市低保资金发放情况。',
};

async function create(c: Client, over: Record<string, unknown> = {}): Promise<Application> {
  const r = await c.post<Application>('/applications', { ...input, ...over });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
/** One action with If-Match of the record's version, whatever the answer. */
const act = (c: Client, a: Pick<Application, 'id' | 'version'>, action: string, body = {}) =>
  c.post<any>(`/applications/${a.id}/${action}`, body, { 'If-Match': `"${a.version}"` });
/** One action that must succeed. */
async function ok(c: Client, a: Pick<Application, 'id' | 'version'>, action: string, body = {}) {
  const r = await act(c, a, action, body);
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body as Application;
}
const list = async (c: Client, query = '') =>
  (await c.get<Page>(`/applications?pageSize=100&${query}`)).body;
const ids = (p: Page) => p.items.map((a) => a.id);
const invalid = (r: { status: number; body: any }) => {
  expect(r.status).toBe(409);
  expect(r.body.type).toMatch(/\/invalid-transition$/);
};

seedOn(TODAY);

describe('applications: create', () => {
  it('201 with a serial number, the deadline, the clock and an ETag', async () => {
    const clerk = await as('clerk');
    const r = await clerk.post<Application>('/applications', input);
    expect(r.status).toBe(201);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.body).toMatchObject({
      serialNo: expect.stringMatching(/^YSQ-2026-\d{4}$/),
      status: 'registered',
      version: 1,
      sectionId: null,
      contact: '13812345678',
      receivedOn: '2026-11-02',
      dueOn: '2026-11-30',
      remainingWorkdays: 2,
      alert: 'due_soon',
      decision: null,
      ledger: [{ kind: 'received', on: '2026-11-02' }],
    });
    expect(r.body.clock).toMatchObject({
      state: 'running',
      startOn: '2026-11-02',
      allowanceWorkdays: 20,
      usedWorkdays: 18,
      remainingWorkdays: 2,
    });
    // Serial numbers run on per year of receipt.
    const next = await create(clerk);
    expect(Number(next.serialNo.slice(-4))).toBe(Number(r.body.serialNo.slice(-4)) + 1);
    const other = await create(clerk, { receivedOn: '2025-12-30' });
    expect(other.serialNo).toMatch(/^YSQ-2025-\d{4}$/);
  });

  it('honours Idempotency-Key: one record, the first answer again', async () => {
    const clerk = await as('clerk');
    const before = (await list(clerk)).total;
    const a = await clerk.post('/applications', input, { 'Idempotency-Key': 'app-1' });
    const b = await clerk.post('/applications', input, { 'Idempotency-Key': 'app-1' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.body.serialNo).toBe(a.body.serialNo);
    expect((await list(clerk)).total).toBe(before + 1);
  });

  it('two requests sent at once with one Idempotency-Key create one record', async () => {
    const clerk = await as('clerk');
    const before = (await list(clerk)).total;
    const [a, b] = await Promise.all([
      clerk.post('/applications', input, { 'Idempotency-Key': 'app-twin' }),
      clerk.post('/applications', input, { 'Idempotency-Key': 'app-twin' }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect((await list(clerk)).total).toBe(before + 1);
  });

  it('422 with field errors for bad input and a future receipt date; nothing written', async () => {
    const clerk = await as('clerk');
    const before = (await list(clerk)).total;
    const empty = await clerk.post('/applications', {});
    expect(empty.status).toBe(422);
    expect(empty.headers.get('content-type')).toContain('application/problem+json');
    expect(Object.keys(empty.body.errors).sort()).toEqual(
      ['applicantName', 'applicantType', 'channel', 'contact', 'description', 'receivedOn'].sort(),
    );
    const bad = await clerk.post('/applications', {
      ...input,
      applicantType: 'company',
      channel: 'pigeon',
      applicantName: ' ',
      receivedOn: '2026-02-30',
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors)).toEqual(
      expect.arrayContaining(['applicantType', 'channel', 'applicantName', 'receivedOn']),
    );
    const future = await clerk.post(
      '/applications',
      { ...input, receivedOn: '2026-11-27' },
      { 'Accept-Language': 'zh-CN' },
    );
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual({ receivedOn: '日期不能晚于今天' });
    const early = await clerk.post('/applications', { ...input, receivedOn: '2008-04-30' });
    expect(early.status).toBe(422);
    expect(early.body.errors.receivedOn).toBeTruthy();
    expect((await list(clerk)).total).toBe(before);
  });

  it('403 for leader and handler', async () => {
    for (const u of ['leader', 'handler']) {
      expect((await (await as(u)).post('/applications', input)).status).toBe(403);
    }
    expect((await (await as('admin')).post('/applications', input)).status).toBe(201);
  });
});

describe('applications: lists, personal data and scope', () => {
  it('filters by status, applicantType, year, alert and outcome', async () => {
    const clerk = await as('clerk');
    const overdue = await create(clerk, { receivedOn: '2026-10-12', applicantType: 'research' });
    expect(overdue).toMatchObject({
      dueOn: '2026-11-09',
      remainingWorkdays: -13,
      alert: 'overdue',
    });
    const dueSoon = await create(clerk);
    const corr = await ok(clerk, await create(clerk), 'request-correction', {
      note: '请明确所需信息',
      requestedOn: '2026-11-03',
      correctionDueOn: '2026-11-20',
    });
    const decided = await ok(clerk, await create(clerk, { applicantType: 'research' }), 'decide', {
      outcome: '3.3.4',
      decidedOn: '2026-11-20',
    });

    const byStatus = await list(clerk, 'status=correction_requested');
    expect(ids(byStatus)).toContain(corr.id);
    expect(byStatus.items.every((a) => a.status === 'correction_requested')).toBe(true);
    const byType = await list(clerk, 'applicantType=research');
    expect(ids(byType)).toEqual(expect.arrayContaining([overdue.id, decided.id]));
    expect(byType.items.every((a) => a.applicantType === 'research')).toBe(true);
    const byYear = await list(clerk, 'year=2026');
    expect(byYear.items.every((a) => a.receivedOn.startsWith('2026-'))).toBe(true);
    expect((await list(clerk, 'year=2017')).total).toBe(0);
    const byAlert = await list(clerk, 'alert=overdue');
    expect(ids(byAlert)).toContain(overdue.id);
    expect(ids(byAlert)).not.toContain(dueSoon.id);
    expect(byAlert.items.every((a) => a.alert === 'overdue' && a.remainingWorkdays! < 0)).toBe(
      true,
    );
    const soon = await list(clerk, 'alert=due_soon');
    expect(ids(soon)).toContain(dueSoon.id);
    const byOutcome = await list(clerk, 'outcome=3.3.4');
    expect(ids(byOutcome)).toContain(decided.id);
    expect(byOutcome.items.every((a) => a.decision?.outcome === '3.3.4')).toBe(true);
    const combined = await list(clerk, 'applicantType=research&status=decided&year=2026');
    expect(ids(combined)).toContain(decided.id);
    expect(ids(combined)).not.toContain(overdue.id);
    // Search and sort.
    const q = await list(clerk, `q=${encodeURIComponent(overdue.serialNo)}`);
    expect(ids(q)).toEqual([overdue.id]);
    const sorted = await list(clerk, 'sort=receivedOn');
    const dates = sorted.items.map((a) => a.receivedOn);
    expect([...dates].sort()).toEqual(dates);
    // Malformed queries.
    expect((await clerk.get('/applications?status=nonsense')).status).toBe(400);
    expect((await clerk.get('/applications?alert=none')).status).toBe(400);
  });

  it('masks the contact in lists; the detail shows it in full to clerk and admin only', async () => {
    const clerk = await as('clerk');
    const phone = await create(clerk);
    const mail = await create(clerk, { contact: 'zhangsan@example.com' });
    const landline = await create(clerk, { contact: '0355-2021888' });
    const assigned = await ok(clerk, phone, 'assign', { sectionId: 'social_assistance' });
    const items = (await list(clerk)).items;
    const contactOf = (id: string) => items.find((a) => a.id === id)!.contact;
    expect(contactOf(phone.id)).toBe('138****5678');
    expect(contactOf(mail.id)).toBe('z***@example.com');
    expect(contactOf(landline.id)).toBe('0355-****1888');
    for (const u of ['clerk', 'admin']) {
      const d = await (await as(u)).get(`/applications/${phone.id}`);
      expect(d.status).toBe(200);
      expect(d.body.contact).toBe('13812345678');
      expect(d.headers.get('etag')).toBe(`"${assigned.version}"`);
    }
    for (const u of ['leader', 'handler']) {
      const d = await (await as(u)).get(`/applications/${phone.id}`);
      expect(d.status).toBe(200);
      expect(d.body.contact).toBe('138****5678');
    }
    // Lists mask for everyone, whoever asks.
    const handlerList = await list(await as('handler'));
    expect(handlerList.items.find((a) => a.id === phone.id)!.contact).toBe('138****5678');
  });

  it('a handler sees only the applications assigned to their section (404 otherwise)', async () => {
    const clerk = await as('clerk');
    const mine = await ok(clerk, await create(clerk), 'assign', { sectionId: 'social_assistance' });
    const theirs = await ok(clerk, await create(clerk), 'assign', { sectionId: 'elderly' });
    const unassigned = await create(clerk);
    const handler = await as('handler');
    const l = await list(handler);
    expect(ids(l)).toContain(mine.id);
    expect(ids(l)).not.toContain(theirs.id);
    expect(ids(l)).not.toContain(unassigned.id);
    expect(l.items.every((a) => a.sectionId === 'social_assistance')).toBe(true);
    expect((await handler.get(`/applications/${theirs.id}`)).status).toBe(404);
    expect((await handler.get(`/applications/${unassigned.id}`)).status).toBe(404);
    expect((await handler.get(`/applications/${mine.id}`)).status).toBe(200);
    // Actions on another section's application: 404 too (existence does not leak).
    const r = await act(handler, theirs, 'consult-third-party', { sentOn: '2026-11-10' });
    expect(r.status).toBe(404);
    const handler2 = await as('handler2');
    expect((await handler2.get(`/applications/${mine.id}`)).status).toBe(404);
    expect(ids(await list(handler2))).not.toContain(mine.id);
    // Reassigning moves it out of the first section.
    const moved = await ok(clerk, mine, 'assign', { sectionId: 'social_affairs' });
    expect(moved.status).toBe('in_progress');
    expect((await handler.get(`/applications/${mine.id}`)).status).toBe(404);
    expect((await handler2.get(`/applications/${mine.id}`)).status).toBe(200);
  });

  it('roles: a handler may record consultations on its own cases but not decide; a leader writes nothing', async () => {
    const clerk = await as('clerk');
    const mine = await ok(clerk, await create(clerk), 'assign', { sectionId: 'social_assistance' });
    const handler = await as('handler');
    const consulted = await ok(handler, mine, 'consult-third-party', {
      sentOn: '2026-11-05',
      name: '某养老院',
    });
    expect(
      (await act(handler, consulted, 'decide', { outcome: '3.1', decidedOn: TODAY })).status,
    ).toBe(403);
    expect(
      (await act(handler, consulted, 'extend', { reason: 'r', approvedBy: 'a', notifiedOn: TODAY }))
        .status,
    ).toBe(403);
    const leader = await as('leader');
    for (const [action, body] of [
      ['assign', { sectionId: 'elderly' }],
      ['third-party-replied', { on: '2026-11-06', opinion: 'agree' }],
      ['decide', { outcome: '3.1', decidedOn: TODAY }],
    ] as const) {
      expect((await act(leader, consulted, action, body)).status).toBe(403);
    }
    expect((await clerk.get(`/applications/${mine.id}`)).body.version).toBe(consulted.version);
  });
});

describe('applications: actions and their rules', () => {
  it('If-Match: 428 without, 409 with the current record when stale; unknown actions 404', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    const none = await clerk.post(`/applications/${a.id}/assign`, { sectionId: 'elderly' });
    expect(none.status).toBe(428);
    const b = await ok(clerk, a, 'assign', { sectionId: 'elderly' });
    expect(b.version).toBe(2);
    const stale = await act(clerk, a, 'assign', { sectionId: 'finance' });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toMatch(/\/version-conflict$/);
    expect(stale.body.current).toMatchObject({ id: a.id, version: 2, sectionId: 'elderly' });
    expect(stale.body.current.contact).toBe('13812345678');
    expect((await act(clerk, b, 'approve', {})).status).toBe(404);
    expect((await act(clerk, b, 'constructor', {})).status).toBe(404);
    expect((await act(clerk, b, 'toString', {})).status).toBe(404);
    expect((await clerk.post(`/applications/nope/assign`, {}, { 'If-Match': '"1"' })).status).toBe(
      404,
    );
  });

  it('request-correction: only within 7 working days of receipt, only once; the clock stops', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    const late = await act(clerk, a, 'request-correction', {
      note: 'n',
      requestedOn: '2026-11-12',
      correctionDueOn: '2026-11-20',
    });
    expect(late.status).toBe(422);
    expect(Object.keys(late.body.errors)).toEqual(['requestedOn']);
    const future = await act(clerk, a, 'request-correction', {
      note: 'n',
      requestedOn: '2026-11-27',
      correctionDueOn: '2026-12-10',
    });
    expect(future.status).toBe(422);
    expect(future.body.errors.requestedOn).toBeTruthy();
    const before = await act(clerk, a, 'request-correction', {
      note: 'n',
      requestedOn: '2026-11-01',
      correctionDueOn: '2026-11-20',
    });
    expect(before.status).toBe(422);
    expect(
      (
        await act(clerk, a, 'request-correction', {
          requestedOn: '2026-11-05',
          correctionDueOn: '2026-11-20',
        })
      ).status,
    ).toBe(422);
    // The 7th working day itself is still in time.
    const r = await ok(clerk, a, 'request-correction', {
      note: '请明确所需信息的年份',
      requestedOn: '2026-11-11',
      correctionDueOn: '2026-11-25',
    });
    expect(r).toMatchObject({
      status: 'correction_requested',
      dueOn: null,
      remainingWorkdays: null,
      alert: 'none',
      clock: { state: 'awaiting_correction', usedWorkdays: 0, dueOn: null },
    });
    invalid(
      await act(clerk, r, 'request-correction', {
        note: 'again',
        requestedOn: '2026-11-11',
        correctionDueOn: '2026-11-25',
      }),
    );
    // While awaiting it: no consultation, extension or fee notice.
    invalid(await act(clerk, r, 'consult-third-party', { sentOn: '2026-11-12' }));
    invalid(await act(clerk, r, 'extend', { reason: 'r', approvedBy: 'a', notifiedOn: TODAY }));
    invalid(
      await act(clerk, r, 'fee-notice', { sentOn: '2026-11-12', method: 'per_item', count: 3 }),
    );
  });

  it('correction-received restarts the 20 days from its arrival', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    invalid(
      await act(clerk, a, 'correction-received', {
        receivedOn: '2026-11-05',
        content: '补正后的申请内容',
      }),
    );
    const r = await ok(clerk, a, 'request-correction', {
      note: 'n',
      requestedOn: '2026-11-04',
      correctionDueOn: '2026-11-20',
    });
    const early = await act(clerk, r, 'correction-received', {
      receivedOn: '2026-11-03',
      content: '补正后的申请内容',
    });
    expect(early.status).toBe(422);
    expect(early.body.errors.receivedOn).toBeTruthy();
    const c = await ok(clerk, r, 'correction-received', {
      receivedOn: '2026-11-16',
      content: '补正后的申请内容',
    });
    expect(c).toMatchObject({
      status: 'registered',
      dueOn: '2026-12-14', // 20 working days after 11-16, not after 11-02
      remainingWorkdays: 12, // 11-17 … 11-26 = 8 used
      clock: { state: 'running', startOn: '2026-11-16', usedWorkdays: 8 },
    });
    invalid(
      await act(clerk, c, 'correction-received', {
        receivedOn: '2026-11-17',
        content: '补正后的申请内容',
      }),
    );
    invalid(
      await act(clerk, c, 'request-correction', {
        note: 'n',
        requestedOn: '2026-11-17',
        correctionDueOn: '2026-11-30',
      }),
    );
  });

  it('consult-third-party / third-party-replied: those days are not counted', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    invalid(await act(clerk, a, 'third-party-replied', { on: '2026-11-06', opinion: 'agree' }));
    const before = await act(clerk, a, 'consult-third-party', { sentOn: '2026-11-01' });
    expect(before.status).toBe(422);
    const s = await ok(clerk, a, 'consult-third-party', {
      sentOn: '2026-11-05',
      party: 'third_party',
      name: '某民办养老院',
    });
    // Paused: the countdown stands (3 used: 11-03 … 11-05; 17 left, whatever the pause's length).
    expect(s).toMatchObject({ status: 'paused', remainingWorkdays: 17, alert: 'none' });
    expect(s.clock.state).toBe('paused');
    invalid(await act(clerk, s, 'consult-third-party', { sentOn: '2026-11-06' }));
    expect(
      (await act(clerk, s, 'third-party-replied', { on: '2026-11-04', opinion: 'agree' })).status,
    ).toBe(422);
    const r = await ok(clerk, s, 'third-party-replied', { on: '2026-11-10', opinion: 'agree' });
    expect(r).toMatchObject({
      status: 'registered',
      dueOn: '2026-12-03', // 11-30 + the 3 working days 11-06, 11-09, 11-10
      remainingWorkdays: 5,
      clock: { state: 'running', excludedWorkdays: 3, usedWorkdays: 15 },
    });
    expect(r.clock.events.map((e) => e.kind)).toEqual([
      'received',
      'consult_sent',
      'consult_replied',
    ]);
    // A second consultation (e.g. another agency) may follow, but not overlap the first.
    const overlap = await act(clerk, r, 'consult-third-party', {
      sentOn: '2026-11-09',
      party: 'other_agency',
    });
    expect(overlap.status).toBe(422);
    expect(overlap.body.errors.sentOn).toBeTruthy();
    const again = await ok(clerk, r, 'consult-third-party', {
      sentOn: '2026-11-20',
      party: 'other_agency',
    });
    expect(again.clock.excludedWorkdays).toBe(3 + 4); // + 11-23 … 11-26, still open
  });

  it('extend: +20 working days, once, and only with who approved it', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    const missing = await act(clerk, a, 'extend', { reason: '涉及多个县区', notifiedOn: TODAY });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.errors)).toEqual(['approvedBy']);
    expect(
      (await act(clerk, a, 'extend', { reason: '', approvedBy: '主任', notifiedOn: TODAY })).status,
    ).toBe(422);
    const e = await ok(clerk, a, 'extend', {
      reason: '涉及多个县区',
      approvedBy: '办公室主任 张华',
      notifiedOn: TODAY,
    });
    expect(e).toMatchObject({
      dueOn: '2026-12-28',
      remainingWorkdays: 22,
      clock: { allowanceWorkdays: 40 },
    });
    expect(e.ledger.at(-1)).toMatchObject({
      kind: 'extended',
      on: TODAY,
      approvedBy: '办公室主任 张华',
    });
    invalid(
      await act(clerk, e, 'extend', { reason: 'again', approvedBy: '主任', notifiedOn: TODAY }),
    );
  });

  it('办法 第四条 按件: the prior count is the applications the same applicant (name and contact) made earlier in the month of receipt', async () => {
    const clerk = await as('clerk');
    const li = { applicantName: '李四', contact: '13900001111' };
    // Ten applications from 李四 in November (one of them charged below), one with another
    // contact (a different person of the same name), one from October.
    const nov: Application[] = [];
    for (let k = 0; k < 10; k++) nov.push(await create(clerk, { ...li, receivedOn: '2026-11-03' }));
    await create(clerk, {
      applicantName: '李四',
      contact: '13900002222',
      receivedOn: '2026-11-02',
    });
    await create(clerk, { ...li, receivedOn: '2026-10-30' });
    const eleventh = await create(clerk, {
      ...li,
      contact: '139 0000 1111',
      receivedOn: '2026-11-04',
    });
    // The form's preview: prior 10 (the same contact however spaced), 1 item → the 11th: 100 元.
    const quote = await clerk.get<any>(
      `/applications/${eleventh.id}/fee-quote?method=per_item&count=1`,
    );
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({ method: 'per_item', count: 1, prior: 10, amount: 100 });
    // The notice records what was previewed; a client-sent amount is ignored.
    const n = await ok(clerk, eleventh, 'fee-notice', {
      sentOn: '2026-11-10',
      method: 'per_item',
      count: 1,
      amount: 1,
    });
    expect(n.ledger.at(-1)).toMatchObject({ kind: 'fee_notice', count: 1, prior: 10, amount: 100 });
    expect(n.status).toBe('paused');
    // The 3rd application of the month: prior 2, so 1 item is free — nothing owed, no notice.
    const third = nov[2]!;
    const q3 = (await clerk.get<any>(`/applications/${third.id}/fee-quote?method=per_item&count=1`))
      .body;
    expect(q3).toMatchObject({ prior: 2, amount: 0 });
    const zero = await act(clerk, third, 'fee-notice', {
      sentOn: '2026-11-10',
      method: 'per_item',
      count: 1,
    });
    expect(zero.status).toBe(422);
    expect(Object.keys(zero.body.errors)).toEqual(['count']);
    expect((await clerk.get<Application>(`/applications/${third.id}`)).body.version).toBe(
      third.version,
    );
    // …but 9 items on it reach the 11th: 100 元 for the one above 10.
    const q9 = (await clerk.get<any>(`/applications/${third.id}/fee-quote?method=per_item&count=9`))
      .body;
    expect(q9).toMatchObject({ prior: 2, amount: 100 });
    // One notice per application (one method only).
    invalid(
      await act(clerk, n, 'fee-notice', { sentOn: '2026-11-13', method: 'per_page', count: 40 }),
    );
    // Bad counts, for the notice and the quote.
    for (const count of [0, -1, 2.5, 'x']) {
      const r = await act(clerk, await create(clerk), 'fee-notice', {
        sentOn: '2026-11-10',
        method: 'per_item',
        count,
      });
      expect(r.status).toBe(422);
      expect(r.body.errors.count).toBeTruthy();
      expect(
        (await clerk.get(`/applications/${third.id}/fee-quote?method=per_item&count=${count}`))
          .status,
      ).toBe(400);
    }
    // Who may ask: those who send notices.
    expect(
      (
        await (
          await as('leader')
        ).get(`/applications/${third.id}/fee-quote?method=per_item&count=1`)
      ).status,
    ).toBe(403);
  });

  it('办法 第三条/第五条 按量: priced per application, never accumulated across the month', async () => {
    const clerk = await as('clerk');
    const wang = { applicantName: '王五', contact: '13900003333' };
    const first = await create(clerk, wang);
    const a = await ok(clerk, first, 'fee-notice', {
      sentOn: '2026-11-05',
      method: 'per_page',
      count: 101,
    });
    expect(a.ledger.at(-1)).toMatchObject({ amount: 720, prior: 0 }); // 70×10 + 1×20
    const second = await create(clerk, wang);
    const b = await ok(clerk, second, 'fee-notice', {
      sentOn: '2026-11-06',
      method: 'per_page',
      count: 101,
    });
    expect(b.ledger.at(-1)).toMatchObject({ amount: 720, prior: 0 });
    // 30 pages are free on every application: no notice.
    const free = await act(clerk, await create(clerk, wang), 'fee-notice', {
      sentOn: '2026-11-06',
      method: 'per_page',
      count: 30,
    });
    expect(free.status).toBe(422);
    expect(free.body.errors.count).toBeTruthy();
  });

  it('办法 第四条: a new calendar month of receipt starts the count again', async () => {
    const clerk = await as('clerk');
    const zhao = { applicantName: '赵六', contact: '13900004444' };
    for (let k = 0; k < 10; k++) await create(clerk, { ...zhao, receivedOn: '2026-10-30' });
    // Received in October, charged in November: October's count (10 before it) applies.
    const oct = await create(clerk, { ...zhao, receivedOn: '2026-10-30' });
    const o = await ok(clerk, oct, 'fee-notice', {
      sentOn: '2026-11-03',
      method: 'per_item',
      count: 1,
    });
    expect(o.ledger.at(-1)).toMatchObject({ prior: 10, amount: 100 });
    // Received in November: a fresh month, 1 item is free.
    const nov = await create(clerk, { ...zhao, receivedOn: '2026-11-02' });
    expect(
      (await clerk.get<any>(`/applications/${nov.id}/fee-quote?method=per_item&count=1`)).body,
    ).toMatchObject({ prior: 0, amount: 0 });
  });

  it('fee-paid: the clock runs again; the paid fee is recorded on the decision', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    invalid(await act(clerk, a, 'fee-paid', { on: '2026-11-05' }));
    const n = await ok(clerk, a, 'fee-notice', {
      sentOn: '2026-11-03',
      method: 'per_item',
      count: 12,
    });
    expect(n.ledger.at(-1)).toMatchObject({ amount: 200 });
    expect((await act(clerk, n, 'fee-paid', { on: '2026-11-02' })).status).toBe(422);
    const p = await ok(clerk, n, 'fee-paid', { on: '2026-11-06' });
    expect(p).toMatchObject({
      status: 'registered',
      dueOn: '2026-12-03', // + 11-04, 11-05, 11-06
      clock: { state: 'running', excludedWorkdays: 3 },
    });
    invalid(await act(clerk, p, 'fee-paid', { on: '2026-11-07' }));
    const d = await ok(clerk, p, 'decide', { outcome: '3.1', decidedOn: TODAY });
    expect(d.decision).toMatchObject({ outcome: '3.1', fee: 200, late: false });
  });

  it('decide 3.6.2 only once the payment period has expired (20 working days unpaid)', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    const n = await ok(clerk, a, 'fee-notice', {
      sentOn: '2026-11-03',
      method: 'per_item',
      count: 12,
    });
    const early = await act(clerk, n, 'decide', { outcome: '3.6.2', decidedOn: TODAY });
    expect(early.status).toBe(422);
    expect(Object.keys(early.body.errors)).toEqual(['outcome']);
    // Received the day it was sent (the default): the 20th working day after 11-03 is 12-01;
    // from 12-02 the notice has lapsed.
    setToday('2026-12-01');
    expect((await clerk.get(`/applications/${a.id}`)).body.status).toBe('paused');
    setToday('2026-12-02');
    const lapsed = (await clerk.get<Application>(`/applications/${a.id}`)).body;
    // The clock runs again from the end of the payment period: 1 day used before the notice,
    // 12-02 the 2nd.
    expect(lapsed).toMatchObject({ status: 'fee_expired', remainingWorkdays: 18 });
    expect(lapsed.clock.events).toContainEqual({ kind: 'fee_payment_expired', on: '2026-12-01' });
    const late = await act(clerk, lapsed, 'fee-paid', { on: '2026-12-02' });
    expect(late.status).toBe(422);
    expect(late.body.errors.on).toContain('2026-12-01');
    // A 3.6.2 decision dated inside the payment period contradicts itself.
    const backdated = await act(clerk, lapsed, 'decide', {
      outcome: '3.6.2',
      decidedOn: '2026-11-20',
    });
    expect(backdated.status).toBe(422);
    const d = await ok(clerk, lapsed, 'decide', { outcome: '3.6.2', decidedOn: '2026-12-02' });
    expect(d.status).toBe('decided');
    expect(d.decision).toMatchObject({
      outcome: '3.6.2',
      decidedOn: '2026-12-02',
      fee: null,
      reason: expect.stringContaining('缴纳'),
    });
  });

  it('办法 (收费通知): the 20 payment days run from the day after the applicant received the notice', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    const before = await act(clerk, a, 'fee-notice', {
      sentOn: '2026-11-05',
      receivedOn: '2026-11-04',
      method: 'per_item',
      count: 12,
    });
    expect(before.status).toBe(422);
    expect(before.body.errors.receivedOn).toBeTruthy();
    // Sent Thu 11-05 by post, received Mon 11-09: payment due by the 20th working day after
    // 11-09, Mon 12-07 (not 12-03, counted from sending).
    const n = await ok(clerk, a, 'fee-notice', {
      sentOn: '2026-11-05',
      receivedOn: '2026-11-09',
      method: 'per_item',
      count: 12,
    });
    expect(n.ledger.at(-1)).toMatchObject({ on: '2026-11-05', receivedOn: '2026-11-09' });
    expect(n.clock.events.find((e) => e.kind === 'fee_notice')?.detail).toMatchObject({
      receivedOn: '2026-11-09',
      payBy: '2026-12-07',
    });
    setToday('2026-12-07');
    expect((await clerk.get<Application>(`/applications/${a.id}`)).body.status).toBe('paused');
    setToday('2026-12-09');
    const lapsed = (await clerk.get<Application>(`/applications/${a.id}`)).body;
    expect(lapsed.status).toBe('fee_expired');
    // A payment made inside the window can always be recorded, even two days after it closed.
    const paid = await ok(clerk, lapsed, 'fee-paid', { on: '2026-12-07' });
    expect(paid.status).toBe('registered');
    // …and then 3.6.2 is no longer possible: the money was paid.
    const stop = await act(clerk, paid, 'decide', { outcome: '3.6.2', decidedOn: '2026-12-09' });
    expect(stop.status).toBe(422);
  });

  it('decide 3.6.1 only while awaiting a correction; nothing else then', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk, { receivedOn: '2026-10-12' }); // due 11-09 had it run on
    const running = await act(clerk, a, 'decide', { outcome: '3.6.1', decidedOn: TODAY });
    expect(running.status).toBe(422);
    expect(Object.keys(running.body.errors)).toEqual(['outcome']);
    const r = await ok(clerk, a, 'request-correction', {
      note: 'n',
      requestedOn: '2026-10-13',
      correctionDueOn: '2026-11-20',
    });
    const other = await act(clerk, r, 'decide', { outcome: '3.1', decidedOn: TODAY });
    expect(other.status).toBe(422);
    expect(other.body.errors.outcome).toBeTruthy();
    const d = await ok(clerk, r, 'decide', { outcome: '3.6.1', decidedOn: TODAY });
    // The wait for the correction is not counted: closing the case after 11-09 is not late.
    expect(d.decision).toMatchObject({ outcome: '3.6.1', late: false });
    expect(d.clock).toMatchObject({ late: false, usedWorkdays: 1 });
    expect(d.status).toBe('decided');
  });

  it('decide 3.4.3 only after a correction was received', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    const no = await act(clerk, a, 'decide', { outcome: '3.4.3', decidedOn: TODAY });
    expect(no.status).toBe(422);
    expect(Object.keys(no.body.errors)).toEqual(['outcome']);
    const r = await ok(clerk, a, 'request-correction', {
      note: 'n',
      requestedOn: '2026-11-03',
      correctionDueOn: '2026-11-20',
    });
    const c = await ok(clerk, r, 'correction-received', {
      receivedOn: '2026-11-09',
      content: '补正后的申请内容',
    });
    const d = await ok(clerk, c, 'decide', { outcome: '3.4.3', decidedOn: TODAY });
    expect(d.decision).toMatchObject({ outcome: '3.4.3', late: false });
  });

  it('decide: validates outcome and date; after dueOn it is allowed and marked late', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk, { receivedOn: '2026-10-12' }); // due 11-09
    for (const body of [
      { outcome: '3.7', decidedOn: TODAY },
      { outcome: '3.3', decidedOn: TODAY },
      { outcome: '3.1' },
      { outcome: '3.1', decidedOn: '2026-11-27' },
      { outcome: '3.1', decidedOn: '2026-10-11' },
    ]) {
      const r = await act(clerk, a, 'decide', body);
      expect(r.status, JSON.stringify(body)).toBe(422);
    }
    const onTime = await ok(clerk, await create(clerk), 'decide', {
      outcome: '3.2',
      decidedOn: TODAY,
      reason: '区分处理',
    });
    expect(onTime.decision).toMatchObject({ outcome: '3.2', reason: '区分处理', late: false });
    const d = await ok(clerk, a, 'decide', { outcome: '3.1', decidedOn: '2026-11-10' });
    expect(d).toMatchObject({
      status: 'decided',
      dueOn: '2026-11-09',
      remainingWorkdays: null,
      alert: 'none',
      decision: { outcome: '3.1', decidedOn: '2026-11-10', late: true, fee: null },
      clock: { state: 'decided', late: true, usedWorkdays: 21 },
    });
    expect(d.decision!.reason).toContain('予以公开');
    const trail = (await clerk.get(`/audit?entity=application&id=${a.id}`)).body;
    expect(trail.at(-1).detail).toContain('超过法定期限');
  });

  it('a decided application refuses every further action (409 invalid-transition)', async () => {
    const clerk = await as('clerk');
    const d = await ok(clerk, await create(clerk), 'decide', {
      outcome: '3.4.1',
      decidedOn: TODAY,
    });
    for (const [action, body] of [
      ['assign', { sectionId: 'elderly' }],
      [
        'request-correction',
        { note: 'n', requestedOn: '2026-11-03', correctionDueOn: '2026-11-20' },
      ],
      ['correction-received', { receivedOn: TODAY, content: '补正后的申请内容' }],
      ['consult-third-party', { sentOn: TODAY }],
      ['third-party-replied', { on: TODAY, opinion: 'agree' }],
      ['extend', { reason: 'r', approvedBy: 'a', notifiedOn: TODAY }],
      ['fee-notice', { sentOn: TODAY, method: 'per_item', count: 3 }],
      ['fee-paid', { on: TODAY }],
      ['decide', { outcome: '3.1', decidedOn: TODAY }],
    ] as const) {
      invalid(await act(clerk, d, action, body));
    }
    expect((await clerk.get(`/applications/${d.id}`)).body.version).toBe(d.version);
  });

  it('a decision may not be dated before the steps it follows', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    const s = await ok(clerk, a, 'consult-third-party', { sentOn: '2026-11-05' });
    const r = await ok(clerk, s, 'third-party-replied', { on: '2026-11-10', opinion: 'agree' });
    const early = await act(clerk, r, 'decide', { outcome: '3.1', decidedOn: '2026-11-09' });
    expect(early.status).toBe(422);
    expect(early.body.errors.decidedOn).toBeTruthy();
    await ok(clerk, r, 'decide', { outcome: '3.1', decidedOn: '2026-11-10' });
  });

  it('the audit trail records each step with its actor', async () => {
    const clerk = await as('clerk');
    let a = await create(clerk);
    a = await ok(clerk, a, 'assign', { sectionId: 'social_assistance' });
    a = await ok(await as('handler'), a, 'consult-third-party', { sentOn: '2026-11-05' });
    a = await ok(clerk, a, 'third-party-replied', { on: '2026-11-10', opinion: 'agree' });
    a = await ok(clerk, a, 'extend', { reason: '材料较多', approvedBy: '主任', notifiedOn: TODAY });
    a = await ok(clerk, a, 'fee-notice', { sentOn: '2026-11-11', method: 'per_page', count: 40 });
    a = await ok(clerk, a, 'fee-paid', { on: '2026-11-12' });
    a = await ok(clerk, a, 'decide', { outcome: '3.1', decidedOn: TODAY });
    // Failed attempts write nothing.
    await act(clerk, a, 'extend', { reason: 'r', approvedBy: 'a', notifiedOn: TODAY });
    const r = await clerk.get(`/audit?entity=application&id=${a.id}`);
    expect(r.status).toBe(200);
    expect(r.body.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'assign',
      'consult-third-party',
      'third-party-replied',
      'extend',
      'fee-notice',
      'fee-paid',
      'decide',
    ]);
    expect(r.body[0].detail).toContain(a.serialNo);
    expect(r.body[2].actor).toMatchObject({ name: '王强', role: 'handler' });
    expect(r.body[5].detail).toContain('100 元'); // pages 31–40 at 10
    expect(r.body.at(-1)).toMatchObject({
      actor: { name: '李静', role: 'clerk' },
      after: { decision: { outcome: '3.1' } },
    });
    expect(a.version).toBe(8);
    expect(a.ledger.map((e) => e.kind)).toEqual([
      'received',
      'assigned',
      'consult_sent',
      'consult_replied',
      'extended',
      'fee_notice',
      'fee_paid',
      'decided',
    ]);
  });

  it('alerts list the overdue and due-soon applications in scope', async () => {
    const clerk = await as('clerk');
    const overdue = await create(clerk, { receivedOn: '2026-10-12' });
    const soon = await create(clerk);
    const r = await clerk.get<{ overdue: number; dueSoon: number; items: Application[] }>(
      '/applications/alerts',
    );
    expect(r.status).toBe(200);
    expect(r.body.items.map((a) => a.id)).toEqual(expect.arrayContaining([overdue.id, soon.id]));
    expect(r.body.overdue).toBe(r.body.items.filter((a) => a.alert === 'overdue').length);
    expect(r.body.dueSoon).toBe(r.body.items.filter((a) => a.alert === 'due_soon').length);
    const h = await (await as('handler')).get<{ items: Application[] }>('/applications/alerts');
    expect(h.body.items.every((a) => a.sectionId === 'social_assistance')).toBe(true);
  });
});

describe('applications: the seed', () => {
  // The seed is built relative to "today": rebuild it under the pinned date so that these checks
  // do not depend on the day the suite runs.
  beforeEach(async () => {
    setToday(TODAY);
    await resetMockDb();
  });

  it('has no applications received in 2017 (the 2017 report: 没有依申请公开)', async () => {
    const clerk = await as('clerk');
    expect((await list(clerk, 'year=2017')).total).toBe(0);
  });

  it('carries one application received last year and decided this year', async () => {
    const all = (await list(await as('clerk'))).items;
    const carried = all.filter(
      (a) => a.receivedOn.startsWith('2025-') && a.decision?.decidedOn.startsWith('2026-'),
    );
    expect(carried).toHaveLength(1);
    expect(carried[0]!.decision!.late).toBe(false);
    expect(all.filter((a) => a.receivedOn.startsWith('2025-')).length).toBeGreaterThanOrEqual(3);
  });

  it('open applications show every clock state, including an overdue one', async () => {
    const all = (await list(await as('clerk'))).items;
    const open = all.filter((a) => a.status !== 'decided');
    const states = new Set(open.map((a) => a.clock.state));
    expect(states).toEqual(new Set(['running', 'paused', 'awaiting_correction']));
    expect(open.some((a) => a.alert === 'overdue')).toBe(true);
    expect(open.some((a) => a.alert === 'due_soon')).toBe(true);
    expect(open.find((a) => a.clock.state === 'paused')!.status).toBe('paused');
    expect(open.find((a) => a.clock.state === 'awaiting_correction')).toMatchObject({
      status: 'correction_requested',
      dueOn: null,
    });
    // Every decided seed record is consistent with its own clock.
    for (const a of all.filter((x) => x.decision)) expect(a.decision!.late).toBe(a.clock.late);
    // Every outcome in the seed is a leaf row of table 三.
    expect(
      all.filter((a) => a.decision).every((a) => /^3\.\d(\.\d)?$/.test(a.decision!.outcome)),
    ).toBe(true);
  });

  it('the seed builds for any today, early in the year too', async () => {
    for (const t of ['2027-01-04', '2027-03-01', '2027-06-01']) {
      setToday(t);
      await resetMockDb();
    }
  });
});
