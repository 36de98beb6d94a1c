/**
 * Documents generated from the record (issue #21): the 文号, who may issue what, and the draft of
 * each document as the record fills it. Pure: shared by the backend (which issues) and the UI
 * (which previews). The document text is Chinese whatever the UI's language: it is an official
 * Chinese document.
 */
import type { Role, SectionId } from '@/types/api';
import type { DocumentFamily, DocumentKind, LetterDocumentKind } from './types';

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
  consultation: '政府信息公开征求第三方意见书',
  fee_notice: '政府信息公开信息处理费收费通知书',
  decision_open: '政府信息公开申请答复书',
  decision_partial: '政府信息公开申请答复书',
  decision_withheld: '政府信息公开申请答复书',
  decision_unavailable: '政府信息公开申请答复书',
  decision_declined: '政府信息公开申请答复书',
  decision_other: '政府信息公开申请答复书',
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

/**
 * Text quoted in a sentence: 「“申请公开殡葬设施专项规划”。」, not 「“…规划。”。」 — the record's own
 * closing punctuation is dropped, as the sentence closes it.
 */
export const quoted = (text: string) => `“${text.trim().replace(/[\s。．.，,；;：:、]+$/u, '')}”`;

export const lines = (text: string) =>
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
      `现将${letter.citizenName}来信（${letter.serialNo}，${quoted(letter.subject)}）转你科室办理。`,
      `办理要求：请认真核实来信反映的问题，依法依规办理，于${chineseDate(letter.dueOn)}前办结，并将答复意见报局政务公开办。确需延期的，请在期限届满前提出申请。`,
    ];
  return [
    `您于${chineseDate(letter.receivedOn)}反映的${quoted(letter.subject)}来信收悉。经${ctx.sectionName(letter.sectionId)}调查核实，现答复如下：`,
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
