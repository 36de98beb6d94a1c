import { z } from 'zod';
import { instant, isoDate, paged } from '@/types/api';

export const CATALOGUE_CATEGORIES = [
  'org_function',
  'policy',
  'planning',
  'personnel',
  'budget',
  'procurement',
  'statistics',
  'proposals',
  'powers_list',
  'licensing',
  'penalty',
  'inspection',
  'social_assistance',
  'social_welfare',
  'disaster_relief',
  'social_org',
  'special_funds',
  'news',
] as const;
export const DOC_TYPES = ['regulation', 'normative', 'other'] as const;
export const ATTRIBUTES = ['proactive', 'on_request', 'exempt'] as const;
export const CHANNELS = ['website', 'wechat', 'weibo', 'press', 'bulletin'] as const;
export const VALIDITIES = ['valid', 'repealed', 'expired'] as const;

export const catalogueCategorySchema = z
  .enum(CATALOGUE_CATEGORIES)
  .meta({ id: 'CatalogueCategory' });
export type CatalogueCategory = z.infer<typeof catalogueCategorySchema>;

export const catalogueEntrySchema = z
  .object({
    id: z.string(),
    indexNo: z
      .string()
      .meta({ description: '<org code>/<year>-<5-digit seq>, server-set, never reused' }),
    title: z.string(),
    category: catalogueCategorySchema,
    docType: z.enum(DOC_TYPES),
    publisher: z.string(),
    docNo: z.string().nullable(),
    formedOn: isoDate,
    publishedOn: isoDate.nullable(),
    attribute: z.enum(ATTRIBUTES),
    exemptReason: z.string().nullable(),
    channels: z.array(z.enum(CHANNELS)),
    validity: z.enum(VALIDITIES),
    repealedOn: isoDate.nullable(),
    expiredOn: isoDate
      .nullable()
      .meta({ description: 'The day it ceased to be in force by expiry (validity expired)' }),
    keywords: z.array(z.string()),
    summary: z.string().nullable(),
    withdrawn: z.boolean(),
    withdrawnReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
    timely: z
      .boolean()
      .nullable()
      .meta({ description: 'publishedOn ≤ 20 working days from formedOn; null while unpublished' }),
    lateWorkdays: z
      .number()
      .int()
      .meta({ description: 'Working days past the 20-day limit (0 when timely)' }),
    calendarProvisional: z.boolean().meta({
      description:
        'The timeliness count runs through a year whose holidays are neither official nor marked complete',
    }),
  })
  .meta({ id: 'CatalogueEntry' });
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export type CatalogueRecord = Omit<
  CatalogueEntry,
  'timely' | 'lateWorkdays' | 'calendarProvisional'
>;

export const cataloguePageSchema = paged(catalogueEntrySchema).meta({ id: 'CataloguePage' });

export const catalogueListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z
    .enum([
      'publishedOn',
      '-publishedOn',
      'formedOn',
      '-formedOn',
      'indexNo',
      '-indexNo',
      'title',
      '-title',
    ])
    .optional(),
  q: z.string().max(200).optional(),
  category: catalogueCategorySchema.optional(),
  docType: z.enum(DOC_TYPES).optional(),
  attribute: z.enum(ATTRIBUTES).optional(),
  channel: z.enum(CHANNELS).optional(),
  validity: z.enum(VALIDITIES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  timely: z.enum(['true', 'false']).optional(),
  includeWithdrawn: z.enum(['true', 'false']).optional(),
});
export type CatalogueListQuery = z.input<typeof catalogueListQuerySchema>;

/** 文号: 机关代字〔年份〕序号, e.g. 长民发〔2024〕12号 (domain.md §7). */
export const DOC_NO_RE = /^[\u4e00-\u9fa5A-Za-z0-9（）()]{1,20}〔\d{4}〕\d{1,4}号$/;
/**
 * Text that a spreadsheet would run as a formula. A leading minus is only safe on a plain number:
 * `-2+3+cmd|' /C calc'!A0` is the classic DDE payload.
 */
export const FORMULA_RE = /^[=+@\t\r]|^-(?!\d+(?:\.\d+)?$)/;

const plain = (max: number, min = 1) =>
  z
    .string({ message: 'validation.required' })
    .trim()
    .min(min, { message: 'validation.required' })
    .max(max, { message: `validation.max${max}` })
    .refine((s) => !FORMULA_RE.test(s), { message: 'validation.formula' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `validation.max${max}` })
    .refine((s) => !FORMULA_RE.test(s), { message: 'validation.formula' })
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));

/**
 * The earliest date an entry may carry (as letters' receivedOn). "Not in the future" needs the
 * backend's today: the handler and the import check it (formedOn, publishedOn, repealedOn, expiredOn).
 */
export const CATALOGUE_FIRST_DATE = '2000-01-01';

const catalogueInputBase = z.object({
  title: plain(200),
  category: catalogueCategorySchema,
  docType: z.enum(DOC_TYPES),
  publisher: plain(100),
  docNo: optionalText(50),
  formedOn: isoDate.refine((d) => d >= CATALOGUE_FIRST_DATE, {
    message: 'validation.dateTooEarly',
  }),
  publishedOn: isoDate
    .nullable()
    .optional()
    .transform((d) => d ?? null),
  attribute: z.enum(ATTRIBUTES),
  exemptReason: optionalText(500),
  channels: z.array(z.enum(CHANNELS)).max(5).default([]),
  validity: z.enum(VALIDITIES).default('valid'),
  repealedOn: isoDate
    .nullable()
    .optional()
    .transform((d) => d ?? null),
  expiredOn: isoDate
    .nullable()
    .optional()
    .transform((d) => d ?? null),
  keywords: z.array(plain(20)).max(10).default([]),
  summary: optionalText(1000),
});

/** Cross-field rules a careful clerk would expect. */
function rules(v: z.infer<typeof catalogueInputBase>, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  // Rules run even when a date failed its own check: compare dates only when both are real dates.
  const real = (d: string | null) => d !== null && isoDate.safeParse(d).success;
  const before = (a: string | null, b: string) => real(a) && real(b) && a! < b;
  if (before(v.publishedOn, v.formedOn)) issue('publishedOn', 'validation.publishedBeforeFormed');
  if (v.docNo && !DOC_NO_RE.test(v.docNo)) issue('docNo', 'validation.docNo');
  if (v.attribute === 'exempt' && !v.exemptReason) issue('exemptReason', 'validation.exemptReason');
  if (v.attribute === 'exempt' && v.publishedOn) issue('publishedOn', 'validation.exemptPublished');
  if (v.attribute === 'proactive' && v.publishedOn && v.channels.length === 0)
    issue('channels', 'validation.channels');
  if (v.validity === 'repealed' && !v.repealedOn) issue('repealedOn', 'validation.repealedOn');
  if (v.repealedOn && v.validity !== 'repealed')
    issue('repealedOn', 'validation.repealedOnlyWhenRepealed');
  if (before(v.repealedOn, v.formedOn)) issue('repealedOn', 'validation.repealedBeforeFormed');
  if (v.validity === 'expired' && !v.expiredOn) issue('expiredOn', 'validation.expiredOn');
  if (v.expiredOn && v.validity !== 'expired')
    issue('expiredOn', 'validation.expiredOnlyWhenExpired');
  if (before(v.expiredOn, v.formedOn)) issue('expiredOn', 'validation.expiredBeforeFormed');
}

export const catalogueInputSchema = catalogueInputBase
  .superRefine(rules)
  .meta({ id: 'CatalogueInput' });
export type CatalogueInput = z.input<typeof catalogueInputSchema>;
export type CatalogueValues = z.output<typeof catalogueInputSchema>;

export const withdrawSchema = z.object({ reason: plain(500) }).meta({ id: 'CatalogueWithdraw' });

export const importSchema = z
  .object({ rows: z.array(z.unknown()).min(1, { message: 'validation.required' }).max(20000) })
  .meta({
    id: 'CatalogueImport',
    description:
      'All-or-nothing: every row is validated as CatalogueInput; one error and nothing is written',
  });

export const facetsSchema = z
  .object({ total: z.number().int(), categories: z.record(z.string(), z.number().int()) })
  .meta({ id: 'CatalogueFacets' });

export const timelinessReportSchema = z
  .object({
    year: z.number().int(),
    months: z.array(
      z.object({
        category: catalogueCategorySchema,
        month: z.number().int(),
        published: z.number().int(),
        timely: z.number().int(),
      }),
    ),
    late: z.array(catalogueEntrySchema),
  })
  .meta({ id: 'CatalogueTimeliness' });
export type TimelinessReport = z.infer<typeof timelinessReportSchema>;
