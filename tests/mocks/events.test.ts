// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Letter, LetterRecord } from '@/features/letters/types';
import { db } from '@mocks/db';
import { as, BASE, call } from '../api';
import { closeEvents, openEvents, until } from '../sse';
import { seedOn } from '../seed-day';

seedOn('2026-11-26');

const letter = {
  source: 'website',
  category: 'consultation',
  subject: '低保申请材料',
  content: '请问需要哪些材料？',
  citizenName: '张三',
  citizenPhone: '13812345678',
  receivedOn: '2026-11-23',
};

const subscribe = (token: string, lastEventId?: string) => openEvents(BASE, token, lastEventId);
afterEach(closeEvents);

describe('GET /events (live updates)', () => {
  it('needs a session', async () => {
    expect((await call('GET', '/events')).status).toBe(401);
  });

  it('sends each change the user may see — entity, id, version, action, nothing personal', async () => {
    const clerk = await as('clerk');
    const handler = await as('handler'); // 社会救助科
    const other = await as('handler2'); // 社会事务科
    const leader = await as('leader');
    const c = await subscribe(clerk.token);
    const h = await subscribe(handler.token);
    const o = await subscribe(other.token);
    const l = await subscribe(leader.token);
    expect(c.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(c.res.headers.get('cache-control')).toBe('no-store');

    const created = (await clerk.post<Letter>('/letters', letter)).body;
    const assigned = await clerk.post<Letter>(
      `/letters/${created.id}/assign`,
      { sectionId: 'social_assistance' },
      { 'If-Match': `"${created.version}"` },
    );
    expect(assigned.status).toBe(200);

    await until(() => c.frames.length === 2 && h.frames.length === 1);
    expect(c.frames.map((f) => f.data)).toEqual([
      { entity: 'letter', id: created.id, version: 1, action: 'created' },
      { entity: 'letter', id: created.id, version: 2, action: 'updated' },
    ]);
    expect(l.frames.map((f) => f.data.action)).toEqual(['created', 'updated']);
    // The section officer sees it once it is their section's; the other section never does.
    expect(h.frames.map((f) => f.data)).toEqual([
      { entity: 'letter', id: created.id, version: 2, action: 'updated' },
    ]);
    expect(o.frames).toEqual([]);
    expect(JSON.stringify(c.frames)).not.toContain('张三');
    expect(JSON.stringify(c.frames)).not.toContain('13812345678');
  });

  it('a section officer hears of a letter leaving their section, and not of accounts', async () => {
    const clerk = await as('clerk');
    const admin = await as('admin');
    const created = (await clerk.post<Letter>('/letters', letter)).body;
    const a = (
      await clerk.post<Letter>(
        `/letters/${created.id}/assign`,
        { sectionId: 'social_assistance' },
        { 'If-Match': `"${created.version}"` },
      )
    ).body;
    const handler = await as('handler');
    const h = await subscribe(handler.token);
    const ret = await handler.post<Letter>(
      `/letters/${a.id}/return`,
      { reason: '不属于本科室职责' },
      { 'If-Match': `"${a.version}"` },
    );
    expect(ret.status).toBe(200);
    const users = await admin.get<{ items: { id: string; username: string; version: number }[] }>(
      '/users?pageSize=50',
    );
    const leader = users.body.items.find((u) => u.username === 'leader')!;
    expect(
      (
        await admin.patch(
          `/users/${leader.id}`,
          { name: '局领导乙' },
          { 'If-Match': `"${leader.version}"` },
        )
      ).status,
    ).toBe(200);
    await until(() => h.frames.length >= 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.frames.map((f) => [f.data.entity, f.data.action])).toEqual([['letter', 'updated']]);
  });

  it('a reconnect with Last-Event-ID gets what it missed; an unknown id gets a reset', async () => {
    const clerk = await as('clerk');
    const first = await subscribe(clerk.token);
    const one = (await clerk.post<Letter>('/letters', letter)).body;
    await until(() => first.frames.length === 1);
    first.close();
    const two = (await clerk.post<Letter>('/letters', { ...letter, subject: '第二封' })).body;
    const again = await subscribe(clerk.token, first.frames[0]!.id!);
    await until(() => again.frames.length === 1);
    expect(again.frames[0]!.data).toEqual({
      entity: 'letter',
      id: two.id,
      version: 1,
      action: 'created',
    });
    expect(one.id).not.toBe(two.id);
    const stale = await subscribe(clerk.token, 'another-process.5');
    await until(() => stale.frames.length === 1);
    expect(stale.frames[0]!.data).toEqual({
      entity: 'all',
      id: null,
      version: null,
      action: 'reset',
    });
    expect(stale.frames[0]!.id).toMatch(/^[a-z0-9]+\.\d+$/);
  });

  it('ends when the session does', async () => {
    const clerk = await as('clerk');
    const login = await call<{ token: string }>('POST', '/auth/login', {
      body: { username: 'leader', password: 'demo123' },
    });
    const s = await subscribe(login.body.token);
    expect((await call('POST', '/auth/logout', { token: login.body.token })).status).toBe(204);
    await clerk.post('/letters', letter);
    await until(() => s.ended());
    expect(s.frames).toEqual([]);
  });
});

describe('attachments in live events (issue #21)', () => {
  it('an attachment added or removed, or a document issued, is an event of its parent for whoever sees it', async () => {
    const clerk = await as('clerk');
    const handler = await as('handler'); // 社会救助科
    const other = await as('handler2'); // 社会事务科
    const rec = db.letters
      .all()
      .find((l: LetterRecord) => l.status === 'assigned' && l.sectionId === 'social_assistance')!;
    const c = await subscribe(clerk.token);
    const h = await subscribe(handler.token);
    const o = await subscribe(other.token);
    const form = new FormData();
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    form.append('file', new File([pdf], '材料.pdf'));
    const added = await call<{ id: string }>('POST', `/letters/${rec.id}/attachments`, {
      token: handler.token,
      form,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const event = { entity: 'letter', id: rec.id, version: rec.version, action: 'updated' };
    await until(() => c.frames.length === 1 && h.frames.length === 1);
    expect(c.frames[0]!.data).toEqual(event);
    expect(h.frames[0]!.data).toEqual(event);
    // Issuing a document: the file (an attachment) and the history entry, one event.
    const issued = await clerk.post(`/letters/${rec.id}/documents`, {
      kind: 'transfer',
      paragraphs: ['现将来信转你科室办理。'],
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    await until(() => c.frames.length === 2);
    expect(c.frames[1]!.data).toEqual(event);
    const removed = await call('DELETE', `/attachments/${added.body.id}`, { token: clerk.token });
    expect(removed.status).toBe(204);
    await until(() => c.frames.length === 3 && h.frames.length === 3);
    expect(h.frames[2]!.data).toEqual(event);
    await new Promise((r) => setTimeout(r, 50));
    expect(o.frames).toEqual([]);
  });
});
