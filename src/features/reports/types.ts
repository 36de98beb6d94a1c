import { z } from 'zod';
import { APPLICANT_COLUMNS } from '@/lib/disclosure-template';
import { instant, isoDate } from '@/types/api';

export const COLUMNS_WITH_TOTAL = [...APPLICANT_COLUMNS, 'total'] as const;
export type ReportColumn = (typeof COLUMNS_WITH_TOTAL)[number];

const counts = z.object(
  Object.fromEntries(COLUMNS_WITH_TOTAL.map((c) => [c, z.number().int()])) as Record<
    ReportColumn,
    z.ZodNumber
  >,
);
const reviewCell = z
  .object({
    upheld: z.number().int(),
    corrected: z.number().int(),
    other: z.number().int(),
    pending: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'ReviewCounts' });
export type ReviewCounts = z.infer<typeof reviewCell>;

export const narrativeSchema = z
  .object({
    overview: z.string().max(20000, { message: 'validation.max20000' }),
    problems: z.string().max(20000, { message: 'validation.max20000' }),
    other: z.string().max(20000, { message: 'validation.max20000' }),
    publishedOn: z
      .union([isoDate, z.literal('')])
      .default('')
      .meta({
        description:
          'The date under the signature (落款日期), as the office will publish it; empty: the day the report is compiled',
      }),
  })
  .meta({
    id: 'ReportNarrative',
    description: 'Sections 一, 五 and 六 as text, and the publication date',
  });
export type Narrative = z.infer<typeof narrativeSchema>;
/** The narrative's three text sections (一, 五, 六). */
export type NarrativeSection = 'overview' | 'problems' | 'other';

/** A year whose narrative was never saved has empty text at this version. */
export const NARRATIVE_FIRST_VERSION = 1;
/**
 * The stored narrative: the text and its version (+1 on every save). `PUT …/narrative` needs
 * `If-Match: "<version>"` like every other change, so two clerks never overwrite each other silently.
 */
export const narrativeRecordSchema = narrativeSchema
  .extend({ version: z.number().int().min(NARRATIVE_FIRST_VERSION) })
  .meta({
    id: 'ReportNarrativeRecord',
    description: 'Sections 一, 五 and 六 as text, with the version to send as If-Match',
  });
export type NarrativeRecord = z.infer<typeof narrativeRecordSchema>;
/** Just the text of a narrative (drops the version and anything else). */
export const narrativeText = (n: z.input<typeof narrativeSchema>): Narrative => ({
  overview: n.overview,
  problems: n.problems,
  other: n.other,
  publishedOn: n.publishedOn ?? '', // narratives saved before it existed have none
});

/** The date the report is signed with: the one the office set, else the day it was compiled. */
export const signedOn = (report: { compiledAt: string; narrative: { publishedOn?: string } }) =>
  report.narrative.publishedOn || report.compiledAt.slice(0, 10);

export const reportRowSchema = z
  .object({ code: z.string(), label: z.string(), parent: z.boolean(), values: counts })
  .meta({ id: 'ReportRow' });
export type ReportRow = z.infer<typeof reportRowSchema>;

export const warningSchema = z
  .object({
    code: z.enum(['identity', 'total_column', 'parent_row', 'missing_outcome', 'unknown_outcome']),
    message: z.string(),
    where: z.string(),
  })
  .meta({ id: 'ReportWarning' });
export type ReportWarning = z.infer<typeof warningSchema>;

export const annualReportSchema = z
  .object({
    year: z.number().int(),
    compiledAt: instant,
    organisation: z.string(),
    tables: z.object({
      proactive: z
        .object({
          regulation: z.object({
            issued: z.number().int(),
            repealed: z.number().int(),
            inForce: z.number().int(),
          }),
          normative: z.object({
            issued: z.number().int(),
            repealed: z.number().int(),
            inForce: z.number().int(),
          }),
          licensing: z.object({ decisions: z.number().int() }),
          penalty: z.object({ decisions: z.number().int() }),
          coercion: z.object({ decisions: z.number().int() }),
          fees: z.object({ amountWan: z.number() }),
        })
        .meta({
          id: 'ReportTable2',
          description:
            'Table 二 (2021 format): 规章, 行政规范性文件, 行政许可, 行政处罚, 行政强制, 行政事业性收费 (万元)',
        }),
      applications: z.object({ rows: z.array(reportRowSchema) }).meta({
        id: 'ReportTable3',
        description:
          "Table 三: rows 1, 2, 3.1…3.6.3 (parents 3.3–3.6 with their leaves' sums), 3.7 总计, 4",
      }),
      review: z
        .object({
          review: reviewCell,
          litigationDirect: reviewCell,
          litigationAfterReview: reviewCell,
        })
        .meta({ id: 'ReportTable4' }),
    }),
    catalogue: z
      .object({
        published: z.number().int(),
        timely: z.number().int(),
        powersList: z.number().int(),
      })
      .meta({ description: 'Entries published in the year (for section 二)' }),
    letters: z.object({
      received: z.number().int(),
      mayorMailbox: z.number().int(),
      closed: z.number().int(),
      closedOnTime: z.number().int(),
    }),
    fees: z
      .object({ amount: z.number() })
      .meta({ description: '信息处理费 collected (元), from decisions in the year' }),
    narrative: narrativeRecordSchema,
    warnings: z.array(warningSchema),
  })
  .meta({ id: 'AnnualReport' });
export type AnnualReport = z.infer<typeof annualReportSchema>;

export const REVIEW_KINDS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export const REVIEW_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;

/** Not before 2000-01-01 (as letters' receivedOn); "not in the future" is the handler's (today). */
const reviewDate = isoDate.refine((d) => d >= '2000-01-01', { message: 'validation.dateTooEarly' });

export const reviewInputSchema = z
  .object({
    kind: z.enum(REVIEW_KINDS),
    filedOn: reviewDate,
    applicationId: z
      .string()
      .max(100)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    result: z.enum(REVIEW_RESULTS),
    concludedOn: reviewDate
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.result === 'pending' && v.concludedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['concludedOn'],
        message: 'validation.pendingNoConclusion',
      });
    if (v.result !== 'pending' && !v.concludedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['concludedOn'],
        message: 'validation.concludedOnRequired',
      });
    if (v.concludedOn && v.concludedOn < v.filedOn)
      ctx.addIssue({ code: 'custom', path: ['concludedOn'], message: 'validation.beforeStart' });
  })
  .meta({ id: 'ReviewCaseInput' });
export type ReviewInput = z.input<typeof reviewInputSchema>;

export const reviewCaseSchema = z
  .object({
    id: z.string(),
    kind: z.enum(REVIEW_KINDS),
    filedOn: isoDate,
    applicationId: z.string().nullable(),
    result: z.enum(REVIEW_RESULTS),
    concludedOn: isoDate.nullable(),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'ReviewCase' });
export type ReviewCase = z.infer<typeof reviewCaseSchema>;
