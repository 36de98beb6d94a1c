import { z } from 'zod';
import { APPLICANT_COLUMNS, OUTCOME_CODES } from '@/lib/disclosure-template';
import { instant, isoDate, paged, sectionIdSchema } from '@/types/api';

/** The applicant columns of the national report's table 三. */
export const APPLICANT_TYPES = APPLICANT_COLUMNS;
/** 第三十一条: how the application arrived decides what its receipt date is. */
export const APPLICATION_CHANNELS = [
  'in_person',
  'post',
  'letter',
  'online',
  'fax',
  'email',
] as const;
export const APPLICATION_STATUSES = [
  'registered',
  'in_progress',
  'correction_requested',
  'paused',
  'fee_expired',
  'decided',
] as const;
/** How the 答复书 reached the applicant (送达方式). */
export const DELIVERY_METHODS = ['post', 'email', 'in_person', 'online', 'fax'] as const;
/** The consulted party's answer (第三十二条): agrees, refuses, or did not answer within 15 working days. */
export const CONSULT_OPINIONS = ['agree', 'disagree', 'no_reply'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export type ConsultOpinion = (typeof CONSULT_OPINIONS)[number];
export const CLOCK_STATES = [
  'running',
  'awaiting_correction',
  'paused',
  'fee_expired',
  'decided',
] as const;

const text = (max: number) =>
  z
    .string({ message: 'validation.required' })
    .trim()
    .min(1, { message: 'validation.required' })
    .max(max, { message: `validation.max${max}` });

export const applicantTypeSchema = z.enum(APPLICANT_TYPES).meta({ id: 'ApplicantType' });
export const outcomeSchema = z
  .enum(OUTCOME_CODES, { message: 'validation.outcome' })
  .meta({ id: 'OutcomeCode', description: 'Leaf rows of table 三 (3.1 … 3.6.3)' });

export const createApplicationSchema = z
  .object({
    applicantType: applicantTypeSchema,
    applicantName: text(100),
    contact: text(100),
    channel: z.enum(APPLICATION_CHANNELS),
    receivedOn: isoDate.refine((d) => d >= '2008-05-01', {
      message: 'validation.receivedTooEarly',
    }),
    description: text(2000),
  })
  .meta({ id: 'CreateApplication' });
export type CreateApplicationInput = z.input<typeof createApplicationSchema>;

export const ledgerEventSchema = z
  .object({
    kind: z.enum([
      'received',
      'assigned',
      'correction_requested',
      'correction_received',
      'consult_sent',
      'consult_replied',
      'extended',
      'fee_notice',
      'fee_paid',
      'decided',
    ]),
    on: isoDate,
    correctionDueOn: isoDate.nullable().optional().meta({
      description:
        'correction_requested: the 补正期限 told to the applicant (null on records made before it was kept)',
    }),
    receivedOn: isoDate.optional().meta({
      description:
        "consult_sent: the consulted party's receipt of the 征求意见书; fee_notice: the applicant's receipt of the notice (absent on older records: read as `on`)",
    }),
    amount: z.number().optional().meta({
      description: 'fee_notice: the amount the server computed (元), never the client',
    }),
    content: z.string().optional().meta({
      description: 'correction_received: the corrected request as received',
    }),
    opinion: z.enum(CONSULT_OPINIONS).optional().meta({
      description: "consult_replied: the consulted party's answer",
    }),
    opinionText: z.string().optional().meta({ description: 'consult_replied: its words' }),
    notifiedOn: isoDate.optional().meta({
      description: 'extended: 告知延期日期, the day the applicant was told',
    }),
    prior: z.number().int().optional().meta({
      description:
        "fee_notice: 按件, the applicant's earlier applications of the month of receipt; 按量, 0",
    }),
  })
  .catchall(z.unknown())
  .meta({ id: 'LedgerEvent' });

export const clockSchema = z
  .object({
    state: z.enum(CLOCK_STATES),
    startOn: isoDate,
    allowanceWorkdays: z.number().int(),
    usedWorkdays: z.number().int(),
    excludedWorkdays: z.number().int(),
    remainingWorkdays: z.number().int().nullable(),
    dueOn: isoDate.nullable(),
    late: z.boolean().nullable(),
    calendarProvisional: z.boolean(),
    events: z.array(
      z
        .object({
          kind: z.string(),
          on: isoDate,
          excludedWorkdays: z.number().int().optional(),
          open: z.boolean().optional(),
          detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        })
        .meta({ id: 'ClockEvent' }),
    ),
  })
  .meta({ id: 'ApplicationClock' });
export type ClockView = z.infer<typeof clockSchema>;

export const applicationSchema = z
  .object({
    id: z.string(),
    serialNo: z.string().meta({ description: 'YSQ-<year>-<4-digit seq>, per year of receipt' }),
    applicantType: applicantTypeSchema,
    applicantName: z.string(),
    contact: z.string().meta({ description: 'Masked in lists' }),
    channel: z.enum(APPLICATION_CHANNELS),
    receivedOn: isoDate,
    description: z.string(),
    sectionId: sectionIdSchema.nullable(),
    ledger: z.array(ledgerEventSchema),
    decision: z
      .object({
        outcome: outcomeSchema,
        reason: z.string(),
        decidedOn: isoDate,
        fee: z.number().nullable(),
        late: z.boolean(),
        replyNo: z.string().nullable().optional().meta({ description: '答复书文号' }),
        deliveryMethod: z.enum(DELIVERY_METHODS).nullable().optional().meta({
          description: '送达方式 of the 答复书',
        }),
        deliveredOn: isoDate.nullable().optional().meta({
          description: '送达日期: not before decidedOn, not in the future',
        }),
      })
      .nullable(),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
    status: z.enum(APPLICATION_STATUSES),
    dueOn: isoDate.nullable().meta({
      description:
        '20 working days from receipt (or from the corrected application), +20 if extended, + excluded days; null while awaiting a correction',
    }),
    clock: clockSchema,
    calendarProvisional: z.boolean().meta({
      description:
        'dueOn (or the late verdict) is counted through a year whose holidays are neither official nor marked complete',
    }),
    remainingWorkdays: z.number().int().nullable().meta({
      description:
        'Working days from today to dueOn; negative once past it (already on the days off right after it), whatever the state; null while awaiting a correction or once decided',
    }),
    alert: z.enum(['none', 'due_soon', 'overdue']),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof applicationSchema>;
export type ApplicationRecord = Omit<
  Application,
  'status' | 'dueOn' | 'clock' | 'calendarProvisional' | 'remainingWorkdays' | 'alert'
>;
export const applicationPageSchema = paged(applicationSchema).meta({ id: 'ApplicationPage' });

export const applicationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z
    .enum(['receivedOn', '-receivedOn', 'dueOn', '-dueOn', 'serialNo', '-serialNo'])
    .optional(),
  q: z.string().max(200).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  applicantType: applicantTypeSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  alert: z.enum(['due_soon', 'overdue']).optional(),
  outcome: z.string().max(10).optional(),
  open: z.enum(['true']).optional().meta({ description: 'Not yet decided' }),
  late: z.enum(['true']).optional().meta({ description: 'Decided after the statutory deadline' }),
  lapsing: z.enum(['correction', 'fee']).optional().meta({
    description:
      "The applicant's 补正 or payment window ends within the due-soon working days (or has ended)",
  }),
  /** With reportRow: the applications counted in that row of that year's table 三. */
  reportYear: z.coerce.number().int().min(2008).max(2100).optional(),
  reportRow: z
    .string()
    .regex(/^[1-4](\.\d){0,2}$/)
    .optional(),
});
export type ApplicationListQuery = z.input<typeof applicationListQuerySchema>;

const reason = text(500);
/** A date the step's other date must not precede (`field` on or after `after`). */
const notBefore =
  (field: string, after: string, message: string) =>
  (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const a = v[after];
    const b = v[field];
    if (typeof a === 'string' && typeof b === 'string' && b < a)
      ctx.addIssue({ code: 'custom', path: [field], message });
  };
export const applicationActionSchemas = {
  assign: z.object({ sectionId: sectionIdSchema }).meta({ id: 'ApplicationAssign' }),
  'request-correction': z
    .object({
      note: reason,
      requestedOn: isoDate,
      correctionDueOn: isoDate.meta({
        description:
          'The 补正期限 given to the applicant (第三十条); after it has passed without a corrected application the case may end as 3.6.1',
      }),
    })
    .superRefine((v, ctx) => {
      if (v.correctionDueOn <= v.requestedOn)
        ctx.addIssue({
          code: 'custom',
          path: ['correctionDueOn'],
          message: 'validation.correctionDueAfterRequest',
        });
    })
    .meta({ id: 'ApplicationRequestCorrection' }),
  'correction-received': z
    .object({
      receivedOn: isoDate,
      content: text(2000).meta({
        description: "The applicant's corrected request (补正后的申请内容), as received",
      }),
    })
    .meta({ id: 'ApplicationCorrectionReceived' }),
  'consult-third-party': z
    .object({
      sentOn: isoDate,
      receivedOn: isoDate.optional().meta({
        description:
          "The consulted party's receipt of the 征求意见书; its 15 working days run from it (第三十二条). Default: sentOn",
      }),
      party: z.enum(['third_party', 'other_agency']).default('third_party'),
      name: z.string().trim().max(100).optional(),
    })
    .superRefine(notBefore('receivedOn', 'sentOn', 'validation.receiptBeforeSending'))
    .meta({ id: 'ApplicationConsult' }),
  'third-party-replied': z
    .object({
      on: isoDate,
      opinion: z.enum(CONSULT_OPINIONS, { message: 'validation.required' }).meta({
        description: '同意公开 / 不同意公开 / 逾期未答复 (第三十二条)',
      }),
      opinionText: z
        .string()
        .trim()
        .max(2000, { message: 'validation.max2000' })
        .optional()
        .meta({ description: "The party's opinion in its words; required when it refuses" }),
    })
    .superRefine((v, ctx) => {
      if (v.opinion === 'disagree' && !v.opinionText)
        ctx.addIssue({
          code: 'custom',
          path: ['opinionText'],
          message: 'validation.opinionReasonRequired',
        });
    })
    .meta({ id: 'ApplicationConsultReplied' }),
  extend: z
    .object({
      reason,
      approvedBy: text(50),
      approvedOn: isoDate.optional().meta({
        description: 'The day the extension was approved (within the period); default today',
      }),
      notifiedOn: isoDate.meta({
        description:
          '告知延期日期: the day the applicant was told (第三十三条); not before approvedOn, not in the future',
      }),
    })
    .superRefine(notBefore('notifiedOn', 'approvedOn', 'validation.notifiedBeforeExtension'))
    .meta({ id: 'ApplicationExtend' }),
  'fee-notice': z
    .object({
      sentOn: isoDate,
      receivedOn: isoDate.optional().meta({
        description:
          "The applicant's receipt of the 收费通知; the 20 payment days run from the day after it. Default: sentOn",
      }),
      method: z.enum(['per_item', 'per_page']),
      count: z
        .number({ message: 'validation.required' })
        .int({ message: 'validation.integer' })
        .min(1, { message: 'validation.min1' })
        .max(100000),
    })
    .superRefine(notBefore('receivedOn', 'sentOn', 'validation.receiptBeforeSending'))
    .meta({
      id: 'ApplicationFeeNotice',
      description:
        'The server computes the amount (ledger event fee_notice: amount, prior) with the same function as GET /applications/{id}/fee-quote; a notice whose amount is 0 is refused (nothing is owed)',
    }),
  'fee-paid': z.object({ on: isoDate }).meta({ id: 'ApplicationFeePaid' }),
  decide: z
    .object({
      outcome: outcomeSchema,
      reason: z.string().trim().max(2000, { message: 'validation.max2000' }).optional(),
      decidedOn: isoDate,
      fee: z
        .number()
        .min(0)
        .max(1e7)
        .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
          message: 'validation.moneyDecimals',
        })
        .optional(),
      replyNo: z
        .string()
        .trim()
        .max(50, { message: 'validation.max50' })
        .optional()
        .meta({ description: '答复书文号, e.g. 长民政公开〔2026〕12号' }),
      deliveryMethod: z.enum(DELIVERY_METHODS).optional(),
      deliveredOn: isoDate.optional().meta({
        description: '送达日期: not before decidedOn, not in the future; needs deliveryMethod',
      }),
    })
    .superRefine(notBefore('deliveredOn', 'decidedOn', 'validation.deliveredBeforeDecision'))
    .superRefine((v, ctx) => {
      if (v.deliveredOn && !v.deliveryMethod)
        ctx.addIssue({ code: 'custom', path: ['deliveryMethod'], message: 'validation.required' });
    })
    .meta({ id: 'ApplicationDecide' }),
} as const;
export type ApplicationAction = keyof typeof applicationActionSchemas;
export const APPLICATION_ACTIONS = Object.keys(applicationActionSchemas) as ApplicationAction[];

export const feeQuoteQuerySchema = z.object({
  method: z.enum(['per_item', 'per_page']),
  count: z.coerce.number().int().min(1).max(100000),
});
export const feeQuoteSchema = z
  .object({
    method: z.enum(['per_item', 'per_page']),
    count: z.number().int(),
    prior: z.number().int().meta({
      description:
        "按件: the applicant's (same name and contact) applications received earlier in the same calendar month; 按量: 0 (priced per application)",
    }),
    amount: z.number().meta({ description: 'What a fee notice with these counts records (元)' }),
    lines: z.array(
      z.object({
        from: z.number().int(),
        to: z.number().int().nullable(),
        rate: z.number(),
        units: z.number().int(),
        amount: z.number(),
      }),
    ),
  })
  .meta({ id: 'FeeQuote' });
export type FeeQuote = z.infer<typeof feeQuoteSchema>;

/** GET /applications/due: the deadline a new application received on that day gets (the same clock). */
export const applicationDueQuerySchema = z.object({ receivedOn: isoDate });
export const applicationDueSchema = z
  .object({
    receivedOn: isoDate,
    startOn: isoDate,
    allowanceWorkdays: z.number().int(),
    dueOn: isoDate.meta({
      description: 'What POST /applications stores as dueOn for this receipt',
    }),
    calendarProvisional: z.boolean().meta({
      description: "dueOn is counted through a year whose holidays aren't official yet (暂定)",
    }),
  })
  .meta({ id: 'ApplicationDue' });
export type ApplicationDue = z.infer<typeof applicationDueSchema>;
