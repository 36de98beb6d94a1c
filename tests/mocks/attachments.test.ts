// @vitest-environment node
/**
 * Attachments (issue #21) through HTTP: every accepted type, content checked against the name,
 * the size limit, the roles and scope on every path, the SHA-256 check and the audit trail.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  detectType,
  MAX_ATTACHMENT_BYTES,
  storedName,
  zipEntryNames,
} from '@/features/attachments/rules';
import type { Attachment } from '@/features/attachments/types';
import type { LetterRecord } from '@/features/letters/types';
import { blobs, MemoryBlobStore } from '@mocks/blobs';
import { db } from '@mocks/db';
import { as, call } from '../api';
import { DOC, docx, EXE, JPEG, ofd, PDF, plainZip, PNG, XLS, xlsx } from '../attachment-files';
import { seedOn } from '../seed-day';

seedOn('2026-11-26');

type Client = Awaited<ReturnType<typeof as>>;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function upload(c: Client | null, parentPath: string, name: string, data: Uint8Array) {
  const form = new FormData();
  form.append('file', new File([data as Uint8Array<ArrayBuffer>], name));
  return call<Attachment & { errors?: Record<string, string>; detail?: string }>(
    'POST',
    `${parentPath}/attachments`,
    { token: c?.token ?? null, form },
  );
}
const getFile = (c: Client | null, id: string, inline = false) =>
  call<Uint8Array>('GET', `/attachments/${id}${inline ? '?inline=1' : ''}`, {
    token: c?.token ?? null,
  });

/** Assigned letters: one of the handler's section (social_assistance), one of another. */
function letters() {
  const open = db.letters.all().filter((l: LetterRecord) => l.status === 'assigned');
  return {
    own: `/letters/${open.find((l) => l.sectionId === 'social_assistance')!.id}`,
    other: `/letters/${open.find((l) => l.sectionId !== 'social_assistance')!.id}`,
    ownId: open.find((l) => l.sectionId === 'social_assistance')!.id,
  };
}
const memory = () => blobs() as MemoryBlobStore;

describe('attachment rules', () => {
  it('reads the type from the content, a zip from its entries', async () => {
    expect(detectType(PDF)).toBe('pdf');
    expect(detectType(JPEG)).toBe('jpeg');
    expect(detectType(PNG)).toBe('png');
    expect(detectType(DOC)).toBe('doc');
    expect(detectType(XLS)).toBe('xls');
    expect(detectType(await docx())).toBe('docx');
    expect(detectType(await xlsx())).toBe('xlsx');
    expect(detectType(await ofd())).toBe('ofd');
    expect(detectType(await plainZip())).toBeNull();
    expect(detectType(EXE)).toBeNull();
    expect(detectType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    expect(zipEntryNames(await ofd())).toEqual(['OFD.xml', 'Doc_0/', 'Doc_0/Document.xml']);
  });

  it('keeps the last segment of a name, made safe', () => {
    expect(storedName('C:\\fakepath\\答复函.pdf')).toBe('答复函.pdf');
    expect(storedName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(storedName('a\u0000b\u202Efdp.exe.pdf')).toBe('a_b_fdp.exe.pdf');
  });

  it('sends a Chinese name in RFC 5987 form with an ASCII fallback', () => {
    expect(contentDisposition('attachment', '答复函 (定稿).pdf')).toBe(
      'attachment; filename="___ (__).pdf"; filename*=UTF-8\'\'%E7%AD%94%E5%A4%8D%E5%87%BD%20%28%E5%AE%9A%E7%A8%BF%29.pdf',
    );
    expect(contentDisposition('inline', 'a"b;c.png')).toBe(
      'inline; filename="a_b_c.png"; filename*=UTF-8\'\'a_b%3Bc.png',
    );
  });
});

describe('attachments over HTTP', () => {
  it('takes every accepted type and gives back the same bytes with safe headers', async () => {
    const clerk = await as('clerk');
    const { own } = letters();
    const files: [string, Uint8Array, string, string][] = [
      ['扫描件.pdf', PDF, 'pdf', 'application/pdf'],
      ['photo.JPG', JPEG, 'jpeg', 'image/jpeg'],
      ['photo.png', PNG, 'png', 'image/png'],
      ['公文.ofd', await ofd(), 'ofd', 'application/ofd'],
      ['old.doc', DOC, 'doc', 'application/msword'],
      [
        '答复函.docx',
        await docx(),
        'docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      ['old.xls', XLS, 'xls', 'application/vnd.ms-excel'],
      [
        '统计表.xlsx',
        await xlsx(),
        'xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    ];
    const ids: string[] = [];
    for (const [name, data, type, mime] of files) {
      const r = await upload(clerk, own, name, data);
      expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(201);
      expect(r.body).toMatchObject({
        parentType: 'letters',
        parentId: own.split('/')[2],
        name,
        type,
        size: data.length,
        sha256: sha(data),
        uploadedBy: { id: 'u-clerk', name: expect.any(String) },
      });
      expect(r.body.id).toMatch(/^[0-9a-f-]{36}$/);
      ids.push(r.body.id);
      const got = await getFile(clerk, r.body.id);
      expect(got.status).toBe(200);
      expect([...got.body]).toEqual([...data]);
      expect(got.headers.get('content-type')).toBe(mime);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('content-disposition')).toBe(contentDisposition('attachment', name));
    }
    const list = await clerk.get<Attachment[]>(`${own}/attachments`);
    expect(list.body.map((a) => a.id)).toEqual(ids);
    // Preview: inline only for PDF and images.
    expect((await getFile(clerk, ids[0]!, true)).headers.get('content-disposition')).toMatch(
      /^inline; /,
    );
    expect((await getFile(clerk, ids[2]!, true)).headers.get('content-disposition')).toMatch(
      /^inline; /,
    );
    expect((await getFile(clerk, ids[5]!, true)).headers.get('content-disposition')).toMatch(
      /^attachment; /,
    );
    expect(memory().map.size).toBe(8);
  });

  it('refuses content that is not what the name says, naming the file, and stores nothing', async () => {
    const clerk = await as('clerk');
    const { own } = letters();
    const before = db.attachments.size;
    const png = await upload(clerk, own, 'scan.pdf', PNG);
    expect(png.status).toBe(422);
    expect(png.body.errors).toEqual({ file: '「scan.pdf」的内容是PNG 图片，与扩展名 .pdf 不符' });
    const exe = await upload(clerk, own, 'setup.pdf', EXE);
    expect(exe.status).toBe(422);
    expect(exe.body.errors!.file).toBe(
      '「setup.pdf」不是可接受的文件类型（PDF、JPG、PNG、OFD、DOC/DOCX、XLS/XLSX）',
    );
    const renamed = await upload(clerk, own, 'tool.exe', PDF);
    expect(renamed.status).toBe(422);
    expect(renamed.body.errors!.file).toBe('「tool.exe」的内容是PDF 文件，与扩展名 .exe 不符');
    const zip = await upload(clerk, own, 'x.docx', await plainZip());
    expect(zip.status).toBe(422);
    const empty = await upload(clerk, own, 'empty.pdf', new Uint8Array());
    expect(empty.status).toBe(422);
    expect(empty.body.errors!.file).toBe('「empty.pdf」是空文件');
    // No file at all, or a JSON body.
    expect((await clerk.post(`${own}/attachments`, { file: 'x' })).status).toBe(422);
    // In English for an English caller.
    const form = new FormData();
    form.append('file', new File([PNG], 'scan.pdf'));
    const en = await call('POST', `${own}/attachments`, {
      token: clerk.token,
      form,
      headers: { 'Accept-Language': 'en-US' },
    });
    expect(en.body.errors.file).toBe(
      'The content of “scan.pdf” is a PNG image, not what its extension .pdf says',
    );
    expect(db.attachments.size).toBe(before);
    expect(memory().map.size).toBe(0);
  });

  it('answers 413 above 20 MB, naming the file and the limit', async () => {
    const clerk = await as('clerk');
    const { own } = letters();
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PDF);
    const r = await upload(clerk, own, '大文件.pdf', big);
    expect(r.status).toBe(413);
    expect(r.body.detail).toBe('「大文件.pdf」超过 20 MB 的大小限制');
    const limit = await upload(clerk, own, 'just.pdf', big.subarray(0, MAX_ATTACHMENT_BYTES));
    expect(limit.status).toBe(201);
    expect(limit.body.size).toBe(20 * 1024 * 1024);
  });

  it("keeps a section officer to their section's letters; a leader reads; the office removes", async () => {
    const clerk = await as('clerk');
    const handler = await as('handler');
    const leader = await as('leader');
    const handler2 = await as('handler2');
    const { own, other } = letters();
    const mine = await upload(handler, own, 'reply.pdf', PDF);
    expect(mine.status).toBe(201);
    const theirs = await upload(clerk, other, 'other.pdf', PDF);
    expect(theirs.status).toBe(201);
    // The handler: their section's letter yes, another's is absent on every path.
    expect((await handler.get(`${own}/attachments`)).status).toBe(200);
    expect((await getFile(handler, mine.body.id)).status).toBe(200);
    expect((await upload(handler, other, 'x.pdf', PDF)).status).toBe(404);
    expect((await handler.get(`${other}/attachments`)).status).toBe(404);
    expect((await getFile(handler, theirs.body.id)).status).toBe(404);
    expect((await handler.del(`/attachments/${theirs.body.id}`)).status).toBe(404);
    // …and removes nothing, even on their own letter.
    expect((await handler.del(`/attachments/${mine.body.id}`)).status).toBe(403);
    // Another section's officer does not see the first one's file.
    expect((await getFile(handler2, mine.body.id)).status).toBe(404);
    // A leader reads, never writes.
    expect((await leader.get(`${own}/attachments`)).body).toHaveLength(1);
    expect((await getFile(leader, mine.body.id)).status).toBe(200);
    expect((await upload(leader, own, 'x.pdf', PDF)).status).toBe(403);
    expect((await leader.del(`/attachments/${mine.body.id}`)).status).toBe(403);
    // Catalogue entries and review cases are the office's: a handler gets 403 as on the records.
    const entry = `/catalogue/${db.catalogue.all()[0]!.id}`;
    const cat = await upload(clerk, entry, 'notice.pdf', PDF);
    expect(cat.status).toBe(201);
    expect((await upload(handler, entry, 'x.pdf', PDF)).status).toBe(403);
    expect((await handler.get(`${entry}/attachments`)).status).toBe(403);
    expect((await getFile(handler, cat.body.id)).status).toBe(403);
    expect((await leader.get(`${entry}/attachments`)).status).toBe(200);
    // Nobody without a session, on any path; an unknown id or parent is 404.
    expect((await upload(null, own, 'x.pdf', PDF)).status).toBe(401);
    expect((await call('GET', `${own}/attachments`)).status).toBe(401);
    expect((await getFile(null, mine.body.id)).status).toBe(401);
    expect((await call('DELETE', `/attachments/${mine.body.id}`)).status).toBe(401);
    expect((await getFile(clerk, crypto.randomUUID())).status).toBe(404);
    expect((await upload(clerk, '/letters/no-such-letter', 'x.pdf', PDF)).status).toBe(404);
    expect((await upload(clerk, '/users/u-leader', 'x.pdf', PDF)).status).toBe(404);
    // Both removed by the office: 204, then gone.
    expect((await clerk.del(`/attachments/${mine.body.id}`)).status).toBe(204);
    expect((await getFile(clerk, mine.body.id)).status).toBe(404);
    expect(memory().map.has(mine.body.id)).toBe(false);
  });

  it('takes files on applications and review cases too', async () => {
    const clerk = await as('clerk');
    const app = `/applications/${db.applications.all()[0]!.id}`;
    const review = await clerk.post('/reviews', {
      kind: 'review',
      filedOn: '2020-01-02',
      result: 'pending',
    });
    for (const parent of [app, `/reviews/${review.body.id}`]) {
      const r = await upload(clerk, parent, '决定书.pdf', PDF);
      expect(r.status, parent).toBe(201);
      expect(r.body.parentType).toBe(parent.split('/')[1]);
      expect((await clerk.get<Attachment[]>(`${parent}/attachments`)).body).toHaveLength(1);
    }
  });

  it('refuses to send bytes that no longer match their SHA-256', async () => {
    const clerk = await as('clerk');
    const { own } = letters();
    const r = await upload(clerk, own, 'scan.pdf', PDF);
    const stored = memory().map.get(r.body.id)!;
    stored.bytes[10] = stored.bytes[10]! ^ 0xff;
    const got = await call('GET', `/attachments/${r.body.id}`, { token: clerk.token });
    expect(got.status).toBe(500);
    expect(got.headers.get('content-type')).toBe('application/problem+json');
    expect(got.body).toMatchObject({
      type: 'https://gkwb.changzhi.example/problems/file-damaged',
      title: 'File damaged',
      detail: '附件「scan.pdf」已损坏（校验值不符），请联系系统管理员',
    });
    expect(JSON.stringify(got.body)).not.toMatch(/at |Error|stack/);
  });

  it("records the upload and the removal in the parent's history", async () => {
    const clerk = await as('clerk');
    const { own, ownId } = letters();
    const r = await upload(clerk, own, '答复函.pdf', PDF);
    expect((await clerk.del(`/attachments/${r.body.id}`)).status).toBe(204);
    expect((await clerk.get(`${own}/attachments`)).body).toEqual([]);
    const trail = await clerk.get<{ action: string; event?: { type: string; params: object } }[]>(
      `/audit?entity=letter&id=${ownId}`,
    );
    const events = trail.body.filter((e) => e.action.startsWith('attachment-'));
    expect(events.map((e) => [e.action, e.event])).toEqual([
      [
        'attachment-add',
        {
          type: 'attachment-added',
          params: { attachmentId: r.body.id, name: '答复函.pdf', type: 'pdf', size: PDF.length },
        },
      ],
      [
        'attachment-remove',
        {
          type: 'attachment-removed',
          params: {
            attachmentId: r.body.id,
            name: '答复函.pdf',
            type: 'pdf',
            size: PDF.length,
            sha256: sha(PDF),
          },
        },
      ],
    ]);
  });

  it('drops the bytes with the records on a reset', async () => {
    const clerk = await as('clerk');
    await upload(clerk, letters().own, 'scan.pdf', PDF);
    expect(memory().map.size).toBe(1);
    await db.reseed();
    expect(memory().map.size).toBe(0);
    expect(db.attachments.size).toBe(0);
  });
});

describe("attachments in every record's history, in the viewer's language", () => {
  it('names the file in either language', async () => {
    const { describeSharedEvent } = await import('@/components/audit-timeline');
    const { registerCatalog, translate } = await import('@/lib/i18n/core');
    const { enUS } = await import('@/locales/en-US');
    registerCatalog('en-US', enUS);
    const entry = (type: string) => ({
      at: '2026-11-26T10:00:00+08:00',
      actor: { name: '王芳' },
      action: 'attachment-add',
      detail: '添加附件「答复函.pdf」',
      event: { type, params: { attachmentId: 'x', name: '答复函.pdf', type: 'pdf', size: 9 } },
    });
    const say = (locale: 'zh-CN' | 'en-US', type: string) =>
      describeSharedEvent(entry(type), (k, p) => translate(locale, k, p));
    expect(say('zh-CN', 'attachment-added')).toBe('添加附件「答复函.pdf」');
    expect(say('en-US', 'attachment-added')).toBe('Added the attachment “答复函.pdf”');
    expect(say('en-US', 'attachment-removed')).toBe('Removed the attachment “答复函.pdf”');
    expect(say('en-US', 'created')).toBeNull(); // the feature's own events are the feature's
  });
});
