import { z } from 'zod';
import { isoDate, sectionIdSchema } from '@/types/api';

export const dashboardQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const count = z
  .object({
    value: z.number(),
    previous: z.number().nullable(),
    change: z.number().nullable().meta({ description: 'Relative change (0.05 = +5%)' }),
  })
  .meta({ id: 'KpiCount', description: 'This period and the same period of the year before' });
export type KpiCount = z.infer<typeof count>;

const rate = z
  .object({
    value: z
      .number()
      .nullable()
      .meta({ description: 'null when fewer than 5 cases (see `denominator`)' }),
    numerator: z.number().int(),
    denominator: z.number().int(),
    previous: z.number().nullable(),
  })
  .meta({ id: 'KpiRate' });
export type KpiRate = z.infer<typeof rate>;

const duration = z
  .object({
    median: z.number().nullable(),
    mean: z.number().nullable(),
    n: z.number().int(),
  })
  .meta({ id: 'KpiDuration', description: 'Working days from receipt to reply or decision' });
export type KpiDuration = z.infer<typeof duration>;

const monthly = z
  .object({ current: z.array(z.number().nullable()), previous: z.array(z.number().nullable()) })
  .meta({ description: 'Twelve months; null for months not yet reached' });

export const dashboardSchema = z
  .object({
    year: z.number().int(),
    asOf: isoDate.meta({ description: "The backend's today" }),
    window: z
      .object({ from: isoDate, to: isoDate, previousFrom: isoDate, previousTo: isoDate })
      .meta({ description: 'The period compared: the year (to date) and the same days before' }),
    letters: z.object({
      received: count,
      closed: count,
      onTimeRate: rate,
      satisfactionRate: rate,
      responseDays: duration,
      overdue: z.number().int().meta({ description: 'Open and overdue now (any year)' }),
      dueSoon: z.number().int().meta({ description: 'Open and due soon now (any year)' }),
      monthly,
    }),
    applications: z.object({
      received: count,
      pending: count,
      decided: count,
      late: count.meta({ description: 'Decided after the statutory deadline' }),
      onTimeRate: rate,
      responseDays: duration,
      overdue: z.number().int().meta({ description: 'Open and overdue now (any year)' }),
    }),
    sections: z
      .array(
        z
          .object({
            sectionId: sectionIdSchema,
            inProgress: z
              .number()
              .int()
              .meta({ description: '在办: letters at the section now (status assigned)' }),
            overdue: z
              .number()
              .int()
              .meta({ description: 'Open and overdue now (any year), as the overdue KPI' }),
            onTimeRate: rate.meta({
              description: "按期办结率 of the year's closed letters, as the on-time KPI",
            }),
            supervised: z.number().int().meta({ description: "督办件 among the year's letters" }),
          })
          .meta({ id: 'DashboardSection' }),
      )
      .meta({ description: 'Per section (科室); a handler gets their own section only' }),
    catalogue: z.object({
      published: count,
      late: count,
      timelyRate: rate,
    }),
    assistance: z
      .object({
        through: z.string().nullable().meta({ description: 'Latest published month (YYYY-MM)' }),
        persons: count.meta({
          description: '城乡低保 and 特困 persons in the latest published month',
        }),
        urbanDibao: z.number().nullable(),
        ruralDibao: z.number().nullable(),
        tekun: z.number().nullable(),
        expenditure: count.meta({ description: 'Spending of all programs to date, 元' }),
        monthly: monthly.meta({ description: 'Spending per month, 元' }),
        illustrative: z.boolean(),
      })
      .nullable()
      .meta({ description: 'null for roles that do not read the assistance figures' }),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof dashboardSchema>;
