/**
 * The office's shared server (issue #15) as its users meet it: one process that serves the
 * SPA and the API, shared by several people, that keeps every change across restarts — on the
 * embedded database and, when TEST_DATABASE_URL is set (CI), on PostgreSQL.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  client,
  letter,
  runToExit,
  serverToday,
  signIn,
  startServer,
  tempDataDir,
  type Running,
  type StartOptions,
} from './harness';
import { PDF } from '../attachment-files';
import { race, RACES } from '../concurrent-writes';
import { openEvents, until } from '../sse';
import { createDatabase, TEST_DATABASE_URL } from './postgres';
import { startCluster } from '../pg-cluster.mjs';

type Backend = {
  name: string;
  options: () => Promise<{ opts: StartOptions; done: () => Promise<void> }>;
};

const BACKENDS: Backend[] = [
  {
    name: 'embedded PostgreSQL (PGlite)',
    options: async () => ({ opts: { dataDir: tempDataDir() }, done: async () => {} }),
  },
  ...(TEST_DATABASE_URL
    ? [
        {
          name: 'PostgreSQL (DATABASE_URL)',
          options: async () => {
            const db = await createDatabase();
            return { opts: { databaseUrl: db.url }, done: db.drop };
          },
        },
      ]
    : []),
];

describe.each(BACKENDS)('the server on $name', (backend) => {
  let server: Running;
  let opts: StartOptions;
  let done: () => Promise<void>;
  const today = () => serverToday(opts);

  beforeAll(async () => {
    ({ opts, done } = await backend.options());
    server = await startServer(opts);
  });
  afterAll(async () => {
    await server?.stop();
    await done?.();
  });

  it('two people share the records: the clerk registers and transfers, the section officer sees it', async () => {
    const clerk = await signIn(server.url, 'clerk');
    const handler = await signIn(server.url, 'handler');
    const created = await clerk.post('/letters', letter(today(), '共享服务器：上门评估'), {
      'Idempotency-Key': 'share-1',
    });
    expect(created.status).toBe(201);
    expect(created.body.serialNo).toMatch(/^XF-\d{4}-\d{4}$/);
    // The same key again: the first answer, nothing created twice.
    const replay = await clerk.post('/letters', letter(today(), '共享服务器：上门评估'), {
      'Idempotency-Key': 'share-1',
    });
    expect(replay.body.id).toBe(created.body.id);
    const assigned = await clerk.post(
      `/letters/${created.body.id}/assign`,
      { sectionId: 'social_assistance' },
      { 'If-Match': '"1"' },
    );
    expect(assigned.status).toBe(200);

    const seen = await handler.get(`/letters?q=${encodeURIComponent('共享服务器')}`);
    expect(seen.body.items.map((l: { id: string }) => l.id)).toEqual([created.body.id]);
    // Another section's officer does not see it.
    const other = await signIn(server.url, 'handler2');
    expect((await other.get(`/letters/${created.body.id}`)).status).toBe(404);
  });

  it('live events: the section officer’s stream hears of the transfer; a closed stream is let go', async () => {
    const clerk = await signIn(server.url, 'clerk');
    const handler = await signIn(server.url, 'handler');
    const stream = await openEvents(`${server.url}/api/v1`, handler.token!);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const l = (await clerk.post('/letters', letter(today(), '实时：转办通知'))).body;
    await clerk.post(
      `/letters/${l.id}/assign`,
      { sectionId: 'social_assistance' },
      { 'If-Match': '"1"' },
    );
    await until(() => stream.frames.length === 1);
    expect(stream.frames[0]!.data).toEqual({
      entity: 'letter',
      id: l.id,
      version: 2,
      action: 'updated',
    });
    // An attachment is a change of its parent for whoever may see the parent (read from the
    // database after the commit: the server keeps no copy of the records).
    const form = new FormData();
    form.append('file', new File([PDF as Uint8Array<ArrayBuffer>], '来信扫描件.pdf'));
    const up = await fetch(`${server.url}/api/v1/letters/${l.id}/attachments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${clerk.token}` },
      body: form,
    });
    expect(up.status).toBe(201);
    await until(() => stream.frames.length === 2);
    expect(stream.frames[1]!.data).toEqual({
      entity: 'letter',
      id: l.id,
      version: 2,
      action: 'updated',
    });
    stream.close();
    // The server goes on answering (the stream's end freed what it held).
    expect((await clerk.get('/letters?pageSize=1')).status).toBe(200);
    // Back with Last-Event-ID: what was missed meanwhile comes first.
    const missed = (await clerk.post('/letters', letter(today(), '实时：断线期间'))).body;
    await clerk.post(
      `/letters/${missed.id}/assign`,
      { sectionId: 'social_assistance' },
      { 'If-Match': '"1"' },
    );
    const back = await openEvents(`${server.url}/api/v1`, handler.token!, stream.frames[1]!.id!);
    await until(() => back.frames.length === 1);
    expect(back.frames[0]!.data).toEqual({
      entity: 'letter',
      id: missed.id,
      version: 2,
      action: 'updated',
    });
    back.close();
  });

  it('two changes sent with one If-Match: exactly one wins, the other gets 409', async () => {
    const clerk = await signIn(server.url, 'clerk');
    const l = (await clerk.post('/letters', letter(today(), '并发：同一版本'))).body;
    const results = await Promise.all(
      ['social_assistance', 'elderly'].map((sectionId) =>
        clerk.post(`/letters/${l.id}/assign`, { sectionId }, { 'If-Match': '"1"' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  for (const r of RACES)
    it(`one If-Match, two changes at once (${r.name}): one 200, one 409`, async () => {
      expect(await race(r, await signIn(server.url, r.user ?? 'clerk'), today())).toEqual([
        200, 409,
      ]);
    });

  it('a restart keeps every change and every session', async () => {
    const clerk = await signIn(server.url, 'clerk');
    const l = (await clerk.post('/letters', letter(today(), '重启后仍在'))).body;
    expect(await server.stop()).toBe(0);
    server = await startServer(opts);
    const again = client(server.url, clerk.token);
    const r = await again.get(`/letters/${l.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ subject: '重启后仍在', version: 1, serialNo: l.serialNo });
    // Serial numbers go on from where they were.
    const next = (await again.post('/letters', letter(today(), '重启后的新来信'))).body;
    expect(Number(next.serialNo.slice(-4))).toBe(Number(l.serialNo.slice(-4)) + 1);
  });

  it('kill -9 in a burst of creates sent with Idempotency-Keys: after a restart the retries leave every letter exactly once', async () => {
    const clerk = await signIn(server.url, 'clerk');
    const run = Math.random().toString(36).slice(2, 8);
    const N = 40;
    const bodies = Array.from({ length: N }, (_, i) => letter(today(), `突发-${run}-${i}`));
    const keys = bodies.map((_, i) => `burst-${run}-${i}`);
    const acked = new Map<number, string>(); // index → id the server acknowledged (201)
    const send = (url: string, i: number) =>
      client(url, clerk.token)
        .post('/letters', bodies[i], { 'Idempotency-Key': keys[i]! })
        .then((r) => {
          if (r.status === 201) acked.set(i, r.body.id);
          return r.status;
        })
        .catch(() => 'no answer' as const);
    // All at once; the process is killed once a few have been acknowledged (at most 30 s).
    const burst = bodies.map((_, i) => send(server.url, i));
    for (let t = 0; acked.size < 5 && t < 300; t++) await new Promise((r) => setTimeout(r, 100));
    await server.kill();
    const outcomes = await Promise.all(burst);
    expect(acked.size).toBeGreaterThanOrEqual(5);
    const acknowledged = new Map(acked);

    server = await startServer(opts);
    // The client retries what had no answer; an acknowledged one may be retried too (a lost
    // reply): its key gives back the same letter.
    const again = client(server.url, clerk.token);
    for (let i = 0; i < N; i++) {
      const r = await again.post('/letters', bodies[i], { 'Idempotency-Key': keys[i]! });
      expect([200, 201]).toContain(r.status);
      if (acknowledged.has(i)) {
        expect(r.body.id).toBe(acknowledged.get(i));
        expect(r.headers.get('idempotent-replay')).toBe('true');
      }
    }
    const list = await again.get(`/letters?q=${encodeURIComponent(`突发-${run}`)}&pageSize=100`);
    expect(list.status).toBe(200);
    const subjects = (list.body.items as { subject: string }[]).map((l) => l.subject).sort();
    expect(subjects).toEqual(bodies.map((b) => b.subject).sort()); // each once, none half-written
    expect(
      outcomes.filter((o) => o === 'no answer').length + acknowledged.size,
    ).toBeLessThanOrEqual(N);
  });

  it('serves the SPA with its security headers, index.html uncached, hashed assets immutable', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await index.text();
    expect(html).toContain('<div id="root">');
    // A route of the SPA answers with the same page.
    const deep = await fetch(`${server.url}/letters/L2026-001`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const js = await fetch(`${server.url}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // The production build carries no mock.
    expect(readdirSync('build/app')).not.toContain('mockServiceWorker.js');
  });

  it('API answers are never cached; errors are problem+json without internals', async () => {
    const clerk = await signIn(server.url, 'clerk');
    const r = await clerk.get('/letters?pageSize=1');
    expect(r.headers.get('cache-control')).toBe('no-store');
    const bad = await fetch(`${server.url}/api/v1/letters`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${clerk.token}`, 'Content-Type': 'application/json' },
      body: '{"subject":',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(await bad.text()).not.toMatch(/at .*\.(m?js|ts):\d+/);
  });

  it('routes match exactly: a second /api/v1 in the path, or none, answers nothing', async () => {
    const admin = await signIn(server.url, 'admin');
    const auth = { Authorization: `Bearer ${admin.token}` };
    for (const path of ['/x/api/v1/admin/reset', '/api/v1/letters/api/v1/admin/reset'])
      expect((await fetch(`${server.url}${path}`, { method: 'POST', headers: auth })).status).toBe(
        404,
      );
  });

  it('request bodies over 1 MB are refused with 413, and nothing is written', async () => {
    const clerk = await signIn(server.url, 'clerk');
    const before = (await clerk.get('/letters?pageSize=1')).body.total;
    const r = await clerk.post('/letters', {
      ...letter(today(), '太大'),
      content: 'x'.repeat(1_100_000),
    });
    expect(r.status).toBe(413);
    expect((await clerk.get('/letters?pageSize=1')).body.total).toBe(before);
  });

  it('without TEST_HOOKS the clock and fault hooks do not exist; demo mode has reset', async () => {
    const admin = await signIn(server.url, 'admin');
    expect((await admin.put('/admin/clock', { today: '2026-01-05' })).status).toBe(404);
    expect(
      (await admin.put('/admin/faults', { latencyMs: 0, failRate: 1, failStatus: 503 })).status,
    ).toBe(404);
    expect((await admin.get('/admin/faults')).status).toBe(404);
    // demo-data exists in demo mode (validation answers, so the route is there).
    expect((await admin.post('/admin/demo-data', { letters: 0 })).status).toBe(422);
  });

  // Last: it locks this server's one client address for the throttle's window.
  it('sign-in throttling counts the connection’s address, not one the client claims', async () => {
    const attempt = (username: string, password: string, claimed: string) =>
      fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Client-Address': claimed },
        body: JSON.stringify({ username, password }),
      });
    // Twenty failures, each claiming another address and naming another user.
    for (let i = 0; i < 20; i++)
      expect((await attempt(`nobody-${i}`, 'wrong', `10.9.0.${i}`)).status).toBe(401);
    const locked = await attempt('admin', 'demo123', '10.9.1.1');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('starting the server', () => {
  it('a second server on the same data directory refuses to start, with a clear message', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ dataDir });
    try {
      const second = await runToExit({ dataDir });
      expect(second.code).not.toBe(0);
      expect(second.output).toMatch(
        /Another server \(process \d+\) is using the embedded database/,
      );
      // The first is unharmed.
      expect((await fetch(`${first.url}/api/v1/auth/me`)).status).toBe(401);
    } finally {
      await first.stop();
    }
  });

  it('after kill -9 the server starts again on the same directory and has lost nothing acknowledged', async () => {
    const dataDir = tempDataDir();
    let s = await startServer({ dataDir });
    const clerk = await signIn(s.url, 'clerk');
    const created = await clerk.post('/letters', letter(serverToday({}), 'kill -9 之前'));
    expect(created.status).toBe(201);
    await s.kill();
    s = await startServer({ dataDir });
    try {
      const r = await client(s.url, clerk.token).get(`/letters/${created.body.id}`);
      expect(r.status).toBe(200);
    } finally {
      await s.stop();
    }
  });

  it('without demo mode an empty database does not start (and says why); reset and demo data answer 404', async () => {
    const empty = await runToExit({ dataDir: tempDataDir(), demo: false });
    expect(empty.code).not.toBe(0);
    expect(empty.output).toMatch(/is empty\. Start with DEMO=1/);
    expect(empty.output).toMatch(/create-admin/);

    const dataDir = tempDataDir();
    const seeded = await startServer({ dataDir });
    await seeded.stop();
    const prod = await startServer({ dataDir, demo: false });
    try {
      const admin = await signIn(prod.url, 'admin');
      expect((await admin.post('/admin/reset')).status).toBe(404);
      expect((await admin.post('/admin/demo-data', { letters: 10 })).status).toBe(404);
    } finally {
      await prod.stop();
    }
  });

  it('a production start: create-admin lays the baseline and prints a one-time password; the server starts without demo data', async () => {
    const dataDir = tempDataDir();
    const bad = await runToExit({ dataDir, demo: false, args: ['create-admin', '9x'] });
    expect(bad.code).not.toBe(0);
    expect(bad.output).toMatch(/usage: create-admin/);
    const made = await runToExit({
      dataDir,
      demo: false,
      args: ['create-admin', 'wangfang', '王芳'],
    });
    expect(made.code, made.output).toBe(0);
    const password = /one-time password[^:]*: (\S+)/.exec(made.output)?.[1];
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    const again = await runToExit({ dataDir, demo: false, args: ['create-admin', 'WangFang'] });
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/已被使用/);
    const s = await startServer({ dataDir, demo: false });
    try {
      // No demo accounts here.
      await expect(signIn(s.url, 'admin')).rejects.toThrow(/401/);
      const first = await fetch(`${s.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'wangfang', password }),
      });
      const { token, user } = (await first.json()) as { token: string; user: { role: string } };
      expect(user).toMatchObject({ role: 'admin', mustChangePassword: true });
      const c = client(s.url, token);
      expect((await c.get('/users')).status).toBe(403);
      expect(
        (
          await c.put('/auth/password', {
            currentPassword: password,
            newPassword: 'Office start 2027',
          })
        ).status,
      ).toBe(204);
      expect((await c.get('/users')).body.total).toBe(1);
      expect((await c.get('/sections')).body).toHaveLength(8);
      expect((await c.get('/letters')).body.total).toBe(0);
      // The new administrator adds the office's people from here (the app's 用户 page).
      const clerk = await c.post('/users', { username: 'lijing', name: '李静', role: 'clerk' });
      expect(clerk.status).toBe(201);
    } finally {
      await s.stop();
    }
  });

  it('with TEST_HOOKS the clock hook pins the backend today', async () => {
    const opts = { dataDir: tempDataDir(), testHooks: true };
    const s = await startServer(opts);
    try {
      const admin = await signIn(s.url, 'admin');
      const r = await admin.put('/admin/clock', { today: '2026-06-01' });
      expect(r.status).toBe(200);
      expect(r.body.today).toBe('2026-06-01');
    } finally {
      await s.stop();
    }
  });

  it.runIf(TEST_DATABASE_URL)(
    '`move-to` moves an office from the embedded database to PostgreSQL, losing nothing',
    async () => {
      const dataDir = tempDataDir();
      const embedded = await startServer({ dataDir });
      const clerk = await signIn(embedded.url, 'clerk');
      const l = (await clerk.post('/letters', letter(serverToday({}), '搬到 PostgreSQL'))).body;
      const totals = async (c: ReturnType<typeof client>) =>
        Promise.all(
          ['/letters', '/applications', '/catalogue'].map(
            async (p) => (await c.get(`${p}?pageSize=1`)).body.total,
          ),
        );
      const before = await totals(clerk);
      await embedded.stop();

      const target = await createDatabase();
      try {
        const moved = await runToExit({ dataDir, args: ['move-to', target.url] });
        expect(moved.output).toMatch(/moved the embedded database .* to PostgreSQL/);
        expect(moved.code).toBe(0);
        // Once is enough: a second move into the same database is refused.
        const again = await runToExit({ dataDir, args: ['move-to', target.url] });
        expect(again.code).not.toBe(0);
        expect(again.output).toMatch(/is not empty/);

        const pg = await startServer({ databaseUrl: target.url, demo: false });
        try {
          // The same session, the same records.
          const same = client(pg.url, clerk.token);
          expect(await totals(same)).toEqual(before);
          expect((await same.get(`/letters/${l.id}`)).body).toMatchObject({
            subject: '搬到 PostgreSQL',
            serialNo: l.serialNo,
          });
        } finally {
          await pg.stop();
        }
      } finally {
        await target.drop();
      }
    },
  );

  /** The three registers' totals and one letter, as a client sees them. */
  const snapshot = async (c: ReturnType<typeof client>, letterId: string) => ({
    totals: await Promise.all(
      ['/letters', '/applications', '/catalogue'].map(
        async (p) => (await c.get(`${p}?pageSize=1`)).body.total,
      ),
    ),
    letter: (await c.get(`/letters/${letterId}`)).body,
  });
  /** What `backup` / `restore` print after the colon: the records per store. */
  const countsIn = (output: string) =>
    /(?:backed up|restored) .*?: (.*letters \d+.*)$/m.exec(output)?.[1];

  it('backup and restore: the embedded database round-trips, refused while a server runs on it', async () => {
    const dataDir = tempDataDir();
    const file = join(tempDataDir(), 'office.tar.gz');
    const running = await startServer({ dataDir });
    const clerk = await signIn(running.url, 'clerk');
    const l = (await clerk.post('/letters', letter(serverToday({}), '备份之后还原'))).body;
    const before = await snapshot(clerk, l.id);
    const busy = await runToExit({ dataDir, args: ['backup', file] });
    expect(busy.code).not.toBe(0);
    expect(busy.output).toMatch(/Another server .* is using the embedded database/);
    await running.stop();

    const saved = await runToExit({ dataDir, args: ['backup', file] });
    expect(saved.code).toBe(0);
    const into = tempDataDir();
    const restored = await runToExit({ dataDir: into, args: ['restore', file] });
    expect(restored.code).toBe(0);
    expect(countsIn(restored.output)).toBe(countsIn(saved.output));
    expect(countsIn(saved.output)).toMatch(/letters \d+/);
    const twice = await runToExit({ dataDir: into, args: ['restore', file] });
    expect(twice.code).not.toBe(0);
    expect(twice.output).toMatch(/already holds a database/);

    const back = await startServer({ dataDir: into, demo: false });
    try {
      // The same session (sessions are records too), the same registers, the same letter.
      expect(await snapshot(client(back.url, clerk.token), l.id)).toEqual(before);
    } finally {
      await back.stop();
    }
  });

  it.runIf(TEST_DATABASE_URL)(
    'backup and restore on PostgreSQL: pg_dump while the server runs, pg_restore into an empty database',
    async () => {
      const source = await createDatabase();
      const target = await createDatabase();
      const file = join(tempDataDir(), 'office.dump');
      try {
        const running = await startServer({ databaseUrl: source.url });
        let before;
        let l;
        let token;
        try {
          const clerk = await signIn(running.url, 'clerk');
          token = clerk.token;
          l = (await clerk.post('/letters', letter(serverToday({}), '备份之后还原'))).body;
          before = await snapshot(clerk, l.id);
          const saved = await runToExit({ databaseUrl: source.url, args: ['backup', file] });
          expect(saved.code).toBe(0);
          const restored = await runToExit({ databaseUrl: target.url, args: ['restore', file] });
          expect(restored.code).toBe(0);
          expect(countsIn(restored.output)).toBe(countsIn(saved.output));
          const twice = await runToExit({ databaseUrl: target.url, args: ['restore', file] });
          expect(twice.output).toMatch(/is not empty/);
        } finally {
          await running.stop();
        }
        const back = await startServer({ databaseUrl: target.url, demo: false });
        try {
          expect(await snapshot(client(back.url, token), l.id)).toEqual(before);
        } finally {
          await back.stop();
        }
      } finally {
        await source.drop();
        await target.drop();
      }
    },
  );

  it.runIf(TEST_DATABASE_URL)(
    'PostgreSQL stopped under a burst of creates: 503 problem+json meanwhile, nothing half-written, reconnected by itself',
    async () => {
      // A cluster of its own: this test stops it.
      const cluster = await startCluster();
      const today = serverToday({});
      const creates = (tag: string) =>
        Array.from({ length: 5 }, (_, i) => ({
          body: letter(today, `${tag} ${i}`),
          key: `db-down-${i}`,
        }));
      try {
        const running = await startServer({ databaseUrl: cluster.url });
        let token: string | null = null;
        try {
          const clerk = await signIn(running.url, 'clerk');
          token = clerk.token;
          expect((await clerk.post('/letters', letter(today, '停库之前'))).status).toBe(201);

          cluster.pause();
          const down = creates('停库期间');
          const refused = await Promise.all(
            down.map((c) => clerk.post('/letters', c.body, { 'Idempotency-Key': c.key })),
          );
          for (const r of refused) {
            expect(r.status).toBe(503);
            expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
            expect(r.headers.get('retry-after')).toBe('5');
            expect(JSON.stringify(r.body)).not.toMatch(/ECONN|Error:|\bat /);
          }
          // Reads too: the records are in the database only (no copy in the server to answer from).
          const meanwhile = await clerk.get('/letters?q=停库期间&pageSize=50');
          expect(meanwhile.status).toBe(503);
          expect(meanwhile.headers.get('content-type')).toMatch(/application\/problem\+json/);

          cluster.resume();
          // Nobody sees what the database refused (the pool reconnects by itself: bounded wait).
          let after = await clerk.get('/letters?q=停库期间&pageSize=50');
          for (let i = 0; i < 60 && after.status !== 200; i++) {
            await new Promise((r) => setTimeout(r, 500));
            after = await clerk.get('/letters?q=停库期间&pageSize=50');
          }
          expect(after.status).toBe(200);
          expect(after.body.total).toBe(0);
          // The client retries with the same keys; the pool reconnects by itself (bounded wait).
          for (const c of down) {
            let status = 0;
            for (let i = 0; i < 60 && status !== 201; i++) {
              status = (await clerk.post('/letters', c.body, { 'Idempotency-Key': c.key })).status;
              if (status !== 201) await new Promise((r) => setTimeout(r, 500));
            }
            expect(status, c.key).toBe(201);
          }
        } finally {
          await running.stop();
        }
        // After a restart: everything acknowledged, exactly once.
        const back = await startServer({ databaseUrl: cluster.url, demo: false });
        try {
          const clerk = client(back.url, token);
          const stored = await clerk.get<{ items: { subject: string }[] }>(
            '/letters?q=停库&pageSize=50',
          );
          expect(stored.body.items.map((l) => l.subject).sort()).toEqual(
            ['停库之前', ...creates('停库期间').map((c) => c.body.subject)].sort(),
          );
        } finally {
          await back.stop();
        }
      } finally {
        cluster.stop();
      }
    },
  );

  it('`migrate` applies the migrations and exits', async () => {
    const r = await runToExit({ dataDir: tempDataDir(), args: ['migrate'] });
    expect(r.output).toMatch(/migrations applied/);
    expect(r.code).toBe(0);
  });
});
