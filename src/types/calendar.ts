import { z } from 'zod';
import { isoDate } from './api';

/** Working-day calendar shapes: used by settings (admin years) and by every feature that shows a deadline. */
export const calendarDaySchema = z
  .object({
    date: isoDate,
    workday: z.boolean(),
    name: z
      .string()
      .trim()
      .min(1, { message: 'validation.required' })
      .max(30, { message: 'validation.max30' }),
  })
  .meta({ id: 'CalendarDay' });

export const calendarYearSchema = z
  .object({ complete: z.boolean(), days: z.array(calendarDaySchema).max(366) })
  .meta({ id: 'CalendarYearInput' });
export type CalendarYearInput = z.infer<typeof calendarYearSchema>;

export const calendarYearDetailSchema = z
  .object({
    year: z.number().int(),
    source: z.enum(['official', 'admin', 'none']),
    complete: z.boolean(),
    days: z
      .array(calendarDaySchema)
      .meta({ description: 'Admin-entered days (official years: supplements only)' }),
    officialDays: z
      .array(calendarDaySchema)
      .meta({ description: 'Holidays and make-up days from the bundled official schedule' }),
    assumedDays: z.array(calendarDaySchema).meta({
      description:
        'A year after the official data: the statutory days off that 《全国年节及纪念日放假办法》(2024) 第二条 fixes by date, counted as days off (provisionally) until the year is complete; the notice adds its 调休 and bridging days',
    }),
    version: z
      .number()
      .int()
      .meta({ description: '0 until an admin first saves the year; PUT needs If-Match' }),
  })
  .meta({ id: 'CalendarYear' });
export type CalendarYearDetail = z.infer<typeof calendarYearDetailSchema>;

export const calendarYearSummarySchema = z
  .object({
    year: z.number().int(),
    source: z.enum(['official', 'admin', 'none']),
    complete: z.boolean(),
  })
  .meta({ id: 'CalendarYearSummary' });
export type CalendarYearSummary = z.infer<typeof calendarYearSummarySchema>;

export const workdaysResultSchema = z
  .object({
    from: isoDate,
    count: z.number().int(),
    date: isoDate,
    provisional: z.boolean(),
    skipped: z.array(
      z.object({ date: isoDate, name: z.string(), kind: z.enum(['weekend', 'holiday']) }),
    ),
    makeUpDays: z.array(z.object({ date: isoDate, name: z.string() })),
    counted: z.array(isoDate),
  })
  .meta({ id: 'WorkdaysResult' });
export type WorkdaysResult = z.infer<typeof workdaysResultSchema>;

export const workdaysQuerySchema = z.object({
  // Bounded so the answer (at most 400 working days later) always has a 4-digit year.
  from: isoDate.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', {
    message: 'validation.dateRange',
  }),
  count: z.coerce.number().int().min(0).max(400),
});
