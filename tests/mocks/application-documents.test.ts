// @vitest-environment node
/**
 * The remaining 依申请公开 documents (issue #21): the 征求第三方意见书 (第三十二条, 15 working days
 * from receipt), the 收费通知书 (the fee rules' own computation, 20 working days to pay), and the
 * 答复书 of each outcome family with its ground's article and the remedies (复议机关 and court from
 * the settings) — each generated from a seeded application in the matching state and read back from
 * the Word XML; refused (422 errors.kind) in any other state.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  applicationDocument,
  applicationDocumentParagraphs,
  applicationKindApplies,
  feeComputation,
  type ApplicationForDocument,
} from '@/features/documents/application-documents';
import { decisionKindOf, OUTCOME_BASIS } from '@/features/documents/decision-texts';
import { quoted } from '@/features/documents/rules';
import type { ApplicationDocumentKind } from '@/features/documents/types';
import { OUTCOME_CODES, OUTCOME_REASONS } from '@/lib/disclosure-template';
import { as, call } from '../api';
import { seedOn } from '../seed-day';

seedOn('2026-11-26');

type Client = Awaited<ReturnType<typeof as>>;

/** The visible text of the Word file (runs joined). */
async function wordText(c: Client, attachmentId: string) {
  const file = await call<Uint8Array>('GET', `/attachments/${attachmentId}`, { token: c.token });
  expect(file.status).toBe(200);
  const xml = await (await JSZip.loadAsync(file.body)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

const applicant = {
  applicantType: 'natural_person',
  applicantName: '赵申请',
  contact: '13900000001',
  channel: 'online',
  description: '某养老机构2025年度运营补贴发放情况',
};

async function register(c: Client, receivedOn: string, extra: Partial<typeof applicant> = {}) {
  const made = await c.post('/applications', { ...applicant, ...extra, receivedOn });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.id as string;
}

/** One step on the application (with its current version). */
async function step(c: Client, id: string, action: string, body: object) {
  const cur = await c.get(`/applications/${id}`);
  const r = await call('POST', `/applications/${id}/${action}`, {
    token: c.token,
    body,
    headers: { 'If-Match': cur.headers.get('etag')! },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** Drafts the document as the dialog does (the record and the documents' settings), then issues it. */
async function issue(c: Client, id: string, kind: ApplicationDocumentKind) {
  const app = (await c.get(`/applications/${id}`)).body as ApplicationForDocument;
  const settings = (await c.get('/settings/document-numbering')).body;
  const paragraphs = applicationDocumentParagraphs(kind, app, {
    remedies: settings.remedies,
    contact: settings.contact,
  });
  return call('POST', `/applications/${id}/documents`, {
    token: c.token,
    body: { kind, paragraphs },
  });
}

describe('征求第三方意见书 (第三十二条)', () => {
  it('goes to the named third party while it is consulted, with its 15 working days from receipt', async () => {
    const [clerk, handler, admin] = await Promise.all([as('clerk'), as('handler'), as('admin')]);
    const id = await register(clerk, '2026-11-20');
    expect((await issue(clerk, id, 'consultation')).status).toBe(422);
    await step(clerk, id, 'assign', { sectionId: 'social_assistance' });
    await step(handler, id, 'consult-third-party', {
      sentOn: '2026-11-24',
      receivedOn: '2026-11-25',
      party: 'third_party',
      name: '长治市某某养老服务有限公司',
    });
    const settings = await admin.get('/settings/document-numbering');
    const saved = await call('PUT', '/settings/document-numbering', {
      token: admin.token,
      body: { ...settings.body, version: undefined, contact: '政务公开办 李某 0355-2000000' },
      headers: { 'If-Match': settings.headers.get('etag')! },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // The office issues it; the section that recorded the consultation does not.
    expect((await issue(handler, id, 'consultation')).status).toBe(403);
    const r = await issue(clerk, id, 'consultation');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'consultation',
      docNo: '长民公开〔2026〕1号',
      name: '政府信息公开征求第三方意见书_长民公开〔2026〕1号.docx',
    });
    const text = await wordText(clerk, r.body.attachmentId);
    expect(text).toContain(
      '政府信息公开征求第三方意见书长民公开〔2026〕1号长治市某某养老服务有限公司：',
    );
    expect(text).toContain(`申请公开的政府信息${applicant.description}`);
    expect(text).toContain('征求意见书送达日期2026年11月25日');
    // 15 working days from 2026-11-25, the day of receipt not counted: 2026-12-16.
    expect(text).toContain('提出意见期限2026年12月16日');
    expect(text).toContain('请贵方自收到本意见书之日起15个工作日内（即2026年12月16日前）');
    expect(text).toContain('贵方逾期未提出意见的，由本机关依照');
    expect(text).toContain('联系方式：政务公开办 李某 0355-2000000');
    // The request, not the requester: neither the applicant's name nor contact.
    expect(text).not.toContain('赵申请');
    expect(text).not.toContain('13900000001');
    // Once the third party has answered, the letter is no longer offered.
    await step(clerk, id, 'third-party-replied', { on: '2026-11-26', opinion: 'agree' });
    const late = await issue(clerk, id, 'consultation');
    expect(late.status).toBe(422);
    expect(late.body.errors.kind).toBe(
      '本申请没有正在进行的第三方征求意见，不能生成征求第三方意见书',
    );
  });
});

describe('收费通知书 (第四十二条, 国办函〔2020〕109号)', () => {
  it('states the standard, the amount as the fee rules compute it, and the last day to pay', async () => {
    const clerk = await as('clerk');
    // Two earlier applications of the same applicant this month: 按件 counts from the third.
    await register(clerk, '2026-11-02');
    await register(clerk, '2026-11-03', { contact: '139-0000-0001' });
    const id = await register(clerk, '2026-11-20');
    const none = await issue(clerk, id, 'fee_notice');
    expect(none.status).toBe(422);
    expect(none.body.errors.kind).toBe('本申请没有待缴费的收费通知，不能生成收费通知书');
    await step(clerk, id, 'fee-notice', {
      sentOn: '2026-11-25',
      receivedOn: '2026-11-26',
      method: 'per_item',
      count: 12,
    });
    const r = await issue(clerk, id, 'fee_notice');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.name).toBe('政府信息公开信息处理费收费通知书_长民公开〔2026〕1号.docx');
    const text = await wordText(clerk, r.body.attachmentId);
    expect(text).toContain('政府信息公开信息处理费收费通知书长民公开〔2026〕1号赵申请：');
    expect(text).toContain('计收方式按件计收');
    expect(text).toContain('计费数量12件');
    expect(text).toContain('应缴金额400元');
    // 20 working days from the day after receipt (2026-11-26): 2026-12-24.
    expect(text).toContain('缴费期限2026年12月24日');
    expect(text).toContain(
      '第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定',
    );
    expect(text).toContain(
      '收费标准（按件计收，超额累进，同一申请人一个自然月内累计计算）：1—10件免费；11—30件100元/件；31—40件200元/件；此后每10件为一档，每增加一档每件提高100元。',
    );
    expect(text).toContain(
      '计算方式：您本月此前已提出申请2件，本申请计12件，第3—10件免费，第11—14件4件×100元＝400元，合计应缴纳信息处理费400元。',
    );
    expect(text).toContain('（即2026年12月24日前）缴纳');
    expect(text).toContain('不计算在答复期限内。您逾期未缴纳的，视为放弃申请');
    expect(text).toContain('联系人：');
    expect(text).not.toContain('13900000001');
    // Paid: no longer offered.
    await step(clerk, id, 'fee-paid', { on: '2026-11-26' });
    expect((await issue(clerk, id, 'fee_notice')).status).toBe(422);
  });

  it('按量: the page bands and the computation from the same function as the notice’s amount', () => {
    expect(feeComputation('per_page', 150, 0)).toEqual({
      amount: 1700,
      standard: '1—30页免费；31—100页10元/页；101—200页20元/页；201页以上40元/页',
      steps: '第1—30页免费，第31—100页70页×10元＝700元，第101—150页50页×20元＝1000元',
    });
  });
});

describe('答复书 (第三十六条)', () => {
  it('不予公开: the ground and its article, the remedies with the configured 复议机关; only once so decided', async () => {
    const [clerk, admin, leader] = await Promise.all([as('clerk'), as('admin'), as('leader')]);
    const id = await register(clerk, '2026-11-20');
    const early = await issue(clerk, id, 'decision_withheld');
    expect(early.status).toBe(422);
    expect(early.body.errors.kind).toBe('本申请未作出不予公开的答复，不能生成该答复书');
    await step(clerk, id, 'decide', { outcome: '3.3.4', decidedOn: '2026-11-26' });
    // Decided: the notices of the steps are no longer offered, nor another family's 答复书.
    expect((await issue(clerk, id, 'decision_open')).status).toBe(422);
    expect((await issue(clerk, id, 'extension')).status).toBe(422);
    expect((await issue(leader, id, 'decision_withheld')).status).toBe(403);
    const settings = await admin.get('/settings/document-numbering');
    const put = await call('PUT', '/settings/document-numbering', {
      token: admin.token,
      body: {
        ...settings.body,
        version: undefined,
        remedies: { reviewOrgan: '长治市潞州区人民政府', court: '长治市城区人民法院' },
      },
      headers: { 'If-Match': settings.headers.get('etag')! },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const bad = await call('PUT', '/settings/document-numbering', {
      token: admin.token,
      body: { ...put.body, version: undefined, remedies: { reviewOrgan: ' ', court: 'x' } },
      headers: { 'If-Match': put.headers.get('etag')! },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual({ 'remedies.reviewOrgan': '必填' });

    const r = await issue(clerk, id, 'decision_withheld');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.name).toBe('政府信息公开申请答复书_长民公开〔2026〕1号.docx');
    const text = await wordText(clerk, r.body.attachmentId);
    expect(text).toContain('政府信息公开申请答复书长民公开〔2026〕1号赵申请：');
    expect(text).toContain('答复结果不予公开（保护第三方合法权益）');
    expect(text).toContain('依据《中华人民共和国政府信息公开条例》第十五条');
    expect(text).toContain(
      '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。根据《中华人民共和国政府信息公开条例》第十五条的规定，本机关决定不予公开。',
    );
    expect(text).toContain(
      '如对本答复不服，可以自收到本答复书之日起六十日内向长治市潞州区人民政府申请行政复议，或者自收到本答复书之日起六个月内向长治市城区人民法院提起行政诉讼。',
    );
    expect(text).not.toContain('13900000001');
    const trail = await clerk.get(`/audit?entity=application&id=${id}`);
    expect(trail.body.at(-1)).toMatchObject({
      detail: '签发政府信息公开申请答复书 长民公开〔2026〕1号，记为答复书文号',
      event: { type: 'document-issued', params: { kind: 'decision_withheld', replyNo: true } },
      before: { decision: { replyNo: null } },
      after: { decision: { replyNo: '长民公开〔2026〕1号' } },
    });
  });

  it('fills the decision’s empty 答复书文号 with the issued 答复书’s, and keeps one already recorded', async () => {
    const clerk = await as('clerk');
    const id = await register(clerk, '2026-11-20');
    await step(clerk, id, 'decide', { outcome: '3.1', decidedOn: '2026-11-26' });
    const before = await clerk.get(`/applications/${id}`);
    expect(before.body.decision.replyNo).toBeNull();
    const r = await issue(clerk, id, 'decision_open');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const after = await clerk.get(`/applications/${id}`);
    expect(after.body.decision.replyNo).toBe(r.body.docNo);
    expect(after.body.version).toBe(before.body.version + 1);
    // A second 答复书 (a corrected one) does not overwrite the number the decision carries.
    const again = await issue(clerk, id, 'decision_open');
    expect(again.status).toBe(201);
    expect(again.body.docNo).not.toBe(r.body.docNo);
    expect((await clerk.get(`/applications/${id}`)).body.decision.replyNo).toBe(r.body.docNo);
    const trail = await clerk.get(`/audit?entity=application&id=${id}`);
    expect(trail.body.at(-1).detail).toBe(`签发政府信息公开申请答复书 ${again.body.docNo}`);
    expect(trail.body.at(-1).event.params.replyNo).toBeUndefined();

    const byHand = await register(clerk, '2026-11-20');
    await step(clerk, byHand, 'decide', {
      outcome: '3.1',
      decidedOn: '2026-11-26',
      replyNo: '长民政依复〔2026〕9号',
    });
    expect((await issue(clerk, byHand, 'decision_open')).status).toBe(201);
    expect((await clerk.get(`/applications/${byHand}`)).body.decision.replyNo).toBe(
      '长民政依复〔2026〕9号',
    );
  });

  it('部分公开 says what is withheld and why; 无法提供 names the agency to ask, as recorded', async () => {
    const clerk = await as('clerk');
    const partial = await register(clerk, '2026-11-20');
    await step(clerk, partial, 'decide', {
      outcome: '3.2',
      decidedOn: '2026-11-26',
      reason: '补贴名单中的个人身份证号码和银行账号属于个人隐私（条例第十五条），已作遮盖处理。',
    });
    const a = await issue(clerk, partial, 'decision_partial');
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const ta = await wordText(clerk, a.body.attachmentId);
    expect(ta).toContain('答复结果部分公开');
    expect(ta).toContain('依据《中华人民共和国政府信息公开条例》第三十七条');
    expect(ta).toContain(
      '不予公开的内容及理由：补贴名单中的个人身份证号码和银行账号属于个人隐私（条例第十五条），已作遮盖处理。',
    );
    expect(ta).toContain('六十日内向长治市人民政府申请行政复议');
    expect(ta).toContain('六个月内向有管辖权的人民法院提起行政诉讼');

    const elsewhere = await register(clerk, '2026-11-20');
    await step(clerk, elsewhere, 'decide', {
      outcome: '3.4.1',
      decidedOn: '2026-11-26',
      reason: '该信息由长治市人力资源和社会保障局负责公开，联系电话0355-2020000。',
    });
    const b = await issue(clerk, elsewhere, 'decision_unavailable');
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    expect(b.body.docNo).toBe('长民公开〔2026〕2号');
    const tb = await wordText(clerk, b.body.attachmentId);
    expect(tb).toContain('答复结果无法提供（本机关不掌握相关政府信息）');
    expect(tb).toContain(
      '该政府信息不存在。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。',
    );
    expect(tb).toContain(
      '具体情况：该信息由长治市人力资源和社会保障局负责公开，联系电话0355-2020000。',
    );
    expect(tb).toContain('六十日内向长治市人民政府申请行政复议');
  });
});

describe('the drafts of every outcome', () => {
  const decided = (outcome: string): ApplicationForDocument => ({
    serialNo: 'YSQ-2026-0009',
    applicantName: '赵申请',
    receivedOn: '2026-11-02',
    description: 'd',
    ledger: [
      { kind: 'received', on: '2026-11-02' },
      { kind: 'correction_requested', on: '2026-11-04', correctionDueOn: '2026-11-18' },
      { kind: 'fee_notice', on: '2026-11-05', method: 'per_page', count: 40, amount: 100 },
    ],
    decision: { outcome, reason: OUTCOME_REASONS[outcome] },
    dueOn: null,
  });

  it('quotes the request without doubling its closing punctuation (「“…规划”。」)', () => {
    const app = { ...decided('3.1'), description: '申请公开殡葬设施专项规划。' };
    const [opening] = applicationDocumentParagraphs('decision_open', app);
    expect(opening).toBe(
      '本机关于2026年11月2日收到您提出的政府信息公开申请（YSQ-2026-0009）。您申请公开“申请公开殡葬设施专项规划”。',
    );
    expect(quoted(' 城市低保申请需要哪些材料？ ')).toBe('“城市低保申请需要哪些材料？”');
    expect(quoted('婚姻登记年报（纸质）；')).toBe('“婚姻登记年报（纸质）”');
  });

  it('offers each outcome family its own 答复书, and only that one', () => {
    const families = {
      '3.1': 'decision_open',
      '3.2': 'decision_partial',
      '3.3.1': 'decision_withheld',
      '3.3.8': 'decision_withheld',
      '3.4.2': 'decision_unavailable',
      '3.5.3': 'decision_declined',
      '3.6.2': 'decision_other',
    } as const;
    for (const [code, kind] of Object.entries(families)) {
      expect(decisionKindOf(code), code).toBe(kind);
      expect(applicationKindApplies(kind, decided(code)), code).toBe(true);
      expect(applicationKindApplies('decision_open', decided(code)), code).toBe(code === '3.1');
      expect(applicationKindApplies('fee_notice', decided(code)), code).toBe(false);
    }
  });

  it('offers no fee notice for nothing owed, and no letter to another agency (第三十四条 is not 第三十二条)', () => {
    const open = (ledger: ApplicationForDocument['ledger']): ApplicationForDocument => ({
      ...decided('3.1'),
      decision: null,
      ledger: [{ kind: 'received', on: '2026-11-02' }, ...ledger],
    });
    const fee = { kind: 'fee_notice', on: '2026-11-05', method: 'per_item', count: 3 };
    expect(applicationKindApplies('fee_notice', open([{ ...fee, amount: 0 }]))).toBe(false);
    expect(applicationKindApplies('fee_notice', open([{ ...fee, amount: 100 }]))).toBe(true);
    const consult = { kind: 'consult_sent', on: '2026-11-05', name: '某局' };
    expect(
      applicationKindApplies('consultation', open([{ ...consult, party: 'other_agency' }])),
    ).toBe(false);
    expect(
      applicationKindApplies('consultation', open([{ ...consult, party: 'third_party' }])),
    ).toBe(true);
  });

  it('cites the article the decision’s own reason cites, and always the remedies', () => {
    for (const code of OUTCOME_CODES) {
      const basis = OUTCOME_BASIS[code];
      const article = basis?.match(/第[一二三四五六七八九十]+条/)?.[0];
      if (article && !code.startsWith('3.6.2'))
        expect(OUTCOME_REASONS[code], code).toContain(article);
      const kind = decisionKindOf(code)!;
      const doc = applicationDocument(
        kind,
        decided(code),
        { organisation: '长治市民政局', today: '2026-11-26' },
        'x',
      );
      const text = doc.paragraphs.join('');
      if (basis) expect(text, code).toContain(basis);
      expect(doc.fields.find((f) => f.label === '依据')?.value ?? null, code).toBe(basis);
      expect(doc.paragraphs.at(-2), code).toBe(
        '如对本答复不服，可以自收到本答复书之日起六十日内向长治市人民政府申请行政复议，或者自收到本答复书之日起六个月内向有管辖权的人民法院提起行政诉讼。',
      );
    }
    const article14 = applicationDocument(
      'decision_withheld',
      decided('3.3.1'),
      { organisation: '长治市民政局', today: '2026-11-26' },
      'x',
    );
    expect(article14.fields.at(-2)).toEqual({
      label: '答复结果',
      value: '不予公开（属于国家秘密）',
    });
    expect(article14.paragraphs[1]).toBe(
      '经审查，您申请公开的政府信息属于依法确定为国家秘密的政府信息。根据《中华人民共和国政府信息公开条例》第十四条的规定，本机关决定不予公开。',
    );
    expect(applicationDocumentParagraphs('decision_other', decided('3.6.1'))[1]).toBe(
      '本机关已于2026年11月4日告知您补正申请，补正期限为2026年11月18日。您无正当理由逾期未补正，根据《中华人民共和国政府信息公开条例》第三十条的规定，视为放弃申请，本机关不再处理您的政府信息公开申请。',
    );
  });
});
