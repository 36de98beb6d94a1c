// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '@mocks/clock';
import { db } from '@mocks/db';
import { currentStorage, useStorage } from '@mocks/http';
import { MemoryStorage } from '@mocks/memory-storage';
import { as } from '../api';
import { race, RACES } from '../concurrent-writes';

// Every store call of a change takes a macrotask, as a database round trip does: the two requests
// of a race really interleave between the read their change is based on and its write, so only
// the storage's one-writer-at-a-time keeps the second from passing the version check too.
const plain = currentStorage();
beforeAll(() => useStorage(new MemoryStorage(db, { ioDelayMs: 1 })));
afterAll(() => useStorage(plain));

describe('two changes with one If-Match, sent at once: exactly one wins, the other gets 409', () => {
  for (const r of RACES)
    it(r.name, async () => {
      expect(await race(r, await as(r.user ?? 'clerk'), today())).toEqual([200, 409]);
    });
});

describe('Idempotency-Key', () => {
  const letter = (subject: string) => ({
    source: 'phone',
    category: 'consultation',
    subject,
    content: '幂等键测试',
    citizenName: '孙三',
    receivedOn: today(),
  });

  it('the same key with another body is 422 and creates nothing; the same body replays with its ETag', async () => {
    const clerk = await as('clerk');
    const key = { 'Idempotency-Key': 'k-body' };
    const first = await clerk.post('/letters', letter('第一封'), key);
    expect(first.status).toBe(201);
    const total = (await clerk.get('/letters?pageSize=1')).body.total;
    const other = await clerk.post('/letters', letter('完全不同的第二封'), key);
    expect(other.status).toBe(422);
    expect(other.body.errors['Idempotency-Key']).toMatch(/另一内容/);
    const replay = await clerk.post('/letters', letter('第一封'), key);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('ETag')).toBe('"1"');
    expect(replay.headers.get('Idempotent-Replay')).toBe('true');
    expect((await clerk.get('/letters?pageSize=1')).body.total).toBe(total);
  });

  it('a key is scoped to its method and path: the same key on another endpoint creates that record', async () => {
    const clerk = await as('clerk');
    const key = { 'Idempotency-Key': 'k-scope' };
    const l = await clerk.post('/letters', letter('信件'), key);
    const a = await clerk.post(
      '/applications',
      {
        applicantType: 'natural_person',
        applicantName: '周四',
        contact: '13800000001',
        channel: 'online',
        receivedOn: today(),
        description: '申请公开',
      },
      key,
    );
    expect([l.status, a.status]).toEqual([201, 201]);
    expect(a.body.serialNo).toMatch(/^YSQ-/);
  });

  it('concurrent duplicates with one key create one record; every answer is the first one', async () => {
    const clerk = await as('clerk');
    const key = { 'Idempotency-Key': 'k-race' };
    const all = await Promise.all(
      Array.from({ length: 5 }, () => clerk.post('/letters', letter('并发重复'), key)),
    );
    expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
    expect(all.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const found = await clerk.get(`/letters?q=${encodeURIComponent('并发重复')}`);
    expect(found.body.total).toBe(1);
  });
});
