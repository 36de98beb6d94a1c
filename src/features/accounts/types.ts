/**
 * Accounts (issue #16): users and sections as the administrator manages them, and the audit log.
 * The request schemas are the contract (api.md, Accounts); the backend checks what needs the
 * records (a username already taken, a section that exists and is not retired, the last admin).
 */
import { z } from 'zod';
import {
  auditEntrySchema,
  isoDate,
  paged,
  roleSchema,
  sectionIdSchema,
  userSchema,
  type Role,
} from '@/types/api';

/** Letters, digits, `.`, `_` and `-`, 3–32 characters, starting with a letter (stored lower-case). */
export const usernameSchema = z
  .string({ message: 'validation.required' })
  .trim()
  .min(1, { message: 'validation.required' })
  .regex(/^[A-Za-z][A-Za-z0-9._-]{2,31}$/, { message: 'accounts.validation.username' })
  .transform((s) => s.toLowerCase());

const personName = z
  .string({ message: 'validation.required' })
  .trim()
  .min(1, { message: 'validation.required' })
  .max(30, { message: 'validation.max30' });

/** Optional: a mobile or an office line, digits with an optional area code. */
const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, { message: 'validation.phone' })
  .nullable()
  .optional()
  .transform((s) => (s ? s : null));

/** Handlers answer for a section; the other roles work across the bureau and have none. */
export const roleNeedsSection = (role: Role) => role === 'handler';

function sectionForRole(
  v: { role?: Role | undefined; sectionId?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (v.role === undefined) return;
  if (roleNeedsSection(v.role) && !v.sectionId)
    ctx.addIssue({
      code: 'custom',
      path: ['sectionId'],
      message: 'accounts.validation.sectionRequired',
    });
  if (!roleNeedsSection(v.role) && v.sectionId)
    ctx.addIssue({
      code: 'custom',
      path: ['sectionId'],
      message: 'accounts.validation.sectionNotForRole',
    });
}

export const userCreateSchema = z
  .object({
    username: usernameSchema,
    name: personName,
    role: roleSchema,
    sectionId: sectionIdSchema.nullable().optional(),
    phone,
  })
  .superRefine(sectionForRole)
  .meta({ id: 'UserCreate' });
export type UserCreateInput = z.input<typeof userCreateSchema>;

/** The fields an administrator may change; the role/section pair is checked on the result. */
export const userPatchSchema = z
  .object({
    name: personName.optional(),
    role: roleSchema.optional(),
    sectionId: sectionIdSchema.nullable().optional(),
    phone,
    active: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'UserPatch' });
export type UserPatchInput = z.input<typeof userPatchSchema>;

/** The result of a patch must still pair role and section rightly (handler ⇔ section). */
export const userShapeSchema = z
  .object({ role: roleSchema, sectionId: z.string().nullable() })
  .superRefine(sectionForRole);

export const userCreatedSchema = z
  .object({
    user: userSchema,
    temporaryPassword: z.string().meta({
      description: 'Shown once to the administrator; the user must change it at the first sign-in',
    }),
  })
  .meta({ id: 'UserCreated' });
export type UserCreated = z.infer<typeof userCreatedSchema>;

export const temporaryPasswordSchema = z
  .object({ temporaryPassword: z.string() })
  .meta({ id: 'TemporaryPassword' });

const flag = z.enum(['true', 'false']).transform((s) => s === 'true');

export const usersQuerySchema = z.object({
  q: z.string().trim().max(50).optional(),
  role: roleSchema.optional(),
  sectionId: sectionIdSchema.optional(),
  active: flag.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type UsersQuery = z.input<typeof usersQuerySchema>;
export const pagedUsersSchema = paged(userSchema).meta({ id: 'PagedUsers' });

const sectionName = z
  .string({ message: 'validation.required' })
  .trim()
  .min(2, { message: 'accounts.validation.sectionName' })
  .max(30, { message: 'validation.max30' });
const sectionNameEn = z.string().trim().max(60, { message: 'validation.max100' });

export const sectionCreateSchema = z
  .object({ name: sectionName, nameEn: sectionNameEn.optional().default('') })
  .meta({ id: 'SectionCreate' });
export type SectionCreateInput = z.input<typeof sectionCreateSchema>;

export const sectionPatchSchema = z
  .object({
    name: sectionName.optional(),
    nameEn: sectionNameEn.optional(),
    retired: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'SectionPatch' });
export type SectionPatchInput = z.input<typeof sectionPatchSchema>;

/** What the audit log can be filtered by (admin only). */
export const AUDIT_LOG_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'password_changed',
  'password_reset',
  'user_created',
  'user_changed',
  'user_disabled',
  'user_enabled',
  'section_created',
  'section_changed',
  'section_retired',
  'section_restored',
  'admin_reset',
  'admin_demo_data',
  'admin_faults',
  'admin_clock',
  'update',
] as const;
export type AuditLogAction = (typeof AUDIT_LOG_ACTIONS)[number];

export const auditLogQuerySchema = z
  .object({
    actorId: z.string().max(100).optional(),
    action: z.string().max(40).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'accounts.validation.toBeforeFrom',
  });
export type AuditLogQuery = z.input<typeof auditLogQuerySchema>;
export const pagedAuditSchema = paged(auditEntrySchema).meta({ id: 'PagedAuditEntries' });
