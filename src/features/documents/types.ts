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
 * The 依申请公开 告知书 issued so far: 补正告知书 (第三十条) and 延期答复告知书 (第三十三条). The
 * 征求第三方意见书, 收费通知书 and the 答复书 of each outcome are still to come (issue #21).
 */
export const APPLICATION_DOCUMENT_KINDS = ['correction', 'extension'] as const;
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

export const documentNumberingSchema = z
  .object({
    transfer: z.object({ prefix }),
    reply: z.object({ prefix }),
    disclosure: z.object({ prefix }),
  })
  .meta({
    id: 'DocumentNumbering',
    description:
      '文号 scheme per family: 「{prefix}〔{year}〕{n}号」, numbered per year from 1, never reused',
  });
export type DocumentNumbering = z.infer<typeof documentNumberingSchema>;

export const DEFAULT_DOCUMENT_NUMBERING: DocumentNumbering = {
  transfer: { prefix: '长民信转' },
  reply: { prefix: '长民信复' },
  disclosure: { prefix: '长民公开' },
};

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
