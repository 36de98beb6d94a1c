/**
 * 依申请公开: the one place that changes applications (handlers and seed).
 * Every action appends to the ledger; the clock is computed from it at read time.
 */
import {
  computeClock,
  correctionDeadline,
  paymentDeadline,
  type LedgerEvent,
} from '@/features/applications/clock';
import { quoteFee, type FeeMethod } from '@/features/applications/fees';
import type {
  Application,
  ApplicationDue,
  ApplicationRecord,
  ConsultOpinion,
  CreateApplicationInput,
  DeliveryMethod,
} from '@/features/applications/types';
import { OUTCOME_REASONS } from '@/lib/disclosure-template';
import { translate, type Locale } from '@/lib/i18n/core';
import type { AuditEvent, SectionId, User } from '@/types/api';
import { requireOpenSection, sectionName } from './accounts';
import { audit, diff, type Actor } from './audit';
import { calendar } from './calendar';
import { errors } from './errors';
import type { ReadTx, Tx } from './ports';
import { nowOf, type When } from './time';
import type { View } from './view';
import { alertLevel } from '@/features/letters/rules';

/** Status, due date, clock and alert against today; the contact masked in lists. */
export function presentApplication(
  view: View,
  rec: ApplicationRecord,
  opts: { mask: boolean },
): Application {
  const clock = computeClock(view.cal, rec.ledger as LedgerEvent[], view.today);
  const status: Application['status'] =
    clock.state === 'decided'
      ? 'decided'
      : clock.state === 'awaiting_correction'
        ? 'correction_requested'
        : clock.state === 'paused'
          ? 'paused'
          : clock.state === 'fee_expired'
            ? 'fee_expired'
            : rec.sectionId
              ? 'in_progress'
              : 'registered';
  // Past the deadline a case is overdue whatever its state (paused, awaiting payment, consulting);
  // only a stopped clock (awaiting the correction, decided) has no countdown.
  const rem = clock.remainingWorkdays;
  return {
    ...rec,
    contact: opts.mask ? maskContact(rec.contact) : rec.contact,
    status,
    dueOn: clock.dueOn,
    clock,
    calendarProvisional: clock.calendarProvisional,
    remainingWorkdays: rem,
    alert: alertLevel(rem, view.dueSoonDays),
  };
}

/** Phone numbers keep their first 3 and last 4 digits; e-mail keeps the first letter and the domain. */
export function maskContact(contact: string): string {
  const email = contact.match(/^(.)[^@]*(@.+)$/);
  if (email) return `${email[1]}***${email[2]}`;
  return contact
    .replace(/(\d{3})\d{4}(\d{4})/, '$1****$2')
    .replace(/(0\d{2,3}-?)\d+(\d{4})/, '$1****$2');
}

/** The clock of a new application received on `receivedOn`: what registering it would store. */
export async function applicationDue(
  tx: ReadTx,
  receivedOn: string,
  t: string = tx.today,
): Promise<ApplicationDue> {
  const clock = computeClock(await calendar(tx), [{ kind: 'received', on: receivedOn }], t);
  return {
    receivedOn,
    startOn: clock.startOn,
    allowanceWorkdays: clock.allowanceWorkdays,
    dueOn: clock.dueOn!,
    calendarProvisional: clock.calendarProvisional,
  };
}

export const inAppScope = (user: User, rec: ApplicationRecord) =>
  user.role !== 'handler' || (rec.sectionId !== null && rec.sectionId === user.sectionId);

export async function createApplication(
  tx: Tx,
  input: CreateApplicationInput,
  actor: Actor,
  when: When = nowOf(tx),
  id?: string,
): Promise<ApplicationRecord> {
  const year = Number(input.receivedOn.slice(0, 4));
  const seq = await tx.nextSeq(`applications:${year}`);
  const rec: ApplicationRecord = {
    id: id ?? crypto.randomUUID(),
    serialNo: `YSQ-${year}-${String(seq).padStart(4, '0')}`,
    applicantType: input.applicantType,
    applicantName: input.applicantName,
    contact: input.contact,
    channel: input.channel,
    receivedOn: input.receivedOn,
    description: input.description,
    sectionId: null,
    ledger: [{ kind: 'received', on: input.receivedOn }],
    decision: null,
    version: 1,
    createdAt: when.at,
    updatedAt: when.at,
  };
  await tx.applications.put(rec);
  await audit(
    tx,
    'application',
    rec.id,
    'create',
    actor,
    `登记 ${rec.serialNo}，收到日期 ${rec.receivedOn}`,
    {
      at: when.at,
      event: { type: 'created', params: { serialNo: rec.serialNo, receivedOn: rec.receivedOn } },
    },
  );
  return rec;
}

export type ApplicationActionInput =
  | { action: 'assign'; sectionId: SectionId }
  | { action: 'request-correction'; note: string; requestedOn: string; correctionDueOn: string }
  | { action: 'correction-received'; receivedOn: string; content: string }
  | {
      action: 'consult-third-party';
      sentOn: string;
      party: 'third_party' | 'other_agency';
      name?: string | undefined;
      receivedOn?: string | undefined;
    }
  | {
      action: 'third-party-replied';
      on: string;
      opinion: ConsultOpinion;
      opinionText?: string | undefined;
    }
  | {
      action: 'extend';
      reason: string;
      approvedBy: string;
      approvedOn?: string | undefined;
      notifiedOn: string;
    }
  | {
      action: 'fee-notice';
      sentOn: string;
      receivedOn?: string | undefined;
      method: 'per_item' | 'per_page';
      count: number;
    }
  | { action: 'fee-paid'; on: string }
  | {
      action: 'decide';
      outcome: string;
      reason?: string | undefined;
      decidedOn: string;
      fee?: number | undefined;
      replyNo?: string | undefined;
      deliveryMethod?: DeliveryMethod | undefined;
      deliveredOn?: string | undefined;
    };

/** The audit trail's wording (stored in Chinese, as the rest of the trail). */
const OPINION_ZH: Record<ConsultOpinion, string> = {
  agree: '收到意见回复：同意公开',
  disagree: '收到意见回复：不同意公开',
  no_reply: '逾期未答复',
};
const DELIVERY_ZH: Record<DeliveryMethod, string> = {
  post: '邮寄',
  email: '电子邮件',
  in_person: '当面领取',
  online: '网上',
  fax: '传真',
};

const has = (rec: ApplicationRecord, kind: LedgerEvent['kind']) =>
  (rec.ledger as LedgerEvent[]).some((e) => e.kind === kind);
const last = (rec: ApplicationRecord, kind: LedgerEvent['kind']) =>
  [...(rec.ledger as LedgerEvent[])].reverse().find((e) => e.kind === kind);
const count = (rec: ApplicationRecord, kind: LedgerEvent['kind']) =>
  (rec.ledger as LedgerEvent[]).filter((e) => e.kind === kind).length;

/** The fee a notice on `rec` would record: the form's preview and the notice's amount (one function). */
export const feeQuote = async (
  tx: ReadTx,
  rec: ApplicationRecord,
  method: FeeMethod,
  count: number,
) => quoteFee(method, count, rec, await tx.applications.all());

/** Apply one action: 409 invalid-transition for the wrong state, 422 for rule violations; nothing written on error. */
export async function applyApplicationAction(
  tx: Tx,
  rec: ApplicationRecord,
  input: ApplicationActionInput,
  actor: Actor,
  locale: Locale = 'zh-CN',
  when: When = nowOf(tx),
): Promise<ApplicationRecord> {
  const cal = await calendar(tx);
  const t = when.on;
  const clock = computeClock(cal, rec.ledger as LedgerEvent[], t);
  const v = (field: string, key: string, params?: Record<string, string | number>) =>
    errors.validation({ [field]: translate(locale, key, params) });
  if (clock.state === 'decided')
    throw errors.invalidTransition('The application is already decided');
  const dateIn = (field: string, d: string, min: string) => {
    if (d > t) throw v(field, 'validation.notFuture');
    if (d < min) throw v(field, 'validation.beforeStart');
  };
  // A deadline that has passed stays passed (第三十三条): an extension is agreed and told within the
  // period, a fee notice is sent within it, and consultation time is excluded only within it. Once
  // the case is past its deadline these steps, whatever date they carry, cannot make it current.
  const withinPeriod = (field: string) => {
    if (clock.dueOn !== null && t > clock.dueOn)
      throw v(field, 'validation.afterDue', { date: clock.dueOn });
  };
  const next: ApplicationRecord = {
    ...rec,
    ledger: [...(rec.ledger as LedgerEvent[])],
    version: rec.version + 1,
    updatedAt: when.at,
  };
  const push = (e: LedgerEvent) => (next.ledger as LedgerEvent[]).push(e);
  let detail = '';
  // The entry as data (issue #20): each viewer reads it in their language (applications/history.ts).
  let event: AuditEvent = { type: input.action, params: {} };
  switch (input.action) {
    case 'assign':
      await requireOpenSection(tx, input.sectionId, locale);
      next.sectionId = input.sectionId;
      push({ kind: 'assigned', on: t, sectionId: input.sectionId });
      detail = `交${await sectionName(tx, input.sectionId)}办理`;
      event = { type: 'assigned', params: { sectionId: input.sectionId } };
      break;
    case 'request-correction': {
      if (has(rec, 'correction_requested'))
        throw errors.invalidTransition('A correction may be requested only once (第三十条)');
      dateIn('requestedOn', input.requestedOn, rec.receivedOn);
      if (input.requestedOn > correctionDeadline(cal, rec.receivedOn))
        throw v('requestedOn', 'validation.correctionWindow');
      push({
        kind: 'correction_requested',
        on: input.requestedOn,
        note: input.note,
        correctionDueOn: input.correctionDueOn,
      });
      detail = `一次性告知补正（补正期限 ${input.correctionDueOn}）：${input.note}`;
      event = {
        type: 'correction-requested',
        params: {
          requestedOn: input.requestedOn,
          correctionDueOn: input.correctionDueOn,
          note: input.note,
        },
      };
      break;
    }
    case 'correction-received': {
      const req = last(rec, 'correction_requested');
      if (!req || has(rec, 'correction_received'))
        throw errors.invalidTransition('No correction is awaited');
      dateIn('receivedOn', input.receivedOn, req.on);
      push({ kind: 'correction_received', on: input.receivedOn, content: input.content });
      detail = `收到补正，答复期限自 ${input.receivedOn} 起重新计算；补正后的申请内容：${input.content}`;
      event = {
        type: 'correction-received',
        params: { receivedOn: input.receivedOn, content: input.content },
      };
      break;
    }
    case 'consult-third-party': {
      if (clock.state === 'awaiting_correction')
        throw errors.invalidTransition('Awaiting the correction');
      if (count(rec, 'consult_sent') > count(rec, 'consult_replied'))
        throw errors.invalidTransition('A consultation is already open');
      // Consultations follow one another: a new one may not start before the previous reply.
      const replied = last(rec, 'consult_replied');
      dateIn(
        'sentOn',
        input.sentOn,
        replied && replied.on > clock.startOn ? replied.on : clock.startOn,
      );
      withinPeriod('sentOn');
      const receivedOn = input.receivedOn ?? input.sentOn;
      dateIn('receivedOn', receivedOn, input.sentOn);
      push({
        kind: 'consult_sent',
        on: input.sentOn,
        party: input.party,
        name: input.name,
        receivedOn,
      });
      detail = `${input.party === 'third_party' ? '征求第三方意见' : '征求其他机关意见'}${input.name ? `（${input.name}）` : ''}，${receivedOn} 送达`;
      event = {
        type: 'consulted',
        params: {
          party: input.party,
          name: input.name ?? null,
          sentOn: input.sentOn,
          receivedOn,
        },
      };
      break;
    }
    case 'third-party-replied': {
      const sent = last(rec, 'consult_sent');
      if (!sent || count(rec, 'consult_sent') <= count(rec, 'consult_replied'))
        throw errors.invalidTransition('No consultation is open');
      dateIn('on', input.on, sent.on);
      push({
        kind: 'consult_replied',
        on: input.on,
        opinion: input.opinion,
        ...(input.opinionText ? { opinionText: input.opinionText } : {}),
      });
      detail = `${OPINION_ZH[input.opinion]}${input.opinionText ? `：${input.opinionText}` : ''}（${input.on}），恢复计时`;
      event = {
        type: 'consult-replied',
        params: { on: input.on, opinion: input.opinion, text: input.opinionText ?? null },
      };
      break;
    }
    case 'extend':
      if (has(rec, 'extended'))
        throw errors.invalidTransition('Already extended once (第三十三条)');
      if (clock.state === 'awaiting_correction')
        throw errors.invalidTransition('Awaiting the correction');
      withinPeriod('dueOn');
      {
        const approvedOn = input.approvedOn ?? t;
        dateIn('approvedOn', approvedOn, clock.startOn);
        if (clock.dueOn !== null && approvedOn > clock.dueOn)
          throw v('approvedOn', 'validation.afterDue', { date: clock.dueOn });
        if (input.notifiedOn < approvedOn)
          throw v('notifiedOn', 'validation.notifiedBeforeExtension');
        dateIn('notifiedOn', input.notifiedOn, approvedOn);
        push({
          kind: 'extended',
          on: approvedOn,
          reason: input.reason,
          approvedBy: input.approvedBy,
          notifiedOn: input.notifiedOn,
        });
        detail = `延长答复期限20个工作日，经 ${input.approvedBy} 同意（${approvedOn}）：${input.reason}；${input.notifiedOn} 告知申请人`;
        event = {
          type: 'extended',
          params: {
            approvedBy: input.approvedBy,
            approvedOn,
            reason: input.reason,
            notifiedOn: input.notifiedOn,
            dueOn: computeClock(cal, next.ledger as LedgerEvent[], t).dueOn,
          },
        };
      }
      break;
    case 'fee-notice': {
      if (has(rec, 'fee_notice'))
        throw errors.invalidTransition('One fee notice per application, one method only');
      if (clock.state === 'awaiting_correction')
        throw errors.invalidTransition('Awaiting the correction');
      dateIn('sentOn', input.sentOn, clock.startOn);
      withinPeriod('sentOn');
      const receivedOn = input.receivedOn ?? input.sentOn;
      dateIn('receivedOn', receivedOn, input.sentOn);
      const { prior, amount } = await feeQuote(tx, rec, input.method, input.count);
      // Nothing is owed (第四十二条; 办法 第四条/第五条): no notice, no pause, no 3.6.2.
      if (amount <= 0) throw v('count', 'validation.feeNothingOwed');
      push({
        kind: 'fee_notice',
        on: input.sentOn,
        method: input.method,
        count: input.count,
        amount,
        prior,
        receivedOn,
      });
      detail = `发出收费通知：${input.method === 'per_item' ? `按件 ${input.count} 件，本月此前申请 ${prior} 件` : `按量 ${input.count} 页`}，应缴 ${amount} 元，${receivedOn} 送达`;
      event = {
        type: 'fee-notice',
        params: {
          method: input.method,
          count: input.count,
          prior,
          amount,
          sentOn: input.sentOn,
          receivedOn,
        },
      };
      break;
    }
    case 'fee-paid': {
      const notice = last(rec, 'fee_notice') as
        Extract<LedgerEvent, { kind: 'fee_notice' }> | undefined;
      if (!notice || has(rec, 'fee_paid')) throw errors.invalidTransition('No unpaid fee notice');
      dateIn('on', input.on, notice.on);
      // A payment inside the window can always be recorded, even when it is entered late.
      const payBy = paymentDeadline(cal, notice);
      if (input.on > payBy) throw v('on', 'validation.paymentLate', { date: payBy });
      push({ kind: 'fee_paid', on: input.on });
      detail = '申请人已缴费，恢复计时';
      event = { type: 'fee-paid', params: { on: input.on } };
      break;
    }
    case 'decide': {
      // Not before the dated steps it follows (the ledger is a chronology; the clock reads it by date).
      const lastStep = (rec.ledger as LedgerEvent[]).reduce(
        (m, e) => (e.kind !== 'assigned' && e.kind !== 'extended' && e.on > m ? e.on : m),
        rec.receivedOn,
      );
      dateIn('decidedOn', input.decidedOn, lastStep);
      if (input.deliveredOn) {
        if (input.deliveredOn < input.decidedOn)
          throw v('deliveredOn', 'validation.deliveredBeforeDecision');
        dateIn('deliveredOn', input.deliveredOn, input.decidedOn);
      }
      if (input.outcome === '3.6.1') {
        if (clock.state !== 'awaiting_correction') throw v('outcome', 'validation.outcome361');
        // 第三十条: only once the 补正期限 has passed without a corrected application.
        const asked = last(rec, 'correction_requested') as
          Extract<LedgerEvent, { kind: 'correction_requested' }> | undefined;
        if (asked?.correctionDueOn && input.decidedOn <= asked.correctionDueOn)
          throw v('decidedOn', 'validation.correctionPeriodOpen', { date: asked.correctionDueOn });
      }
      // 3.6.2 needs money owed and the payment period lapsed by the decision's own date.
      if (input.outcome === '3.6.2') {
        const notice = last(rec, 'fee_notice') as
          Extract<LedgerEvent, { kind: 'fee_notice' }> | undefined;
        if (
          !notice ||
          notice.amount <= 0 ||
          computeClock(cal, rec.ledger as LedgerEvent[], input.decidedOn).state !== 'fee_expired'
        )
          throw v('outcome', 'validation.outcome362');
      }
      if (input.outcome === '3.4.3' && !has(rec, 'correction_received'))
        throw v('outcome', 'validation.outcome343');
      if (clock.state === 'awaiting_correction' && input.outcome !== '3.6.1')
        throw v('outcome', 'validation.awaitingCorrection');
      push({ kind: 'decided', on: input.decidedOn, outcome: input.outcome });
      const after = computeClock(cal, next.ledger as LedgerEvent[], t);
      const paidFee = last(rec, 'fee_paid')
        ? ((last(rec, 'fee_notice') as Extract<LedgerEvent, { kind: 'fee_notice' }>)?.amount ??
          null)
        : null;
      next.decision = {
        outcome: input.outcome as never,
        reason: input.reason?.trim() || OUTCOME_REASONS[input.outcome] || '',
        decidedOn: input.decidedOn,
        fee: input.fee ?? paidFee,
        late: Boolean(after.late),
        replyNo: input.replyNo?.trim() || null,
        deliveryMethod: input.deliveryMethod ?? null,
        deliveredOn: input.deliveredOn ?? null,
      };
      const delivery = [
        input.replyNo?.trim() ? `答复书文号 ${input.replyNo.trim()}` : '',
        input.deliveryMethod ? `${DELIVERY_ZH[input.deliveryMethod]}送达` : '',
        input.deliveredOn ? `送达日期 ${input.deliveredOn}` : '',
      ].filter(Boolean);
      detail = `作出答复（${input.outcome}）${after.late ? '，已超过法定期限' : ''}${delivery.length ? `；${delivery.join('，')}` : ''}`;
      event = {
        type: 'decided',
        params: {
          outcome: input.outcome,
          decidedOn: input.decidedOn,
          late: Boolean(after.late),
          replyNo: input.replyNo?.trim() || null,
          deliveryMethod: input.deliveryMethod ?? null,
          deliveredOn: input.deliveredOn ?? null,
        },
      };
      break;
    }
  }
  await tx.applications.put(next);
  await audit(tx, 'application', rec.id, input.action, actor, detail, {
    at: when.at,
    event,
    ...diff(
      { sectionId: rec.sectionId, decision: rec.decision },
      { sectionId: next.sectionId, decision: next.decision },
    ),
  });
  return next;
}
