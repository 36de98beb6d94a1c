/**
 * Letter handling on the mock backend: the one place that changes letters, used by the HTTP
 * handlers and by the seed (so seeded history has the same shape and audit trail as real use).
 */
import {
  computeDue,
  nextStatus,
  canApply,
  onTime,
  remainingWorkdays,
  alertLevel,
  maskPhone,
  timeLimitFor,
  type LetterAction,
} from '@/features/letters/rules';
import type {
  CreateLetterInput,
  Letter,
  LetterRecord,
  Satisfaction,
} from '@/features/letters/types';
import { translate, type Locale } from '@/lib/i18n/core';
import type { SectionId, User } from '@/types/api';
import { nowInstant, today } from '../clock';
import { db } from '../db';
import { errors } from '../http';
import { audit, diff, type Actor } from './audit';
import { calendar } from './calendar';
import { timeLimits } from './settings';
import { requireOpenSection, sectionName } from './accounts';

export interface When {
  on: string; // the business date of the action (today, or the seeded date)
  at: string; // the instant
}
export const now = (): When => ({ on: today(), at: nowInstant() });

/** Read-time fields against today, and the phone masked unless the caller may see it. */
export function present(rec: LetterRecord, opts: { mask: boolean; today?: string }): Letter {
  const rem = remainingWorkdays(calendar(), opts.today ?? today(), rec);
  return {
    ...rec,
    citizenPhone: opts.mask ? maskPhone(rec.citizenPhone) : rec.citizenPhone,
    remainingWorkdays: rem,
    alert: alertLevel(rem, timeLimits().dueSoonDays),
  };
}

/** Full phone only on the detail view, to clerk/admin and the assigned section. */
export function maySeePhone(user: User, rec: LetterRecord) {
  return (
    user.role === 'admin' ||
    user.role === 'clerk' ||
    (user.role === 'handler' && rec.sectionId === user.sectionId)
  );
}

/** Handlers see only their section's letters (others: 404, so existence does not leak). */
export function inScope(user: User, rec: LetterRecord) {
  return user.role !== 'handler' || (rec.sectionId !== null && rec.sectionId === user.sectionId);
}

export function createLetter(
  input: ReturnType<typeof parseCreate>,
  actor: Actor,
  when: When = now(),
  idHint?: string,
): LetterRecord {
  const year = Number(input.receivedOn.slice(0, 4));
  const seq = db.nextSeq(`letters:${year}`);
  const limit = timeLimitFor(timeLimits(), input.source, input.category);
  const due = computeDue(calendar(), input.receivedOn, limit, null);
  const rec: LetterRecord = {
    id: idHint ?? crypto.randomUUID(),
    serialNo: `XF-${year}-${String(seq).padStart(4, '0')}`,
    source: input.source,
    category: input.category,
    subject: input.subject,
    content: input.content,
    citizenName: input.citizenName,
    citizenPhone: input.citizenPhone ?? null,
    receivedOn: input.receivedOn,
    status: 'registered',
    timeLimitDays: limit,
    dueOn: due.dueOn,
    calendarProvisional: due.provisional,
    sectionId: null,
    reply: null,
    closedOn: null,
    onTime: null,
    extension: null,
    supervised: false,
    satisfaction: null,
    version: 1,
    createdAt: when.at,
    updatedAt: when.at,
  };
  db.letters.put(rec);
  audit(
    'letter',
    rec.id,
    'create',
    actor,
    `登记 ${rec.serialNo}，办理时限${limit}个工作日，${rec.dueOn}前办结`,
    { at: when.at, after: { status: rec.status, dueOn: rec.dueOn } },
  );
  return rec;
}

/** The shape createLetter needs (after zod parsing). */
export function parseCreate(i: CreateLetterInput & { citizenPhone?: string | undefined }) {
  return i as Required<
    Pick<
      CreateLetterInput,
      'source' | 'category' | 'subject' | 'content' | 'citizenName' | 'receivedOn'
    >
  > & {
    citizenPhone?: string | undefined;
  };
}

export type ActionInput =
  | { action: 'assign'; sectionId: SectionId; note?: string | undefined }
  | { action: 'extend'; days: number; reason: string }
  | { action: 'reply'; content: string }
  | { action: 'close'; satisfaction?: Satisfaction | undefined }
  | { action: 'reopen'; reason: string }
  | { action: 'supervise'; note: string };

const ACTION_LABEL: Record<LetterAction, string> = {
  assign: '转办',
  extend: '延期',
  reply: '答复',
  close: '办结',
  reopen: '重办',
  supervise: '督办',
};

/**
 * Apply one action; throws 409 invalid-transition, or 422 for rule violations (worded in
 * `locale`, the caller's Accept-Language), before writing.
 */
export function applyAction(
  rec: LetterRecord,
  input: ActionInput,
  actor: Actor,
  when: When = now(),
  locale: Locale = 'zh-CN',
): LetterRecord {
  if (!canApply(rec, input.action)) {
    throw errors.invalidTransition(
      input.action === 'extend' && rec.extension
        ? 'The letter was already extended once'
        : `Cannot ${input.action} a letter that is ${rec.status}`,
    );
  }
  const next: LetterRecord = {
    ...rec,
    status: nextStatus(rec.status, input.action)!,
    version: rec.version + 1,
    updatedAt: when.at,
  };
  let detail = ACTION_LABEL[input.action];
  switch (input.action) {
    case 'assign': {
      requireOpenSection(input.sectionId, locale);
      const reassign = rec.sectionId !== null;
      next.sectionId = input.sectionId;
      detail = `${reassign ? '改派' : '转办'}至${sectionName(input.sectionId)}${input.note ? `：${input.note}` : ''}`;
      break;
    }
    case 'extend': {
      const max = timeLimits().maxExtensionDays;
      if (input.days > max)
        throw errors.validation({ days: translate(locale, 'letters.actions.daysHint', { max }) });
      const due = computeDue(calendar(), rec.receivedOn, rec.timeLimitDays, input.days);
      next.extension = { days: input.days, reason: input.reason, previousDueOn: rec.dueOn };
      next.dueOn = due.dueOn;
      next.calendarProvisional = due.provisional;
      detail = `延期${input.days}个工作日（${rec.dueOn} → ${due.dueOn}）：${input.reason}`;
      break;
    }
    case 'reply':
      next.reply = { content: input.content, repliedOn: when.on, repliedBy: actor.name };
      detail = `答复（${when.on}）`;
      break;
    case 'close':
      if (!rec.reply) throw errors.invalidTransition('No reply to close on');
      next.closedOn = when.on;
      next.onTime = onTime(rec.reply.repliedOn, rec.dueOn);
      next.satisfaction = input.satisfaction ?? null;
      detail = `办结${next.onTime ? '（按期）' : '（超期）'}${input.satisfaction ? `，满意度：${input.satisfaction}` : ''}`;
      break;
    case 'reopen':
      next.reply = null;
      detail = `重办：${input.reason}`;
      break;
    case 'supervise':
      next.supervised = true;
      detail = `督办：${input.note}`;
      break;
  }
  db.letters.put(next);
  audit('letter', rec.id, input.action, actor, detail, { at: when.at, ...diff(rec, next) });
  return next;
}

/**
 * After an admin saves a calendar year: open letters whose deadline was provisional are counted
 * again under the new calendar; closed letters never move.
 */
export function recomputeProvisional(actor: Actor, when: When = now()): number {
  let n = 0;
  for (const rec of db.letters.all()) {
    if (!rec.calendarProvisional || rec.status === 'closed') continue;
    const due = computeDue(
      calendar(),
      rec.receivedOn,
      rec.timeLimitDays,
      rec.extension?.days ?? null,
    );
    if (due.dueOn === rec.dueOn && due.provisional === rec.calendarProvisional) continue;
    const next = {
      ...rec,
      dueOn: due.dueOn,
      calendarProvisional: due.provisional,
      version: rec.version + 1,
      updatedAt: when.at,
    };
    db.letters.put(next);
    audit(
      'letter',
      rec.id,
      'recompute',
      actor,
      `日历更新，办结期限重算：${rec.dueOn} → ${due.dueOn}${due.provisional ? '（仍为暂定）' : ''}`,
      {
        at: when.at,
        ...diff(rec, next),
      },
    );
    n += 1;
  }
  return n;
}
