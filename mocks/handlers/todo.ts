import { HttpResponse } from 'msw';
import { todoSchema } from '@/features/todo/types';
import { route } from '../route';
import { todo } from '../../server/domain/todo';

/** 我的待办 is the office's and the sections' home; leaders have the dashboard. */
const TODO_ROLES = ['admin', 'clerk', 'handler'] as const;

export const todoRoutes = [
  route({
    method: 'get',
    path: '/todo',
    summary: "我的待办: the caller's work, in groups, each with its count and most urgent items",
    roles: [...TODO_ROLES],
    rolesNote: '(own section only)',
    tag: 'dashboard',
    response: todoSchema,
    description:
      "The office (admin, clerk) gets 待转办 (registered), 待办结/待回访 (replied), 今日到期 (not yet replied and due today), 督办件 (supervised, at a section), 申请延期 awaiting approval, and applications whose 补正 or payment window ends within `windowDays` working days (the letters' due-soon setting) or has ended. A section officer gets their section's letters at work (assigned) and applications in progress, fewest working days left first. Each group's `filter` is the GET /letters or /applications query whose total is the group's `count`.",
    handler: async (ctx) => HttpResponse.json(await todo(ctx.tx, ctx.user)),
  }),
];
