// @vitest-environment node
/**
 * Issue #20's application records (补正内容, 第三方意见, 告知延期日期, 答复书文号/送达) and the
 * registration's deadline preview (GET /applications/due = the dueOn the record stores).
 */
import { describe, expect, it } from 'vitest';
import { setToday } from '@mocks/clock';
import type { Application } from '@/features/applications/types';
import { as } from '../api';
import { seedOn } from '../seed-day';

type Client = Awaited<ReturnType<typeof as>>;

// Thursday 2026-11-26; November 2026 has no holidays: receipt 11-02 (Mon) → day 20 = 11-30.
const TODAY = '2026-11-26';
const input = {
  applicantType: 'natural_person',
  applicantName: '李四',
  contact: '13812345678',
  channel: 'online',
  receivedOn: '2026-11-02',
  description: '申请公开本市2026年特困人员供养资金发放情况。',
};
async function create(c: Client, receivedOn = '2026-11-02'): Promise<Application> {
  const r = await c.post<Application>('/applications', { ...input, receivedOn });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
const act = (c: Client, a: Pick<Application, 'id' | 'version'>, action: string, body = {}) =>
  c.post<any>(`/applications/${a.id}/${action}`, body, { 'If-Match': `"${a.version}"` });
async function ok(c: Client, a: Pick<Application, 'id' | 'version'>, action: string, body = {}) {
  const r = await act(c, a, action, body);
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body as Application;
}
const trail = async (c: Client, id: string) =>
  (await c.get<{ action: string; detail: string }[]>(`/audit?entity=application&id=${id}`)).body;

seedOn(TODAY);

describe('GET /applications/due: the deadline registration stores', () => {
  it('answers the same dueOn the new record gets, and says when the year is provisional', async () => {
    const clerk = await as('clerk');
    const due = await clerk.get<any>('/applications/due?receivedOn=2026-11-02');
    expect(due.status).toBe(200);
    expect(due.body).toEqual({
      receivedOn: '2026-11-02',
      startOn: '2026-11-02',
      allowanceWorkdays: 20,
      dueOn: '2026-11-30',
      calendarProvisional: false,
    });
    expect((await create(clerk)).dueOn).toBe(due.body.dueOn);
  });

  it('across National Day and into 2027 as the stored record does (exact dates)', async () => {
    const clerk = await as('clerk');
    for (const [receivedOn, dueOn, provisional] of [
      // 09-15 … 09-18 (4), Sun 09-20 make-up (5), 09-21 … 09-24 (9), 中秋 09-25 off,
      // 09-28 … 09-30 (12), National Day off, 10-08, 10-09, Sat 10-10 make-up (15), 10-12 … 10-16 (20).
      ['2026-09-14', '2026-10-16', false],
      // Thu 11-26: 11-27 (1), 11-30 … 12-24 (20).
      ['2026-11-26', '2026-12-24', false],
      ['2026-11-25', '2026-12-23', false],
    ] as const) {
      const due = (await clerk.get<any>(`/applications/due?receivedOn=${receivedOn}`)).body;
      expect(due).toMatchObject({ dueOn, calendarProvisional: provisional });
      const rec = await create(clerk, receivedOn);
      expect(rec.dueOn).toBe(dueOn);
    }
    setToday('2026-12-15');
    const into2027 = (await clerk.get<any>('/applications/due?receivedOn=2026-12-15')).body;
    expect(into2027).toMatchObject({ dueOn: '2027-01-13', calendarProvisional: true });
    const rec = await create(clerk, '2026-12-15');
    expect(rec).toMatchObject({ dueOn: '2027-01-13', calendarProvisional: true });
    setToday(TODAY);
  });

  it('422 for a future date (a field error), 400 for a malformed query; 403 for leaders and handlers', async () => {
    const clerk = await as('clerk');
    const future = await clerk.get<any>('/applications/due?receivedOn=2026-11-27');
    expect(future.status).toBe(422);
    expect(future.body.errors.receivedOn).toBe('日期不能晚于今天');
    expect((await clerk.get<any>('/applications/due?receivedOn=2026-02-30')).status).toBe(400);
    expect((await clerk.get<any>('/applications/due')).status).toBe(400);
    for (const role of ['leader', 'handler'] as const)
      expect((await (await as(role)).get('/applications/due?receivedOn=2026-11-02')).status).toBe(
        403,
      );
  });
});

describe('收到补正 records the corrected request', () => {
  it('stores the content on the ledger and in the trail; empty content is a field error', async () => {
    const clerk = await as('clerk');
    let a = await create(clerk);
    a = await ok(clerk, a, 'request-correction', {
      note: '请明确年份',
      requestedOn: '2026-11-03',
      correctionDueOn: '2026-11-13',
    });
    const empty = await act(clerk, a, 'correction-received', {
      receivedOn: '2026-11-09',
      content: ' ',
    });
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.errors)).toEqual(['content']);
    a = await ok(clerk, a, 'correction-received', {
      receivedOn: '2026-11-09',
      content: '申请公开2025年特困人员供养资金发放明细',
    });
    expect(a.ledger.at(-1)).toEqual({
      kind: 'correction_received',
      on: '2026-11-09',
      content: '申请公开2025年特困人员供养资金发放明细',
    });
    const ev = a.clock.events.find((e) => e.kind === 'correction_received');
    expect(ev?.detail).toEqual({ content: '申请公开2025年特困人员供养资金发放明细' });
    expect((await trail(clerk, a.id)).at(-1)!.detail).toBe(
      '收到补正，答复期限自 2026-11-09 起重新计算；补正后的申请内容：申请公开2025年特困人员供养资金发放明细',
    );
  });
});

describe("收到回复 records the consulted party's opinion", () => {
  it('同意 / 不同意 (with reasons) / 逾期未答复; an objection without reasons is a field error', async () => {
    const clerk = await as('clerk');
    let a = await create(clerk);
    a = await ok(clerk, a, 'consult-third-party', { sentOn: '2026-11-04' });
    const none = await act(clerk, a, 'third-party-replied', { on: '2026-11-10' });
    expect(none.status).toBe(422);
    expect(Object.keys(none.body.errors)).toEqual(['opinion']);
    const bare = await act(clerk, a, 'third-party-replied', {
      on: '2026-11-10',
      opinion: 'disagree',
    });
    expect(bare.status).toBe(422);
    expect(bare.body.errors).toEqual({ opinionText: '对方不同意公开的，请记录其理由' });
    a = await ok(clerk, a, 'third-party-replied', {
      on: '2026-11-10',
      opinion: 'disagree',
      opinionText: '涉及本单位商业秘密',
    });
    expect(a.ledger.at(-1)).toEqual({
      kind: 'consult_replied',
      on: '2026-11-10',
      opinion: 'disagree',
      opinionText: '涉及本单位商业秘密',
    });
    expect(a.clock.events.find((e) => e.kind === 'consult_replied')?.detail).toEqual({
      opinion: 'disagree',
      opinionText: '涉及本单位商业秘密',
    });
    expect((await trail(clerk, a.id)).at(-1)!.detail).toBe(
      '收到意见回复：不同意公开：涉及本单位商业秘密（2026-11-10），恢复计时',
    );
    a = await ok(clerk, a, 'consult-third-party', { sentOn: '2026-11-11' });
    a = await ok(clerk, a, 'third-party-replied', { on: '2026-11-12', opinion: 'no_reply' });
    expect(a.ledger.at(-1)).toEqual({
      kind: 'consult_replied',
      on: '2026-11-12',
      opinion: 'no_reply',
    });
  });
});

describe('延长期限 records when the applicant was told', () => {
  it('告知延期日期 not before the approval, not in the future; both on the ledger', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    const body = {
      reason: '涉及多个县区',
      approvedBy: '办公室主任 张华',
      approvedOn: '2026-11-20',
    };
    const early = await act(clerk, a, 'extend', { ...body, notifiedOn: '2026-11-19' });
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual({ notifiedOn: '告知延期日期不能早于批准延期的日期' });
    const future = await act(clerk, a, 'extend', { ...body, notifiedOn: '2026-11-27' });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual({ notifiedOn: '日期不能晚于今天' });
    const missing = await act(clerk, a, 'extend', body);
    expect(Object.keys(missing.body.errors)).toEqual(['notifiedOn']);
    const beforeReceipt = await act(clerk, a, 'extend', {
      ...body,
      approvedOn: '2026-11-01',
      notifiedOn: '2026-11-20',
    });
    expect(beforeReceipt.body.errors).toEqual({ approvedOn: expect.any(String) });
    const e = await ok(clerk, a, 'extend', { ...body, notifiedOn: '2026-11-23' });
    expect(e.ledger.at(-1)).toEqual({
      kind: 'extended',
      on: '2026-11-20',
      reason: '涉及多个县区',
      approvedBy: '办公室主任 张华',
      notifiedOn: '2026-11-23',
    });
    expect(e.dueOn).toBe('2026-12-28');
    expect(e.clock.events.find((x) => x.kind === 'extended')?.detail).toMatchObject({
      notifiedOn: '2026-11-23',
    });
  });
});

describe('作出答复 records the 答复书 and its delivery', () => {
  it('送达日期 not before the decision, not in the future, and needs a 送达方式', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    const base = { outcome: '3.1', decidedOn: '2026-11-20' };
    const before = await act(clerk, a, 'decide', {
      ...base,
      deliveryMethod: 'post',
      deliveredOn: '2026-11-19',
    });
    expect(before.body.errors).toEqual({ deliveredOn: '送达日期不能早于答复日期' });
    const future = await act(clerk, a, 'decide', {
      ...base,
      deliveryMethod: 'post',
      deliveredOn: '2026-11-27',
    });
    expect(future.body.errors).toEqual({ deliveredOn: '日期不能晚于今天' });
    const noMethod = await act(clerk, a, 'decide', { ...base, deliveredOn: '2026-11-23' });
    expect(Object.keys(noMethod.body.errors)).toEqual(['deliveryMethod']);
    const long = await act(clerk, a, 'decide', { ...base, replyNo: 'x'.repeat(51) });
    expect(Object.keys(long.body.errors)).toEqual(['replyNo']);
    const d = await ok(clerk, a, 'decide', {
      ...base,
      replyNo: ' 长民政依复〔2026〕12号 ',
      deliveryMethod: 'in_person',
      deliveredOn: '2026-11-23',
    });
    expect(d.decision).toMatchObject({
      outcome: '3.1',
      decidedOn: '2026-11-20',
      replyNo: '长民政依复〔2026〕12号',
      deliveryMethod: 'in_person',
      deliveredOn: '2026-11-23',
      late: false,
    });
    expect((await trail(clerk, a.id)).at(-1)!.detail).toBe(
      '作出答复（3.1）；答复书文号 长民政依复〔2026〕12号，当面领取送达，送达日期 2026-11-23',
    );
  });

  it('a decision without them records nulls (the delivery may be recorded with it or not at all)', async () => {
    const clerk = await as('clerk');
    const d = await ok(clerk, await create(clerk), 'decide', {
      outcome: '3.1',
      decidedOn: TODAY,
    });
    expect(d.decision).toMatchObject({ replyNo: null, deliveryMethod: null, deliveredOn: null });
  });
});
