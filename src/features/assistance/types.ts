import { z } from 'zod';
import { instant } from '@/types/api';

export const PROGRAMS = ['urban_dibao', 'rural_dibao', 'tekun', 'medical', 'temporary'] as const;
export type Program = (typeof PROGRAMS)[number];

/** The fields each program reports (api.md, Social-assistance figures). */
export const PROGRAM_FIELDS = {
  urban_dibao: ['households', 'persons', 'standard', 'expenditure'],
  rural_dibao: ['households', 'persons', 'standard', 'expenditure'],
  tekun: ['persons', 'concentrated', 'dispersed', 'expenditure'],
  medical: ['personTimes', 'expenditure'],
  temporary: ['householdTimes', 'expenditure'],
} as const satisfies Record<Program, readonly string[]>;
export type FigureField = (typeof PROGRAM_FIELDS)[Program][number];

/** Money fields (元, at most 2 decimals); every other field is a count (non-negative integer). */
export const MONEY_FIELDS: readonly FigureField[] = ['standard', 'expenditure'];
export const isMoneyField = (f: FigureField) => MONEY_FIELDS.includes(f);

/** The measure of people reached: a stock (as of the month) for 低保/特困, a flow for the others. */
export const RECIPIENTS: Record<Program, { field: FigureField; kind: 'stock' | 'flow' }> = {
  urban_dibao: { field: 'persons', kind: 'stock' },
  rural_dibao: { field: 'persons', kind: 'stock' },
  tekun: { field: 'persons', kind: 'stock' },
  medical: { field: 'personTimes', kind: 'flow' },
  temporary: { field: 'householdTimes', kind: 'flow' },
};

export const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const periodSchema = z
  .string()
  .regex(PERIOD_RE, { message: 'assistance.errors.period' })
  .meta({ description: 'Month, YYYY-MM' });
const regionCode = z
  .string()
  .regex(/^\d{6}$/)
  .meta({ description: 'GB/T 2260 code' });

export const assistanceFigureSchema = z
  .object({
    id: z.string().meta({ description: '<period>:<regionCode>:<program>' }),
    period: periodSchema,
    regionCode,
    program: z.enum(PROGRAMS),
    values: z.record(z.string(), z.number()).meta({
      description:
        "The program's fields: counts are integers; standard (元/人·月) and expenditure (元) have at most 2 decimals",
    }),
    status: z.enum(['draft', 'published']),
    illustrative: z
      .boolean()
      .meta({ description: 'Generated demonstration figures (示例数据), not official statistics' }),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
    publishedAt: instant.nullable(),
  })
  .meta({ id: 'AssistanceFigure' });
export type AssistanceFigure = z.infer<typeof assistanceFigureSchema>;

export const assistanceQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  period: periodSchema.optional(),
  region: regionCode.optional(),
  program: z.enum(PROGRAMS).optional(),
  status: z.enum(['draft', 'published']).optional(),
});
export type AssistanceQuery = z.infer<typeof assistanceQuerySchema>;

export type FigureValues = Record<string, number>;

// ---- Values of one figure, by program (messages are locale keys) ----------------------------

const count = z
  .number({ message: 'assistance.errors.number' })
  .int({ message: 'assistance.errors.integer' })
  .min(0, { message: 'assistance.errors.nonNegative' })
  .max(100_000_000, { message: 'assistance.errors.tooLarge' });
const money = z
  .number({ message: 'assistance.errors.number' })
  .min(0, { message: 'assistance.errors.nonNegative' })
  .max(100_000_000_000, { message: 'assistance.errors.tooLarge' })
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
    message: 'assistance.errors.decimals',
  });

export const fieldSchema = (f: FigureField) => (isMoneyField(f) ? money : count);

/** Rules across fields of one figure; the message goes next to `field`. */
export const CROSS_CHECKS: Record<
  Program,
  {
    field: FigureField;
    needs: FigureField[];
    message: string;
    holds: (v: FigureValues) => boolean;
  }[]
> = {
  urban_dibao: [
    {
      field: 'persons',
      needs: ['persons', 'households'],
      message: 'assistance.errors.personsBelowHouseholds',
      holds: (v) => v.persons! >= v.households!,
    },
  ],
  rural_dibao: [
    {
      field: 'persons',
      needs: ['persons', 'households'],
      message: 'assistance.errors.personsBelowHouseholds',
      holds: (v) => v.persons! >= v.households!,
    },
  ],
  tekun: [
    {
      field: 'persons',
      needs: ['persons', 'concentrated', 'dispersed'],
      message: 'assistance.errors.tekunSum',
      holds: (v) => v.concentrated! + v.dispersed! === v.persons!,
    },
  ],
  medical: [],
  temporary: [],
};

function valuesOf(program: Program) {
  const shape = Object.fromEntries(
    (PROGRAM_FIELDS[program] as readonly FigureField[]).map((f) => [f, fieldSchema(f)]),
  );
  return z.strictObject(shape).superRefine((v, ctx) => {
    for (const c of CROSS_CHECKS[program])
      if (!c.holds(v as FigureValues))
        ctx.addIssue({ code: 'custom', message: c.message, path: [c.field] });
  });
}

export const valuesSchemas = {
  urban_dibao: valuesOf('urban_dibao').meta({ id: 'DibaoValues' }),
  rural_dibao: valuesOf('rural_dibao'),
  tekun: valuesOf('tekun').meta({ id: 'TekunValues' }),
  medical: valuesOf('medical').meta({ id: 'MedicalValues' }),
  temporary: valuesOf('temporary').meta({ id: 'TemporaryValues' }),
};

export const putFigureSchema = z
  .object({
    values: z.union([
      valuesSchemas.urban_dibao,
      valuesSchemas.tekun,
      valuesSchemas.medical,
      valuesSchemas.temporary,
    ]),
  })
  .meta({
    id: 'AssistanceFigureInput',
    description: "The program's values (the path names the program); validated by that program",
  });

export const publishSchema = z
  .object({
    figures: z
      .array(z.object({ id: z.string(), version: z.number().int() }), {
        message: 'validation.required',
      })
      .min(1, { message: 'validation.required' })
      .max(200),
  })
  .meta({
    id: 'AssistancePublish',
    description:
      'The drafts to publish with the versions the client saw (the batch form of If-Match): a stale one → 409 and nothing is published',
  });

export const copyResultSchema = z
  .object({ created: z.number().int(), items: z.array(assistanceFigureSchema) })
  .meta({ id: 'AssistanceCopyResult' });
export const publishResultSchema = z
  .object({ published: z.number().int(), items: z.array(assistanceFigureSchema) })
  .meta({ id: 'AssistancePublishResult' });

// ---- Summary ---------------------------------------------------------------------------------

export const GROUP_BY = ['month', 'region', 'program'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const summaryQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  groupBy: z.enum(GROUP_BY).default('month'),
});

const pair = z.object({ recipients: z.number().nullable(), expenditure: z.number().nullable() });
export const summaryRowSchema = z
  .object({
    key: z.string().meta({ description: 'YYYY-MM, region code or program, by groupBy' }),
    program: z.enum(PROGRAMS),
    recipients: z.number().meta({
      description:
        '低保/特困 persons as of the latest month (期末); medical person-times and temporary household-times summed',
    }),
    households: z.number().nullable(),
    standard: z
      .number()
      .nullable()
      .meta({ description: 'Persons-weighted average standard, 元/人·月 (低保 only)' }),
    expenditure: z.number().meta({ description: '元, summed over the months' }),
    previous: pair.meta({ description: 'The same months of the year before' }),
    change: pair.meta({ description: 'Relative change against `previous` (0.05 = +5%)' }),
  })
  .meta({ id: 'AssistanceSummaryRow' });
export type SummaryRow = z.infer<typeof summaryRowSchema>;

export const summarySchema = z
  .object({
    year: z.number().int(),
    groupBy: z.enum(GROUP_BY),
    through: periodSchema
      .nullable()
      .meta({ description: 'The latest published month of the year' }),
    illustrative: z.boolean(),
    rows: z.array(summaryRowSchema),
  })
  .meta({ id: 'AssistanceSummary' });
export type AssistanceSummary = z.infer<typeof summarySchema>;
