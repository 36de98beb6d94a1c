// @vitest-environment node
/**
 * Documents generated from the record (issue #21): the 文号 scheme (per year, never reused,
 * distinct under concurrent issues), the Word files' content, the stored attachment and the
 * history event, and who may issue what.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { officialDocumentBytes } from '@/features/documents/docx';
import {
  applicationDocument,
  applicationKindApplies,
} from '@/features/documents/application-documents';
import { formatDocNo, letterDocument } from '@/features/documents/rules';
import type { LetterRecord } from '@/features/letters/types';
import { setToday } from '@mocks/clock';
import { db } from '@mocks/db';
import { memoryStorage } from '@mocks/memory-storage';
import { takeDocNo } from '../../server/domain/documents';
import { as, call } from '../api';
import { seedOn } from '../seed-day';

seedOn('2026-11-26');

type Client = Awaited<ReturnType<typeof as>>;

const wordXml = async (bytes: Uint8Array) =>
  (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
/** The visible text of the Word XML (runs joined), so a phrase split over runs still matches. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** An assigned letter of the handler's section (社会救助科) and one of another section. */
function letters() {
  const open = db.letters.all().filter((l: LetterRecord) => l.status === 'assigned');
  return {
    own: open.find((l) => l.sectionId === 'social_assistance')!,
    other: open.find((l) => l.sectionId !== 'social_assistance')!,
  };
}

async function issue(c: Client, id: string, body: unknown, key?: string) {
  return call('POST', `/letters/${id}/documents`, {
    token: c.token,
    body,
    headers: key ? { 'Idempotency-Key': key } : {},
  });
}
const transfer = { kind: 'transfer', paragraphs: ['现将来信转你科室办理。', '请按期办结。'] };

describe('文号', () => {
  it('is 机关代字〔年份〕序号号', () => {
    expect(formatDocNo('长民公开', 2026, 12)).toBe('长民公开〔2026〕12号');
  });

  it('counts per family and year from 1, and never gives a number twice', async () => {
    const take = (kind: 'transfer' | 'reply', day: string) =>
      memoryStorage.write((tx) => takeDocNo(tx, kind, day));
    expect(await take('transfer', '2026-11-26')).toBe('长民信转〔2026〕1号');
    expect(await take('transfer', '2026-11-27')).toBe('长民信转〔2026〕2号');
    expect(await take('reply', '2026-11-27')).toBe('长民信复〔2026〕1号');
    expect(await take('transfer', '2027-01-04')).toBe('长民信转〔2027〕1号');
    expect(await take('transfer', '2026-12-31')).toBe('长民信转〔2026〕3号');
  });

  it('is set by the admin (versioned), previewed, and used from the next issue on', async () => {
    const admin = await as('admin');
    const clerk = await as('clerk');
    const cur = await admin.get('/settings/document-numbering');
    expect(cur.body).toEqual({
      transfer: { prefix: '长民信转' },
      reply: { prefix: '长民信复' },
      disclosure: { prefix: '长民公开' },
      remedies: { reviewOrgan: '长治市人民政府', court: '有管辖权的人民法院' },
      contact: '',
      version: 0,
    });
    const body = { ...cur.body, transfer: { prefix: '长民公开' }, version: undefined };
    expect((await clerk.putCurrent('/settings/document-numbering', body)).status).toBe(403);
    const bad = await admin.putCurrent('/settings/document-numbering', {
      ...body,
      reply: { prefix: '长民〔' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors['reply.prefix']).toBe(
      '机关代字为1至20个汉字、字母或数字，不含括号、空格',
    );
    const noMatch = await admin.put('/settings/document-numbering', body);
    expect(noMatch.status).toBe(428);
    expect((await admin.putCurrent('/settings/document-numbering', body)).status).toBe(200);
    expect((await clerk.get('/documents/next-numbers')).body).toEqual({
      year: 2026,
      next: { transfer: 1, reply: 1, disclosure: 1 },
    });
    const r = await issue(clerk, letters().own.id, transfer);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.docNo).toBe('长民公开〔2026〕1号');
    expect((await clerk.get('/documents/next-numbers')).body.next.transfer).toBe(2);
  });
});

describe('issuing a letter’s document', () => {
  it('stores the Word file as an attachment with the record’s fields and writes the event', async () => {
    const clerk = await as('clerk');
    const { own } = letters();
    const r = await issue(clerk, own.id, transfer);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'transfer',
      docNo: '长民信转〔2026〕1号',
      name: '来信转办单_长民信转〔2026〕1号.docx',
    });
    const list = await clerk.get(`/letters/${own.id}/attachments`);
    const att = list.body.find((a: { id: string }) => a.id === r.body.attachmentId);
    expect(att).toMatchObject({ type: 'docx', name: '来信转办单_长民信转〔2026〕1号.docx' });
    const file = await call<Uint8Array>('GET', `/attachments/${att.id}`, { token: clerk.token });
    expect(file.status).toBe(200);
    const text = textOf(await wordXml(file.body));
    expect(text).toContain('来信转办单');
    expect(text).toContain('长民信转〔2026〕1号');
    expect(text).toContain(own.serialNo);
    expect(text).toContain(`来信人${own.citizenName}`);
    const [y, m, d] = own.dueOn.split('-');
    expect(text).toContain(`办结期限${y}年${Number(m)}月${Number(d)}日`);
    expect(text).toContain('承办科室社会救助科');
    expect(text).toContain('现将来信转你科室办理。请按期办结。');
    expect(text).toContain('长治市民政局2026年11月26日');
    // Name only: no phone on a paper that goes round the sections.
    if (own.citizenPhone) expect(text).not.toContain(own.citizenPhone);
    const trail = await clerk.get(`/audit?entity=letter&id=${own.id}`);
    const last = trail.body.at(-1);
    expect(last).toMatchObject({
      action: 'document',
      detail: '签发来信转办单 长民信转〔2026〕1号',
      event: {
        type: 'document-issued',
        params: { kind: 'transfer', docNo: '长民信转〔2026〕1号' },
      },
    });
  });

  it('gives concurrent issues distinct numbers, and a replayed key no new one', async () => {
    const clerk = await as('clerk');
    const { own, other } = letters();
    const rs = await Promise.all([
      issue(clerk, own.id, transfer),
      issue(clerk, other.id, transfer),
      issue(clerk, own.id, transfer, 'k1'),
      issue(clerk, own.id, transfer, 'k1'),
    ]);
    expect(rs.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const nos = rs.map((r) => r.body.docNo as string);
    expect(nos[2]).toBe(nos[3]);
    expect(new Set(nos).size).toBe(3);
    expect([...new Set(nos)].sort()).toEqual([
      '长民信转〔2026〕1号',
      '长民信转〔2026〕2号',
      '长民信转〔2026〕3号',
    ]);
    expect((await clerk.get('/documents/next-numbers')).body.next.transfer).toBe(4);
  });

  it('checks roles, scope and what the record holds', async () => {
    const [clerk, leader, handler] = await Promise.all([as('clerk'), as('leader'), as('handler')]);
    const { own, other } = letters();
    const reply = { kind: 'reply', paragraphs: ['特此函复。'] };
    expect((await issue(leader, own.id, transfer)).status).toBe(403);
    expect((await issue(handler, own.id, transfer)).status).toBe(403);
    expect((await issue(handler, other.id, reply)).status).toBe(404);
    const noReply = await issue(handler, own.id, reply);
    expect(noReply.status).toBe(422);
    expect(noReply.body.errors.kind).toBe('本件尚未答复，不能生成答复函');
    const cur = await clerk.get(`/letters/${own.id}`);
    const replied = await call('POST', `/letters/${own.id}/reply`, {
      token: clerk.token,
      body: {
        content: '经核实，已为您办理。\n请留意短信通知。',
        method: 'written',
        repliedOn: '2026-11-26',
      },
      headers: { 'If-Match': cur.headers.get('etag')! },
    });
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);
    const empty = await issue(handler, own.id, { kind: 'reply', paragraphs: ['  '] });
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.errors)).toEqual(['paragraphs']);
    const ok = await issue(handler, own.id, reply);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.docNo).toBe('长民信复〔2026〕1号');
  });
});

describe('the builder', () => {
  it('writes the 答复函 to the citizen with the reply’s paragraphs, XML-safe', async () => {
    setToday('2026-12-05');
    try {
      const letter = letters().own;
      const doc = letterDocument(
        'reply',
        {
          ...letter,
          reply: { content: '第一段\n第二段\u0001' },
        },
        { organisation: '长治市民政局', sectionName: () => '社会救助科', today: '2026-12-05' },
        '长民信复〔2026〕7号',
      );
      expect(doc.paragraphs.slice(1, 3)).toEqual(['第一段', '第二段\u0001']);
      const text = textOf(await wordXml(await officialDocumentBytes(doc)));
      expect(text).toContain(`来信答复函长民信复〔2026〕7号${letter.citizenName}：`);
      expect(text).toContain('第一段第二段如对本答复有意见');
      expect(text).not.toContain('\u0001');
      expect(text).toContain('特此函复。长治市民政局2026年12月5日');
    } finally {
      setToday(null);
    }
  });
});

describe('an application’s 告知书', () => {
  async function awaitingCorrection(clerk: Client) {
    const made = await clerk.post('/applications', {
      applicantType: 'natural_person',
      applicantName: '王申请',
      contact: '13800000000',
      channel: 'online',
      receivedOn: '2026-11-26',
      description: '2025年低保资金发放明细',
    });
    expect(made.status).toBe(201);
    const path = `/applications/${made.body.id}`;
    const r = await call('POST', `${path}/request-correction`, {
      token: clerk.token,
      body: { note: '请明确年份', requestedOn: '2026-11-26', correctionDueOn: '2026-12-11' },
      headers: { 'If-Match': made.headers.get('etag')! },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return path;
  }

  it('issues the 补正告知书 with the 补正期限 while the correction is awaited, in the disclosure numbering', async () => {
    const [clerk, leader] = await Promise.all([as('clerk'), as('leader')]);
    const path = await awaitingCorrection(clerk);
    const body = { kind: 'correction', paragraphs: ['请于2026年12月11日前补正。'] };
    expect((await call('POST', `${path}/documents`, { token: leader.token, body })).status).toBe(
      403,
    );
    const notExtended = await call('POST', `${path}/documents`, {
      token: clerk.token,
      body: { kind: 'extension', paragraphs: ['x'] },
    });
    expect(notExtended.status).toBe(422);
    expect(notExtended.body.errors.kind).toBe(
      '本申请未延期答复或已作出答复，不能生成延期答复告知书',
    );
    const r = await call('POST', `${path}/documents`, { token: clerk.token, body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'correction',
      docNo: '长民公开〔2026〕1号',
      name: '政府信息公开申请补正告知书_长民公开〔2026〕1号.docx',
    });
    const file = await call<Uint8Array>('GET', `/attachments/${r.body.attachmentId}`, {
      token: clerk.token,
    });
    const text = textOf(await wordXml(file.body));
    expect(text).toContain('政府信息公开申请补正告知书长民公开〔2026〕1号王申请：');
    expect(text).toContain('申请人王申请');
    expect(text).toContain('申请内容2025年低保资金发放明细');
    expect(text).toContain('补正期限2026年12月11日');
    expect(text).toContain('请于2026年12月11日前补正。');
    expect(text).not.toContain('13800000000');
  });

  it('drafts the notices in the regulation’s words', () => {
    const app = {
      serialNo: 'YSQ-2026-0001',
      applicantName: '王申请',
      receivedOn: '2026-11-26',
      description: 'd',
      ledger: [
        { kind: 'received', on: '2026-11-26' },
        { kind: 'extended', on: '2026-12-10' },
      ],
      decision: null,
      dueOn: '2027-01-25',
    };
    const doc = letterlessDraft(app);
    expect(doc.fields.at(-1)).toEqual({ label: '延长后答复期限', value: '2027年1月25日' });
    expect(doc.paragraphs[0]).toContain('第三十三条第二款');
    expect(doc.paragraphs[0]).toContain('本机关将于2027年1月25日前作出答复');
    expect(applicationKindApplies('extension', { ...app, decision: { outcome: '3.1' } })).toBe(
      false,
    );
    expect(applicationKindApplies('correction', app)).toBe(false);
  });
});

const letterlessDraft = (app: Parameters<typeof applicationDocument>[1]) =>
  applicationDocument('extension', app, { organisation: '长治市民政局', today: '2026-12-10' }, 'x');
