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
    transfer: 'transfer slip (转办单)',
    reply: 'reply letter (答复函)',
    disclosure: 'disclosure notice (告知书)',
    correction: 'notice to correct (补正告知书)',
    extension: 'notice of extension (延期答复告知书)',
  },
  kindLabels: {
    transfer: 'Transfer slip (转办单)',
    reply: 'Reply letter (答复函)',
    disclosure: 'Disclosure notice (告知书)',
    correction: 'Notice to correct (补正告知书)',
    extension: 'Notice of extension (延期答复告知书)',
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
