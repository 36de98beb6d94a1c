/**
 * The statutory clock of a 依申请公开 application as a ledger (条例 第三十条–第三十三条; domain.md §1):
 * - 20 working days from receipt (第三十三条), the day of receipt not counted;
 * - a correction (补正) requested within 7 working days stops the clock; the 20 days start again
 *   from the day the corrected application arrives (第三十条); the applicant is given a 补正期限
 *   (`correctionDueOn`), after which without a correction the case may end as 3.6.1;
 * - days consulting a third party or other agencies are not counted (第三十三条第三款); the
 *   consulted party has 15 working days from its *receipt* of the 征求意见书 to answer (第三十二条,
 *   第三十四条), after which the clock runs again;
 * - one extension of at most 20 working days (第三十三条第二款);
 * - a fee notice pauses the clock until paid; the applicant has 20 working days from the day after
 *   *receiving* the notice (办法), after which, unpaid, the application ends (3.6.2);
 * - a deadline that has passed stays passed: past `dueOn` the case is overdue whatever its state,
 *   and the steps that stop the count are refused after it (see `afterDue`).
 * Pure: `today` is a parameter; no I/O.
 */
import { workdaysLeft, type WorkdayCalendar } from '@/lib/workdays';

export const REPLY_DAYS = 20;
export const EXTENSION_DAYS = 20;
export const CORRECTION_WINDOW_DAYS = 7;
export const THIRD_PARTY_DAYS = 15;
export const FEE_PAYMENT_DAYS = 20;

export type LedgerEvent =
  | { kind: 'received'; on: string }
  | { kind: 'assigned'; on: string; sectionId: string }
  | {
      kind: 'correction_requested';
      on: string;
      note: string;
      /** The 补正期限 told to the applicant; null on records made before it was recorded. */
      correctionDueOn?: string | null;
    }
  | {
      kind: 'correction_received';
      on: string;
      /** The corrected request as received (absent on records made before it was kept). */
      content?: string | undefined;
    }
  | {
      kind: 'consult_sent';
      on: string;
      party: 'third_party' | 'other_agency';
      name?: string | undefined;
      /** The consulted party's receipt of the 征求意见书 (its 15 days run from it); default `on`. */
      receivedOn?: string | undefined;
    }
  | {
      kind: 'consult_replied';
      on: string;
      /** 同意公开 / 不同意公开 / 逾期未答复 (absent on older records). */
      opinion?: 'agree' | 'disagree' | 'no_reply' | undefined;
      opinionText?: string | undefined;
    }
  | {
      kind: 'extended';
      on: string;
      reason: string;
      approvedBy: string;
      /** 告知延期日期: the applicant was told on this day (absent on older records). */
      notifiedOn?: string | undefined;
    }
  | {
      kind: 'fee_notice';
      on: string;
      method: 'per_item' | 'per_page';
      count: number;
      amount: number;
      /** Units of the same applicant's month counted before this application (按件); 0 按量. */
      prior?: number | undefined;
      /** The applicant's receipt of the notice (the 20 payment days run from the next day); default `on`. */
      receivedOn?: string | undefined;
    }
  | { kind: 'fee_paid'; on: string }
  | { kind: 'decided'; on: string; outcome: string };

export interface ClockEvent {
  kind: LedgerEvent['kind'] | 'third_party_deadline_passed' | 'fee_payment_expired';
  on: string;
  /** Working days not counted because of this pause (consultation, fee notice). */
  excludedWorkdays?: number;
  /** The pause is still open (projected up to today). */
  open?: boolean;
  detail?: Record<string, string | number>;
}

export type ClockState = 'running' | 'awaiting_correction' | 'paused' | 'fee_expired' | 'decided';

export interface Clock {
  state: ClockState;
  /** The day the 20 days count from (receipt, or the corrected application's arrival). */
  startOn: string;
  allowanceWorkdays: number; // 20, or 40 after an extension
  usedWorkdays: number;
  excludedWorkdays: number;
  /** Working days to dueOn from today: negative once past it, whatever the state (workdaysLeft). */
  remainingWorkdays: number | null; // null while awaiting a correction or once decided
  dueOn: string | null; // null while awaiting a correction
  late: boolean | null; // decided after dueOn
  /** The count passes through a year whose holidays are not confirmed (neither official nor complete). */
  calendarProvisional: boolean;
  events: ClockEvent[];
}

interface Pause {
  from: string; // exclusive
  to: string; // inclusive
  open: boolean;
}

const first = <K extends LedgerEvent['kind']>(ev: LedgerEvent[], kind: K) =>
  ev.find((e): e is Extract<LedgerEvent, { kind: K }> => e.kind === kind);

/** The deadline by which a correction may be requested. */
export const correctionDeadline = (cal: WorkdayCalendar, receivedOn: string) =>
  cal.addWorkdays(receivedOn, CORRECTION_WINDOW_DAYS).date;

/** The consulted party's last day to answer: 15 working days from its receipt (第三十二条). */
export const consultDeadline = (
  cal: WorkdayCalendar,
  e: Extract<LedgerEvent, { kind: 'consult_sent' }>,
) => cal.addWorkdays(e.receivedOn ?? e.on, THIRD_PARTY_DAYS).date;

/** The applicant's last day to pay: 20 working days from the day after receiving the notice. */
export const paymentDeadline = (
  cal: WorkdayCalendar,
  e: Extract<LedgerEvent, { kind: 'fee_notice' }>,
) => cal.addWorkdays(e.receivedOn ?? e.on, FEE_PAYMENT_DAYS).date;

/** True if some day in (from, to] lies in a year that is neither official nor marked complete. */
function provisionalBetween(cal: WorkdayCalendar, from: string, to: string): boolean {
  for (let y = Number(from.slice(0, 4)), last = Number(to.slice(0, 4)); y <= last; y++)
    if (!cal.yearComplete(y)) return true;
  return false;
}

export function computeClock(cal: WorkdayCalendar, ledger: LedgerEvent[], today: string): Clock {
  const ev = [...ledger].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const received = first(ev, 'received');
  if (!received) throw new Error('ledger without receipt');
  const decided = first(ev, 'decided');
  const end = decided ? decided.on : today; // the clock is read up to here
  const correctionReq = first(ev, 'correction_requested');
  const correctionRec = first(ev, 'correction_received');
  const startOn = correctionRec ? correctionRec.on : received.on;
  const extended = first(ev, 'extended');
  const allowance = REPLY_DAYS + (extended ? EXTENSION_DAYS : 0);
  const events: ClockEvent[] = [];

  // Pauses: consultations and the fee notice.
  const pauses: Pause[] = [];
  let state: ClockState = decided ? 'decided' : 'running';
  for (let i = 0; i < ev.length; i++) {
    const e = ev[i]!;
    if (e.kind === 'consult_sent' || e.kind === 'fee_notice') {
      const closeKind = e.kind === 'consult_sent' ? 'consult_replied' : 'fee_paid';
      const close = ev.slice(i + 1).find((x) => x.kind === closeKind);
      const limit = e.kind === 'consult_sent' ? consultDeadline(cal, e) : paymentDeadline(cal, e);
      let to: string;
      let open = false;
      // A reply or payment after the limit does not extend the pause: it ended at the limit.
      if (close && close.on <= limit) to = close.on;
      else if (end <= limit) {
        to = end;
        open = !decided && !close;
        // An expired fee notice outranks an open consultation (it decides what may follow).
        if (open && state !== 'fee_expired') state = 'paused';
      } else {
        // The third party did not answer in time: the agency decides, the clock runs again.
        // An unpaid fee notice after its 20 days ends the application (3.6.2).
        to = limit;
        events.push({
          kind: e.kind === 'consult_sent' ? 'third_party_deadline_passed' : 'fee_payment_expired',
          on: limit,
        });
        if (e.kind === 'fee_notice' && !decided) state = 'fee_expired';
      }
      const from = e.on < startOn ? startOn : e.on;
      const excluded = to > from ? cal.workdaysBetween(from, to) : 0;
      pauses.push({ from, to, open });
      events.push({
        kind: e.kind,
        on: e.on,
        excludedWorkdays: excluded,
        open,
        detail:
          e.kind === 'fee_notice'
            ? {
                amount: e.amount,
                count: e.count,
                method: e.method,
                prior: e.prior ?? 0,
                receivedOn: e.receivedOn ?? e.on,
                payBy: limit,
              }
            : { party: e.party, receivedOn: e.receivedOn ?? e.on, replyBy: limit },
      });
      if (close)
        events.push({
          kind: close.kind,
          on: close.on,
          ...(close.kind === 'consult_replied' && close.opinion
            ? {
                detail: {
                  opinion: close.opinion,
                  ...(close.opinionText ? { opinionText: close.opinionText } : {}),
                },
              }
            : {}),
        });
    } else if (e.kind !== 'consult_replied' && e.kind !== 'fee_paid') {
      const detail: Record<string, string | number> = {};
      if (e.kind === 'extended') {
        Object.assign(detail, { approvedBy: e.approvedBy, reason: e.reason });
        if (e.notifiedOn) detail.notifiedOn = e.notifiedOn;
      }
      if (e.kind === 'correction_received' && e.content) detail.content = e.content;
      if (e.kind === 'assigned') detail.sectionId = e.sectionId;
      if (e.kind === 'decided') detail.outcome = e.outcome;
      if (e.kind === 'correction_requested') {
        detail.note = e.note;
        if (e.correctionDueOn) detail.correctionDueOn = e.correctionDueOn;
      }
      // Decided (3.6.1) while still awaiting the correction: the wait is not counted either.
      const waited =
        e.kind === 'correction_requested' && !correctionRec && decided && end > e.on
          ? { excludedWorkdays: cal.workdaysBetween(e.on, end) }
          : {};
      events.push({
        kind: e.kind,
        on: e.on,
        ...waited,
        ...(Object.keys(detail).length ? { detail } : {}),
      });
    }
  }
  events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

  const awaitingCorrection = Boolean(correctionReq && !correctionRec && !decided);
  // While a correction is awaited the clock stands still (第三十条); this matters once the case is
  // closed without one (3.6.1), which must not read as late.
  if (correctionReq && !correctionRec)
    pauses.push({ from: correctionReq.on, to: end, open: !decided });
  if (awaitingCorrection) state = 'awaiting_correction';
  const excludedAt = (d: string) => pauses.some((p) => d > p.from && d <= p.to);

  // Walk working days after the start: excluded days do not count; the allowance-th counted day is due.
  let used = 0;
  let excluded = 0;
  let dueOn: string | null = null;
  let counted = 0;
  let d = startOn;
  const horizon = end > startOn ? end : startOn;
  for (let guard = 0; guard < 4000 && (dueOn === null || d < horizon); guard++) {
    d = cal.addWorkdays(d, 1).date;
    const isExcluded = excludedAt(d);
    if (d <= end) {
      if (isExcluded) excluded += 1;
      else used += 1;
    }
    if (!isExcluded && dueOn === null) {
      counted += 1;
      if (counted === allowance) dueOn = d;
    }
  }
  if (awaitingCorrection) {
    return {
      state,
      startOn,
      allowanceWorkdays: allowance,
      usedWorkdays: 0,
      excludedWorkdays: 0,
      remainingWorkdays: null,
      dueOn: null,
      late: null,
      calendarProvisional: false,
      events,
    };
  }
  const due = dueOn ?? end;
  return {
    state,
    startOn,
    allowanceWorkdays: allowance,
    usedWorkdays: used,
    excludedWorkdays: excluded,
    remainingWorkdays: decided ? null : workdaysLeft(cal, end, due),
    dueOn,
    late: decided && dueOn ? decided.on > dueOn : null,
    calendarProvisional: provisionalBetween(cal, startOn, due),
    events,
  };
}

/** A window the applicant must act in while the clock waits: the 补正期限 or the payment deadline. */
export interface ApplicantWindow {
  kind: 'correction' | 'fee';
  dueOn: string;
}

/**
 * The applicant's open window, read from the computed clock: the 补正期限 given while a correction
 * is awaited (第三十条; none on records made before it was recorded), or the last day to pay an
 * open fee notice (办法: 20 working days from the day after its receipt).
 */
export function applicantWindow(clock: {
  state: ClockState;
  events: readonly (Pick<ClockEvent, 'open' | 'detail'> & { kind: string })[];
}): ApplicantWindow | null {
  if (clock.state === 'awaiting_correction') {
    const req = clock.events.filter((e) => e.kind === 'correction_requested').at(-1);
    const due = req?.detail?.correctionDueOn;
    return typeof due === 'string' ? { kind: 'correction', dueOn: due } : null;
  }
  const fee = clock.events.find((e) => e.kind === 'fee_notice' && e.open);
  const payBy = fee?.detail?.payBy;
  return typeof payBy === 'string' ? { kind: 'fee', dueOn: payBy } : null;
}

/** The window ends within `days` working days of today (or has already ended): 即将届满. */
export const windowLapsing = (
  cal: WorkdayCalendar,
  today: string,
  w: ApplicantWindow | null,
  days: number,
): w is ApplicantWindow => w !== null && workdaysLeft(cal, today, w.dueOn) <= days;
