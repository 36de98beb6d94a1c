/**
 * Documents generated from the record (issue #21): the 文号, who may issue what, and the draft of
 * each document as the record fills it. Pure: shared by the backend (which issues) and the UI
 * (which previews). The document text is Chinese whatever the UI's language: it is an official
 * Chinese document.
 */
import type { Role, SectionId } from '@/types/api';
import type {
  ApplicationDocumentKind,
  DocumentFamily,
  DocumentKind,
  LetterDocumentKind,
} from './types';

/** 文号 in the national format 机关代字〔年份〕序号 (GB/T 9704): 「长民公开〔2026〕12号」. */
export const formatDocNo = (prefix: string, year: number, seq: number) =>
  `${prefix}〔${year}〕${seq}号`;

/** The counter of a family's numbers in a year (never reset, never reused). */
export const docNoCounter = (family: DocumentFamily, year: number) => `docno:${family}:${year}`;

/** A letter's documents have a family each; every 依申请公开 告知书 shares 「disclosure」. */
export const familyOf = (kind: DocumentKind): DocumentFamily =>
  kind === 'transfer' || kind === 'reply' ? kind : 'disclosure';

/** The document's name: 转办单, 答复函, 补正告知书, …. */
export const KIND_TITLE: Record<DocumentKind, string> = {
  transfer: '来信转办单',
  reply: '来信答复函',
  correction: '政府信息公开申请补正告知书',
  extension: '政府信息公开申请延期答复告知书',
};

/** What the documents read of a letter (as presented). */
export interface LetterForDocument {
  serialNo: string;
  citizenName: string;
  receivedOn: string;
  subject: string;
  sectionId: SectionId | null;
  dueOn: string;
  reply: { content: string } | null;
}

/** What the record must hold for a kind: a section to transfer to, a reply to send. */
export const letterKindApplies = (
  kind: LetterDocumentKind,
  letter: Pick<LetterForDocument, 'sectionId' | 'reply'>,
) => (kind === 'transfer' ? letter.sectionId !== null : letter.reply !== null);

/**
 * Who issues: the office (admin, clerk) both kinds; a section officer the 答复函 of their section's
 * letters (the section itself is checked on the record); leaders read only.
 */
export function mayIssueLetterDocument(role: Role, kind: LetterDocumentKind) {
  if (role === 'admin' || role === 'clerk') return true;
  return role === 'handler' && kind === 'reply';
}

/** 2026-12-05 → 2026年12月5日 (the 公文 way of writing a date). */
export const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** One labelled line of a document's head (a table row in the Word file). */
export interface DocumentField {
  label: string;
  value: string;
}

/** A document as the builder lays it out. */
export interface OfficialDocument {
  title: string;
  /** 文号; a placeholder in a draft. */
  docNo: string;
  /** 主送: the addressee line ending in ：, or none. */
  addressee: string | null;
  fields: DocumentField[];
  paragraphs: string[];
  /** 落款: the issuing authority and the date. */
  organisation: string;
  date: string;
}

export interface LetterDocumentContext {
  organisation: string;
  sectionName: (id: string | null) => string;
  /** The day of issue (ISO). */
  today: string;
}

/** The head of the document: what the record says, not editable. */
export function letterDocumentFields(
  kind: LetterDocumentKind,
  letter: LetterForDocument,
  ctx: LetterDocumentContext,
): DocumentField[] {
  if (kind === 'transfer')
    return [
      { label: '来信编号', value: letter.serialNo },
      // The citizen by name only: the 转办单 goes round the sections (no phone, no ID).
      { label: '来信人', value: letter.citizenName },
      { label: '收信日期', value: chineseDate(letter.receivedOn) },
      { label: '来信摘要', value: letter.subject },
      { label: '承办科室', value: ctx.sectionName(letter.sectionId) },
      { label: '办结期限', value: chineseDate(letter.dueOn) },
    ];
  // A 答复函 is a letter to the citizen: addressee and body, no form.
  return [];
}

const lines = (text: string) =>
  text
    .split(/[\r\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The body as first drafted; the user may edit it before issuing. */
export function letterDocumentParagraphs(
  kind: LetterDocumentKind,
  letter: LetterForDocument,
  ctx: LetterDocumentContext,
): string[] {
  if (kind === 'transfer')
    return [
      `现将${letter.citizenName}来信（${letter.serialNo}，“${letter.subject}”）转你科室办理。`,
      `办理要求：请认真核实来信反映的问题，依法依规办理，于${chineseDate(letter.dueOn)}前办结，并将答复意见报局政务公开办。确需延期的，请在期限届满前提出申请。`,
    ];
  return [
    `您于${chineseDate(letter.receivedOn)}反映的“${letter.subject}”来信收悉。经${ctx.sectionName(letter.sectionId)}调查核实，现答复如下：`,
    ...lines(letter.reply?.content ?? ''),
    '如对本答复有意见，可自收到本答复之日起30日内向我局政务公开办反映。',
    '特此函复。',
  ];
}

export function letterDocument(
  kind: LetterDocumentKind,
  letter: LetterForDocument,
  ctx: LetterDocumentContext,
  docNo: string,
  paragraphs: string[] = letterDocumentParagraphs(kind, letter, ctx),
): OfficialDocument {
  return {
    title: KIND_TITLE[kind],
    docNo,
    addressee:
      kind === 'transfer' ? `${ctx.sectionName(letter.sectionId)}：` : `${letter.citizenName}：`,
    fields: letterDocumentFields(kind, letter, ctx),
    paragraphs,
    organisation: ctx.organisation,
    date: chineseDate(ctx.today),
  };
}

/** The stored file's name: 「来信转办单_长民信转〔2026〕3号.docx」. */
export const documentFileName = (kind: DocumentKind, docNo: string) =>
  `${KIND_TITLE[kind]}_${docNo}.docx`;

// ——— 依申请公开 ———

/** What the documents read of an application (as presented: its dueOn is the clock's). */
export interface ApplicationForDocument {
  serialNo: string;
  applicantName: string;
  receivedOn: string;
  description: string;
  ledger: { kind: string; on: string; correctionDueOn?: string | null | undefined }[];
  decision: unknown;
  dueOn: string | null;
}

const lastOf = (app: ApplicationForDocument, kind: string) =>
  app.ledger.filter((e) => e.kind === kind).at(-1);

/**
 * Each 告知书 at its step: the 补正告知书 while the correction it asks for is awaited, the
 * 延期答复告知书 once the reply period is extended; neither after the decision.
 */
export function applicationKindApplies(kind: ApplicationDocumentKind, app: ApplicationForDocument) {
  if (app.decision) return false;
  if (kind === 'correction')
    return Boolean(lastOf(app, 'correction_requested')) && !lastOf(app, 'correction_received');
  return Boolean(lastOf(app, 'extended'));
}

/** The office issues the 告知书 (as it takes the steps they tell of: ACTION_ROLES_APP). */
export const mayIssueApplicationDocument = (role: Role) => role === 'admin' || role === 'clerk';

export function applicationDocumentFields(
  kind: ApplicationDocumentKind,
  app: ApplicationForDocument,
): DocumentField[] {
  const correction = lastOf(app, 'correction_requested');
  return [
    { label: '申请编号', value: app.serialNo },
    { label: '申请人', value: app.applicantName },
    { label: '收到申请日期', value: chineseDate(app.receivedOn) },
    { label: '申请内容', value: app.description },
    kind === 'correction'
      ? {
          label: '补正期限',
          value: correction?.correctionDueOn ? chineseDate(correction.correctionDueOn) : '—',
        }
      : { label: '延长后答复期限', value: app.dueOn ? chineseDate(app.dueOn) : '—' },
  ];
}

/**
 * The body as first drafted, in the words of the 2019 regulation (第三十条 the 补正, 第三十三条
 * the extension: ../shared/domain.md); the office may edit it before issuing.
 */
export function applicationDocumentParagraphs(
  kind: ApplicationDocumentKind,
  app: ApplicationForDocument,
): string[] {
  const received = `本机关于${chineseDate(app.receivedOn)}收到您提出的政府信息公开申请（${app.serialNo}）。`;
  if (kind === 'correction') {
    const due = lastOf(app, 'correction_requested')?.correctionDueOn;
    return [
      `${received}经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您${due ? `于${chineseDate(due)}前` : '在补正期限内'}对申请作出补正，说明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述。`,
      '答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ];
  }
  return [
    `${received}因需要延长答复期限，经本机关政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长20个工作日${app.dueOn ? `，本机关将于${chineseDate(app.dueOn)}前作出答复` : ''}。`,
    '特此告知。',
  ];
}

export function applicationDocument(
  kind: ApplicationDocumentKind,
  app: ApplicationForDocument,
  ctx: Pick<LetterDocumentContext, 'organisation' | 'today'>,
  docNo: string,
  paragraphs: string[] = applicationDocumentParagraphs(kind, app),
): OfficialDocument {
  return {
    title: KIND_TITLE[kind],
    docNo,
    addressee: `${app.applicantName}：`,
    fields: applicationDocumentFields(kind, app),
    paragraphs,
    organisation: ctx.organisation,
    date: chineseDate(ctx.today),
  };
}
