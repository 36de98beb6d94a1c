// @vitest-environment node
/**
 * Users and sections managed by the administrator (issue 16): the contract (api.md, Accounts),
 * one-time passwords that open nothing but their own change, scope that follows the section at
 * every request, revocation, the last-admin guard, retired sections, and the audit log.
 */
import { describe, expect, it } from 'vitest';
import { db } from '@mocks/db';
import { as, call } from '../api';
import { seedOn } from '../seed-day';

// Accounts do not depend on the day: one run is enough (tests/run-all.mjs).
seedOn('2026-11-26');

const signIn = (username: string, password: string) =>
  call<any>('POST', '/auth/login', { body: { username, password } });
const ifMatch = (v: number) => ({ 'If-Match': `"${v}"` });

async function createHandler(section = 'social_affairs', username = 'zhangwei') {
  const admin = await as('admin');
  const r = await admin.post('/users', {
    username,
    name: '张伟',
    role: 'handler',
    sectionId: section,
    phone: '13800001111',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { admin, user: r.body.user, password: r.body.temporaryPassword as string };
}

/** Signs in with the one-time password and sets a real one; returns the new session's token. */
async function firstSignIn(username: string, temporary: string, chosen = 'Spring field 2027') {
  const r = await signIn(username, temporary);
  expect(r.status).toBe(200);
  expect(r.body.user.mustChangePassword).toBe(true);
  const token = r.body.token as string;
  const changed = await call('PUT', '/auth/password', {
    token,
    body: { currentPassword: temporary, newPassword: chosen },
  });
  expect(changed.status).toBe(204);
  return token;
}

describe('users (admin only)', () => {
  it('others get 403 on every account endpoint; the sections list is for everyone', async () => {
    for (const who of ['clerk', 'leader', 'handler']) {
      const c = await as(who);
      expect((await c.get('/users')).status, who).toBe(403);
      expect((await c.get('/users/u-clerk')).status, who).toBe(403);
      expect((await c.post('/users', { username: 'x' })).status, who).toBe(403);
      expect((await c.patch('/users/u-clerk', { name: 'x' }, ifMatch(1))).status, who).toBe(403);
      expect((await c.post('/users/u-clerk/reset-password')).status, who).toBe(403);
      expect((await c.post('/sections', { name: '测试科' })).status, who).toBe(403);
      expect((await c.patch('/sections/finance', { name: 'x' }, ifMatch(1))).status, who).toBe(403);
      expect((await c.get('/audit/log')).status, who).toBe(403);
      expect((await c.get('/sections')).status, who).toBe(200);
    }
    expect((await call('GET', '/users')).status).toBe(401);
  });

  it('lists with search and filters (role, section, active); no hash in any answer', async () => {
    const admin = await as('admin');
    const all = await admin.get('/users');
    expect(all.body.total).toBe(5);
    expect(JSON.stringify(all.body)).not.toMatch(/passwordHash|pbkdf2|argon2/);
    expect((await admin.get('/users?role=handler')).body.items.map((u: any) => u.username)).toEqual(
      ['handler', 'handler2'],
    );
    expect((await admin.get('/users?sectionId=social_affairs')).body.items).toHaveLength(1);
    expect((await admin.get('/users?q=王')).body.items[0].username).toBe('handler');
    expect((await admin.get('/users?q=LEADER')).body.items[0].username).toBe('leader');
    await admin.patch('/users/u-leader', { active: false }, ifMatch(1));
    expect((await admin.get('/users?active=false')).body.items.map((u: any) => u.id)).toEqual([
      'u-leader',
    ]);
    expect((await admin.get('/users?active=true')).body.total).toBe(4);
    expect((await admin.get('/users?role=chief')).status).toBe(400);
  });

  it('create: clear field errors, nothing written on error', async () => {
    const admin = await as('admin');
    const cases: [object, string][] = [
      [{ username: '9abc', name: '甲', role: 'clerk' }, 'username'],
      [{ username: 'ab', name: '甲', role: 'clerk' }, 'username'],
      [{ username: 'Handler', name: '甲', role: 'clerk' }, 'username'], // taken, whatever the case
      [{ username: 'newone', name: '', role: 'clerk' }, 'name'],
      [{ username: 'newone', name: '甲', role: 'handler' }, 'sectionId'],
      [{ username: 'newone', name: '甲', role: 'clerk', sectionId: 'office' }, 'sectionId'],
      [{ username: 'newone', name: '甲', role: 'handler', sectionId: 'no_such' }, 'sectionId'],
      [{ username: 'newone', name: '甲', role: 'chief' }, 'role'],
      [{ username: 'newone', name: '甲', role: 'clerk', phone: '12' }, 'phone'],
    ];
    for (const [body, field] of cases) {
      const r = await admin.post('/users', body, { 'Accept-Language': 'zh-CN' });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(r.body.errors), JSON.stringify(body)).toContain(field);
    }
    expect(db.users.size).toBe(5);
    const r = await admin.post('/users', { username: 'Handler', name: '甲', role: 'clerk' });
    expect(r.body.errors.username).toBe('该用户名已被使用');
  });

  it('a new handler signs in with the one-time password, can do nothing but change it, then sees only their section', async () => {
    const { user, password } = await createHandler('social_affairs');
    expect(user).toMatchObject({ role: 'handler', sectionId: 'social_affairs', active: true });
    expect(user.mustChangePassword).toBe(true);
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    // Only its hash is stored.
    expect(JSON.stringify(db.snapshot())).not.toContain(password);
    const first = await signIn('zhangwei', password);
    const token = first.body.token;
    const blocked = await call<any>('GET', '/letters', { token });
    expect(blocked.status).toBe(403);
    expect(blocked.body.type).toMatch(/password-change-required$/);
    expect((await call('GET', '/auth/me', { token })).status).toBe(200);
    const newToken = await firstSignIn('zhangwei', password);
    const letters = await call<any>('GET', '/letters?pageSize=100', { token: newToken });
    expect(letters.status).toBe(200);
    expect(letters.body.total).toBeGreaterThan(0);
    expect(new Set(letters.body.items.map((l: any) => l.sectionId))).toEqual(
      new Set(['social_affairs']),
    );
    expect((await signIn('zhangwei', password)).status).toBe(401);
  });

  it('moving a handler to another section moves their view at the next request (same session)', async () => {
    const { admin, user, password } = await createHandler('social_affairs');
    const token = await firstSignIn('zhangwei', password);
    const current = await admin.get(`/users/${user.id}`);
    expect(current.headers.get('etag')).toBe(`"${current.body.version}"`);
    const moved = await admin.patch(
      `/users/${user.id}`,
      { sectionId: 'social_assistance' },
      { 'If-Match': current.headers.get('etag')! },
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const letters = await call<any>('GET', '/letters?pageSize=100', { token });
    expect(new Set(letters.body.items.map((l: any) => l.sectionId))).toEqual(
      new Set(['social_assistance']),
    );
  });

  it('PATCH needs If-Match (428), a stale one gets 409 with the current user; a role change drops the section', async () => {
    const admin = await as('admin');
    expect((await admin.patch('/users/u-handler2', { name: '刘洋洋' })).status).toBe(428);
    const ok = await admin.patch('/users/u-handler2', { name: '刘洋洋' }, ifMatch(1));
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await admin.patch('/users/u-handler2', { name: '刘洋' }, ifMatch(1));
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ name: '刘洋洋', version: 2 });
    const clerk = await admin.patch('/users/u-handler2', { role: 'clerk' }, ifMatch(2));
    expect(clerk.body).toMatchObject({ role: 'clerk', sectionId: null });
    const bad = await admin.patch('/users/u-handler2', { role: 'handler' }, ifMatch(3));
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors)).toEqual(['sectionId']);
    expect((await admin.patch('/users/u-handler2', { password: 'x' }, ifMatch(3))).status).toBe(
      422,
    );
    expect((await admin.patch('/users/nobody', { name: 'x' }, ifMatch(1))).status).toBe(404);
  });

  it('disabling ends the sessions and refuses sign-in; enabling restores it; the last admin and oneself are kept', async () => {
    const admin = await as('admin');
    const leader = await as('leader');
    const off = await admin.patch('/users/u-leader', { active: false }, ifMatch(1));
    expect(off.status).toBe(200);
    expect((await call('GET', '/auth/me', { token: leader.token })).status).toBe(401);
    expect((await signIn('leader', 'demo123')).status).toBe(401);
    await admin.patch('/users/u-leader', { active: true }, ifMatch(2));
    expect((await signIn('leader', 'demo123')).status).toBe(200);

    const self = await admin.patch('/users/u-admin', { active: false }, ifMatch(1));
    expect(self.status).toBe(422);
    const demote = await admin.patch('/users/u-admin', { role: 'clerk' }, ifMatch(1));
    expect(demote.status).toBe(422);
    expect(Object.keys(demote.body.errors)).toEqual(['role']);
    expect(db.users.get('u-admin')!.role).toBe('admin');
  });

  it('reset-password: a one-time password shown once; the old one and every session end; it is audited without it', async () => {
    const admin = await as('admin');
    const clerk = await as('clerk');
    const r = await admin.post('/users/u-clerk/reset-password');
    expect(r.status).toBe(200);
    const temporary = r.body.temporaryPassword as string;
    expect((await call('GET', '/auth/me', { token: clerk.token })).status).toBe(401);
    expect((await signIn('clerk', 'demo123')).status).toBe(401);
    expect(db.users.get('u-clerk')!.mustChangePassword).toBe(true);
    await firstSignIn('clerk', temporary);
    expect(db.users.get('u-clerk')!.mustChangePassword).toBe(false);
    for (const action of ['password_reset', 'password_changed', 'login']) {
      const log = await admin.get(`/audit/log?actorId=u-clerk&action=${action}`);
      expect(log.body.total, action).toBeGreaterThan(0);
      expect(JSON.stringify(log.body)).not.toContain(temporary);
    }
    expect(JSON.stringify(db.snapshot())).not.toContain(temporary);
  });
});

describe('sections', () => {
  it('add, rename (If-Match), names unique; every role reads the list', async () => {
    const admin = await as('admin');
    const created = await admin.post('/sections', { name: '信访科', nameEn: 'Petitions Section' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '信访科', retired: false, version: 1 });
    expect((await admin.post('/sections', { name: ' 信访科' })).status).toBe(422);
    expect((await admin.post('/sections', { name: '办 公室' })).status).toBe(422);
    expect((await admin.post('/sections', { name: '科' })).status).toBe(422);
    const id = created.body.id;
    expect((await admin.patch(`/sections/${id}`, { name: '来信来访科' })).status).toBe(428);
    const renamed = await admin.patch(`/sections/${id}`, { name: '来信来访科' }, ifMatch(1));
    expect(renamed.body).toMatchObject({ name: '来信来访科', version: 2 });
    expect((await admin.patch(`/sections/${id}`, { name: 'x2' }, ifMatch(1))).status).toBe(409);
    const list = await (await as('handler')).get('/sections');
    expect(list.body).toHaveLength(9);
    expect(list.body.at(-1)).toMatchObject({ id, name: '来信来访科' });
  });

  it('a retired section takes no new transfers or users; its letters keep it and stay readable', async () => {
    const admin = await as('admin');
    const clerk = await as('clerk');
    const handler = await as('handler2'); // 社会事务科
    const before = (await handler.get('/letters?pageSize=100')).body.total;
    const retired = await admin.patch('/sections/social_affairs', { retired: true }, ifMatch(1));
    expect(retired.body.retired).toBe(true);
    // Its officer still reads its letters.
    expect((await handler.get('/letters?pageSize=100')).body.total).toBe(before);
    const open = (await clerk.get('/letters?status=registered&pageSize=1')).body.items[0];
    const refused = await clerk.post(
      `/letters/${open.id}/assign`,
      { sectionId: 'social_affairs' },
      ifMatch(open.version),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors.sectionId).toMatch(/已撤销/);
    expect(db.letters.get(open.id)!.sectionId).toBeNull();
    const user = await admin.post('/users', {
      username: 'newhandler',
      name: '新人',
      role: 'handler',
      sectionId: 'social_affairs',
    });
    expect(user.status).toBe(422);
    // Restored, it takes work again.
    await admin.patch('/sections/social_affairs', { retired: false }, ifMatch(2));
    const ok = await clerk.post(
      `/letters/${open.id}/assign`,
      { sectionId: 'social_affairs' },
      ifMatch(open.version),
    );
    expect(ok.status).toBe(200);
  });
});

describe('audit log', () => {
  it('sign-ins, failures, account and section changes and the admin tools, with the address; filtered by person, action, date', async () => {
    const admin = await as('admin');
    await admin.post('/admin/reset');
    await signIn('leader', 'wrong password');
    await createHandler('elderly', 'lina');
    await admin.post('/sections', { name: '法规科' });
    for (const action of ['admin_reset', 'login_failed', 'user_created', 'section_created']) {
      const r = await admin.get(`/audit/log?action=${action}`);
      expect(r.body.total, action).toBe(1);
      expect(r.body.items[0].address, action).toBe('local');
    }
    const all = await admin.get('/audit/log?pageSize=100');
    expect(all.status).toBe(200);
    // The administration only: the seeded letters' and figures' changes are in their own trails.
    expect(db.audit.all().some((e) => e.entity === 'letter')).toBe(true);
    expect(new Set(all.body.items.map((e: any) => e.entity))).toEqual(
      new Set(['admin', 'auth', 'user', 'section']),
    );
    // Newest first.
    const times = all.body.items.map((e: any) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const failed = await admin.get('/audit/log?action=login_failed');
    expect(failed.body.items[0]).toMatchObject({ action: 'login_failed', address: 'local' });
    // An attempt on a known account is filed under it (the person filter finds it).
    expect(failed.body.items[0].actor.id).toBe('u-leader');
    const byAdmin = await admin.get('/audit/log?actorId=u-admin&action=user_created');
    expect(byAdmin.body.total).toBe(1);
    expect(byAdmin.body.items[0].detail).toContain('lina');
    const created = (await admin.get('/audit/log?action=section_created')).body.items[0];
    const day = created.at.slice(0, 10);
    const onDay = await admin.get(`/audit/log?action=section_created&from=${day}&to=${day}`);
    expect(onDay.body.total).toBe(1);
    expect((await admin.get('/audit/log?from=2001-01-01&to=2001-01-02')).body.total).toBe(0);
    expect((await admin.get('/audit/log?from=2026-02-01&to=2026-01-01')).status).toBe(400);
    expect(JSON.stringify(all.body)).not.toContain('wrong password');
  });
});
