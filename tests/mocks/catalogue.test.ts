// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { CatalogueEntry, TimelinessReport } from '@/features/catalogue/types';
import { addDays, createCalendar } from '@/lib/workdays';
import { as, call } from '../api';
import { seedOn } from '../seed-day';

type Client = Awaited<ReturnType<typeof as>>;
type Page = { items: CatalogueEntry[]; total: number };

// Today is pinned; the seed is rebuilt for it (2017, 2025 and 2026 entries). The tests register
// their own entries in 2024 and 2023, years the seed leaves empty, so serials start at 00001.
const TODAY = '2026-11-26';
const TOMORROW = '2026-11-27';
const ORG = '11140400012345678X';
const input = {
  title: '关于调整城乡低保标准的通知',
  category: 'policy',
  docType: 'normative',
  publisher: '长治市民政局',
  docNo: '长民发〔2024〕12号',
  formedOn: '2024-03-05',
  publishedOn: '2024-03-12',
  attribute: 'proactive',
  channels: ['website', 'wechat'],
  validity: 'valid',
  keywords: ['低保', '标准'],
  summary: '明确2024年城乡低保标准。',
};

seedOn(TODAY);

async function create(c: Client, over: Record<string, unknown> = {}): Promise<CatalogueEntry> {
  const r = await c.post<CatalogueEntry>('/catalogue', { ...input, ...over });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
const patch = (c: Client, e: Pick<CatalogueEntry, 'id' | 'version'>, body: unknown) =>
  c.patch<any>(`/catalogue/${e.id}`, body, { 'If-Match': `"${e.version}"` });
const withdraw = (
  c: Client,
  e: Pick<CatalogueEntry, 'id' | 'version'>,
  body: unknown = { reason: '内容有误，重新发布' },
  ifMatch: string | null = `"${e.version}"`,
) =>
  call<any>('DELETE', `/catalogue/${e.id}`, {
    token: c.token,
    body,
    headers: ifMatch ? { 'If-Match': ifMatch } : {},
  });
const list = async (c: Client, query = '') =>
  (await c.get<Page>(`/catalogue?pageSize=100&${query}`)).body;
/** Every entry, withdrawn ones included (the export has no page cap). */
const everything = async (c: Client) =>
  (await c.get<Page>('/catalogue/export?includeWithdrawn=true')).body.items;
const serial = (indexNo: string) => Number(indexNo.slice(-5));

describe('catalogue: roles', () => {
  it('clerk and admin create, with 索引号, version 1, ETag and timeliness', async () => {
    const clerk = await as('clerk');
    const r = await clerk.post<CatalogueEntry>('/catalogue', input);
    expect(r.status).toBe(201);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.body).toMatchObject({
      ...input,
      exemptReason: null,
      repealedOn: null,
      indexNo: `${ORG}/2024-00001`,
      version: 1,
      withdrawn: false,
      withdrawnReason: null,
      timely: true,
      lateWorkdays: 0,
    });
    const admin = await as('admin');
    expect((await create(admin)).indexNo).toBe(`${ORG}/2024-00002`);
    const got = await clerk.get(`/catalogue/${r.body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"1"');
    expect(got.body).toEqual(r.body);
  });

  it('leader reads everything and writes nothing (403)', async () => {
    const clerk = await as('clerk');
    const e = await create(clerk);
    const leader = await as('leader');
    const before = await everything(clerk);
    for (const p of [
      '/catalogue',
      '/catalogue/facets',
      '/catalogue/export',
      '/catalogue/timeliness?year=2024',
      `/catalogue/${e.id}`,
    ])
      expect((await leader.get(p)).status, p).toBe(200);
    expect((await leader.post('/catalogue', input)).status).toBe(403);
    expect((await leader.post('/catalogue/import', { rows: [input] })).status).toBe(403);
    expect((await patch(leader, e, { title: '改' })).status).toBe(403);
    expect((await withdraw(leader, e)).status).toBe(403);
    expect(await everything(clerk)).toEqual(before);
  });

  it('handler: 403 on everything, reads included; no token: 401', async () => {
    const clerk = await as('clerk');
    const e = await create(clerk);
    const handler = await as('handler');
    for (const p of [
      '/catalogue',
      '/catalogue/facets',
      '/catalogue/export',
      '/catalogue/timeliness?year=2024',
      `/catalogue/${e.id}`,
    ])
      expect((await handler.get(p)).status, p).toBe(403);
    expect((await handler.post('/catalogue', input)).status).toBe(403);
    expect((await handler.post('/catalogue/import', { rows: [input] })).status).toBe(403);
    expect((await patch(handler, e, { title: '改' })).status).toBe(403);
    expect((await withdraw(handler, e)).status).toBe(403);
    // Nor through the audit trail (404: existence does not leak).
    expect((await handler.get(`/audit?entity=catalogue&id=${e.id}`)).status).toBe(404);
    expect((await call('GET', '/catalogue')).status).toBe(401);
    expect((await call('POST', '/catalogue', { body: input })).status).toBe(401);
    expect((await clerk.get(`/catalogue/${e.id}`)).body.version).toBe(1);
  });

  it('404 for an unknown id', async () => {
    const clerk = await as('clerk');
    expect((await clerk.get('/catalogue/nope')).status).toBe(404);
    expect((await patch(clerk, { id: 'nope', version: 1 }, { title: 'x' })).status).toBe(404);
    expect((await withdraw(clerk, { id: 'nope', version: 1 })).status).toBe(404);
  });
});

describe('catalogue: validation', () => {
  it.each([
    [
      'publishedOn before formedOn',
      { publishedOn: '2024-03-04' },
      { publishedOn: '发布日期不能早于生成日期' },
    ],
    [
      'bad 文号',
      { docNo: '长民发[2024]12号' },
      { docNo: '文号格式应为 机关代字〔年份〕序号，如 长民发〔2024〕12号' },
    ],
    [
      'exempt without a reason',
      { attribute: 'exempt', publishedOn: null },
      { exemptReason: '不予公开须说明理由' },
    ],
    [
      'repealed without repealedOn',
      { validity: 'repealed' },
      { repealedOn: '已废止的文件须填写废止日期' },
    ],
    [
      'publishedOn in the future',
      { publishedOn: '2026-11-27' },
      { publishedOn: '日期不能晚于今天' },
    ],
    ['a formula in the title', { title: '=HYPERLINK("http://x")' }, { title: expect.any(String) }],
    // Dates from 2000-01-01 to today only (security review F3/F13).
    ['formedOn 0000-01-01', { formedOn: '0000-01-01' }, { formedOn: '日期不能早于2000年1月1日' }],
    ['formedOn 1999-12-31', { formedOn: '1999-12-31' }, { formedOn: '日期不能早于2000年1月1日' }],
    [
      'formedOn 9999-12-31',
      { formedOn: '9999-12-31', publishedOn: null },
      { formedOn: '日期不能晚于今天' },
    ],
    [
      'formedOn tomorrow',
      { formedOn: TOMORROW, publishedOn: null },
      { formedOn: '日期不能晚于今天' },
    ],
    [
      'formedOn 9999-12-31 with an earlier publication',
      { formedOn: '9999-12-31' },
      { publishedOn: '发布日期不能早于生成日期' },
    ],
    [
      'repealedOn tomorrow',
      { validity: 'repealed', repealedOn: TOMORROW },
      { repealedOn: '日期不能晚于今天' },
    ],
    [
      'missing fields',
      { title: '', category: undefined, formedOn: undefined },
      // category: '格式不正确' — zod's enum message for a missing value is not recognised as "required"
      { title: '必填', category: expect.any(String), formedOn: '必填' },
    ],
  ])('422 for %s, with field errors, nothing written', async (_name, over, errors) => {
    const clerk = await as('clerk');
    const before = await everything(clerk);
    const r = await clerk.post('/catalogue', { ...input, ...over }, { 'Accept-Language': 'zh-CN' });
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.errors).toEqual(errors);
    expect(await everything(clerk)).toEqual(before);
    // No serial was used up either.
    expect((await create(clerk)).indexNo).toBe(`${ORG}/2024-00001`);
  });

  it('formedOn 2000-01-01 and today are accepted; a change to year 0000 or tomorrow is 422', async () => {
    const clerk = await as('clerk');
    const first = await create(clerk, { formedOn: '2000-01-01', publishedOn: null });
    expect(first.indexNo).toBe(`${ORG}/2000-00001`);
    const e = await create(clerk, { formedOn: TODAY, publishedOn: null });
    for (const [formedOn, message] of [
      ['0000-01-01', '日期不能早于2000年1月1日'],
      ['1999-12-31', '日期不能早于2000年1月1日'],
      ['9999-12-31', '日期不能晚于今天'],
      [TOMORROW, '日期不能晚于今天'],
    ]) {
      const r = await patch(clerk, e, { formedOn });
      expect(r.status, formedOn).toBe(422);
      expect(r.body.errors).toEqual({ formedOn: message });
    }
    const kept = await clerk.get<CatalogueEntry>(`/catalogue/${e.id}`);
    expect(kept.body).toEqual(e);
  });

  it('publishedOn may be today; errors are worded per Accept-Language', async () => {
    const clerk = await as('clerk');
    expect((await create(clerk, { formedOn: TODAY, publishedOn: TODAY })).timely).toBe(true);
    const en = await clerk.post(
      '/catalogue',
      { ...input, publishedOn: '2024-03-01' },
      { 'Accept-Language': 'en-US' },
    );
    expect(en.status).toBe(422);
    expect(Object.keys(en.body.errors)).toEqual(['publishedOn']);
    expect(en.body.errors.publishedOn).not.toBe('发布日期不能早于生成日期');
  });
});

describe('catalogue: changes', () => {
  it('If-Match: 428 when missing, 409 with the current record when stale', async () => {
    const clerk = await as('clerk');
    const e = await create(clerk);
    expect((await clerk.patch(`/catalogue/${e.id}`, { title: '新' })).status).toBe(428);
    expect((await withdraw(clerk, e, undefined, null)).status).toBe(428);
    const ok = await patch(clerk, e, { title: '新名称' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await patch(clerk, e, { title: '另一个名称' });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toMatch(/\/version-conflict$/);
    expect(stale.body.current).toMatchObject({ id: e.id, version: 2, title: '新名称' });
    const staleDelete = await withdraw(clerk, e);
    expect(staleDelete.status).toBe(409);
    expect(staleDelete.body.current).toMatchObject({ version: 2, withdrawn: false });
  });

  it('PATCH merges the fields sent, keeps 索引号, bumps the version', async () => {
    const clerk = await as('clerk');
    const e = await create(clerk);
    const r = await patch(clerk, e, {
      title: '关于调整2024年城乡低保标准的通知',
      publishedOn: '2024-03-15',
      formedOn: '2024-03-04',
      indexNo: 'forged/2099-99999',
      version: 99,
      withdrawn: true,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({
      ...e,
      title: '关于调整2024年城乡低保标准的通知',
      publishedOn: '2024-03-15',
      formedOn: '2024-03-04',
      version: 2,
      updatedAt: expect.any(String),
      timely: true,
      lateWorkdays: 0,
    });
    expect(r.body.indexNo).toBe(e.indexNo);
    // The merged record is validated as a whole: a bad change is refused and nothing moves.
    const bad = await patch(clerk, r.body, { publishedOn: '2024-03-01' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors)).toEqual(['publishedOn']);
    const future = await patch(clerk, r.body, { publishedOn: '2026-12-01' });
    expect(future.status).toBe(422);
    expect((await clerk.get(`/catalogue/${e.id}`)).body).toEqual(r.body);
    // Optional fields can be cleared.
    const cleared = await patch(clerk, r.body, { docNo: null, summary: '', publishedOn: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({
      docNo: null,
      summary: null,
      publishedOn: null,
      timely: null,
      version: 3,
    });
  });

  it('DELETE withdraws with a reason: kept, hidden from lists unless asked, frozen', async () => {
    const clerk = await as('clerk');
    const e = await create(clerk);
    const noReason = await withdraw(clerk, e, {});
    expect(noReason.status).toBe(422);
    expect(Object.keys(noReason.body.errors)).toEqual(['reason']);
    expect((await withdraw(clerk, e, { reason: '   ' })).status).toBe(422);
    expect((await clerk.get(`/catalogue/${e.id}`)).body.withdrawn).toBe(false);

    const r = await withdraw(clerk, e, { reason: '内容有误，重新发布' });
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"2"');
    expect(r.body).toMatchObject({
      id: e.id,
      indexNo: e.indexNo,
      withdrawn: true,
      withdrawnReason: '内容有误，重新发布',
      version: 2,
    });
    expect((await clerk.get(`/catalogue/${e.id}`)).body).toMatchObject({ withdrawn: true });
    const ids = (p: Page) => p.items.map((x) => x.id);
    expect(ids(await list(clerk, 'year=2024'))).not.toContain(e.id);
    expect(ids(await list(clerk, 'year=2024&includeWithdrawn=true'))).toContain(e.id);
    expect((await clerk.get('/catalogue/facets?year=2024')).body.total).toBe(0);
    expect((await clerk.get('/catalogue/export?year=2024')).body.total).toBe(0);
    expect((await clerk.get('/catalogue/timeliness?year=2024')).body.months).toEqual([]);

    const again = await patch(clerk, r.body, { title: '改' });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/\/invalid-transition$/);
    // Even with a body that would not validate: the state is what is wrong.
    const invalid = await patch(clerk, r.body, { publishedOn: '2099-01-01', docNo: 'x' });
    expect(invalid.status).toBe(409);
    expect(invalid.body.type).toMatch(/\/invalid-transition$/);
    const twice = await withdraw(clerk, r.body);
    expect(twice.status).toBe(409);
    expect(twice.body.type).toMatch(/\/invalid-transition$/);
    expect((await clerk.get(`/catalogue/${e.id}`)).body).toEqual(r.body);
  });

  it('Idempotency-Key on create: one record, the first answer again', async () => {
    const clerk = await as('clerk');
    const before = (await everything(clerk)).length;
    const a = await clerk.post('/catalogue', input, { 'Idempotency-Key': 'cat-1' });
    const b = await clerk.post('/catalogue', input, { 'Idempotency-Key': 'cat-1' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    expect((await everything(clerk)).length).toBe(before + 1);
    const c = await clerk.post('/catalogue', input, { 'Idempotency-Key': 'cat-2' });
    expect(c.body.indexNo).toBe(`${ORG}/2024-00002`);
  });
});

describe('catalogue: 索引号', () => {
  it('<orgCode>/<year of formedOn>-<5 digits>, serials per year, never reused after a withdrawal', async () => {
    const clerk = await as('clerk');
    const a = await create(clerk);
    const b = await create(clerk, { formedOn: '2024-12-31', publishedOn: null });
    const c = await create(clerk, { formedOn: '2023-12-31', publishedOn: '2024-01-02' });
    expect([a.indexNo, b.indexNo, c.indexNo]).toEqual([
      `${ORG}/2024-00001`,
      `${ORG}/2024-00002`,
      `${ORG}/2023-00001`,
    ]);
    // The seeded year goes on from its highest serial.
    const seeded2017 = (await everything(clerk))
      .filter((e) => e.indexNo.startsWith(`${ORG}/2017-`))
      .map((e) => serial(e.indexNo));
    const d = await create(clerk, {
      formedOn: '2017-06-01',
      publishedOn: '2017-06-05',
      docNo: null,
    });
    expect(d.indexNo).toBe(`${ORG}/2017-${String(Math.max(...seeded2017) + 1).padStart(5, '0')}`);

    expect((await withdraw(clerk, b)).status).toBe(200);
    const e = await create(clerk);
    expect(e.indexNo).toBe(`${ORG}/2024-00003`);
    for (const x of [a, b, c, d, e]) expect(x.indexNo).toMatch(/^[0-9A-Z]{9,18}\/\d{4}-\d{5}$/);
  });

  it('30 concurrent creates never collide', async () => {
    const clerk = await as('clerk');
    const rs = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        clerk.post<CatalogueEntry>('/catalogue', { ...input, title: `并发登记第${i + 1}条` }),
      ),
    );
    expect(rs.map((r) => r.status)).toEqual(Array(30).fill(201));
    const nos = rs.map((r) => r.body.indexNo);
    expect(new Set(nos).size).toBe(30);
    expect(nos.map(serial).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    expect((await list(clerk, 'year=2024')).total).toBe(30);
  });

  it('a new org code applies to new numbers only', async () => {
    const clerk = await as('clerk');
    const admin = await as('admin');
    const old = await create(clerk);
    const org = (await admin.get('/settings/organisation')).body;
    expect(org.orgCode).toBe(ORG);
    expect(
      (await clerk.putCurrent('/settings/organisation', { ...org, orgCode: 'MA0ABCDE1' })).status,
    ).toBe(403);
    const put = await admin.putCurrent('/settings/organisation', { ...org, orgCode: 'MA0ABCDE1' });
    expect(put.status).toBe(200);
    const fresh = await create(clerk);
    expect(fresh.indexNo).toBe('MA0ABCDE1/2024-00002');
    expect((await clerk.get(`/catalogue/${old.id}`)).body.indexNo).toBe(`${ORG}/2024-00001`);
    const seeded = (await everything(clerk)).filter((e) => e.id !== fresh.id);
    expect(seeded.every((e) => e.indexNo.startsWith(`${ORG}/`))).toBe(true);
  });
});

describe('catalogue: timeliness (条例第二十六条, 20 working days)', () => {
  it('across National Day 2024, counting the make-up days: limit day on time, next working day late by 1', async () => {
    const cal = createCalendar();
    const formedOn = '2024-09-27';
    const limit = cal.addWorkdays(formedOn, 20);
    // 9/29 (Sun) and 10/12 (Sat) are make-up days; 10/1–7 is the holiday.
    expect(limit.makeUpDays.map((d) => d.date)).toEqual(['2024-09-29', '2024-10-12']);
    expect(limit.skipped.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual([
      '2024-10-01',
      '2024-10-02',
      '2024-10-03',
      '2024-10-04',
      '2024-10-05',
      '2024-10-06',
      '2024-10-07',
    ]);
    expect(limit.date).toBe('2024-10-30');
    const nextWorkday = cal.addWorkdays(limit.date, 1).date;
    expect(nextWorkday).toBe('2024-10-31');

    const clerk = await as('clerk');
    const onTime = await create(clerk, { formedOn, publishedOn: limit.date });
    expect(onTime).toMatchObject({ timely: true, lateWorkdays: 0 });
    const late = await create(clerk, { formedOn, publishedOn: nextWorkday });
    expect(late).toMatchObject({ timely: false, lateWorkdays: 1 });
    // A week later: 10/31, 11/1 and 11/4–11/7 → 6 working days late.
    const later = await create(clerk, { formedOn, publishedOn: '2024-11-07' });
    expect(later).toMatchObject({ timely: false, lateWorkdays: 6 });
    const unpublished = await create(clerk, { formedOn, publishedOn: null });
    expect(unpublished).toMatchObject({ timely: null, lateWorkdays: 0 });

    const ids = (p: Page) => p.items.map((x) => x.id).sort();
    expect(ids(await list(clerk, 'year=2024&timely=false'))).toEqual([late.id, later.id].sort());
    expect(ids(await list(clerk, 'year=2024&timely=true'))).toEqual([onTime.id]);
    // The same rule on a change: moving publication back one day makes it timely.
    const fixed = await patch(clerk, late, { publishedOn: limit.date });
    expect(fixed.body).toMatchObject({ timely: true, lateWorkdays: 0 });
  });

  it('formed 2005, published 2020: the same lateWorkdays as counting day by day', async () => {
    const cal = createCalendar();
    const limit = cal.addWorkdays('2005-03-01', 20).date;
    // The count before F3: a walk over every day after the limit up to publication.
    let walked = 0;
    for (let d = addDays(limit, 1); d <= '2020-06-15'; d = addDays(d, 1))
      if (cal.isWorkday(d)) walked++;
    expect(walked).toBe(3801);
    const clerk = await as('clerk');
    const e = await create(clerk, { formedOn: '2005-03-01', publishedOn: '2020-06-15' });
    expect(e).toMatchObject({ indexNo: `${ORG}/2005-00001`, timely: false, lateWorkdays: walked });
    expect((await clerk.get<CatalogueEntry>(`/catalogue/${e.id}`)).body.lateWorkdays).toBe(3801);
  });

  it('/catalogue/timeliness: per category × month counts and the late list', async () => {
    const clerk = await as('clerk');
    const cal = createCalendar();
    const mk = (category: string, formedOn: string, extra: number) =>
      create(clerk, {
        category,
        formedOn,
        publishedOn: cal.addWorkdays(formedOn, extra).date,
        docNo: null,
      });
    await mk('policy', '2024-03-01', 5); // March, timely
    await mk('policy', '2024-03-01', 20); // March 29, timely (limit day)
    const p3 = await mk('policy', '2024-02-01', 22); // March, late
    await mk('budget', '2024-05-06', 1); // May, timely
    const b6 = await mk('budget', '2024-05-06', 30); // June, late by 10
    const w = await mk('budget', '2024-05-07', 25); // June, late, then withdrawn
    await withdraw(clerk, w);
    await create(clerk, { formedOn: '2024-12-20', publishedOn: null }); // unpublished: not counted
    await mk('news', '2023-12-01', 30); // published in 2024-01, late
    expect(p3).toMatchObject({ publishedOn: expect.stringMatching(/^2024-03-/), timely: false });

    const r = await clerk.get<TimelinessReport>('/catalogue/timeliness?year=2024');
    expect(r.status).toBe(200);
    expect(r.body.year).toBe(2024);
    expect(r.body.months).toEqual([
      { category: 'budget', month: 5, published: 1, timely: 1 },
      { category: 'budget', month: 6, published: 1, timely: 0 },
      { category: 'news', month: 1, published: 1, timely: 0 },
      { category: 'policy', month: 3, published: 3, timely: 2 },
    ]);
    expect(r.body.late.map((e) => [e.category, e.lateWorkdays])).toEqual([
      ['budget', 10],
      ['news', 10],
      ['policy', 2],
    ]);
    expect(r.body.late[0]!.id).toBe(b6.id);
    expect((await clerk.get('/catalogue/timeliness')).status).toBe(400);
    expect((await clerk.get('/catalogue/timeliness?year=abc')).status).toBe(400);
  });
});

describe('catalogue: lists, facets and export', () => {
  async function fixture(c: Client) {
    const rows = [
      { category: 'policy', docType: 'normative', attribute: 'proactive' },
      {
        category: 'policy',
        docType: 'normative',
        attribute: 'on_request',
        publishedOn: null,
        channels: [],
      },
      { category: 'policy', docType: 'other', attribute: 'proactive', docNo: null },
      { category: 'budget', docType: 'normative', attribute: 'proactive' },
      { category: 'budget', docType: 'other', attribute: 'proactive', docNo: null },
      { category: 'statistics', docType: 'normative', attribute: 'proactive', channels: ['weibo'] },
      {
        category: 'statistics',
        docType: 'normative',
        attribute: 'exempt',
        publishedOn: null,
        exemptReason: '涉及个人隐私',
        channels: [],
      },
    ];
    const out: CatalogueEntry[] = [];
    for (const r of rows) out.push(await create(c, r));
    return out;
  }

  it('facets count per category under the other filters (category itself not applied)', async () => {
    const clerk = await as('clerk');
    await fixture(clerk);
    const all = (await clerk.get('/catalogue/export?includeWithdrawn=false')).body
      .items as CatalogueEntry[];
    const count = (rows: CatalogueEntry[]) => {
      const out: Record<string, number> = {};
      for (const e of rows) out[e.category] = (out[e.category] ?? 0) + 1;
      return out;
    };
    const f0 = (await clerk.get('/catalogue/facets')).body;
    expect(f0).toEqual({ total: all.length, categories: count(all) });

    const f1 = (await clerk.get('/catalogue/facets?docType=normative&year=2024&category=policy'))
      .body;
    expect(f1).toEqual({ total: 3, categories: { policy: 1, budget: 1, statistics: 1 } });
    const f2 = (await clerk.get('/catalogue/facets?attribute=proactive&year=2024&channel=website'))
      .body;
    expect(f2).toEqual({ total: 4, categories: { policy: 2, budget: 2 } });
    // formedOn 2024 but unpublished: `year` is the year of publication.
    const f3 = (await clerk.get('/catalogue/facets?docType=normative&attribute=exempt')).body;
    expect(f3.categories.statistics).toBe(1);
    const f4 = (await clerk.get('/catalogue/facets?year=2024&q=低保标准')).body;
    expect(f4.total).toBe(5);
    // The list agrees with the facet of the category chosen.
    const l1 = await list(clerk, 'docType=normative&year=2024&category=policy');
    expect(l1.total).toBe(f1.categories.policy);
  });

  it('list filters, sort and paging', async () => {
    const clerk = await as('clerk');
    const made = await fixture(clerk);
    expect((await list(clerk, 'year=2024')).total).toBe(5);
    expect((await list(clerk, 'year=2024&validity=valid')).total).toBe(5);
    expect((await list(clerk, 'validity=repealed')).total).toBe(0);
    expect((await list(clerk, 'attribute=exempt')).items.map((e) => e.id)).toEqual([made[6]!.id]);
    expect((await list(clerk, 'channel=weibo')).items.map((e) => e.id)).toEqual([made[5]!.id]);
    expect((await list(clerk, `q=${encodeURIComponent(made[3]!.indexNo)}`)).total).toBe(1);
    const p = await clerk.get<Page & { page: number; pageSize: number }>(
      '/catalogue?year=2024&sort=indexNo&pageSize=2&page=2',
    );
    expect(p.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(p.body.items.map((e) => e.indexNo)).toEqual([made[3]!.indexNo, made[4]!.indexNo]);
    expect((await clerk.get('/catalogue?category=nonsense')).status).toBe(400);
    expect((await clerk.get('/catalogue?pageSize=101')).status).toBe(400);
  });

  it('export returns every filtered row, past the page cap', async () => {
    const clerk = await as('clerk');
    const all = await clerk.get<Page>('/catalogue/export');
    const listed = await list(clerk);
    expect(all.body.total).toBe(listed.total);
    expect(all.body.items).toHaveLength(all.body.total);
    expect(all.body.total).toBeGreaterThan(100);
    const y2017 = await clerk.get<Page>('/catalogue/export?year=2017');
    expect(y2017.body.items).toHaveLength((await list(clerk, 'year=2017')).total);
    expect(y2017.body.items.every((e) => e.publishedOn!.startsWith('2017'))).toBe(true);
    const powers = await clerk.get<Page>('/catalogue/export?year=2017&category=powers_list');
    expect(powers.body.total).toBe(100);
    expect(powers.body.items).toHaveLength(100);
  });
});

describe('catalogue: import', () => {
  const rows = (n: number): Record<string, unknown>[] =>
    Array.from({ length: n }, (_, i) => ({
      ...input,
      title: `批量导入第${i + 1}条`,
      formedOn: `2024-${String((i % 12) + 1).padStart(2, '0')}-01`,
      publishedOn: null,
    }));

  it('all or nothing: one bad row among 50 → 422 with rows.N.field, nothing created', async () => {
    const clerk = await as('clerk');
    const before = await everything(clerk);
    const bad = rows(50);
    bad[17] = { ...bad[17]!, docNo: '长民发2024-12' };
    bad[33] = { ...bad[33]!, publishedOn: '2023-01-01' };
    const r = await clerk.post('/catalogue/import', { rows: bad }, { 'Accept-Language': 'zh-CN' });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual({
      'rows.17.docNo': '文号格式应为 机关代字〔年份〕序号，如 长民发〔2024〕12号',
      'rows.33.publishedOn': '发布日期不能早于生成日期',
    });
    expect(await everything(clerk)).toEqual(before);
    expect((await create(clerk)).indexNo).toBe(`${ORG}/2024-00001`);
  });

  it('a future publication date in a row is refused like on create', async () => {
    const clerk = await as('clerk');
    const before = (await everything(clerk)).length;
    const rs = rows(3);
    rs[2] = { ...rs[2]!, publishedOn: '2026-11-27' };
    const r = await clerk.post('/catalogue/import', { rows: rs }, { 'Accept-Language': 'zh-CN' });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual({ 'rows.2.publishedOn': '日期不能晚于今天' });
    expect((await everything(clerk)).length).toBe(before);
  });

  it('rows get the same date bounds: before 2000 or after today → 422 per row, nothing created', async () => {
    const clerk = await as('clerk');
    const before = await everything(clerk);
    const rs = rows(6);
    rs[0] = { ...rs[0]!, formedOn: '0000-01-01' };
    rs[1] = { ...rs[1]!, formedOn: '9999-12-31' };
    rs[3] = { ...rs[3]!, formedOn: '1999-12-31' };
    rs[4] = { ...rs[4]!, formedOn: TOMORROW };
    rs[5] = { ...rs[5]!, formedOn: TODAY, validity: 'repealed', repealedOn: TOMORROW };
    const r = await clerk.post('/catalogue/import', { rows: rs }, { 'Accept-Language': 'zh-CN' });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual({
      'rows.0.formedOn': '日期不能早于2000年1月1日',
      'rows.1.formedOn': '日期不能晚于今天',
      'rows.3.formedOn': '日期不能早于2000年1月1日',
      'rows.4.formedOn': '日期不能晚于今天',
      'rows.5.repealedOn': '日期不能晚于今天',
    });
    expect(await everything(clerk)).toEqual(before);
    expect((await create(clerk)).indexNo).toBe(`${ORG}/2024-00001`);
  });

  it('all good → 201 with the index numbers, and an import entry in the audit', async () => {
    const clerk = await as('clerk');
    const before = (await everything(clerk)).length;
    const r = await clerk.post('/catalogue/import', { rows: rows(50) });
    expect(r.status).toBe(201);
    expect(r.body.created).toBe(50);
    expect(r.body.indexNos).toEqual(
      Array.from({ length: 50 }, (_, i) => `${ORG}/2024-${String(i + 1).padStart(5, '0')}`),
    );
    expect((await everything(clerk)).length).toBe(before + 50);
    const trail = await clerk.get('/audit?entity=catalogue&id=import');
    expect(trail.body).toEqual([
      expect.objectContaining({
        action: 'import',
        actor: expect.objectContaining({ role: 'clerk' }),
        detail: expect.stringContaining('50'),
      }),
    ]);
    const one = (await list(clerk, `q=${encodeURIComponent('批量导入第7条')}`)).items[0]!;
    const own = await clerk.get(`/audit?entity=catalogue&id=${one.id}`);
    expect(own.body.map((a: { action: string }) => a.action)).toEqual(['create']);
  });

  it('honours Idempotency-Key; an empty or malformed body is 422/400', async () => {
    const clerk = await as('clerk');
    const before = (await everything(clerk)).length;
    const a = await clerk.post(
      '/catalogue/import',
      { rows: rows(3) },
      { 'Idempotency-Key': 'imp-1' },
    );
    const b = await clerk.post(
      '/catalogue/import',
      { rows: rows(3) },
      { 'Idempotency-Key': 'imp-1' },
    );
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    expect((await everything(clerk)).length).toBe(before + 3);
    expect((await clerk.post('/catalogue/import', { rows: [] })).status).toBe(422);
    expect((await clerk.post('/catalogue/import', {})).status).toBe(422);
    expect(
      (await call('POST', '/catalogue/import', { token: clerk.token, raw: '{x' })).status,
    ).toBe(400);
  });
});

describe('catalogue: audit and seed', () => {
  it('the audit trail of an entry records create, update and withdraw with before/after', async () => {
    const clerk = await as('clerk');
    const e = await create(clerk);
    const u = (await patch(clerk, e, { title: '新名称', keywords: ['低保'] })).body;
    await withdraw(clerk, u, { reason: '重复登记' });
    const trail = await (await as('leader')).get(`/audit?entity=catalogue&id=${e.id}`);
    expect(trail.status).toBe(200);
    expect(trail.body.map((a: { action: string }) => a.action)).toEqual([
      'create',
      'update',
      'withdraw',
    ]);
    expect(trail.body[0]).toMatchObject({
      actor: { name: '李静', role: 'clerk' },
      detail: expect.stringContaining(e.indexNo),
    });
    expect(trail.body[1]).toMatchObject({
      before: { title: input.title, keywords: input.keywords },
      after: { title: '新名称', keywords: ['低保'] },
    });
    expect(Object.keys(trail.body[1].after).sort()).toEqual(['keywords', 'title']);
    expect(trail.body[2]).toMatchObject({
      before: { withdrawn: false, withdrawnReason: null },
      after: { withdrawn: true, withdrawnReason: '重复登记' },
      detail: expect.stringContaining('重复登记'),
    });
  });

  it('2017 as reported: exactly 100 powers_list entries published, no licensing or penalty', async () => {
    const leader = await as('leader');
    expect((await list(leader, 'year=2017&category=powers_list')).total).toBe(100);
    expect((await list(leader, 'year=2017&category=licensing')).total).toBe(0);
    expect((await list(leader, 'year=2017&category=penalty')).total).toBe(0);
    const facets = (await leader.get('/catalogue/facets?year=2017')).body;
    expect(facets.categories.powers_list).toBe(100);
    expect(facets.categories.licensing).toBeUndefined();
    expect(facets.categories.penalty).toBeUndefined();
    const report = (await leader.get<TimelinessReport>('/catalogue/timeliness?year=2017')).body;
    const powers = report.months.filter((m) => m.category === 'powers_list');
    expect(powers.reduce((s, m) => s + m.published, 0)).toBe(100);
    // Every seeded powers-list entry was published on time.
    expect(powers.reduce((s, m) => s + m.timely, 0)).toBe(100);
  });
});
