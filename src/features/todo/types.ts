import { z } from 'zod';
import { isoDate, sectionIdSchema } from '@/types/api';

/** The groups of 我的待办: the office's (clerk, admin) and the section officer's. */
export const OFFICE_GROUPS = [
  'toTransfer',
  'toClose',
  'dueToday',
  'supervised',
  'extensionRequests',
  'correctionLapsing',
  'feeLapsing',
] as const;
export const SECTION_GROUPS = ['sectionLetters', 'sectionApplications'] as const;
export const TODO_GROUPS = [...OFFICE_GROUPS, ...SECTION_GROUPS] as const;
export type TodoGroupId = (typeof TODO_GROUPS)[number];

export const todoItemSchema = z
  .object({
    kind: z.enum(['letter', 'application']),
    id: z.string(),
    serialNo: z.string(),
    title: z.string().meta({ description: "A letter's subject; an application's request" }),
    sectionId: sectionIdSchema.nullable(),
    dueOn: isoDate
      .nullable()
      .meta({ description: 'The deadline of the case, or of the window for 补正/缴费 groups' }),
    remainingWorkdays: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Working days to dueOn (0 on the day, negative once past)' }),
    alert: z.enum(['none', 'due_soon', 'overdue']).meta({
      description:
        "The deadline's alert, by the letters' rule over the time limits' dueSoonDays (as on the lists)",
    }),
    supervised: z.boolean().meta({ description: '督办件' }),
    extension: z
      .enum(['requested', 'granted'])
      .nullable()
      .meta({ description: 'A pending 申请延期, or an extension already granted' }),
  })
  .meta({ id: 'TodoItem' });
export type TodoItem = z.infer<typeof todoItemSchema>;

export const todoGroupSchema = z
  .object({
    id: z.enum(TODO_GROUPS),
    resource: z.enum(['letters', 'applications']),
    filter: z.string().meta({
      description:
        'The list query (GET /letters or /applications) whose total is `count`, e.g. status=registered',
    }),
    count: z.number().int(),
    items: z.array(todoItemSchema).meta({ description: 'The first few, most urgent first' }),
  })
  .meta({ id: 'TodoGroup' });
export type TodoGroup = z.infer<typeof todoGroupSchema>;

export const todoSchema = z
  .object({
    asOf: isoDate.meta({ description: "The backend's today" }),
    windowDays: z.number().int().meta({
      description: '补正 and 缴费 windows count as lapsing within this many working days',
    }),
    groups: z.array(todoGroupSchema),
  })
  .meta({ id: 'Todo' });
export type Todo = z.infer<typeof todoSchema>;
