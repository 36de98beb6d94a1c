// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { setToday } from '@mocks/clock';
import { db } from '@mocks/db';
import type { AssistanceFigure } from '@/features/assistance/types';
import { as, call } from '../api';
import { seedOn } from '../seed-day';

// The seed is built for "today": pin it, so the months and their states are known.
seedOn('2026-11-26');

const dibao = { households: 1000, persons: 1800, standard: 780, expenditure: 812345.67 };
const put = (
  c: Awaited<ReturnType<typeof as>>,
  path: string,
  values: unknown,
  version?: number,
  lang = 'zh-CN',
) =>
  c.put<any>(
    `/assistance/${path}`,
    { values },
    {
      'Accept-Language': lang,
      ...(version === undefined ? {} : { 'If-Match': `"${version}"` }),
    },
  );

describe('seeded figures (示例数据)', () => {
  it('every month from 2017-01 for every unit in force: 13 before December 2018, 12 after', async () => {
    const c = await as('leader');
    const count = async (period: string) =>
      new Set(
        (await c.get<AssistanceFigure[]>(`/assistance?period=${period}`)).body.map(
          (f) => f.regionCode,
        ),
      ).size;
    expect(await count('2017-01')).toBe(13);
    expect(await count('2018-11')).toBe(13);
    expect(await count('2018-12')).toBe(12);
    expect(await count('2026-11')).toBe(12);
    expect(await count('2026-12')).toBe(0);
    expect(await count('2016-12')).toBe(0);
  });

  it('past months are published, the current month is a draft; all flagged illustrative', async () => {
    const all = db.assistance.all();
    expect(all.every((f) => f.illustrative)).toBe(true);
    expect(all.filter((f) => f.status === 'draft').every((f) => f.period === '2026-11')).toBe(true);
    expect(all.filter((f) => f.period === '2026-11').every((f) => f.status === 'draft')).toBe(true);
    expect(all.filter((f) => f.period === '2026-10').every((f) => f.status === 'published')).toBe(
      true,
    );
  });

  it('is internally consistent and of a realistic magnitude', async () => {
    const all = db.assistance.all();
    for (const f of all) {
      for (const v of Object.values(f.values)) expect(v).toBeGreaterThanOrEqual(0);
      if (f.program.endsWith('dibao'))
        expect(f.values.persons!).toBeGreaterThanOrEqual(f.values.households!);
      if (f.program === 'tekun')
        expect(f.values.concentrated! + f.values.dispersed!).toBe(f.values.persons);
    }
    const city = (period: string, program: string) =>
      all
        .filter((f) => f.period === period && f.program === program)
        .reduce((s, f) => s + f.values.persons!, 0);
    for (const period of ['2017-01', '2020-06', '2026-10']) {
      expect(city(period, 'urban_dibao')).toBeGreaterThan(10_000);
      expect(city(period, 'urban_dibao')).toBeLessThan(30_000);
      expect(city(period, 'rural_dibao')).toBeGreaterThan(50_000);
      expect(city(period, 'rural_dibao')).toBeLessThan(100_000);
    }
  });
});

describe('roles', () => {
  it('leader reads but may not write (403); a handler may neither read nor write (403)', async () => {
    const leader = await as('leader');
    expect((await leader.get('/assistance?period=2026-10')).status).toBe(200);
    expect((await put(leader, '2026-11/140403/urban_dibao', dibao, 1)).status).toBe(403);
    expect((await leader.post('/assistance/2026-11/publish', { figures: [] })).status).toBe(403);
    expect((await leader.post('/assistance/2026-11/copy-from-previous')).status).toBe(403);
    const handler = await as('handler');
    expect((await handler.get('/assistance?period=2026-10')).status).toBe(403);
    expect((await handler.get('/assistance/summary?year=2026')).status).toBe(403);
    expect((await put(handler, '2026-11/140403/urban_dibao', dibao, 1)).status).toBe(403);
    expect((await call('GET', '/assistance')).status).toBe(401);
  });
});

describe('PUT /assistance/{period}/{region}/{program}', () => {
  it('creates a draft without If-Match; changes need If-Match (428), stale → 409 with the figure', async () => {
    const clerk = await as('clerk');
    db.assistance.delete('2026-11:140403:urban_dibao');
    const created = await put(clerk, '2026-11/140403/urban_dibao', dibao);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      id: '2026-11:140403:urban_dibao',
      status: 'draft',
      illustrative: false,
      version: 1,
      values: dibao,
    });
    const changed = { ...dibao, persons: 1900 };
    expect((await put(clerk, '2026-11/140403/urban_dibao', changed)).status).toBe(428);
    const ok = await put(clerk, '2026-11/140403/urban_dibao', changed, 1);
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await put(clerk, '2026-11/140403/urban_dibao', dibao, 1);
    expect(stale.status).toBe(409);
    expect(stale.body.type).toMatch(/\/version-conflict$/);
    expect(stale.body.current).toMatchObject({ version: 2, values: { persons: 1900 } });
    // The same values again change nothing (no new version).
    expect((await put(clerk, '2026-11/140403/urban_dibao', changed, 2)).body.version).toBe(2);
  });

  it('422 with a message per field, worded per Accept-Language, and nothing written', async () => {
    const clerk = await as('clerk');
    const before = structuredClone(db.assistance.get('2026-11:140403:urban_dibao'));
    const auditBefore = db.audit.size;
    const bad = await put(
      clerk,
      '2026-11/140403/urban_dibao',
      { households: -1, persons: 1.5, standard: 780.123, expenditure: 'x' },
      1,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual({
      'values.households': '不能为负数',
      'values.persons': '应为整数',
      'values.standard': '金额最多保留两位小数',
      'values.expenditure': expect.any(String),
    });
    const cross = await put(
      clerk,
      '2026-11/140403/urban_dibao',
      { ...dibao, persons: 999 },
      1,
      'en-US',
    );
    expect(cross.body.errors).toEqual({
      'values.persons': 'Persons cannot be fewer than households',
    });
    const tekun = await put(
      clerk,
      '2026-11/140403/tekun',
      { persons: 10, concentrated: 3, dispersed: 6, expenditure: 1 },
      1,
    );
    expect(tekun.body.errors).toEqual({
      'values.persons': '集中供养与分散供养人数之和应等于总人数',
    });
    const missing = await put(clerk, '2026-11/140403/medical', { personTimes: 5 }, 1);
    expect(missing.body.errors).toHaveProperty('values.expenditure');
    const extra = await put(
      clerk,
      '2026-11/140403/medical',
      { personTimes: 5, expenditure: 1, persons: 3 },
      1,
    );
    expect(extra.status).toBe(422);
    expect(db.assistance.get('2026-11:140403:urban_dibao')).toEqual(before);
    expect(db.audit.size).toBe(auditBefore);
  });

  it('the month must be well-formed and not in the future; the unit must exist that month', async () => {
    const clerk = await as('clerk');
    const err = async (path: string) => (await put(clerk, path, dibao)).body.errors;
    expect(await err('2026-13/140403/urban_dibao')).toEqual({ period: '月份格式应为 YYYY-MM' });
    expect(await err('2026-12/140403/urban_dibao')).toEqual({ period: '不能录入未来月份的数据' });
    expect(await err('2018-06/140403/urban_dibao')).toEqual({
      regionCode: '该县（市、区）在 2018-06 不是有效的行政区划',
    });
    expect(await err('2019-01/140402/urban_dibao')).toHaveProperty('regionCode');
    expect(await err('2018-11/140403/urban_dibao')).toHaveProperty('regionCode');
    expect(await err('2026-10/140403/pension')).toHaveProperty('program');
    expect((await put(clerk, '2018-11/140402/urban_dibao', dibao, 2)).status).toBe(200);
    expect((await put(clerk, '2018-12/140403/urban_dibao', dibao, 2)).status).toBe(200);
  });

  it('changing a published figure makes it a draft again, and every change is audited', async () => {
    const clerk = await as('clerk');
    const id = '2026-10:140403:urban_dibao';
    const r = await put(clerk, '2026-10/140403/urban_dibao', dibao, 2);
    expect(r.body).toMatchObject({ status: 'draft', version: 3, illustrative: false });
    const trail = await clerk.get<any[]>(`/audit?entity=assistance&id=${encodeURIComponent(id)}`);
    expect(trail.body.map((e) => e.action)).toEqual(['create', 'publish', 'update']);
    expect(trail.body[2]).toMatchObject({
      actor: { name: '李静', role: 'clerk' },
      before: { status: 'published' },
      after: { status: 'draft', values: dibao },
    });
    expect(trail.body[2].detail).toContain('需重新公开');
    expect((await (await as('handler')).get(`/audit?entity=assistance&id=${id}`)).status).toBe(404);
  });
});

describe('publishing', () => {
  it("publishes a month's drafts at the versions seen; all or nothing", async () => {
    const clerk = await as('clerk');
    const drafts = (await clerk.get<AssistanceFigure[]>('/assistance?period=2026-11&status=draft'))
      .body;
    expect(drafts).toHaveLength(60);
    const list = drafts.map((f) => ({ id: f.id, version: f.version }));
    const stale = await clerk.post('/assistance/2026-11/publish', {
      figures: [...list.slice(1), { ...list[0]!, version: 9 }],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toHaveLength(1);
    const foreign = await clerk.post('/assistance/2026-11/publish', {
      figures: [{ id: '2026-10:140403:urban_dibao', version: 2 }],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toHaveProperty('figures.0.id');
    expect((await clerk.post('/assistance/2026-11/publish', { figures: [] })).status).toBe(422);
    expect(
      db.assistance.all().filter((f) => f.period === '2026-11' && f.status === 'published'),
    ).toHaveLength(0);

    const ok = await clerk.post('/assistance/2026-11/publish', { figures: list });
    expect(ok.status).toBe(200);
    expect(ok.body.published).toBe(60);
    expect(
      ok.body.items.every((f: AssistanceFigure) => f.status === 'published' && f.publishedAt),
    ).toBe(true);
    const again = await clerk.post('/assistance/2026-11/publish', {
      figures: ok.body.items
        .slice(0, 1)
        .map((f: AssistanceFigure) => ({ id: f.id, version: f.version })),
    });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/\/invalid-transition$/);
  });

  it('one figure: POST …/{program}/publish with If-Match', async () => {
    const clerk = await as('clerk');
    const path = '/assistance/2026-11/140404/tekun/publish';
    expect((await clerk.post(path)).status).toBe(428);
    expect((await clerk.post(path, {}, { 'If-Match': '"7"' })).status).toBe(409);
    const ok = await clerk.post(path, {}, { 'If-Match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'published', version: 2 });
    expect(ok.headers.get('etag')).toBe('"2"');
  });
});

describe('copy last month', () => {
  it("creates drafts for the figures a month lacks from the previous month's values", async () => {
    setToday('2026-12-02');
    const clerk = await as('clerk');
    const first = await clerk.post(
      '/assistance/2026-12/copy-from-previous',
      {},
      { 'Idempotency-Key': 'k1' },
    );
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(60);
    const copied = first.body.items.find(
      (f: AssistanceFigure) => f.id === '2026-12:140403:rural_dibao',
    );
    expect(copied).toMatchObject({
      status: 'draft',
      illustrative: true,
      values: db.assistance.get('2026-11:140403:rural_dibao')!.values,
    });
    const replay = await clerk.post(
      '/assistance/2026-12/copy-from-previous',
      {},
      { 'Idempotency-Key': 'k1' },
    );
    expect(replay.headers.get('idempotent-replay')).toBe('true');
    const again = await clerk.post('/assistance/2026-12/copy-from-previous');
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(0);
    expect((await clerk.post('/assistance/2027-01/copy-from-previous')).status).toBe(422);
    const trail = await clerk.get<any[]>('/audit?entity=assistance&id=2026-12:140403:rural_dibao');
    expect(trail.body.map((e) => e.action)).toEqual(['copy']);
  });

  it('a district created in 2018 starts from the sum of the units it replaced', async () => {
    const clerk = await as('clerk');
    for (const p of ['urban_dibao', 'rural_dibao', 'tekun', 'medical', 'temporary'])
      db.assistance.delete(`2018-12:140403:${p}`);
    const r = await clerk.post('/assistance/2018-12/copy-from-previous');
    expect(r.body.created).toBe(5);
    const a = db.assistance.get('2018-11:140402:medical')!.values;
    const b = db.assistance.get('2018-11:140411:medical')!.values;
    expect(db.assistance.get('2018-12:140403:medical')!.values).toEqual({
      personTimes: a.personTimes! + b.personTimes!,
      expenditure: Math.round((a.expenditure! + b.expenditure!) * 100) / 100,
    });
  });
});

describe('GET /assistance/summary', () => {
  it('by month, region and program, published figures only, with the year before', async () => {
    const c = await as('leader');
    const month = (await c.get('/assistance/summary?year=2026&groupBy=month')).body;
    expect(month).toMatchObject({
      year: 2026,
      groupBy: 'month',
      through: '2026-10',
      illustrative: true,
    });
    expect(month.rows).toHaveLength(10 * 5);
    expect(month.rows[0].previous.recipients).toBeGreaterThan(0);
    const region = (await c.get('/assistance/summary?year=2026&groupBy=region')).body;
    expect(new Set(region.rows.map((r: any) => r.key)).size).toBe(12);
    const program = (await c.get('/assistance/summary?year=2026&groupBy=program')).body;
    expect(program.rows.map((r: any) => r.key)).toEqual([
      'urban_dibao',
      'rural_dibao',
      'tekun',
      'medical',
      'temporary',
    ]);
    const spent = month.rows.reduce((s: number, r: any) => s + r.expenditure, 0);
    const total = program.rows.reduce((s: number, r: any) => s + r.expenditure, 0);
    expect(total).toBeCloseTo(spent, 1);
    expect((await c.get('/assistance/summary')).status).toBe(400);
    expect((await c.get('/assistance/summary?year=2026&groupBy=week')).status).toBe(400);
  });

  it('publishing a month moves the summary on', async () => {
    const clerk = await as('clerk');
    const drafts = (await clerk.get<AssistanceFigure[]>('/assistance?period=2026-11&status=draft'))
      .body;
    await clerk.post('/assistance/2026-11/publish', {
      figures: drafts.map((f) => ({ id: f.id, version: f.version })),
    });
    const s = (await clerk.get('/assistance/summary?year=2026&groupBy=month')).body;
    expect(s.through).toBe('2026-11');
  });
});
