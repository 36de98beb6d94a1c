import { z } from 'zod';

export const organisationSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { message: 'validation.required' })
      .max(100, { message: 'validation.max100' }),
    orgCode: z
      .string()
      .trim()
      .regex(/^([0-9A-Z]{9}|[0-9A-Z]{18})$/, { message: 'validation.orgCode' }),
    administrativeFeesWan: z.record(z.string().regex(/^\d{4}$/), z.number().min(0).max(1e6)),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof organisationSchema>;
