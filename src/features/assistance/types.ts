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

export const assistanceFigureSchema = z
  .object({
    id: z.string(),
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    regionCode: z.string().regex(/^\d{6}$/),
    program: z.enum(PROGRAMS),
    values: z.record(z.string(), z.number().nullable()),
    status: z.enum(['draft', 'published']),
    illustrative: z.boolean(),
    version: z.number().int(),
    updatedAt: instant,
  })
  .meta({ id: 'AssistanceFigure' });
export type AssistanceFigure = z.infer<typeof assistanceFigureSchema>;

export const assistanceQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  program: z.enum(PROGRAMS).optional(),
});
