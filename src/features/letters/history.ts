/**
 * A letter's history entry in the viewer's language (issue #20): entries are stored as an event
 * type with parameters; codes (sections, methods, opinions) and dates are worded here. Entries
 * stored before that carry only their Chinese text, and are shown as they were written.
 */
import { formatDate } from '@/lib/format';
import type { Locale, Params } from '@/lib/i18n/core';
import type { AuditEvent } from '@/types/api';

type Tx = (key: string, params?: Params) => string;
const K = 'letters.records.events.';
const KNOWN = new Set([
  'created',
  'assigned',
  'reassigned',
  'extended',
  'extension-requested',
  'extension-approved',
  'extension-refused',
  'replied',
  'returned',
  'closed',
  'reopened',
  'supervised',
  'recomputed',
  'updated',
]);

export function describeLetterEvent(
  entry: { detail: string; event?: AuditEvent | undefined },
  tx: Tx,
  locale: Locale,
  sectionName: (id: string) => string = (id) => tx(`sections.${id}`),
): string {
  const e = entry.event;
  if (!e || !KNOWN.has(e.type)) return entry.detail;
  const p = e.params;
  const str = (k: string) => (p[k] === null || p[k] === undefined ? '' : String(p[k]));
  const date = (k: string) => formatDate(str(k), locale);
  const section = (k: string) => (p[k] ? sectionName(str(k)) : '—');
  switch (e.type) {
    case 'created':
      return tx(`${K}created`, {
        serialNo: str('serialNo'),
        days: str('days'),
        dueOn: date('dueOn'),
      });
    case 'assigned':
    case 'reassigned': {
      const text = tx(`${K}${e.type}`, { section: section('sectionId') });
      return p.note ? tx(`${K}note`, { text, note: str('note') }) : text;
    }
    case 'extended':
    case 'extension-approved':
      return tx(`${K}${e.type}`, {
        days: str('days'),
        from: date('from'),
        to: date('to'),
        reason: str('reason'),
        requestedBy: str('requestedBy'),
      });
    case 'extension-requested':
      return tx(`${K}${e.type}`, { days: str('days'), reason: str('reason') });
    case 'extension-refused':
      return tx(`${K}${e.type}`, {
        days: str('days'),
        reason: str('reason'),
        requestedBy: str('requestedBy'),
      });
    case 'replied':
      return tx(`${K}replied`, {
        method: tx(`letters.records.replyMethods.${str('method')}`),
        repliedOn: date('repliedOn'),
      });
    case 'returned':
      return tx(`${K}returned`, { section: section('sectionId'), reason: str('reason') });
    case 'closed': {
      const text = tx(`${K}closed`, {
        timeliness: tx(`${K}${p.onTime ? 'onTime' : 'late'}`),
        followUpOn: date('followUpOn'),
        method: tx(`letters.records.followUpMethods.${str('method')}`),
        by: str('by'),
        opinion: p.satisfaction
          ? tx(`letters.satisfactions.${str('satisfaction')}`)
          : tx(`${K}unreached`),
      });
      return p.closeReason ? tx(`${K}closeReason`, { text, reason: str('closeReason') }) : text;
    }
    case 'reopened':
      return tx(`${K}reopened`, { reason: str('reason') });
    case 'supervised':
      return tx(`${K}supervised`, { note: str('note') });
    case 'recomputed': {
      const text = tx(`${K}recomputed`, { from: date('from'), to: date('to') });
      return p.provisional ? tx(`${K}stillProvisional`, { text }) : text;
    }
    case 'updated': {
      // The fields as they are after the change (a cleared one says so).
      const list = str('fields')
        .split(',')
        .filter(Boolean)
        .map((f) => {
          const field = tx(`letters.cases.fields.${f}`);
          if (!str(f)) return tx('letters.cases.cleared', { field });
          return `${field} ${f.endsWith('On') ? date(f) : str(f)}`;
        });
      return tx('letters.cases.updated', { list: list.join(locale === 'zh-CN' ? '；' : '; ') });
    }
    default:
      return entry.detail;
  }
}
