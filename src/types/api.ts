import { z } from 'zod';
import { ISO_DATE_PATTERN, isIsoDate } from '@/lib/dates';

/** Calendar date in China time, `YYYY-MM-DD` (read by lib/dates.ts, as every date is). */
export const isoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, { message: 'validation.dateFormat' })
  .refine(isIsoDate, { message: 'validation.dateInvalid' })
  .meta({ format: 'date', description: 'Calendar date in China time (YYYY-MM-DD)' });

export const instant = z
  .string()
  .meta({ format: 'date-time', description: 'ISO 8601 instant with offset' });

export const roleSchema = z.enum(['admin', 'clerk', 'handler', 'leader']).meta({ id: 'Role' });
export type Role = z.infer<typeof roleSchema>;

/**
 * A section's id: the eight seeded ones are words (`social_assistance`); one an administrator adds
 * gets a generated id. Whether it exists is the backend's check (422 on an unknown one).
 */
export const sectionIdSchema = z
  .string({ message: 'validation.required' })
  .min(1, { message: 'validation.required' })
  .regex(/^[a-z][a-z0-9_-]{1,39}$/, { message: 'validation.invalid' })
  .meta({ id: 'SectionId', examples: ['social_assistance'] });
export type SectionId = z.infer<typeof sectionIdSchema>;

export const sectionSchema = z
  .object({
    id: sectionIdSchema,
    name: z.string(),
    nameEn: z.string().meta({ description: 'The English name; empty when none was given' }),
    retired: z.boolean().meta({
      description:
        'A retired section takes no new transfers or users; its letters and applications keep it',
    }),
    version: z.number().int(),
  })
  .meta({ id: 'Section' });
export type Section = z.infer<typeof sectionSchema>;

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    role: roleSchema,
    sectionId: sectionIdSchema.nullable(),
    phone: z.string().nullable().optional(),
    active: z.boolean().meta({ description: 'A disabled user cannot sign in; their sessions end' }),
    mustChangePassword: z.boolean().meta({
      description: 'Set by a password reset: the next sign-in must change the password first',
    }),
    version: z.number().int().optional(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

/** RFC 9457 problem details, as every error response carries. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.string()).optional(),
    current: z
      .unknown()
      .optional()
      .meta({ description: 'On 409 version-conflict: the current record' }),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z
    .string()
    .regex(/^-?[A-Za-z]+$/)
    .optional(),
  q: z.string().max(200).optional(),
});

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A history entry as data, so each viewer reads it in their own language. */
export const auditEventSchema = z
  .object({
    type: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: instant,
    actor: z.object({
      id: z.string(),
      name: z.string(),
      role: roleSchema.nullable().meta({ description: 'null for an anonymous caller' }),
    }),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    detail: z.string().meta({
      description: 'The entry as text in Chinese (entries written before issue #20 have only this)',
    }),
    event: auditEventSchema.optional(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    address: z.string().optional().meta({
      description: "The caller's network address (sign-ins, account changes, admin tools)",
    }),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const regionSchema = z
  .object({
    code: z
      .string()
      .regex(/^\d{6}$/)
      .meta({ description: 'GB/T 2260 code' }),
    name: z.string(),
    nameEn: z.string(),
    validFrom: isoDate.nullable(),
    validTo: isoDate
      .nullable()
      .meta({ description: 'Exclusive: the first day the unit no longer exists' }),
  })
  .meta({ id: 'Region' });
export type Region = z.infer<typeof regionSchema>;

export const loginSchema = z
  .object({
    username: z
      .string()
      .trim()
      .min(1, { message: 'validation.required' })
      .max(50, { message: 'validation.max50' }),
    password: z
      .string()
      .min(1, { message: 'validation.required' })
      .max(100, { message: 'validation.max100' }),
  })
  .meta({ id: 'LoginRequest' });
export type LoginInput = z.infer<typeof loginSchema>;

/** 修改密码: the current password, and a new one (≥ 10 characters, not containing the username). */
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ message: 'validation.required' })
      .min(1, { message: 'validation.required' })
      .max(100, { message: 'validation.max100' }),
    newPassword: z
      .string({ message: 'validation.required' })
      .min(10, { message: 'validation.passwordLength' })
      .max(100, { message: 'validation.max100' }),
  })
  .meta({ id: 'ChangePassword' });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const loginResponseSchema = z
  .object({ token: z.string(), user: userSchema, expiresAt: instant })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/**
 * What the login page may know before anyone signs in: whether this backend runs the demo (its
 * demo accounts exist), so the page can list them.
 */
export const backendInfoSchema = z.object({ demo: z.boolean() }).meta({ id: 'BackendInfo' });
export type BackendInfo = z.infer<typeof backendInfoSchema>;

export const faultsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60000).default(0),
    failRate: z.number().min(0).max(1).default(0),
    failStatus: z.number().int().min(400).max(599).default(503),
  })
  .meta({ id: 'Faults' });
export type Faults = z.infer<typeof faultsSchema>;
