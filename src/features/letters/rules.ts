/**
 * Pure rules of letter handling (限时办结): deadlines, the state machine, alert levels, masking.
 * Shared by the mock backend and the UI; no React, no I/O, `today` always a parameter.
 */
import { addDays, workdaysLeft, type WorkdayCalendar } from '@/lib/workdays';
import type { Role, User } from '@/types/api';
import type {
  AlertLevel,
  LetterCategory,
  LetterRecord,
  LetterSource,
  LetterStatus,
  TimeLimits,
} from './types';

export const LETTER_ACTIONS = [
  'assign',
  'extend',
  'request-extension',
  'approve-extension',
  'refuse-extension',
  'reply',
  'return',
  'close',
  'reopen',
  'supervise',
] as const;
export type LetterAction = (typeof LETTER_ACTIONS)[number];

/** The contract's state machine: from-states for each action and where it leads. */
export const TRANSITIONS: Record<
  LetterAction,
  { from: LetterStatus[]; to: LetterStatus | 'same' }
> = {
  assign: { from: ['registered', 'assigned'], to: 'assigned' },
  extend: { from: ['assigned'], to: 'assigned' },
  'request-extension': { from: ['assigned'], to: 'assigned' },
  'approve-extension': { from: ['assigned'], to: 'assigned' },
  'refuse-extension': { from: ['assigned'], to: 'assigned' },
  reply: { from: ['assigned'], to: 'replied' },
  // 退回: back to the office, which transfers it again.
  return: { from: ['assigned'], to: 'registered' },
  close: { from: ['replied'], to: 'closed' },
  reopen: { from: ['replied'], to: 'assigned' },
  // 督办 only once the letter has been transferred to a section.
  supervise: { from: ['assigned', 'replied'], to: 'same' },
};

export function nextStatus(status: LetterStatus, action: LetterAction): LetterStatus | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) return null;
  return t.to === 'same' ? status : t.to;
}

type StateFields = Pick<LetterRecord, 'status' | 'extension'> &
  Partial<Pick<LetterRecord, 'extensionRequest'>>;

/**
 * Whether the action is allowed by state and by the record: one extension, granted directly by
 * the office or on a section's request (申请延期), and one request pending at a time.
 */
export function canApply(letter: StateFields, action: LetterAction): boolean {
  if (nextStatus(letter.status, action) === null) return false;
  const pending = Boolean(letter.extensionRequest);
  switch (action) {
    case 'extend':
    case 'request-extension':
      return !letter.extension && !pending;
    case 'approve-extension':
    case 'refuse-extension':
      return pending;
    default:
      return true;
  }
}

/**
 * A passed deadline stays passed: after dueOn a letter can no longer be extended (nor an
 * extension approved); only 督办 or a late reply remain.
 */
export function pastDeadline(today: string, dueOn: string): boolean {
  return today > dueOn;
}

/** Actions that move the deadline, refused once it has passed. */
export const EXTENDING_ACTIONS: readonly LetterAction[] = [
  'extend',
  'request-extension',
  'approve-extension',
];

export const isOpen = (status: LetterStatus) => status !== 'closed';

export function timeLimitFor(
  limits: TimeLimits,
  source: LetterSource,
  category: LetterCategory,
): number {
  return source === 'mayor_mailbox' ? limits.mayorMailboxDays : limits.letters[category];
}

/** The deadline: N working days after receipt, then the extension's days after that. */
export function computeDue(
  cal: WorkdayCalendar,
  receivedOn: string,
  timeLimitDays: number,
  extensionDays: number | null,
): { dueOn: string; provisional: boolean; baseDueOn: string } {
  const base = cal.addWorkdays(receivedOn, timeLimitDays);
  if (!extensionDays)
    return { dueOn: base.date, provisional: base.provisional, baseDueOn: base.date };
  const ext = cal.addWorkdays(base.date, extensionDays);
  return {
    dueOn: ext.date,
    provisional: base.provisional || ext.provisional,
    baseDueOn: base.date,
  };
}

/**
 * Working days left from today to the deadline: 0 on the due day, negative once overdue
 * (−1 on the first working day after it, and already on the days off in between: a letter due
 * on a Friday is overdue on Saturday, not "due today"). Null once replied: the clock has stopped.
 */
export function remainingWorkdays(
  cal: WorkdayCalendar,
  today: string,
  letter: Pick<LetterRecord, 'status' | 'dueOn'>,
): number | null {
  if (letter.status === 'replied' || letter.status === 'closed') return null;
  return workdaysLeft(cal, today, letter.dueOn);
}

export function alertLevel(remaining: number | null, dueSoonDays: number): AlertLevel {
  if (remaining === null) return 'none';
  if (remaining < 0) return 'overdue';
  if (remaining <= dueSoonDays) return 'due_soon';
  return 'none';
}

/**
 * The alert levels as ranges of deadlines (inclusive), for open letters on `today`: remaining
 * working days never fall as the deadline moves later, so 已超期 (fewer than 0 left) is every
 * deadline before today and 即将到期 (0 to `dueSoonDays` left) the deadlines from today to the last
 * day that still leaves at most `dueSoonDays`. Lists filter and count alerts by these ranges, in
 * memory and in SQL alike; a test checks them against `alertLevel(remainingWorkdays(…))`.
 */
export function alertBounds(
  cal: WorkdayCalendar,
  today: string,
  dueSoonDays: number,
): { overdueTo: string; dueSoonFrom: string; dueSoonTo: string } {
  let last = today;
  // Bounded: a year holds far more working days than any due-soon setting.
  for (let i = 1; i <= 3660; i++) {
    const next = addDays(today, i);
    if (workdaysLeft(cal, today, next) > dueSoonDays) break;
    last = next;
  }
  return { overdueTo: addDays(today, -1), dueSoonFrom: today, dueSoonTo: last };
}

/** 13812345678 → 138****5678; landlines keep the area code and the last 4 digits. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  const dashed = phone.match(/^(0\d{2,3})-(\d+)$/);
  if (dashed?.[1] && dashed[2]) return `${dashed[1]}-****${dashed[2].slice(-4)}`;
  // Without a dash: 010 and 02X are 3-digit area codes, the rest 4 (0355 …).
  if (/^0\d{9,11}$/.test(digits)) {
    const area = /^0(10|2\d)/.test(digits) ? 3 : 4;
    return `${digits.slice(0, area)}-****${digits.slice(-4)}`;
  }
  return '****';
}

export function onTime(repliedOn: string, dueOn: string): boolean {
  return repliedOn <= dueOn;
}

/** Who may do what (besides the state machine): the office runs the workflow, sections answer. */
export const ACTION_ROLES: Record<LetterAction, Role[]> = {
  assign: ['admin', 'clerk'],
  extend: ['admin', 'clerk'],
  'request-extension': ['handler'],
  'approve-extension': ['admin', 'clerk'],
  'refuse-extension': ['admin', 'clerk'],
  reply: ['admin', 'clerk', 'handler'],
  return: ['handler'],
  close: ['admin', 'clerk'],
  reopen: ['admin', 'clerk'],
  supervise: ['admin', 'clerk'],
};

/**
 * Who may save and delete their own list views: a view is a write like any other, and leaders
 * read everything and write nothing (api.md).
 */
export const SAVED_VIEW_ROLES: Role[] = ['admin', 'clerk', 'handler'];

/**
 * Role, scope, state and (given `today`) the deadline together: what the UI enables is what the
 * server accepts.
 */
export function mayAct(
  user: Pick<User, 'role' | 'sectionId'>,
  letter: StateFields & Pick<LetterRecord, 'sectionId'> & Partial<Pick<LetterRecord, 'dueOn'>>,
  action: LetterAction,
  today?: string,
): boolean {
  if (!ACTION_ROLES[action].includes(user.role)) return false;
  if (user.role === 'handler' && letter.sectionId !== user.sectionId) return false;
  if (
    today &&
    letter.dueOn &&
    EXTENDING_ACTIONS.includes(action) &&
    pastDeadline(today, letter.dueOn)
  )
    return false;
  return canApply(letter, action);
}

/* ---------- Finding people and cases (issue #20): phone search, 重复件, the mailbox platform ---------- */

const digitsOf = (s: string) => s.replace(/\D/g, '');

/**
 * A search text that is a phone search: the last four digits, or a whole mobile or landline
 * number (spaces and dashes ignored). Returns its digits, or null for any other text.
 */
export function phoneQuery(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return t;
  if (!/^[\d\s-]+$/.test(t)) return null;
  const d = digitsOf(t);
  return /^(1[3-9]\d{9}|0\d{9,11})$/.test(d) ? d : null;
}

/**
 * Whether a stored (unmasked) phone matches a phone search: four digits match the number's last
 * four, anything longer must be the whole number. Only digits are compared (0355-2021234 ≡
 * 03552021234).
 */
export function phoneMatches(stored: string | null | undefined, query: string): boolean {
  if (!stored) return false;
  const q = digitsOf(query);
  const d = digitsOf(stored);
  if (q.length === 4) return d.endsWith(q);
  return q.length > 4 && d === q;
}

/** One year back from `today` (same day of the previous year; 29 Feb → 28 Feb): 近一年. */
export function oneYearBack(today: string): string {
  const y = Number(today.slice(0, 4)) - 1;
  const md = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return `${y}-${md}`;
}

type DuplicateNode = Pick<LetterRecord, 'id' | 'receivedOn' | 'serialNo'> & {
  duplicateOf?: { id: string } | null | undefined;
};

export interface RuleError {
  /** A locale key (letters.cases.errors.* or validation.*). */
  key: string;
  params?: Record<string, string>;
}

/**
 * 重复件: a letter may repeat an earlier one — the target must exist (and be visible to the
 * caller), not be the letter itself, not have been received after it, and not lead back to it
 * through its own 重复件 link.
 */
export function duplicateError(
  self: { id?: string | undefined; receivedOn: string },
  targetId: string,
  lookup: (id: string) => DuplicateNode | undefined,
): RuleError | null {
  if (self.id && targetId === self.id) return { key: 'letters.cases.errors.duplicateSelf' };
  const target = lookup(targetId);
  if (!target) return { key: 'letters.cases.errors.duplicateNotFound' };
  if (target.receivedOn > self.receivedOn)
    return {
      key: 'letters.cases.errors.duplicateLater',
      params: { serialNo: target.serialNo, date: target.receivedOn },
    };
  const seen = new Set<string>();
  for (let cur: DuplicateNode | undefined = target; cur?.duplicateOf && !seen.has(cur.id);) {
    seen.add(cur.id);
    if (self.id && cur.duplicateOf.id === self.id)
      return { key: 'letters.cases.errors.duplicateCycle', params: { serialNo: target.serialNo } };
    cur = lookup(cur.duplicateOf.id);
  }
  return null;
}

/**
 * The mayor's-mailbox platform dates: 平台交办日期 not in the future and not after the letter
 * reached the bureau; 反馈平台日期 only after an assignment date is known, not before it, and not
 * in the future.
 */
export function platformDateErrors(
  v: {
    receivedOn: string;
    platformAssignedOn?: string | null | undefined;
    platformFeedbackOn?: string | null | undefined;
  },
  today: string,
): Record<string, RuleError> {
  const out: Record<string, RuleError> = {};
  const a = v.platformAssignedOn;
  const f = v.platformFeedbackOn;
  if (a && a > today) out.platformAssignedOn = { key: 'validation.notFuture' };
  else if (a && a > v.receivedOn)
    out.platformAssignedOn = {
      key: 'letters.cases.errors.assignedAfterReceipt',
      params: { date: v.receivedOn },
    };
  if (f && f > today) out.platformFeedbackOn = { key: 'validation.notFuture' };
  else if (f && !a) out.platformFeedbackOn = { key: 'letters.cases.errors.feedbackNeedsAssigned' };
  else if (f && a && f < a)
    out.platformFeedbackOn = {
      key: 'letters.cases.errors.feedbackBeforeAssigned',
      params: { date: a },
    };
  return out;
}

/** Bulk actions on the list: the office's, like the single actions they repeat. */
export const BULK_ROLES: Role[] = ['admin', 'clerk'];
