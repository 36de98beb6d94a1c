/**
 * Attachments on the server (issue #21): the bytes go into the SQL table `attachment_blobs`
 * (so the database's backup carries them), survive a restart, and come back checked against
 * their SHA-256; an upload may be up to the 20 MB limit (more than the 1 MB of other bodies),
 * and one over it is refused with 413 before it is stored.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
/** The limit per file (src/features/attachments/rules.ts; this suite runs without the app's aliases). */
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
import { PDF, PNG } from '../attachment-files';
import { client, signIn, startServer, tempDataDir, type Running } from './harness';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('attachments on the server (embedded PostgreSQL)', () => {
  const dataDir = tempDataDir();
  let server: Running;
  beforeAll(async () => {
    server = await startServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function upload(token: string, parent: string, name: string, data: Uint8Array) {
    const form = new FormData();
    form.append('file', new File([data as Uint8Array<ArrayBuffer>], name));
    const r = await fetch(`${server.url}/api/v1${parent}/attachments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: r.status, body: (await r.json()) as Record<string, any> };
  }
  async function bytesOf(token: string, id: string) {
    const r = await fetch(`${server.url}/api/v1/attachments/${id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return { status: r.status, headers: r.headers, bytes: new Uint8Array(await r.arrayBuffer()) };
  }

  it('stores the bytes in attachment_blobs, and they survive a restart', async () => {
    const clerk = await signIn(server.url, 'clerk');
    const letter = (await clerk.get('/letters?pageSize=1')).body.items[0];
    // A file of 1.5 MB: more than the 1 MB other bodies may be.
    const big = new Uint8Array(3 << 19);
    big.set(PDF);
    big[big.length - 1] = 7;
    const up = await upload(clerk.token!, `/letters/${letter.id}`, '长治 答复函.pdf', big);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ name: '长治 答复函.pdf', size: 3 << 19, sha256: sha(big) });
    const png = await upload(clerk.token!, `/letters/${letter.id}`, 'photo.png', PNG);
    expect(png.status).toBe(201);

    const got = await bytesOf(clerk.token!, up.body.id);
    expect(got.status).toBe(200);
    expect(sha(got.bytes)).toBe(sha(big));
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toBe(
      'attachment; filename="__ ___.pdf"; filename*=UTF-8\'\'%E9%95%BF%E6%B2%BB%20%E7%AD%94%E5%A4%8D%E5%87%BD.pdf',
    );

    // The rows, read from the database itself while the server is down.
    expect(await server.stop()).toBe(0);
    const pg = await PGlite.create({ dataDir: join(dataDir, 'pgdata') });
    try {
      const rows = (
        await pg.query<{ id: string; sha256: string; size: number }>(
          'SELECT id, sha256, octet_length(bytes) AS size FROM attachment_blobs ORDER BY size DESC',
        )
      ).rows;
      expect(rows).toEqual([
        { id: up.body.id, sha256: sha(big), size: 3 << 19 },
        { id: png.body.id, sha256: sha(PNG), size: PNG.length },
      ]);
      const meta = await pg.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM records WHERE store = 'attachments'",
      );
      expect(meta.rows[0]!.n).toBe(2);
    } finally {
      await pg.close();
    }

    server = await startServer({ dataDir });
    const again = client(server.url, clerk.token);
    expect((await again.get(`/letters/${letter.id}/attachments`)).body).toHaveLength(2);
    expect(sha((await bytesOf(clerk.token!, up.body.id)).bytes)).toBe(sha(big));
    // Removed: the row goes too.
    expect((await again.del(`/attachments/${png.body.id}`)).status).toBe(204);
    expect((await bytesOf(clerk.token!, png.body.id)).status).toBe(404);
  });

  it('refuses a file over 20 MB with 413, naming it, and stores nothing', async () => {
    const clerk = await signIn(server.url, 'clerk');
    const letter = (await clerk.get('/letters?pageSize=1')).body.items[0];
    const at = `/letters/${letter.id}`;
    const before = (await clerk.get(`${at}/attachments`)).body.length;
    const over = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    over.set(PDF);
    const r = await upload(clerk.token!, at, 'over.pdf', over);
    expect(r.status).toBe(413);
    expect(r.body.detail).toBe('「over.pdf」超过 20 MB 的大小限制');
    // Without a session nothing of the file is read: 401 at once.
    const anon = await fetch(`${server.url}/api/v1${at}/attachments`, {
      method: 'POST',
      body: (() => {
        const form = new FormData();
        form.append('file', new File([PDF], 'x.pdf'));
        return form;
      })(),
    });
    expect(anon.status).toBe(401);
    expect((await clerk.get(`${at}/attachments`)).body).toHaveLength(before);
  });
});
