// @vitest-environment node
/**
 * The 依申请公开 clock, fees, 补正 and provisional years as a 复议机关 would check them (issue 18):
 * each rule named after the article it implements, with cases at its edges — on the deadline, one
 * working day after, across a holiday with make-up days, across New Year into 2027 — worked out
 * from the text and the State Council calendar, not from the code's output.
 *
 * Calendar facts used (the State Council notice for 2026): 中秋 09-25 … 09-27 and National Day
 * 10-01 … 10-07 off, Sun 09-20 and Sat 10-10 make-up working days; November and the first half of
 * December 2026 have no holidays. 2027 has no notice yet: 元旦 2027-01-01 is a statutory day off, provisionally.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setToday } from '@mocks/clock';
import { db } from '@mocks/db';
import type { Application } from '@/features/applications/types';
import type { CatalogueEntry } from '@/features/catalogue/types';
import { as } from '../api';
import { seedOn } from '../seed-day';

type Client = Awaited<ReturnType<typeof as>>;

seedOn('2026-11-26');

const base = {
  applicantType: 'natural_person',
  applicantName: '张三',
  contact: '13812345678',
  channel: 'online',
  description: '申请公开本市2026年城市低保资金发放情况。',
};
async function create(c: Client, receivedOn: string, over: Record<string, unknown> = {}) {
  const r = await c.post<Application>('/applications', { ...base, receivedOn, ...over });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
const get = async (c: Client, id: string) => (await c.get<Application>(`/applications/${id}`)).body;
/** One step with If-Match of the record's current version, whatever the answer. */
async function act(c: Client, id: string, action: string, body: object) {
  const cur = await get(c, id);
  return c.post<any>(`/applications/${id}/${action}`, body, { 'If-Match': `"${cur.version}"` });
}
async function ok(c: Client, id: string, action: string, body: object) {
  const r = await act(c, id, action, body);
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body as Application;
}

describe('第三十三条: a deadline that has passed stays passed', () => {
  // Received Mon 11-02: the 20th working day is Mon 11-30.
  it('on the deadline an extension is still agreed in time; one working day after it is refused, naming the date', async () => {
    const clerk = await as('clerk');
    const onDay = await create(clerk, '2026-11-02');
    const after = await create(clerk, '2026-11-02');
    expect(onDay.dueOn).toBe('2026-11-30');
    setToday('2026-11-30');
    const e = await ok(clerk, onDay.id, 'extend', {
      reason: '材料较多',
      approvedBy: '主任',
      notifiedOn: '2026-11-30',
    });
    expect(e.dueOn).toBe('2026-12-28');
    setToday('2026-12-01');
    const late = await act(clerk, after.id, 'extend', {
      reason: '材料较多',
      approvedBy: '主任',
      approvedOn: '2026-11-30',
      notifiedOn: '2026-12-01',
    });
    expect(late.status).toBe(422);
    expect(late.body.errors.dueOn).toContain('2026-11-30');
    expect((await get(clerk, after.id)).version).toBe(after.version); // nothing written
  });

  it('a fee notice and a consultation recorded after the deadline are refused, even back-dated into the period', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk, '2026-11-02');
    setToday('2026-12-01');
    for (const [action, body] of [
      ['fee-notice', { sentOn: '2026-11-20', method: 'per_page', count: 40 }],
      ['fee-notice', { sentOn: '2026-12-01', method: 'per_page', count: 40 }],
      ['consult-third-party', { sentOn: '2026-11-20' }],
      ['consult-third-party', { sentOn: '2026-12-01' }],
    ] as const) {
      const r = await act(clerk, a.id, action, body);
      expect(r.status, `${action} ${body.sentOn}`).toBe(422);
      expect(r.body.errors.sentOn).toContain('2026-11-30');
    }
    const now = await get(clerk, a.id);
    expect(now).toMatchObject({ version: a.version, alert: 'overdue', remainingWorkdays: -1 });
  });

  it('across National Day: the days off and the make-up Sunday count as the calendar says', async () => {
    const clerk = await as('clerk');
    // Received Fri 09-04: 09-07 … 09-18 (10), Sun 09-20 make-up (11), 09-21 … 09-24 (15), 中秋
    // 09-25 off, 09-28 … 09-30 (18), 10-01 … 10-07 off, Thu 10-08 (19), Fri 10-09 (20).
    setToday('2026-09-04');
    const a = await create(clerk, '2026-09-04');
    const b = await create(clerk, '2026-09-04');
    expect(a.dueOn).toBe('2026-10-09');
    setToday('2026-10-07'); // a holiday before the deadline: still in time
    expect(await get(clerk, a.id)).toMatchObject({ remainingWorkdays: 2, alert: 'due_soon' });
    await ok(clerk, a.id, 'consult-third-party', { sentOn: '2026-10-07' });
    // Sat 10-10 is a make-up working day: the first one after the deadline.
    setToday('2026-10-10');
    expect(await get(clerk, b.id)).toMatchObject({ remainingWorkdays: -1, alert: 'overdue' });
    const r = await act(clerk, b.id, 'consult-third-party', { sentOn: '2026-10-09' });
    expect(r.status).toBe(422);
    expect(r.body.errors.sentOn).toContain('2026-10-09');
  });

  it('across New Year into 2027: the deadline is provisional, and after it passes it stays passed', async () => {
    const clerk = await as('clerk');
    // Received Tue 12-15: 12-16 … 12-31 are 12 working days; 2027-01-01 (元旦, statutory,
    // provisional) is off; 01-04 … 01-08 (17), 01-11, 01-12, 01-13 (20).
    setToday('2026-12-15');
    const a = await create(clerk, '2026-12-15');
    expect(a).toMatchObject({ dueOn: '2027-01-13', calendarProvisional: true });
    expect(a.clock.calendarProvisional).toBe(true);
    setToday('2027-01-13');
    expect(await get(clerk, a.id)).toMatchObject({ remainingWorkdays: 0, alert: 'due_soon' });
    setToday('2027-01-14');
    const r = await act(clerk, a.id, 'extend', {
      reason: 'r',
      approvedBy: '主任',
      notifiedOn: '2027-01-14',
    });
    expect(r.status).toBe(422);
    expect(r.body.errors.dueOn).toContain('2027-01-13');
  });
});

describe('overdue means the same for applications as for letters', () => {
  it('on the days off right after the deadline the countdown is negative and the alert overdue', async () => {
    const clerk = await as('clerk');
    // Received Wed 09-02: 09-03 … 09-18 (12), Sun 09-20 (13), 09-21 … 09-24 (17), 中秋 09-25 off,
    // 09-28, 09-29, Wed 09-30 (20); 10-01 … 10-07 are days off.
    setToday('2026-09-02');
    const a = await create(clerk, '2026-09-02');
    expect(a.dueOn).toBe('2026-09-30');
    setToday('2026-09-30');
    expect(await get(clerk, a.id)).toMatchObject({ remainingWorkdays: 0, alert: 'due_soon' });
    setToday('2026-10-01');
    expect(await get(clerk, a.id)).toMatchObject({ remainingWorkdays: -1, alert: 'overdue' });
    // The same as a letter due that day.
    const alerts = (await clerk.get<any>('/applications/alerts')).body;
    expect(alerts.items.map((x: Application) => x.id)).toContain(a.id);
  });

  it('whatever the state: a fee notice sent on the deadline does not stop it passing', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk, '2026-11-02');
    setToday('2026-11-30');
    const n = await ok(clerk, a.id, 'fee-notice', {
      sentOn: '2026-11-30',
      method: 'per_page',
      count: 40,
    });
    expect(n).toMatchObject({ status: 'paused', remainingWorkdays: 0 });
    setToday('2026-12-01');
    const paused = await get(clerk, a.id);
    expect(paused).toMatchObject({ status: 'paused', remainingWorkdays: -1, alert: 'overdue' });
    const dash = (await clerk.get<any>('/applications/alerts')).body;
    expect(dash.items.map((x: Application) => x.id)).toContain(a.id);
    // Paid, then decided: stored late.
    await ok(clerk, a.id, 'fee-paid', { on: '2026-12-01' });
    const d = await ok(clerk, a.id, 'decide', { outcome: '3.1', decidedOn: '2026-12-01' });
    expect(d.decision).toMatchObject({ late: true });
  });

  it('a lapsed fee notice still awaiting its 3.6.2 decision counts as overdue on the dashboard once past dueOn', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk, '2026-11-02');
    const overdue = async () =>
      (await clerk.get<any>('/dashboard?year=2026')).body.applications.overdue as number;
    setToday('2026-11-30');
    await ok(clerk, a.id, 'fee-notice', { sentOn: '2026-11-30', method: 'per_page', count: 40 });
    // The payment window (20 working days from 12-01) ends 12-28; on 12-29 the notice has lapsed.
    setToday('2026-12-29');
    expect((await get(clerk, a.id)).status).toBe('fee_expired');
    expect((await get(clerk, a.id)).alert).toBe('overdue');
    // The tile counts exactly the list's overdue applications, this one among them.
    const list = (await clerk.get<any>('/applications?alert=overdue&pageSize=100')).body;
    expect(list.items.map((x: Application) => x.id)).toContain(a.id);
    expect(await overdue()).toBe(list.total);
  });

  it('a consultation begun in time keeps the case current while it runs', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk, '2026-11-02');
    await ok(clerk, a.id, 'consult-third-party', { sentOn: '2026-11-20' }); // day 14 of 20
    setToday('2026-12-04'); // past the original 11-30, the consultation still open
    expect(await get(clerk, a.id)).toMatchObject({
      status: 'paused',
      remainingWorkdays: 6,
      alert: 'none',
    });
  });
});

describe('第三十条: 补正 and its deadline', () => {
  it('records the 补正期限; 3.6.1 only after it has passed without a corrected application', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk, '2026-11-02');
    const bad = await act(clerk, a.id, 'request-correction', {
      note: '请明确年份',
      requestedOn: '2026-11-04',
      correctionDueOn: '2026-11-04',
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors)).toEqual(['correctionDueOn']);
    const missing = await act(clerk, a.id, 'request-correction', {
      note: '请明确年份',
      requestedOn: '2026-11-04',
    });
    expect(missing.status).toBe(422);
    const r = await ok(clerk, a.id, 'request-correction', {
      note: '请明确年份',
      requestedOn: '2026-11-04',
      correctionDueOn: '2026-11-18',
    });
    expect(r.ledger.at(-1)).toMatchObject({
      kind: 'correction_requested',
      correctionDueOn: '2026-11-18',
    });
    expect(r.clock.events.find((e) => e.kind === 'correction_requested')?.detail).toMatchObject({
      correctionDueOn: '2026-11-18',
    });
    setToday('2026-11-18');
    const early = await act(clerk, a.id, 'decide', { outcome: '3.6.1', decidedOn: '2026-11-18' });
    expect(early.status).toBe(422);
    expect(early.body.errors.decidedOn).toContain('2026-11-18');
    setToday('2026-11-19');
    const d = await ok(clerk, a.id, 'decide', { outcome: '3.6.1', decidedOn: '2026-11-19' });
    expect(d.decision).toMatchObject({ outcome: '3.6.1', late: false });
  });

  it('a record made before the 补正期限 was kept reads with none, and may close as before', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk, '2026-11-02');
    const stored = db.applications.get(a.id)!;
    db.applications.put({
      ...stored,
      ledger: [
        ...stored.ledger,
        { kind: 'correction_requested', on: '2026-11-04', note: '旧记录' },
      ],
    });
    const d = await ok(clerk, a.id, 'decide', { outcome: '3.6.1', decidedOn: '2026-11-26' });
    expect(d.decision?.outcome).toBe('3.6.1');
  });
});

describe('第三十二条: the third party has 15 working days from its receipt of the 征求意见书', () => {
  it('counts from the recorded receipt, defaulting to the sending date', async () => {
    const clerk = await as('clerk');
    const posted = await create(clerk, '2026-11-02');
    const bad = await act(clerk, posted.id, 'consult-third-party', {
      sentOn: '2026-11-05',
      receivedOn: '2026-11-04',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.receivedOn).toBeTruthy();
    // Sent Thu 11-05, received Mon 11-09: the 15th working day after 11-09 is Mon 11-30.
    const s = await ok(clerk, posted.id, 'consult-third-party', {
      sentOn: '2026-11-05',
      receivedOn: '2026-11-09',
    });
    expect(s.clock.events.find((e) => e.kind === 'consult_sent')?.detail).toMatchObject({
      receivedOn: '2026-11-09',
      replyBy: '2026-11-30',
    });
    // Handed over the day it was sent: 15 working days from 11-05 end on Thu 11-26.
    const direct = await create(clerk, '2026-11-02');
    await ok(clerk, direct.id, 'consult-third-party', { sentOn: '2026-11-05' });
    setToday('2026-11-27');
    const d = await get(clerk, direct.id);
    expect(d.clock.events).toContainEqual({
      kind: 'third_party_deadline_passed',
      on: '2026-11-26',
    });
    expect(d.status).not.toBe('paused');
    const p = await get(clerk, posted.id);
    expect(p.status).toBe('paused'); // still inside its 15 days
    setToday('2026-12-01');
    expect((await get(clerk, posted.id)).clock.events).toContainEqual({
      kind: 'third_party_deadline_passed',
      on: '2026-11-30',
    });
  });
});

describe('办法: the fee the form previews is the fee the notice records', () => {
  it('for random histories of the same applicants (name and contact) in one month', async () => {
    const clerk = await as('clerk');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            who: fc.integer({ min: 0, max: 2 }),
            contact: fc.integer({ min: 0, max: 1 }),
            day: fc.integer({ min: 2, max: 26 }),
          }),
          { minLength: 1, maxLength: 14 },
        ),
        fc.nat(20),
        fc.constantFrom('per_item', 'per_page'),
        fc.integer({ min: 1, max: 60 }),
        async (history, pick, method, count) => {
          run += 1;
          const made: Application[] = [];
          for (const h of history)
            made.push(
              await create(clerk, `2026-11-${String(h.day).padStart(2, '0')}`, {
                applicantName: `申请人${run}-${h.who}`,
                contact: `1390000${run % 10}${h.contact}00`,
              }),
            );
          const target = made[pick % made.length]!;
          const quote = (
            await clerk.get<any>(
              `/applications/${target.id}/fee-quote?method=${method}&count=${count}`,
            )
          ).body;
          const r = await act(clerk, target.id, 'fee-notice', {
            sentOn: '2026-11-26',
            method,
            count,
          });
          if (quote.amount === 0) {
            expect(r.status).toBe(422);
            return;
          }
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          expect(r.body.ledger.at(-1)).toMatchObject({
            kind: 'fee_notice',
            amount: quote.amount,
            prior: quote.prior,
          });
          // 按件's prior is the same applicant's earlier applications that month; 按量 has none.
          const key = history[pick % made.length]!;
          const earlier = history.filter(
            (h, i) =>
              h.who === key.who &&
              h.contact === key.contact &&
              (h.day < key.day || (h.day === key.day && i < pick % made.length)),
          ).length;
          expect(quote.prior).toBe(method === 'per_item' ? earlier : 0);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('a deadline that has passed stays passed (property)', () => {
  it('no sequence of steps recorded after dueOn makes an overdue application current before its decision', async () => {
    const clerk = await as('clerk');
    const step = fc.oneof(
      fc.record({ action: fc.constant('extend'), back: fc.nat(25) }),
      fc.record({ action: fc.constant('fee-notice'), back: fc.nat(25) }),
      fc.record({ action: fc.constant('consult-third-party'), back: fc.nat(25) }),
      fc.record({ action: fc.constant('third-party-replied'), back: fc.nat(3) }),
      fc.record({ action: fc.constant('fee-paid'), back: fc.nat(3) }),
      fc.record({ action: fc.constant('assign'), back: fc.constant(0) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 20 }), // receipt, day of October 2026 (after National Day)
        fc.boolean(), // a consultation begun before the deadline
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), step), { minLength: 1, maxLength: 5 }),
        async (day, consultEarly, steps) => {
          const received = `2026-10-${String(day + 8).padStart(2, '0')}`;
          setToday(received);
          const a = await create(clerk, received);
          if (consultEarly) {
            await ok(clerk, a.id, 'consult-third-party', { sentOn: received });
            await ok(clerk, a.id, 'third-party-replied', { on: received, opinion: 'agree' });
          }
          const due = (await get(clerk, a.id)).dueOn!;
          // From the first day after the deadline on, the case is overdue …
          let today = new Date(`${due}T00:00:00Z`);
          for (const [gap, s] of steps) {
            today = new Date(today.getTime() + gap * 864e5);
            const t = today.toISOString().slice(0, 10);
            setToday(t);
            const on = new Date(today.getTime() - s.back * 864e5).toISOString().slice(0, 10);
            const body =
              s.action === 'extend'
                ? { reason: 'r', approvedBy: '主任', approvedOn: on, notifiedOn: t }
                : s.action === 'fee-notice'
                  ? { sentOn: on, method: 'per_page', count: 40 }
                  : s.action === 'consult-third-party'
                    ? { sentOn: on }
                    : s.action === 'assign'
                      ? { sectionId: 'social_assistance' }
                      : { on };
            await act(clerk, a.id, s.action, body);
            // … and stays so, whatever was accepted.
            const now = await get(clerk, a.id);
            expect(now.alert, `${s.action} on ${t} (dated ${on}), due ${due}`).toBe('overdue');
            expect(now.remainingWorkdays!).toBeLessThan(0);
            expect(now.dueOn).toBe(due);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('years without an official calendar', () => {
  it('2027: the statutory days are assumed and named in the calendar settings', async () => {
    const admin = await as('admin');
    const y = (await admin.get<any>('/calendar/years/2027')).body;
    expect(y).toMatchObject({ source: 'none', complete: false });
    expect(y.assumedDays.map((d: { date: string }) => d.date)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    expect((await admin.get<any>('/calendar/years/2026')).body.assumedDays).toEqual([]);
  });

  it('the catalogue timeliness verdict carries calendarProvisional; entering the year makes it final', async () => {
    const clerk = await as('clerk');
    const admin = await as('admin');
    const entry = (formedOn: string, publishedOn: string) =>
      clerk.post<CatalogueEntry>('/catalogue', {
        title: '关于调整城乡低保标准的通知',
        category: 'policy',
        docType: 'other',
        publisher: '长治市民政局',
        formedOn,
        publishedOn,
        attribute: 'proactive',
        channels: ['website'],
      });
    setToday('2027-01-20');
    const across = (await entry('2026-12-20', '2027-01-12')).body;
    // 12-21 … 12-31 = 9 working days, 元旦 off, 01-04 … 01-15 = 19, 01-18 = the 20th.
    expect(across).toMatchObject({ timely: true, lateWorkdays: 0, calendarProvisional: true });
    const within = (await entry('2026-11-02', '2026-11-20')).body;
    expect(within).toMatchObject({ timely: true, calendarProvisional: false });
    const y2027 = await admin.get('/calendar/years/2027');
    expect(y2027.status).toBe(200);
    const put = await admin.putCurrent('/calendar/years/2027', { complete: true, days: [] });
    expect(put.status).toBe(200);
    const after = (await clerk.get<CatalogueEntry>(`/catalogue/${across.id}`)).body;
    expect(after).toMatchObject({ timely: true, calendarProvisional: false });
  });
});

describe('published figures do not move: table 二 现行有效件数 at the year end', () => {
  it('a document that expired or was repealed later still counts for the earlier year', async () => {
    const clerk = await as('clerk');
    const doc = (over: Record<string, unknown>) =>
      clerk.post<any>('/catalogue', {
        title: '长治市最低生活保障实施细则',
        category: 'policy',
        docType: 'normative',
        publisher: '长治市民政局',
        docNo: '长民发〔2024〕3号',
        formedOn: '2024-03-01',
        publishedOn: '2024-03-05',
        attribute: 'proactive',
        channels: ['website'],
        ...over,
      });
    const before = (await clerk.get<any>('/reports/annual/2025')).body.tables.proactive.normative
      .inForce;
    const noDate = await doc({ validity: 'expired' });
    expect(noDate.status).toBe(422);
    expect(Object.keys(noDate.body.errors)).toEqual(['expiredOn']);
    const early = await doc({ validity: 'expired', expiredOn: '2024-02-01' });
    expect(early.status).toBe(422);
    expect(early.body.errors.expiredOn).toBeTruthy();
    const stray = await doc({ validity: 'valid', expiredOn: '2026-06-30' });
    expect(stray.status).toBe(422);
    expect((await doc({ validity: 'expired', expiredOn: '2026-06-30' })).status).toBe(201);
    expect((await doc({ validity: 'repealed', repealedOn: '2026-03-31' })).status).toBe(201);
    expect((await doc({ validity: 'expired', expiredOn: '2025-12-31' })).status).toBe(201);
    const y2025 = (await clerk.get<any>('/reports/annual/2025')).body.tables.proactive.normative;
    // Expired 2026-06-30 and repealed 2026-03-31: in force at the end of 2025; expired on
    // 2025-12-31: not.
    expect(y2025.inForce).toBe(before + 2);
    const y2026 = (await clerk.get<any>('/reports/annual/2026')).body.tables.proactive.normative;
    expect(y2026.repealed).toBeGreaterThanOrEqual(1);
  });
});
