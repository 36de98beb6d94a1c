/**
 * An audit-log entry's 说明 in the viewer's language (issue #20): the backend stores an event type
 * with parameters beside its Chinese text; entries stored before that show that text as written.
 */
import { formatDate } from '@/lib/format';
import type { Locale, Params } from '@/lib/i18n/core';
import type { AuditEvent } from '@/types/api';

type Tx = (key: string, params?: Params) => string;
const K = 'accounts.audit.events.';
const PLAIN = new Set([
  'login',
  'login_failed',
  'logout',
  'password_changed',
  'password_reset',
  'user_created',
  'user_changed',
  'user_disabled',
  'user_enabled',
  'admin_reset',
  'admin_demo_data',
  'timeLimits',
  'organisation',
]);
const SECTION = new Set([
  'section_created',
  'section_changed',
  'section_retired',
  'section_restored',
]);

export function describeAuditLogEvent(
  entry: { detail: string; event?: AuditEvent | undefined },
  tx: Tx,
  locale: Locale,
): string {
  const e = entry.event;
  if (!e) return entry.detail;
  const p = e.params;
  const str = (k: string) => (p[k] === null || p[k] === undefined ? '' : String(p[k]));
  if (PLAIN.has(e.type)) {
    const params: Params = {};
    for (const k of Object.keys(p)) params[k] = str(k);
    return tx(`${K}${e.type}`, params);
  }
  if (SECTION.has(e.type))
    return tx(`${K}${e.type}`, {
      name: locale === 'en-US' && p.nameEn ? str('nameEn') : str('name'),
    });
  switch (e.type) {
    case 'admin_faults':
      return tx(`${K}${p.on ? 'faultsOn' : 'faultsOff'}`);
    case 'admin_clock':
      return tx(`${K}admin_clock`, {
        today: p.today ? formatDate(str('today'), locale) : tx(`${K}realDate`),
      });
    case 'calendar':
      return tx(`${K}calendar`, {
        year: str('year'),
        days: str('days'),
        complete: tx(`${K}${p.complete ? 'complete' : 'incomplete'}`),
      });
    default:
      return entry.detail;
  }
}
