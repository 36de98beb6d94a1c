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
  })
  .meta({ id: 'CatalogueEntry' });
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export type CatalogueRecord = Omit<CatalogueEntry, 'timely' | 'lateWorkdays'>;

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
