/**
 * Letter handling: the one place that changes letters, used by the HTTP handlers and by the seed
 * (so seeded history has the same shape and audit trail as real use). Async over the storage
 * port's transaction; the date and time come from it.
 */
import {
  computeDue,
  EXTENDING_ACTIONS,
  nextStatus,
  canApply,
  pastDeadline,
  onTime,
  remainingWorkdays,
  alertLevel,
  maskPhone,
  timeLimitFor,
  type LetterAction,
} from '@/features/letters/rules';
import {
  LETTER_STATUSES,
  type CreateLetterInput,
  type FollowUpMethod,
  type Letter,
  type LetterDue,
  type LetterRecord,
  type LetterRef,
  type ReplyMethod,
  type Satisfaction,
} from '@/features/letters/types';
import { translate, type Locale } from '@/lib/i18n/core';
import type { AuditEvent, SectionId, User } from '@/types/api';
import { requireOpenSection, sectionName } from './accounts';
import { audit, diff, type Actor } from './audit';
import { calendar } from './calendar';
import { errors, HttpError } from './errors';
import { scopeOf, type LetterQuery } from './letter-query';
import type { ReadTx, Tx } from './ports';
import { timeLimits } from './settings';
import { nowOf, type When } from './time';
import type { View as LetterView } from './view';

export type { When };

export { readView as letterView, type View as LetterView } from './view';

/** Read-time fields against today, and the phone masked unless the caller may see it. */
export function present(view: LetterView, rec: LetterRecord, opts: { mask: boolean }): Letter {
  const rem = remainingWorkdays(view.cal, view.today, rec);
  return {
    ...normalise(rec),
    citizenPhone: opts.mask ? maskPhone(rec.citizenPhone) : rec.citizenPhone,
    remainingWorkdays: rem,
    alert: alertLevel(rem, view.dueSoonDays),
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

/**
 * Whether the caller may see the letter (a section officer: their section's only; others get 404,
 * so existence does not leak): the scope the lists query by (`scopeOf`), on one record.
 */
export function inScope(user: User, rec: LetterRecord) {
  const { scopeSection } = scopeOf(user);
  return scopeSection === undefined || rec.sectionId === scopeSection;
}

/**
 * The deadline a letter with these fields gets: its time limit (by source and category) counted in
 * working days from receipt. POST /letters stores it and GET /letters/due previews it: one rule.
 */
export async function letterDue(
  tx: ReadTx,
  input: Pick<LetterRecord, 'receivedOn' | 'source' | 'category'>,
): Promise<LetterDue> {
  const limit = timeLimitFor(await timeLimits(tx), input.source, input.category);
  const cal = await calendar(tx);
  const due = computeDue(cal, input.receivedOn, limit, null);
  return {
    timeLimitDays: limit,
    dueOn: due.dueOn,
    calendarProvisional: due.provisional,
    count: { from: input.receivedOn, count: limit, ...cal.addWorkdays(input.receivedOn, limit) },
  };
}

export async function createLetter(
  tx: Tx,
  input: ReturnType<typeof parseCreate>,
  actor: Actor,
  when: When = nowOf(tx),
  idHint?: string,
): Promise<LetterRecord> {
  const year = Number(input.receivedOn.slice(0, 4));
  const seq = await tx.nextSeq(`letters:${year}`);
  const due = await letterDue(tx, input);
  const limit = due.timeLimitDays;
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
    calendarProvisional: due.calendarProvisional,
    sectionId: null,
    reply: null,
    closedOn: null,
    onTime: null,
    extension: null,
    supervised: false,
    satisfaction: null,
    followUp: null,
    extensionRequest: null,
    previousReplies: [],
    returned: null,
    duplicateOf: input.duplicateOf ?? null,
    platformRef: input.platformRef ?? null,
    platformAssignedOn: input.platformAssignedOn ?? null,
    platformFeedbackOn: null,
    version: 1,
    createdAt: when.at,
    updatedAt: when.at,
  };
  await tx.letters.put(rec);
  await audit(
    tx,
    'letter',
    rec.id,
    'create',
    actor,
    `登记 ${rec.serialNo}，办理时限${limit}个工作日，${rec.dueOn}前办结`,
    {
      at: when.at,
      event: {
        type: 'created',
        params: { serialNo: rec.serialNo, days: limit, dueOn: rec.dueOn },
      },
      after: { status: rec.status, dueOn: rec.dueOn },
    },
  );
  return rec;
}

/** The shape createLetter needs (after zod parsing). */
export function parseCreate(
  i: Omit<CreateLetterInput, 'duplicateOf'> & {
    citizenPhone?: string | undefined;
    duplicateOf?: LetterRef | undefined;
  },
) {
  return i as Required<
    Pick<
      CreateLetterInput,
      'source' | 'category' | 'subject' | 'content' | 'citizenName' | 'receivedOn'
    >
  > & {
    citizenPhone?: string | undefined;
    /** Resolved and checked by the caller (letter-cases.ts). */
    duplicateOf?: LetterRef | undefined;
    platformRef?: string | undefined;
    platformAssignedOn?: string | undefined;
  };
}

export type ActionInput =
  | { action: 'assign'; sectionId: SectionId; note?: string | undefined }
  | { action: 'extend'; days: number; reason: string }
  | { action: 'request-extension'; days: number; reason: string }
  | { action: 'approve-extension' }
  | { action: 'refuse-extension'; reason: string }
  | { action: 'reply'; content: string; method: ReplyMethod; repliedOn: string }
  | { action: 'return'; reason: string }
  | {
      action: 'close';
      followUpMethod: FollowUpMethod;
      followUpOn: string;
      followUpBy: string;
      reached: boolean;
      satisfaction?: Satisfaction | undefined;
      closeReason?: string | undefined;
    }
  | { action: 'reopen'; reason: string }
  | { action: 'supervise'; note: string };

const ACTION_LABEL: Record<LetterAction, string> = {
  assign: '转办',
  extend: '延期',
  'request-extension': '申请延期',
  'approve-extension': '批准延期',
  'refuse-extension': '不予延期',
  reply: '答复',
  return: '退回',
  close: '办结',
  reopen: '重办',
  supervise: '督办',
};
const SATISFACTION_ZH: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};
const REPLY_METHOD_ZH: Record<ReplyMethod, string> = {
  written: '书面',
  phone: '电话',
  sms: '短信',
  online: '网上',
  in_person: '当面',
};
const FOLLOW_UP_METHOD_ZH: Record<FollowUpMethod, string> = {
  phone: '电话',
  sms: '短信',
  visit: '上门',
  online: '网上',
};

/** Records written before issue #20 lack its fields: read them as "none". */
export function normalise(rec: LetterRecord): LetterRecord {
  return {
    ...rec,
    followUp: rec.followUp ?? null,
    extensionRequest: rec.extensionRequest ?? null,
    previousReplies: rec.previousReplies ?? [],
    returned: rec.returned ?? null,
    duplicateOf: rec.duplicateOf ?? null,
    platformRef: rec.platformRef ?? null,
    platformAssignedOn: rec.platformAssignedOn ?? null,
    platformFeedbackOn: rec.platformFeedbackOn ?? null,
  };
}

const who = (actor: Actor) => ({ id: actor.id, name: actor.name });

/**
 * Apply one action; throws 409 invalid-transition, or 422 for rule violations (worded in
 * `locale`, the caller's Accept-Language), before writing.
 */
export async function applyAction(
  tx: Tx,
  stored: LetterRecord,
  input: ActionInput,
  actor: Actor,
  when: When = nowOf(tx),
  locale: Locale = 'zh-CN',
): Promise<LetterRecord> {
  const rec = normalise(stored);
  if (!canApply(rec, input.action)) {
    throw errors.invalidTransition(
      (input.action === 'extend' || input.action === 'request-extension') && rec.extension
        ? 'The letter was already extended once'
        : (input.action === 'extend' || input.action === 'request-extension') &&
            rec.extensionRequest
          ? 'An extension request is pending'
          : input.action === 'approve-extension' || input.action === 'refuse-extension'
            ? 'No extension request is pending'
            : `Cannot ${input.action} a letter that is ${rec.status}`,
    );
  }
  if (EXTENDING_ACTIONS.includes(input.action) && pastDeadline(when.on, rec.dueOn)) {
    const message = translate(locale, 'letters.records.pastDeadline', { date: rec.dueOn });
    throw new HttpError(422, 'validation', 'Validation failed', {
      detail: message,
      errors: { dueOn: message },
    });
  }
  const next: LetterRecord = {
    ...rec,
    status: nextStatus(rec.status, input.action)!,
    version: rec.version + 1,
    updatedAt: when.at,
  };
  const max = (await timeLimits(tx)).maxExtensionDays;
  const tooLong = (days: number) => {
    if (days > max)
      throw errors.validation({ days: translate(locale, 'letters.actions.daysHint', { max }) });
  };
  let detail = ACTION_LABEL[input.action];
  let event: AuditEvent;
  switch (input.action) {
    case 'assign': {
      await requireOpenSection(tx, input.sectionId, locale);
      const reassign = rec.sectionId !== null;
      next.sectionId = input.sectionId;
      next.returned = null;
      next.extensionRequest = null;
      detail = `${reassign ? '改派' : '转办'}至${await sectionName(tx, input.sectionId)}${input.note ? `：${input.note}` : ''}`;
      event = {
        type: reassign ? 'reassigned' : 'assigned',
        params: { sectionId: input.sectionId, note: input.note ?? null },
      };
      break;
    }
    case 'extend':
    case 'approve-extension': {
      const request = input.action === 'approve-extension' ? rec.extensionRequest! : null;
      const days = request ? request.days : (input as { days: number }).days;
      const reason = request ? request.reason : (input as { reason: string }).reason;
      tooLong(days);
      const due = computeDue(await calendar(tx), rec.receivedOn, rec.timeLimitDays, days);
      next.extension = {
        days,
        reason,
        previousDueOn: rec.dueOn,
        requestedBy: request?.requestedBy ?? null,
        approvedBy: who(actor),
        approvedOn: when.on,
      };
      next.extensionRequest = null;
      next.dueOn = due.dueOn;
      next.calendarProvisional = due.provisional;
      detail = request
        ? `批准${request.requestedBy.name}的延期申请，延期${days}个工作日（${rec.dueOn} → ${due.dueOn}）：${reason}`
        : `延期${days}个工作日（${rec.dueOn} → ${due.dueOn}）：${reason}`;
      event = {
        type: request ? 'extension-approved' : 'extended',
        params: {
          days,
          from: rec.dueOn,
          to: due.dueOn,
          reason,
          requestedBy: request?.requestedBy.name ?? null,
        },
      };
      break;
    }
    case 'request-extension':
      tooLong(input.days);
      next.extensionRequest = {
        days: input.days,
        reason: input.reason,
        requestedBy: who(actor),
        requestedOn: when.on,
      };
      detail = `申请延期${input.days}个工作日：${input.reason}`;
      event = { type: 'extension-requested', params: { days: input.days, reason: input.reason } };
      break;
    case 'refuse-extension': {
      const request = rec.extensionRequest!;
      next.extensionRequest = null;
      detail = `不予延期（${request.requestedBy.name}申请${request.days}个工作日）：${input.reason}`;
      event = {
        type: 'extension-refused',
        params: { days: request.days, requestedBy: request.requestedBy.name, reason: input.reason },
      };
      break;
    }
    case 'reply': {
      if (input.repliedOn > when.on)
        throw errors.validation({ repliedOn: translate(locale, 'validation.notFuture') });
      if (input.repliedOn < rec.receivedOn)
        throw errors.validation({
          repliedOn: translate(locale, 'validation.replyBeforeReceipt', { date: rec.receivedOn }),
        });
      next.reply = {
        content: input.content,
        repliedOn: input.repliedOn,
        repliedBy: actor.name,
        method: input.method,
        recordedOn: when.on,
      };
      next.extensionRequest = null;
      detail = `答复（${REPLY_METHOD_ZH[input.method]}，${input.repliedOn}）`;
      event = { type: 'replied', params: { method: input.method, repliedOn: input.repliedOn } };
      break;
    }
    case 'return':
      next.returned = {
        sectionId: rec.sectionId!,
        reason: input.reason,
        by: who(actor),
        on: when.on,
      };
      next.sectionId = null;
      next.extensionRequest = null;
      detail = `${await sectionName(tx, rec.sectionId!)}退回办公室：${input.reason}`;
      event = { type: 'returned', params: { sectionId: rec.sectionId, reason: input.reason } };
      break;
    case 'close': {
      if (!rec.reply) throw errors.invalidTransition('No reply to close on');
      if (input.followUpOn > when.on)
        throw errors.validation({ followUpOn: translate(locale, 'validation.notFuture') });
      if (input.followUpOn < rec.reply.repliedOn)
        throw errors.validation({
          followUpOn: translate(locale, 'validation.followUpBeforeReply', {
            date: rec.reply.repliedOn,
          }),
        });
      const satisfaction = input.reached ? (input.satisfaction ?? null) : null;
      next.closedOn = when.on;
      next.onTime = onTime(rec.reply.repliedOn, rec.dueOn);
      next.satisfaction = satisfaction;
      next.followUp = {
        method: input.followUpMethod,
        on: input.followUpOn,
        by: input.followUpBy,
        reached: input.reached,
        satisfaction,
        closeReason: satisfaction === 'unsatisfied' ? (input.closeReason ?? null) : null,
      };
      detail =
        `办结${next.onTime ? '（按期）' : '（超期）'}，${input.followUpOn}${FOLLOW_UP_METHOD_ZH[input.followUpMethod]}回访（${input.followUpBy}）：` +
        (satisfaction ? SATISFACTION_ZH[satisfaction] : '联系不上') +
        (next.followUp.closeReason ? `；办结理由：${next.followUp.closeReason}` : '');
      event = {
        type: 'closed',
        params: {
          onTime: next.onTime,
          method: input.followUpMethod,
          followUpOn: input.followUpOn,
          by: input.followUpBy,
          reached: input.reached,
          satisfaction,
          closeReason: next.followUp.closeReason,
        },
      };
      break;
    }
    case 'reopen':
      if (rec.reply)
        next.previousReplies = [
          ...rec.previousReplies,
          { ...rec.reply, reopenReason: input.reason },
        ];
      next.reply = null;
      detail = `重办：${input.reason}`;
      event = { type: 'reopened', params: { reason: input.reason } };
      break;
    case 'supervise':
      next.supervised = true;
      detail = `督办：${input.note}`;
      event = { type: 'supervised', params: { note: input.note } };
      break;
  }
  await tx.letters.put(next);
  await audit(tx, 'letter', rec.id, input.action, actor, detail, {
    at: when.at,
    event,
    ...diff(rec, next),
  });
  return next;
}

/**
 * Every letter `query` selects, in its order: one page as long as their count, read by the
 * storage's indexes (never the whole store unless the query asks for it).
 */
export async function lettersOf(tx: ReadTx, query: LetterQuery): Promise<LetterRecord[]> {
  const n = await tx.letterSearch.count(query);
  return n ? (await tx.letterSearch.list(query, { offset: 0, limit: n })).items : [];
}

/** The letters not closed, a query per status (each read by the status index). */
const NOT_CLOSED: LetterQuery[] = LETTER_STATUSES.filter((s) => s !== 'closed').map((status) => ({
  status,
  sort: { key: 'receivedOn', desc: false },
}));

/**
 * After an admin saves a calendar year: open letters whose deadline was provisional are counted
 * again under the new calendar; closed letters never move (so only the others are read).
 */
export async function recomputeProvisional(
  tx: Tx,
  actor: Actor,
  when: When = nowOf(tx),
): Promise<number> {
  let n = 0;
  const cal = await calendar(tx);
  let candidates: LetterRecord[] = [];
  for (const q of NOT_CLOSED) candidates = candidates.concat(await lettersOf(tx, q));
  for (const rec of candidates) {
    if (!rec.calendarProvisional || rec.status === 'closed') continue;
    const due = computeDue(cal, rec.receivedOn, rec.timeLimitDays, rec.extension?.days ?? null);
    if (due.dueOn === rec.dueOn && due.provisional === rec.calendarProvisional) continue;
    const next = {
      ...rec,
      dueOn: due.dueOn,
      calendarProvisional: due.provisional,
      version: rec.version + 1,
      updatedAt: when.at,
    };
    await tx.letters.put(next);
    await audit(
      tx,
      'letter',
      rec.id,
      'recompute',
      actor,
      `日历更新，办结期限重算：${rec.dueOn} → ${due.dueOn}${due.provisional ? '（仍为暂定）' : ''}`,
      {
        at: when.at,
        event: {
          type: 'recomputed',
          params: { from: rec.dueOn, to: due.dueOn, provisional: due.provisional },
        },
        ...diff(rec, next),
      },
    );
    n += 1;
  }
  return n;
}
