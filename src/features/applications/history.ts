/**
 * An application's history entry in the viewer's language (issue #20), as letters do
 * (letters/history.ts): the service stores an event type with parameters; outcomes, parties,
 * opinions, delivery methods, sections and dates are worded here. Entries stored before that carry
 * only their Chinese text, and are shown as they were written.
 */
import { formatDate, formatNumber } from '@/lib/format';
import type { Locale, Params } from '@/lib/i18n/core';
import type { AuditEvent } from '@/types/api';
import { outcomePlainKey } from './rules';

type Tx = (key: string, params?: Params) => string;
const H = 'applications.records.history.';

export function describeApplicationEvent(
  entry: { detail: string; event?: AuditEvent | undefined },
  tx: Tx,
  locale: Locale,
  sectionName: (id: string) => string = (id) => tx(`sections.${id}`),
): string {
  const e = entry.event;
  if (!e) return entry.detail;
  const p = e.params;
  const str = (k: string) => (p[k] === null || p[k] === undefined ? '' : String(p[k]));
  const date = (k: string) => formatDate(str(k), locale);
  const num = (k: string) => formatNumber(Number(p[k] ?? 0), locale, 0);
  switch (e.type) {
    case 'created':
      return tx(`${H}created`, { serialNo: str('serialNo'), receivedOn: date('receivedOn') });
    case 'assigned':
      return tx(`${H}assigned`, { section: p.sectionId ? sectionName(str('sectionId')) : '—' });
    case 'correction-requested':
      return tx(`${H}correction-requested`, {
        requestedOn: date('requestedOn'),
        correctionDueOn: date('correctionDueOn'),
        note: str('note'),
      });
    case 'correction-received':
      return tx(`${H}correction-received`, {
        receivedOn: date('receivedOn'),
        content: str('content'),
      });
    case 'consulted':
      return tx(`${H}${p.name ? 'consultedNamed' : 'consulted'}`, {
        party: tx(`applications.parties.${str('party')}`),
        name: str('name'),
        sentOn: date('sentOn'),
        receivedOn: date('receivedOn'),
      });
    case 'consult-replied':
      return tx(`${H}${p.text ? 'consultRepliedText' : 'consult-replied'}`, {
        on: date('on'),
        opinion: tx(`applications.records.opinions.${str('opinion')}`),
        text: str('text'),
      });
    case 'extended':
      return tx(`${H}extended`, {
        approvedBy: str('approvedBy'),
        approvedOn: date('approvedOn'),
        dueOn: date('dueOn'),
        reason: str('reason'),
        notifiedOn: date('notifiedOn'),
      });
    case 'fee-notice':
      return tx(`${H}${p.method === 'per_page' ? 'feePerPage' : 'feePerItem'}`, {
        sentOn: date('sentOn'),
        count: num('count'),
        prior: num('prior'),
        amount: formatNumber(Number(p.amount ?? 0), locale, Number(p.amount ?? 0) % 1 ? 2 : 0),
        receivedOn: date('receivedOn'),
      });
    case 'fee-paid':
      return tx(`${H}fee-paid`, { on: date('on') });
    case 'decided': {
      const parts = [
        tx(`${H}decided`, {
          decidedOn: date('decidedOn'),
          outcome: tx(outcomePlainKey(str('outcome'))),
          timeliness: tx(`${H}${p.late ? 'decidedLate' : 'decidedOnTime'}`),
        }),
      ];
      if (p.replyNo) parts.push(tx(`${H}replyNo`, { replyNo: str('replyNo') }));
      if (p.deliveryMethod) {
        const method = tx(`applications.records.deliveryMethods.${str('deliveryMethod')}`);
        parts.push(
          p.deliveredOn
            ? tx('applications.records.delivery', { method, date: date('deliveredOn') })
            : tx('applications.records.deliveryPending', { method }),
        );
      }
      return parts.join(tx(`${H}join`));
    }
    default:
      return entry.detail;
  }
}
