/**
 * A catalogue entry's history in the viewer's language (issue #20): the service stores an event
 * type with parameters (titles and reasons are the office's own text); entries stored before that
 * carry only their Chinese text, and are shown as they were written.
 */
import type { Params } from '@/lib/i18n/core';
import type { AuditEvent } from '@/types/api';

type Tx = (key: string, params?: Params) => string;
const K = 'catalogue.events.';
/** A changed field's label (the form's own label); fields without one are not named. */
const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  category: 'category',
  publisher: 'publisher',
  formedOn: 'formedOn',
  publishedOn: 'publishedOn',
  attribute: 'attribute',
  docType: 'docType',
  docNo: 'docNo',
  exemptReason: 'exemptReason',
  channels: 'channelsLabel',
  validity: 'validity',
  repealedOn: 'repealedOn',
  expiredOn: 'expiredOn',
  keywords: 'keywords',
  summary: 'summary',
};

export function describeCatalogueEvent(
  entry: { detail: string; event?: AuditEvent | undefined },
  tx: Tx,
): string {
  const e = entry.event;
  if (!e) return entry.detail;
  const p = e.params;
  const str = (k: string) => (p[k] === null || p[k] === undefined ? '' : String(p[k]));
  switch (e.type) {
    case 'created':
      return tx(`${K}created`, { indexNo: str('indexNo'), title: str('title') });
    case 'updated': {
      const fields = str('fields')
        .split(',')
        .flatMap((f) => (FIELD_LABELS[f] ? [tx(`catalogue.${FIELD_LABELS[f]}`)] : []));
      return fields.length
        ? tx(`${K}updatedFields`, { title: str('title'), fields: fields.join(tx(`${K}join`)) })
        : tx(`${K}updated`, { title: str('title') });
    }
    case 'withdrawn':
      return tx(`${K}withdrawn`, { title: str('title'), reason: str('reason') });
    case 'imported':
      return tx(`${K}imported`, { n: str('n') });
    default:
      return entry.detail;
  }
}
