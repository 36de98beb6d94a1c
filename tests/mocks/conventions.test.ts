// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { setToday } from '@mocks/clock';
import { as, call } from '../api';
import { seedOn } from '../seed-day';

// The records below carry fixed dates of autumn 2026: run on a day after them.
seedOn('2026-11-26');

const letterInput = {
  source: 'website',
  category: 'consultation',
  subject: '低保申请材料',
  content: '请问需要哪些材料？',
  citizenName: '张三',
  citizenPhone: '13812345678',
  receivedOn: '2026-11-20',
};

describe('REST conventions', () => {
  it('401 without a token, and a problem+json body', async () => {
    const r = await call('GET', '/letters');
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({
      status: 401,
      title: expect.any(String),
      type: expect.stringContaining('/unauthorized'),
    });
  });

  it('rejects wrong passwords with 401 and a message', async () => {
    const r = await call('POST', '/auth/login', { body: { username: 'clerk', password: 'nope' } });
    expect(r.status).toBe(401);
  });

  it('login answers token and user; /auth/me returns the user; logout ends the session', async () => {
    const c = await as('handler');
    const me = await c.get('/auth/me');
    expect(me.body).toEqual({
      id: 'u-handler',
      username: 'handler',
      name: '王强',
      role: 'handler',
      sectionId: 'social_assistance',
      phone: null,
      active: true,
      mustChangePassword: false,
      version: 1,
    });
    expect((await c.post('/auth/logout')).status).toBe(204);
    expect((await c.get('/auth/me')).status).toBe(401);
  });

  it('400 for malformed JSON and malformed queries', async () => {
    const c = await as('clerk');
    expect((await call('POST', '/letters', { token: c.token, raw: '{oops' })).status).toBe(400);
    expect((await c.get('/letters?pageSize=1000')).status).toBe(400);
    expect((await c.get('/letters?sort=nonsense')).status).toBe(400);
  });

  it('422 with field errors, worded per Accept-Language, and nothing written', async () => {
    const c = await as('clerk');
    const before = (await c.get('/letters?pageSize=1')).body.total;
    const r = await c.post(
      '/letters',
      { ...letterInput, subject: '', citizenPhone: '12345' },
      { 'Accept-Language': 'en-US' },
    );
    expect(r.status).toBe(422);
    expect(r.body.errors).toMatchObject({
      subject: 'Required',
      citizenPhone: expect.stringContaining('mobile'),
    });
    const zh = await c.post(
      '/letters',
      { ...letterInput, receivedOn: '2099-01-01' },
      { 'Accept-Language': 'zh-CN' },
    );
    expect(zh.status).toBe(422);
    expect(zh.body.errors.receivedOn).toBe('日期不能晚于今天');
    expect((await c.get('/letters?pageSize=1')).body.total).toBe(before);
  });

  it('403 for a leader writing, 404 for a handler outside their section', async () => {
    const leader = await as('leader');
    expect((await leader.post('/letters', letterInput)).status).toBe(403);
    const clerk = await as('clerk');
    const created = await clerk.post('/letters', letterInput);
    await clerk.post(
      `/letters/${created.body.id}/assign`,
      { sectionId: 'elderly' },
      { 'If-Match': '"1"' },
    );
    const handler = await as('handler');
    expect((await handler.get(`/letters/${created.body.id}`)).status).toBe(404);
    expect((await (await as('leader')).get(`/letters/${created.body.id}`)).status).toBe(200);
  });

  it('ETag and If-Match: 428 when missing, 409 with the current record when stale', async () => {
    const c = await as('clerk');
    const created = await c.post('/letters', letterInput);
    expect(created.status).toBe(201);
    const id = created.body.id;
    const got = await c.get(`/letters/${id}`);
    expect(got.headers.get('etag')).toBe('"1"');
    expect((await c.post(`/letters/${id}/assign`, { sectionId: 'social_assistance' })).status).toBe(
      428,
    );
    const ok = await c.post(
      `/letters/${id}/assign`,
      { sectionId: 'social_assistance' },
      { 'If-Match': '"1"' },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await c.post(
      `/letters/${id}/assign`,
      { sectionId: 'elderly' },
      { 'If-Match': '"1"' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.type).toMatch(/\/version-conflict$/);
    expect(stale.body.current).toMatchObject({ id, version: 2, sectionId: 'social_assistance' });
  });

  it('409 invalid-transition for an action the state does not allow', async () => {
    const c = await as('clerk');
    const { body } = await c.post('/letters', letterInput);
    // a well-formed 办结 (with its 回访) of a letter not yet answered
    const close = {
      followUpMethod: 'phone',
      followUpOn: body.receivedOn,
      followUpBy: '李静',
      reached: false,
    };
    const r = await c.post(`/letters/${body.id}/close`, close, { 'If-Match': '"1"' });
    expect(r.status).toBe(409);
    expect(r.body.type).toMatch(/\/invalid-transition$/);
  });

  it('Idempotency-Key: the same key returns the first response and creates one record', async () => {
    const c = await as('clerk');
    const before = (await c.get('/letters?pageSize=1')).body.total;
    const a = await c.post('/letters', letterInput, { 'Idempotency-Key': 'k-1' });
    const b = await c.post('/letters', letterInput, { 'Idempotency-Key': 'k-1' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect((await c.get('/letters?pageSize=1')).body.total).toBe(before + 1);
  });

  it('lists page, sort and search', async () => {
    const c = await as('clerk');
    const p1 = await c.get('/letters?year=2017&pageSize=10&sort=receivedOn');
    expect(p1.body).toMatchObject({ total: 17, page: 1, pageSize: 10 });
    expect(p1.body.items).toHaveLength(10);
    const dates = p1.body.items.map((l: { receivedOn: string }) => l.receivedOn);
    expect([...dates].sort()).toEqual(dates);
    const p2 = await c.get('/letters?year=2017&pageSize=10&page=2');
    expect(p2.body.items).toHaveLength(7);
    const q = await c.get(`/letters?q=${encodeURIComponent(p1.body.items[0].serialNo)}`);
    expect(q.body.total).toBe(1);
  });

  it('audit trail records every change with actor and before/after', async () => {
    const c = await as('clerk');
    const { body } = await c.post('/letters', letterInput);
    await c.post(
      `/letters/${body.id}/assign`,
      { sectionId: 'social_assistance', note: '请办理' },
      { 'If-Match': '"1"' },
    );
    const trail = await c.get(`/audit?entity=letter&id=${body.id}`);
    expect(trail.body.map((e: { action: string }) => e.action)).toEqual(['create', 'assign']);
    expect(trail.body[1]).toMatchObject({
      actor: { name: '李静', role: 'clerk' },
      before: { sectionId: null },
      after: { sectionId: 'social_assistance' },
    });
  });

  it('sections and regions by date (the 2018 reorganisation)', async () => {
    const c = await as('leader');
    expect((await c.get('/sections')).body).toHaveLength(8);
    const before = await c.get('/regions?on=2018-11-22');
    const after = await c.get('/regions?on=2018-11-23');
    expect(before.body).toHaveLength(13);
    expect(after.body).toHaveLength(12);
    expect(after.body.map((r: { name: string }) => r.name)).toContain('潞州区');
    expect(before.body.map((r: { code: string }) => r.code)).toContain('140402');
  });

  it('admin-only endpoints: reset, demo data, faults', async () => {
    const clerk = await as('clerk');
    expect((await clerk.post('/admin/reset')).status).toBe(403);
    const admin = await as('admin');
    const before = (await admin.get('/letters?pageSize=1')).body.total;
    const demo = await admin.post('/admin/demo-data', { letters: 200 });
    expect(demo.status).toBe(201);
    expect((await admin.get('/letters?pageSize=1')).body.total).toBe(before + 200);
    expect((await admin.post('/admin/reset')).status).toBe(200);
    expect((await admin.get('/letters?pageSize=1')).body.total).toBe(before);
    expect((await admin.put('/admin/faults', { failRate: 1, failStatus: 503 })).status).toBe(200);
    expect((await admin.get('/sections')).status).toBe(503);
    expect((await admin.del('/admin/faults')).status).toBe(204);
    expect((await admin.get('/sections')).status).toBe(200);
  });

  it('the seeded 2017 matches the 2017 report', async () => {
    const c = await as('leader');
    const all = (await c.get('/letters?year=2017&pageSize=100')).body.items as {
      source: string;
      category: string;
      status: string;
      onTime: boolean;
    }[];
    expect(all).toHaveLength(17);
    expect(all.filter((l) => l.source === 'mayor_mailbox')).toHaveLength(5);
    const others = all.filter((l) => l.source !== 'mayor_mailbox');
    expect(others).toHaveLength(12);
    expect(others.every((l) => l.category === 'consultation' || l.category === 'complaint')).toBe(
      true,
    );
    expect(all.every((l) => l.status === 'closed' && l.onTime)).toBe(true);
    const cat = await c.get('/catalogue?year=2017&category=powers_list&pageSize=1');
    expect(cat.body.total).toBe(100);
    expect((await c.get('/catalogue?year=2017&category=licensing')).body.total).toBe(0);
    expect((await c.get('/catalogue?year=2017&category=penalty')).body.total).toBe(0);
  });

  it('the backend clock can be pinned by tests and today drives read-time fields', async () => {
    const c = await as('clerk');
    const { body } = await c.post('/letters', letterInput);
    await c.post(
      `/letters/${body.id}/assign`,
      { sectionId: 'social_assistance' },
      { 'If-Match': '"1"' },
    );
    setToday('2026-12-31');
    const late = await c.get(`/letters/${body.id}`);
    expect(late.body.alert).toBe('overdue');
    expect(late.body.remainingWorkdays).toBeLessThan(0);
  });
});
