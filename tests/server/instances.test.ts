/**
 * Two server processes on one PostgreSQL (issue #15, stage B): nothing they must share lives in a
 * process — sessions, records, versions, serial numbers, idempotency keys are read and written in
 * the database, one writer at a time across both. Requests alternate between the instances.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, letter, serverToday, signIn, startServer, type Running } from './harness';
import { openEvents, until } from '../sse';
import { createDatabase, TEST_DATABASE_URL } from './postgres';

describe.runIf(TEST_DATABASE_URL)('two server instances on one PostgreSQL', () => {
  let a: Running;
  let b: Running;
  let drop: () => Promise<void>;
  const today = serverToday({ testHooks: true });

  beforeAll(async () => {
    const db = await createDatabase();
    drop = db.drop;
    // Both start at once on the empty database: one migrates and seeds, the other waits for it.
    [a, b] = await Promise.all([
      startServer({ databaseUrl: db.url, testHooks: true }),
      startServer({ databaseUrl: db.url, testHooks: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await drop?.();
  });

  it('share sessions, records, versions, serial numbers and idempotency keys', async () => {
    // Seeded once: both see the same registers.
    const onA = await signIn(a.url, 'clerk');
    // A session begun on A works on B.
    const onB = client(b.url, onA.token);
    expect((await onB.get('/auth/me')).body.username).toBe('clerk');
    const total = async (c: typeof onA) => (await c.get('/letters?pageSize=1')).body.total;
    expect(await total(onB)).toBe(await total(onA));

    // Created on A, read on B.
    const made = await onA.post('/letters', letter(today, '两个实例：A 登记'));
    expect(made.status).toBe(201);
    expect((await onB.get(`/letters/${made.body.id}`)).body).toMatchObject({
      subject: '两个实例：A 登记',
      serialNo: made.body.serialNo,
      version: 1,
    });

    // One If-Match sent to both at once: one wins, the other is told the record changed.
    const raced = await Promise.all(
      [
        [onA, 'social_assistance'],
        [onB, 'elderly'],
      ].map(([c, sectionId]) =>
        (c as typeof onA).post(
          `/letters/${made.body.id}/assign`,
          { sectionId },
          { 'If-Match': '"1"' },
        ),
      ),
    );
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await onA.get(`/letters/${made.body.id}`)).body.version).toBe(2);

    // 20 creates at once, split across both: 20 letters, 20 distinct serial numbers.
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? onB : onA).post('/letters', letter(today, `两个实例：并发 ${i}`)),
      ),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(20).fill(201));
    const serials = burst.map((r) => r.body.serialNo as string);
    expect(new Set(serials).size).toBe(20);
    for (const s of serials) expect(s).toMatch(/^XF-\d{4}-\d{4}$/);

    // One Idempotency-Key, sent to A and then to B: one record, B replays A's answer.
    const key = { 'Idempotency-Key': 'two-instances-1' };
    const first = await onA.post('/letters', letter(today, '两个实例：同一个键'), key);
    const again = await onB.post('/letters', letter(today, '两个实例：同一个键'), key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replay')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const found = await onB.get(`/letters?q=${encodeURIComponent('两个实例：同一个键')}`);
    expect(found.body.total).toBe(1);

    // Signed out on B: the session is gone on A too.
    expect((await onB.post('/auth/logout')).status).toBeLessThan(300);
    expect((await onA.get('/auth/me')).status).toBe(401);
  });

  it('live events cross instances: a transfer made on A reaches a stream open on B', async () => {
    const clerkA = await signIn(a.url, 'clerk');
    const handlerB = await signIn(b.url, 'handler');
    const stream = await openEvents(`${b.url}/api/v1`, handlerB.token!);
    expect(stream.res.status).toBe(200);
    const made = (await clerkA.post('/letters', letter(today, '两个实例：实时转办'))).body;
    const moved = await clerkA.post(
      `/letters/${made.id}/assign`,
      { sectionId: 'social_assistance' },
      { 'If-Match': '"1"' },
    );
    expect(moved.status).toBe(200);
    await until(() => stream.frames.some((f) => f.data.id === made.id));
    expect(stream.frames.find((f) => f.data.id === made.id)!.data).toEqual({
      entity: 'letter',
      id: made.id,
      version: 2,
      action: 'updated',
    });
    // Another section's officer on B hears nothing of it (the scope holds for remote events too).
    const otherB = await signIn(b.url, 'handler2');
    const other = await openEvents(`${b.url}/api/v1`, otherB.token!);
    const next = (await clerkA.post('/letters', letter(today, '两个实例：另一科室'))).body;
    await clerkA.post(
      `/letters/${next.id}/assign`,
      { sectionId: 'social_assistance' },
      { 'If-Match': '"1"' },
    );
    await until(() => stream.frames.some((f) => f.data.id === next.id));
    expect(other.frames.filter((f) => f.data.entity === 'letter')).toEqual([]);
    stream.close();
    other.close();
  });

  it('the test clock and a reset of the demo data hold for both', async () => {
    const adminA = await signIn(a.url, 'admin');
    const adminB = client(b.url, adminA.token);
    expect((await adminA.put('/admin/clock', { today: '2026-06-01' })).body.today).toBe(
      '2026-06-01',
    );
    // B's next transaction reads the clock A set; its reset builds the seed for that day.
    const reset = await adminB.post('/admin/reset');
    expect(reset.status).toBe(200);
    expect(reset.body.today).toBe('2026-06-01');
    // A sees the new seed (the letters made above are gone); the session outlived the reset.
    const left = await adminA.get(`/letters?q=${encodeURIComponent('两个实例')}`);
    expect(left.status).toBe(200);
    expect(left.body.total).toBe(0);
    // The reset's own entry, written in its transaction, begins the new trail.
    const trail = await adminA.get('/audit/log?action=admin_reset');
    expect(trail.status).toBe(200);
    expect(trail.body.total).toBe(1);
    await adminA.put('/admin/clock', { today: null });
  });
});
