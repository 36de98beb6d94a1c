// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/workdays';
import { setToday, today } from '@mocks/clock';
import { as } from '../api';
import { seedOn } from '../seed-day';

// "This year" is 2026 here, and the seed is built around this day.
seedOn('2026-11-26');

const row = (
  body: { tables: { applications: { rows: { code: string; values: Record<string, number> }[] } } },
  code: string,
) => body.tables.applications.rows.find((r) => r.code === code)!.values;

describe('annual report', () => {
  it('2017 reproduces the figures of the 2017 report', async () => {
    const c = await as('leader');
    const r = await c.get('/reports/annual/2017');
    expect(r.status).toBe(200);
    // 五、咨询处理情况: 12 咨询投诉类 + 5 市长信箱转办, all closed.
    expect(r.body.letters).toEqual({ received: 17, mayorMailbox: 5, closed: 17, closedOnTime: 17 });
    // 四、依申请公开: none.
    for (const code of ['1', '2', '3.7', '4']) expect(row(r.body, code).total).toBe(0);
    // 二: 权责清单/两单两图 100 items; 双公示 licensing 0 and penalty 0.
    expect(r.body.catalogue.powersList).toBe(100);
    expect(r.body.tables.proactive.licensing.decisions).toBe(0);
    expect(r.body.tables.proactive.penalty.decisions).toBe(0);
    // 七: no fees.
    expect(r.body.fees.amount).toBe(0);
    expect(r.body.tables.proactive.fees.amountWan).toBe(0);
    expect(r.body.warnings).toEqual([]);
    expect(r.body.narrative.problems).toMatch(/不足/);
  });

  it('table 三 carries applications over the year end and the identities hold', async () => {
    const c = await as('clerk');
    const thisYear = Number(new Date().getFullYear());
    const last = await c.get(`/reports/annual/${thisYear - 1}`);
    const now = await c.get(`/reports/annual/${thisYear}`);
    expect(row(last.body, '4').total).toBe(row(now.body, '2').total);
    for (const b of [last.body, now.body]) {
      expect(b.warnings).toEqual([]);
      for (const col of [
        'natural_person',
        'commercial',
        'research',
        'public_interest',
        'legal_service',
        'other_org',
        'total',
      ]) {
        expect(row(b, '1')[col]! + row(b, '2')[col]!).toBe(row(b, '3.7')[col]! + row(b, '4')[col]!);
      }
    }
  });

  it('a decision this year changes table 三 at once', async () => {
    const c = await as('clerk');
    const y = Number(new Date().getFullYear());
    const before = await c.get(`/reports/annual/${y}`);
    const created = await c.post('/applications', {
      applicantType: 'research',
      applicantName: '某研究院',
      contact: 'a@b.cn',
      channel: 'email',
      receivedOn: `${y}-01-05`,
      description: '申请公开统计数据',
    });
    await c.post(
      `/applications/${created.body.id}/decide`,
      { outcome: '3.3.6', decidedOn: `${y}-01-20` },
      { 'If-Match': '"1"' },
    );
    const after = await c.get(`/reports/annual/${y}`);
    expect(row(after.body, '3.3.6').research).toBe(row(before.body, '3.3.6').research! + 1);
    expect(row(after.body, '3.3').total).toBe(row(before.body, '3.3').total! + 1);
    expect(row(after.body, '1').total).toBe(row(before.body, '1').total! + 1);
  });

  it('narrative: clerk saves, leader reads, leader cannot write; review cases count by year', async () => {
    const clerk = await as('clerk');
    const leader = await as('leader');
    const n = { overview: '总体情况', problems: '问题', other: '其他' };
    const v1 = { 'If-Match': '"1"' };
    expect((await clerk.put('/reports/annual/2020/narrative', n, v1)).status).toBe(200);
    expect((await leader.get('/reports/annual/2020')).body.narrative).toEqual({
      ...n,
      publishedOn: '', // not sent: the compilation day
      version: 2,
    });
    expect((await leader.put('/reports/annual/2020/narrative', n, v1)).status).toBe(403);
    expect(
      (await clerk.put('/reports/annual/2020/narrative', { overview: 1 }, { 'If-Match': '"2"' }))
        .status,
    ).toBe(422);

    const done = await clerk.post('/reviews', {
      kind: 'review',
      filedOn: '2020-03-01',
      result: 'upheld',
      concludedOn: '2020-05-01',
    });
    await clerk.post('/reviews', {
      kind: 'litigation_direct',
      filedOn: '2020-11-01',
      result: 'pending',
    });
    await clerk.post('/reviews', {
      kind: 'litigation_after_review',
      filedOn: '2020-12-01',
      result: 'corrected',
      concludedOn: '2021-02-01',
    });
    expect(
      (await clerk.post('/reviews', { kind: 'review', filedOn: '2020-03-01', result: 'upheld' }))
        .status,
    ).toBe(422);
    const r2020 = (await leader.get('/reports/annual/2020')).body.tables.review;
    expect(r2020.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(r2020.litigationDirect.pending).toBe(1);
    expect(r2020.litigationAfterReview.pending).toBe(1); // open at the end of 2020
    expect(
      (await leader.get('/reports/annual/2021')).body.tables.review.litigationAfterReview.corrected,
    ).toBe(1);
    const patched = await clerk.patch(
      `/reviews/${done.body.id}`,
      { result: 'other' },
      { 'If-Match': '"1"' },
    );
    expect(patched.body.result).toBe('other');

    // A case cannot be concluded before it was filed: 422 on the field, nothing written.
    const before = (await clerk.get('/reviews')).body.length;
    const early = await clerk.post('/reviews', {
      kind: 'review',
      filedOn: '2020-06-10',
      result: 'upheld',
      concludedOn: '2020-06-09',
    });
    expect(early.status).toBe(422);
    expect(early.body.errors).toHaveProperty('concludedOn');
    expect((await clerk.get('/reviews')).body).toHaveLength(before);
    const moved = await clerk.patch(
      `/reviews/${done.body.id}`,
      { concludedOn: '2020-02-28' },
      { 'If-Match': '"2"' },
    );
    expect(moved.status).toBe(422);
    expect(moved.body.errors).toHaveProperty('concludedOn');
    const kept = (await clerk.get('/reviews')).body.find(
      (c: { id: string }) => c.id === done.body.id,
    );
    expect(kept).toMatchObject({ concludedOn: '2020-05-01', version: 2 });
  });

  it('narrative versions: If-Match required, a stale one gets 409 with the current text, nothing overwritten', async () => {
    const a = await as('clerk');
    const b = await as('admin');
    const path = '/reports/annual/2019/narrative';
    // A year never saved: empty text at version 1.
    const fresh = (await a.get('/reports/annual/2019')).body.narrative;
    expect(fresh).toEqual({ overview: '', problems: '', other: '', publishedOn: '', version: 1 });
    // The seeded 2017 text (stored before versions existed) is version 1 too.
    expect((await a.get('/reports/annual/2017')).body.narrative.version).toBe(1);

    const mine = { overview: '甲写的总体情况', problems: '', other: '' };
    const noHeader = await a.put(path, mine);
    expect(noHeader.status).toBe(428);
    expect(noHeader.body.type).toMatch(/\/precondition-required$/);

    const first = await b.put(
      path,
      { overview: '乙先保存', problems: '乙', other: '' },
      {
        'If-Match': '"1"',
      },
    );
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      overview: '乙先保存',
      problems: '乙',
      other: '',
      publishedOn: '',
      version: 2,
    });
    expect(first.headers.get('ETag')).toBe('"2"');

    // The other clerk still writes over version 1: refused, with what is there now.
    const stale = await a.put(path, mine, { 'If-Match': '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toMatch(/\/version-conflict$/);
    expect(stale.body.current).toEqual(first.body);
    expect((await a.get('/reports/annual/2019')).body.narrative).toEqual(first.body);
    const garbage = await a.put(path, mine, { 'If-Match': '"abc"' });
    expect(garbage.status).toBe(409);

    // Saving mine over the current version works, and is audited as one more version.
    const again = await a.put(path, mine, { 'If-Match': '"2"' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...mine, publishedOn: '', version: 3 });
    expect((await a.get('/reports/annual/2019')).body.narrative).toEqual({
      ...mine,
      publishedOn: '',
      version: 3,
    });
    const trail = await a.get('/audit?entity=report&id=2019');
    expect(trail.status).toBe(200);
    expect(trail.body).toHaveLength(2);
  });

  it('review dates run from 2000-01-01 to today: 422 on the field otherwise, nothing written', async () => {
    const clerk = await as('clerk');
    const tomorrow = addDays(today(), 1);
    const EARLY = '日期不能早于2000年1月1日';
    const FUTURE = '日期不能晚于今天';
    const before = (await clerk.get('/reviews')).body;
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ filedOn: '0000-01-01', result: 'pending' }, { filedOn: EARLY }],
      [{ filedOn: '1999-12-31', result: 'pending' }, { filedOn: EARLY }],
      [{ filedOn: '9999-12-31', result: 'pending' }, { filedOn: FUTURE }],
      [{ filedOn: tomorrow, result: 'pending' }, { filedOn: FUTURE }],
      [
        { filedOn: '2020-03-01', result: 'upheld', concludedOn: '0000-01-01' },
        { concludedOn: EARLY },
      ],
      [
        { filedOn: '2020-03-01', result: 'upheld', concludedOn: '1999-12-31' },
        { concludedOn: EARLY },
      ],
      [
        { filedOn: '2020-03-01', result: 'upheld', concludedOn: '9999-12-31' },
        { concludedOn: FUTURE },
      ],
      [{ filedOn: '2020-03-01', result: 'upheld', concludedOn: tomorrow }, { concludedOn: FUTURE }],
      [
        { filedOn: '9999-12-31', result: 'upheld', concludedOn: '9999-12-31' },
        { filedOn: FUTURE, concludedOn: FUTURE },
      ],
    ];
    for (const [body, errors] of cases) {
      const r = await clerk.post('/reviews', { kind: 'review', ...body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.errors, JSON.stringify(body)).toEqual(errors);
    }
    expect((await clerk.get('/reviews')).body).toEqual(before);

    // The bounds themselves are fine, and a change is held to the same rule.
    const ok = await clerk.post('/reviews', {
      kind: 'review',
      filedOn: '2000-01-01',
      result: 'upheld',
      concludedOn: today(),
    });
    expect(ok.status).toBe(201);
    for (const [body, errors] of [
      [{ filedOn: '0000-01-01' }, { filedOn: EARLY }],
      [{ concludedOn: tomorrow }, { concludedOn: FUTURE }],
      [{ concludedOn: '9999-12-31' }, { concludedOn: FUTURE }],
    ] as const) {
      const r = await clerk.patch(`/reviews/${ok.body.id}`, body, { 'If-Match': '"1"' });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.errors).toEqual(errors);
    }
    const kept = (await clerk.get('/reviews')).body.find(
      (c: { id: string }) => c.id === ok.body.id,
    );
    expect(kept).toEqual(ok.body);
  });

  it('a year in the future is not found', async () => {
    setToday('2026-06-01');
    expect((await (await as('leader')).get('/reports/annual/2027')).status).toBe(404);
  });
});

describe('links from table 三 to the applications behind each cell', () => {
  it("the list filtered by reportYear/reportRow has exactly the cell's count, carry-overs included", async () => {
    const c = await as('clerk');
    const y = new Date().getFullYear();
    const report = (await c.get(`/reports/annual/${y}`)).body;
    for (const r of report.tables.applications.rows as {
      code: string;
      values: Record<string, number>;
    }[]) {
      const list = await c.get(`/applications?reportYear=${y}&reportRow=${r.code}&pageSize=100`);
      expect({ row: r.code, n: list.body.total }).toEqual({ row: r.code, n: r.values.total });
      const nat = await c.get(
        `/applications?reportYear=${y}&reportRow=${r.code}&applicantType=natural_person&pageSize=100`,
      );
      expect({ row: r.code, n: nat.body.total }).toEqual({
        row: r.code,
        n: r.values.natural_person,
      });
    }
  });
});
