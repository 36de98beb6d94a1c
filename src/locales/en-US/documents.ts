import type { Messages } from '../zh-CN';

/** Documents generated from the record (en-US). The documents themselves stay in Chinese. */
export const documentsEn: Messages['documents'] = {
  title: 'Documents',
  generate: 'Generate document',
  intro:
    'Generates an official Word document (in Chinese) from this record; it gets its document number when issued and is kept as an attachment.',
  noneApplication:
    'No notice applies yet (a notice to correct once a correction is requested, a notice of extension once the period is extended).',
  none: 'No document applies yet (a transfer slip once the letter is transferred, a reply letter once it is answered).',
  kinds: {
    transfer: 'transfer slip',
    reply: 'reply letter',
    disclosure: 'disclosure notice',
    correction: 'notice to correct',
    extension: 'notice of extension',
  },
  kindLabels: {
    transfer: 'Transfer slip',
    reply: 'Reply letter',
    disclosure: 'Disclosure notice',
    correction: 'Notice to correct',
    extension: 'Notice of extension',
  },
  dialogTitle: 'Generate document',
  kind: 'Kind of document',
  preview: 'Preview',
  docNoPending: 'Numbered when issued (next: {docNo})',
  fieldsNote: 'These items come from the record and are filled in as it stands when issued.',
  paragraphs: 'Body text (editable, one paragraph per line; in Chinese)',
  paragraphsHint: 'You may edit the body before issuing; blank lines are ignored.',
  downloadDraft: 'Download draft (Word)',
  issue: 'Issue',
  issued: 'Issued {kind} {docNo}; the document is saved as an attachment',
  events: {
    issued: 'Issued {kind} {docNo}',
  },
  errors: {
    transferNotApplicable: 'This letter has not been transferred: no transfer slip yet',
    replyNotApplicable: 'This letter has not been answered: no reply letter yet',
    correctionNotApplicable: 'This request is not awaiting a correction: no notice to correct',
    extensionNotApplicable:
      'This request was not extended, or is already decided: no notice of extension',
  },
  validation: {
    prefix: '1 to 20 Chinese characters, letters or digits; no brackets or spaces',
  },
  numbering: {
    tab: 'Document numbers',
    title: 'Document numbering',
    intro:
      'Numbers read “prefix〔year〕n号”, e.g. 长民公开〔2026〕12号; each kind of document is numbered from 1 every year, and a number once used is never used again.',
    family: {
      transfer: 'letter transfer slips',
      reply: 'letter replies',
      disclosure: 'disclosure notices',
    },
    prefix: 'Prefix for {family}',
    next: 'Next number: {docNo}',
  },
};
