import { z } from 'zod';
import { instant, isoDate, paged, sectionIdSchema } from '@/types/api';

/** The applicant columns of the national report's table 三. */
export const APPLICANT_TYPES = [
  'natural_person',
  'commercial',
  'research',
  'public_interest',
  'legal_service',
  'other_org',
] as const;
/** 第三十一条: how the application arrived decides what its receipt date is. */
export const APPLICATION_CHANNELS = ['in_person', 'post', 'online', 'fax', 'email'] as const;
export const APPLICATION_STATUSES = [
  'registered',
  'in_progress',
  'correction_requested',
  'paused',
  'decided',
] as const;

export const applicationSchema = z
  .object({
    id: z.string(),
    serialNo: z.string().meta({ description: 'YSQ-<year>-<4-digit seq>' }),
    applicantType: z.enum(APPLICANT_TYPES),
    applicantName: z.string(),
    contact: z.string().meta({ description: 'Masked in lists' }),
    channel: z.enum(APPLICATION_CHANNELS),
    receivedOn: isoDate,
    description: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    sectionId: sectionIdSchema.nullable(),
    dueOn: isoDate,
    outcome: z.string().nullable(),
    decidedOn: isoDate.nullable(),
    late: z.boolean().nullable(),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
    remainingWorkdays: z.number().int().nullable(),
    alert: z.enum(['none', 'due_soon', 'overdue']),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof applicationSchema>;
export type ApplicationRecord = Omit<Application, 'remainingWorkdays' | 'alert'>;
export const applicationPageSchema = paged(applicationSchema).meta({ id: 'ApplicationPage' });

export const applicationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z.enum(['receivedOn', '-receivedOn', 'dueOn', '-dueOn']).optional(),
  q: z.string().max(200).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  applicantType: z.enum(APPLICANT_TYPES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  alert: z.enum(['due_soon', 'overdue']).optional(),
  outcome: z.string().max(10).optional(),
});
export type ApplicationListQuery = z.input<typeof applicationListQuerySchema>;
