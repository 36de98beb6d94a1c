/**
 * Documents generated from the record (issue #21): the 文号 numbering scheme (a setting), the
 * kinds of document, and the issue request.
 */
import { z } from 'zod';

/** 文号 families: each has its own prefix (机关代字) and its own counter per year. */
export const DOCUMENT_FAMILIES = ['transfer', 'reply', 'disclosure'] as const;
export type DocumentFamily = (typeof DOCUMENT_FAMILIES)[number];

/** The kinds a letter can issue: 转办单 (to the section) and 答复函 (to the citizen). */
export const LETTER_DOCUMENT_KINDS = ['transfer', 'reply'] as const;
export type LetterDocumentKind = (typeof LETTER_DOCUMENT_KINDS)[number];

/**
 * The 依申请公开 documents, each at its step: 补正告知书 (第三十条), 延期答复告知书 (第三十三条),
 * 征求第三方意见书 (第三十二条), 收费通知书 (第四十二条, 国办函〔2020〕109号), and the 答复书 of each
 * outcome family of table 三 (第三十六条): 予以公开 3.1, 部分公开 3.2, 不予公开 3.3.x, 无法提供
 * 3.4.x, 不予处理 3.5.x, 其他处理 3.6.x.
 */
export const DECISION_DOCUMENT_KINDS = [
  'decision_open',
  'decision_partial',
  'decision_withheld',
  'decision_unavailable',
  'decision_declined',
  'decision_other',
] as const;
export type DecisionDocumentKind = (typeof DECISION_DOCUMENT_KINDS)[number];
export const APPLICATION_DOCUMENT_KINDS = [
  'correction',
  'extension',
  'consultation',
  'fee_notice',
  ...DECISION_DOCUMENT_KINDS,
] as const;
export type ApplicationDocumentKind = (typeof APPLICATION_DOCUMENT_KINDS)[number];

export const DOCUMENT_KINDS = [...LETTER_DOCUMENT_KINDS, ...APPLICATION_DOCUMENT_KINDS] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const prefix = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(20, { message: 'documents.validation.prefix' })
  // 机关代字: Chinese characters, Latin letters and digits; no brackets, spaces or 号.
  .regex(/^[\p{Script=Han}A-Za-z0-9]+$/u, { message: 'documents.validation.prefix' });

/**
 * Where the 答复书 send an applicant who disagrees (救济途径): the 复议机关 — of a department of the
 * city government, the city government itself (《行政复议法》2023 第二十四条) — and the court.
 */
export const DEFAULT_REMEDIES = {
  reviewOrgan: '长治市人民政府',
  court: '有管辖权的人民法院',
};

const organName = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(50, { message: 'validation.max50' });

export const documentNumberingSchema = z
  .object({
    transfer: z.object({ prefix }),
    reply: z.object({ prefix }),
    disclosure: z.object({ prefix }),
    remedies: z
      .object({
        reviewOrgan: organName.meta({ description: '复议机关 named in the 答复书' }),
        court: organName.meta({ description: 'The court named in the 答复书' }),
      })
      .default(DEFAULT_REMEDIES)
      .meta({
        description: '救济途径 of every 答复书 (default 长治市人民政府, 有管辖权的人民法院)',
      }),
    contact: z.string().trim().max(100, { message: 'validation.max100' }).default('').meta({
      description:
        'The office’s contact (联系人、电话) printed on the 征求第三方意见书 and the 收费通知书; empty: a blank to fill in',
    }),
  })
  .meta({
    id: 'DocumentNumbering',
    description:
      'The documents’ settings: the 文号 scheme per family (「{prefix}〔{year}〕{n}号」, numbered per year from 1, never reused), the 复议机关 and court of the 答复书, and the office’s contact',
  });
export type DocumentNumbering = z.infer<typeof documentNumberingSchema>;

export const DEFAULT_DOCUMENT_NUMBERING: DocumentNumbering = {
  transfer: { prefix: '长民信转' },
  reply: { prefix: '长民信复' },
  disclosure: { prefix: '长民公开' },
  remedies: DEFAULT_REMEDIES,
  contact: '',
};

/** A stored value from before a field existed reads with that field's default. */
export const withDocumentDefaults = (
  v: Partial<DocumentNumbering> | undefined,
): DocumentNumbering => ({
  ...DEFAULT_DOCUMENT_NUMBERING,
  ...v,
});

export const nextDocumentNumbersSchema = z
  .object({
    year: z.number().int(),
    next: z.object({
      transfer: z.number().int(),
      reply: z.number().int(),
      disclosure: z.number().int(),
    }),
  })
  .meta({
    id: 'NextDocumentNumbers',
    description: "The sequence number each family's next document of this year will get",
  });
export type NextDocumentNumbers = z.infer<typeof nextDocumentNumbersSchema>;

const paragraphs = z
  .array(z.string().trim().max(2000, { message: 'validation.max2000' }))
  .max(30)
  .transform((ps) => ps.filter(Boolean))
  .refine((ps) => ps.length > 0, { message: 'validation.required' })
  .meta({ description: "The body's paragraphs as the user edited them" });

export const issueLetterDocumentSchema = z
  .object({ kind: z.enum(LETTER_DOCUMENT_KINDS), paragraphs })
  .meta({ id: 'IssueLetterDocument' });
export const issueApplicationDocumentSchema = z
  .object({ kind: z.enum(APPLICATION_DOCUMENT_KINDS), paragraphs })
  .meta({ id: 'IssueApplicationDocument' });
export type IssueLetterDocumentInput = z.input<typeof issueLetterDocumentSchema>;
export type IssueDocumentInput = { kind: DocumentKind; paragraphs: string[] };

export const issuedDocumentSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    docNo: z.string().meta({ description: '文号, e.g. 长民信转〔2026〕3号' }),
    attachmentId: z.string().meta({ description: 'The stored .docx (GET /attachments/{id})' }),
    name: z.string().meta({ description: "The attachment's file name" }),
  })
  .meta({ id: 'IssuedDocument' });
export type IssuedDocument = z.infer<typeof issuedDocumentSchema>;
