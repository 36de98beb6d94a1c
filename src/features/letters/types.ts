import { z } from 'zod';
import { instant, isoDate, paged, sectionIdSchema } from '@/types/api';
import { workdaysResultSchema } from '@/types/calendar';

export const LETTER_SOURCES = [
  'mayor_mailbox',
  'hotline_12345',
  'website',
  'phone',
  'mail',
  'visit',
  'wechat',
] as const;
export const LETTER_CATEGORIES = [
  'consultation',
  'complaint',
  'suggestion',
  'help',
  'report',
] as const;
export const LETTER_STATUSES = ['registered', 'assigned', 'replied', 'closed'] as const;
export const SATISFACTION = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const ALERTS = ['none', 'due_soon', 'overdue'] as const;
/** 答复方式 and 回访方式 (issue #20). */
export const REPLY_METHODS = ['written', 'phone', 'sms', 'online', 'in_person'] as const;
export const FOLLOW_UP_METHODS = ['phone', 'sms', 'visit', 'online'] as const;

export const letterSourceSchema = z.enum(LETTER_SOURCES).meta({ id: 'LetterSource' });
export const letterCategorySchema = z.enum(LETTER_CATEGORIES).meta({ id: 'LetterCategory' });
export const letterStatusSchema = z.enum(LETTER_STATUSES).meta({ id: 'LetterStatus' });
export const satisfactionSchema = z.enum(SATISFACTION).meta({ id: 'Satisfaction' });
export const alertSchema = z.enum(ALERTS).meta({ id: 'AlertLevel' });

export type LetterSource = z.infer<typeof letterSourceSchema>;
export type LetterCategory = z.infer<typeof letterCategorySchema>;
export type LetterStatus = z.infer<typeof letterStatusSchema>;
export type Satisfaction = z.infer<typeof satisfactionSchema>;
export type AlertLevel = z.infer<typeof alertSchema>;
export const replyMethodSchema = z
  .enum(REPLY_METHODS, { message: 'validation.required' })
  .meta({ id: 'LetterReplyMethod' });
export const followUpMethodSchema = z
  .enum(FOLLOW_UP_METHODS, { message: 'validation.required' })
  .meta({ id: 'LetterFollowUpMethod' });
export type ReplyMethod = z.infer<typeof replyMethodSchema>;
export type FollowUpMethod = z.infer<typeof followUpMethodSchema>;

/** Mainland mobile (11 digits, 1[3-9]…) or landline with area code (0355-2021234). */
export const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** A phone search: the last four digits, or a whole number (spaces and dashes allowed). */
export const PHONE_QUERY_RE = /^(\d{4}|[\d\s-]{7,20})$/;

/** Messages are locale keys (validation.*), worded by the UI and by the server per Accept-Language. */
const text = (min: number, max: number) =>
  z
    .string({ message: 'validation.required' })
    .trim()
    .min(min, { message: 'validation.required' })
    .max(max, { message: `validation.max${max}` });

/** An optional date field: '' reads as absent (an emptied form field). */
const optionalDate = isoDate.optional().or(z.literal('').transform(() => undefined));
const duplicateOfInput = z
  .string()
  .trim()
  .max(100, { message: 'validation.invalid' })
  .optional()
  .or(z.literal('').transform(() => undefined))
  .meta({
    description:
      '重复件: the id of an earlier letter this one repeats (must exist, not be this letter, not be received later)',
  });
const platformRefInput = z
  .string()
  .trim()
  .max(40, { message: 'validation.max40' })
  .optional()
  .transform((s) => (s ? s : undefined))
  .meta({ description: "平台编号: the mayor's-mailbox platform's reference (市长信箱转办 only)" });

export const createLetterSchema = z
  .object({
    source: letterSourceSchema,
    category: letterCategorySchema,
    subject: text(1, 200),
    content: text(1, 5000),
    citizenName: text(1, 50),
    citizenPhone: z
      .string()
      .trim()
      .regex(PHONE_RE, { message: 'validation.phone' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    receivedOn: isoDate.refine((d) => d >= '2000-01-01', {
      message: 'validation.receivedTooEarly',
    }),
    duplicateOf: duplicateOfInput,
    platformRef: platformRefInput,
    platformAssignedOn: optionalDate.meta({
      description: '平台交办日期 (市长信箱转办 only): not in the future, not after receivedOn',
    }),
  })
  .superRefine((v, ctx) => {
    if (v.source !== 'mayor_mailbox')
      for (const k of ['platformRef', 'platformAssignedOn'] as const)
        if (v[k] !== undefined)
          ctx.addIssue({ code: 'custom', path: [k], message: 'letters.cases.errors.mailboxOnly' });
  })
  .meta({ id: 'CreateLetter' });
export type CreateLetterInput = z.input<typeof createLetterSchema>;

const person = z.object({ id: z.string(), name: z.string() }).meta({ id: 'LetterPerson' });
export const replySchema = z
  .object({
    content: z.string(),
    repliedOn: isoDate.meta({
      description:
        '答复日期: the day the citizen was answered (may be earlier than the day it was recorded)',
    }),
    repliedBy: z.string(),
    method: replyMethodSchema
      .nullable()
      .optional()
      .meta({ description: '答复方式; absent on replies recorded before issue #20' }),
    recordedOn: isoDate.optional().meta({ description: 'The day the reply was entered' }),
    reopenReason: z
      .string()
      .optional()
      .meta({ description: 'In previousReplies: why the letter was reopened (重办) after it' }),
  })
  .meta({ id: 'LetterReply' });
export const extensionSchema = z
  .object({
    days: z.number().int(),
    reason: z.string(),
    previousDueOn: isoDate,
    requestedBy: person.nullable().optional().meta({
      description:
        'The section officer who applied (申请延期); null when the office extended directly',
    }),
    approvedBy: person.nullable().optional().meta({ description: 'Who approved or granted it' }),
    approvedOn: isoDate.optional(),
  })
  .meta({ id: 'LetterExtension' });
export const extensionRequestSchema = z
  .object({
    days: z.number().int(),
    reason: z.string(),
    requestedBy: person,
    requestedOn: isoDate,
  })
  .meta({ id: 'LetterExtensionRequest', description: 'A pending 申请延期, awaiting the office' });
export const followUpSchema = z
  .object({
    method: followUpMethodSchema,
    on: isoDate,
    by: z.string().meta({ description: 'Who made the follow-up (回访人)' }),
    reached: z.boolean().meta({ description: 'false: 联系不上, no opinion recorded' }),
    satisfaction: satisfactionSchema.nullable(),
    closeReason: z
      .string()
      .nullable()
      .meta({ description: 'Why the letter was closed although the citizen was unsatisfied' }),
  })
  .meta({ id: 'LetterFollowUp' });
export const returnedSchema = z
  .object({ sectionId: sectionIdSchema, reason: z.string(), by: person, on: isoDate })
  .meta({
    id: 'LetterReturned',
    description: '退回: the section handed the letter back to the office',
  });
export const letterRefSchema = z
  .object({ id: z.string(), serialNo: z.string() })
  .meta({ id: 'LetterRef' });
export type LetterRef = z.infer<typeof letterRefSchema>;
export type LetterReply = z.infer<typeof replySchema>;
export type FollowUp = z.infer<typeof followUpSchema>;

export const letterSchema = z
  .object({
    id: z.string(),
    serialNo: z.string().meta({ description: 'XF-<year>-<4-digit seq>, per year of receipt' }),
    source: letterSourceSchema,
    category: letterCategorySchema,
    subject: z.string(),
    content: z.string(),
    citizenName: z.string(),
    citizenPhone: z
      .string()
      .nullable()
      .meta({ description: 'Masked (138****5678) in lists and exports' }),
    receivedOn: isoDate,
    status: letterStatusSchema,
    timeLimitDays: z.number().int(),
    dueOn: isoDate,
    calendarProvisional: z.boolean(),
    sectionId: sectionIdSchema.nullable(),
    reply: replySchema.nullable(),
    closedOn: isoDate.nullable(),
    onTime: z.boolean().nullable(),
    extension: extensionSchema.nullable(),
    supervised: z.boolean(),
    satisfaction: satisfactionSchema.nullable().meta({
      description: "The citizen's opinion at the follow-up (回访); null when not reached",
    }),
    followUp: followUpSchema.nullable(),
    extensionRequest: extensionRequestSchema.nullable(),
    previousReplies: z
      .array(replySchema)
      .meta({ description: 'Replies set aside by 重办, oldest first' }),
    returned: returnedSchema.nullable().meta({
      description: 'The last 退回 while the letter waits for the office to transfer it again',
    }),
    duplicateOf: letterRefSchema.nullable().optional().meta({
      description:
        '重复件: the earlier letter this one repeats (its repeats: GET /letters?duplicateOf=<id>)',
    }),
    platformRef: z.string().nullable().optional().meta({ description: '平台编号 (市长信箱转办)' }),
    platformAssignedOn: isoDate.nullable().optional().meta({ description: '平台交办日期' }),
    platformFeedbackOn: isoDate
      .nullable()
      .optional()
      .meta({ description: '反馈平台日期: when the result went back to the platform' }),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
    remainingWorkdays: z.number().int().nullable(),
    alert: alertSchema,
  })
  .meta({ id: 'Letter' });
export type Letter = z.infer<typeof letterSchema>;
/** What is stored: the read-time fields are computed on every read. */
export type LetterRecord = Omit<Letter, 'remainingWorkdays' | 'alert'>;

export const letterListSchema = paged(letterSchema).meta({ id: 'LetterPage' });

export const letterListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z
    .enum([
      'receivedOn',
      '-receivedOn',
      'dueOn',
      '-dueOn',
      'serialNo',
      '-serialNo',
      'remainingWorkdays',
      '-remainingWorkdays',
      'updatedAt',
      '-updatedAt',
    ])
    .optional(),
  q: z.string().max(200).optional(),
  status: letterStatusSchema.optional(),
  source: letterSourceSchema.optional(),
  category: letterCategorySchema.optional(),
  sectionId: sectionIdSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  alert: z.enum(['due_soon', 'overdue']).optional(),
  supervised: z.enum(['true']).optional().meta({ description: '督办件 only' }),
  receivedFrom: isoDate.optional(),
  receivedTo: isoDate.optional(),
  phone: z.string().trim().regex(PHONE_QUERY_RE, { message: 'validation.phone' }).optional().meta({
    description:
      "The citizen's phone: a full number (dashes and spaces ignored) or its last four digits, matched against the stored (unmasked) number; the rows still show it masked. `q` matches the same way when it is such a number.",
  }),
  duplicateOf: z
    .string()
    .max(100)
    .optional()
    .meta({ description: 'The repeats (重复件) of this letter id' }),
  dueOn: isoDate
    .optional()
    .meta({ description: '今日到期: letters not yet replied whose deadline is that day' }),
  extensionRequested: z
    .enum(['true'])
    .optional()
    .meta({ description: '申请延期 awaiting approval' }),
  rated: z
    .enum(['true'])
    .optional()
    .meta({ description: "Closed with the citizen's answer at the follow-up (满意率's basis)" }),
  replied: z
    .enum(['true'])
    .optional()
    .meta({ description: 'With a reply on record (the response time’s basis)' }),
});
export type LetterListQuery = z.input<typeof letterListQuerySchema>;

export const timeLimitsSchema = z
  .object({
    letters: z.object(
      Object.fromEntries(
        LETTER_CATEGORIES.map((c) => [c, z.number().int().min(1).max(60)]),
      ) as Record<LetterCategory, z.ZodNumber>,
    ),
    mayorMailboxDays: z.number().int().min(1).max(60),
    dueSoonDays: z.number().int().min(0).max(20),
    maxExtensionDays: z.number().int().min(1).max(60),
  })
  .meta({ id: 'TimeLimits' });
export type TimeLimits = z.infer<typeof timeLimitsSchema>;

export const DEFAULT_TIME_LIMITS: TimeLimits = {
  letters: { consultation: 5, help: 5, suggestion: 15, complaint: 15, report: 15 },
  mayorMailboxDays: 15,
  dueSoonDays: 3,
  maxExtensionDays: 10,
};

/** GET /letters/due: what registering a letter with these fields would store as its deadline. */
export const letterDueQuerySchema = z.object({
  receivedOn: createLetterSchema.shape.receivedOn,
  source: letterSourceSchema,
  category: letterCategorySchema,
});
export const letterDueSchema = z
  .object({
    timeLimitDays: z.number().int().meta({
      description: 'The letter’s time limit in working days (by source and category, settings)',
    }),
    dueOn: isoDate.meta({ description: 'What POST /letters stores as dueOn for these fields' }),
    calendarProvisional: z.boolean().meta({
      description: "dueOn is counted through a year whose holidays aren't official yet (暂定)",
    }),
    count: workdaysResultSchema.meta({
      description: 'The working-day count behind dueOn: days off skipped, make-up days counted',
    }),
  })
  .meta({ id: 'LetterDue' });
export type LetterDue = z.infer<typeof letterDueSchema>;
export type LetterDueQuery = z.output<typeof letterDueQuerySchema>;

export const letterAlertsSchema = z
  .object({
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    supervised: z.number().int().meta({ description: 'Open 督办件 in the caller scope' }),
    items: z.array(letterSchema),
  })
  .meta({ id: 'LetterAlerts' });
export type LetterAlerts = z.infer<typeof letterAlertsSchema>;

/** Bodies of the action POSTs on /letters/{id}/… */
const reason = z
  .string({ message: 'validation.required' })
  .trim()
  .min(1, { message: 'validation.required' })
  .max(500, { message: 'validation.max500' });
const extendBody = {
  days: z
    .number({ message: 'validation.required' })
    .int({ message: 'validation.integer' })
    .min(1, { message: 'validation.min1' }),
  reason,
};
const personName = z
  .string({ message: 'validation.required' })
  .trim()
  .min(1, { message: 'validation.required' })
  .max(50, { message: 'validation.max50' });
export const letterActionSchemas = {
  assign: z
    .object({
      sectionId: sectionIdSchema,
      note: z.string().trim().max(500, { message: 'validation.max500' }).optional(),
    })
    .meta({ id: 'LetterAssign' }),
  /** The office extends directly (clerk/admin), within the deadline. */
  extend: z.object(extendBody).meta({ id: 'LetterExtend' }),
  /** 申请延期: a section officer applies; the office approves or refuses. */
  'request-extension': z.object(extendBody).meta({ id: 'LetterExtensionRequestInput' }),
  'approve-extension': z.object({}).meta({ id: 'LetterExtensionApprove' }),
  'refuse-extension': z.object({ reason }).meta({ id: 'LetterExtensionRefuse' }),
  reply: z
    .object({
      content: z
        .string({ message: 'validation.required' })
        .trim()
        .min(1, { message: 'validation.required' })
        .max(5000, { message: 'validation.max5000' }),
      method: replyMethodSchema,
      repliedOn: isoDate.meta({
        description: '答复日期: not in the future, not before receipt (back-dating allowed)',
      }),
    })
    .meta({ id: 'LetterReplyInput' }),
  /** 办结 with the follow-up (回访). */
  close: z
    .object({
      followUpMethod: followUpMethodSchema,
      followUpOn: isoDate.meta({ description: 'Not in the future, not before the reply' }),
      followUpBy: personName,
      reached: z.boolean({ message: 'validation.required' }),
      satisfaction: satisfactionSchema.optional(),
      closeReason: z.string().trim().max(500, { message: 'validation.max500' }).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.reached && !v.satisfaction)
        ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: 'validation.required' });
      if (!v.reached && v.satisfaction)
        ctx.addIssue({
          code: 'custom',
          path: ['satisfaction'],
          message: 'validation.noOpinionUnreached',
        });
      if (v.satisfaction === 'unsatisfied' && !v.closeReason)
        ctx.addIssue({ code: 'custom', path: ['closeReason'], message: 'validation.required' });
    })
    .meta({ id: 'LetterClose' }),
  reopen: z.object({ reason }).meta({ id: 'LetterReopen' }),
  /** 退回: the section hands a misrouted letter back to the office. */
  return: z.object({ reason }).meta({ id: 'LetterReturn' }),
  supervise: z.object({ note: reason }).meta({ id: 'LetterSupervise' }),
} as const;

export const savedViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    query: z.string().meta({ description: 'URL query string of the list view' }),
    createdAt: instant,
  })
  .meta({ id: 'SavedView' });
export type SavedView = z.infer<typeof savedViewSchema>;
export const createSavedViewSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { message: 'validation.required' })
      .max(40, { message: 'validation.max40' }),
    query: z.string().max(1000),
  })
  .meta({ id: 'CreateSavedView' });

/**
 * PATCH /letters/{id}: the office completes the record (not the workflow): the 重复件 link and the
 * mayor's-mailbox platform fields. `null` clears a field; an absent field is left as it is.
 */
export const updateLetterSchema = z
  .object({
    duplicateOf: z
      .string()
      .trim()
      .min(1, { message: 'validation.required' })
      .max(100, { message: 'validation.invalid' })
      .nullable()
      .optional(),
    platformRef: z.string().trim().max(40, { message: 'validation.max40' }).nullable().optional(),
    platformAssignedOn: isoDate.nullable().optional(),
    platformFeedbackOn: isoDate.nullable().optional().meta({
      description: '反馈平台日期: not before platformAssignedOn, not in the future',
    }),
  })
  .strict()
  .meta({ id: 'UpdateLetter' });
export type UpdateLetterInput = z.input<typeof updateLetterSchema>;

/** POST /letters/bulk: one action on many letters, each with the version the caller saw. */
export const BULK_ACTIONS = ['assign', 'supervise'] as const;
export const bulkLetterSchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    items: z
      .array(z.object({ id: z.string().max(100), version: z.number().int() }))
      .min(1, { message: 'validation.required' })
      .max(100, { message: 'letters.cases.errors.bulkMax' }),
    sectionId: sectionIdSchema.optional().meta({ description: 'assign: the section (required)' }),
    note: z.string().trim().max(500, { message: 'validation.max500' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action === 'assign' && !v.sectionId)
      ctx.addIssue({ code: 'custom', path: ['sectionId'], message: 'validation.required' });
    if (v.action === 'supervise' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'validation.required' });
  })
  .meta({ id: 'BulkLetterAction' });
export type BulkLetterInput = z.input<typeof bulkLetterSchema>;
export const bulkResultSchema = z
  .object({
    succeeded: z.number().int(),
    failed: z.number().int(),
    results: z.array(
      z.object({
        id: z.string(),
        serialNo: z.string().nullable().meta({ description: 'null when the letter was not found' }),
        ok: z.boolean(),
        status: z
          .number()
          .int()
          .meta({ description: 'What the single action would have answered' }),
        code: z.string().nullable().meta({
          description: 'not-found | forbidden | version-conflict | invalid-transition | validation',
        }),
        message: z
          .string()
          .nullable()
          .meta({ description: "Why it failed, in the caller's language" }),
        letter: letterSchema.nullable().meta({ description: 'The letter after the action' }),
      }),
    ),
  })
  .meta({ id: 'BulkLetterResult' });
export type BulkLetterResult = z.infer<typeof bulkResultSchema>;
