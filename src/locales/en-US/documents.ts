import type { Messages } from '../zh-CN';

/** Documents generated from the record (en-US). The documents themselves stay in Chinese. */
export const documentsEn: Messages['documents'] = {
  title: 'Documents',
  generate: 'Generate document',
  intro:
    'Generates an official Word document (in Chinese) from this record; it gets its document number when issued and is kept as an attachment.',
  noneApplication:
    'No document applies yet (a notice to correct once a correction is requested, a notice of extension once the period is extended, a letter to the third party while it is consulted, a fee notice once a fee is charged, the decision letter once decided).',
  none: 'No document applies yet (a transfer slip once the letter is transferred, a reply letter once it is answered).',
  kinds: {
    transfer: 'transfer slip',
    reply: 'reply letter',
    disclosure: 'disclosure notice',
    correction: 'notice to correct',
    extension: 'notice of extension',
    consultation: 'letter to the third party',
    fee_notice: 'fee notice',
    decision_open: 'decision letter (disclosed)',
    decision_partial: 'decision letter (partly disclosed)',
    decision_withheld: 'decision letter (withheld)',
    decision_unavailable: 'decision letter (cannot be provided)',
    decision_declined: 'decision letter (not handled)',
    decision_other: 'decision letter (other)',
  },
  kindLabels: {
    transfer: 'Transfer slip',
    reply: 'Reply letter',
    disclosure: 'Disclosure notice',
    correction: 'Notice to correct',
    extension: 'Notice of extension',
    consultation: 'Letter to the third party',
    fee_notice: 'Fee notice',
    decision_open: 'Decision: disclosed',
    decision_partial: 'Decision: partly disclosed',
    decision_withheld: 'Decision: withheld',
    decision_unavailable: 'Decision: cannot be provided',
    decision_declined: 'Decision: not handled',
    decision_other: 'Decision: other',
  },
  dialogTitle: 'Generate document',
  kind: 'Kind of document',
  preview: 'Preview',
  docNoPending: 'Numbered when issued (next: {docNo})',
  fieldsNote: 'These items come from the record and are filled in as it stands when issued.',
  paragraphs: 'Body text (editable, one paragraph per line; in Chinese)',
  paragraphsHint: 'You may edit the body before issuing; blank lines are ignored.',
  printDraft: 'Print draft',
  downloadDraft: 'Download draft (Word)',
  issue: 'Issue',
  issued: 'Issued {kind} {docNo}; the document is saved as an attachment',
  events: {
    issued: 'Issued {kind} {docNo}',
    issuedReplyNo: 'Issued {kind} {docNo}, recorded as the decision’s reply reference no.',
  },
  errors: {
    transferNotApplicable: 'This letter has not been transferred: no transfer slip yet',
    replyNotApplicable: 'This letter has not been answered: no reply letter yet',
    correctionNotApplicable: 'This request is not awaiting a correction: no notice to correct',
    extensionNotApplicable:
      'This request was not extended, or is already decided: no notice of extension',
    consultationNotApplicable:
      'No third party is being consulted on this request: no letter to the third party',
    fee_noticeNotApplicable: 'No fee awaits payment on this request: no fee notice',
    decision_openNotApplicable:
      'This request was not decided as disclosed: no such decision letter',
    decision_partialNotApplicable:
      'This request was not decided as partly disclosed: no such decision letter',
    decision_withheldNotApplicable:
      'This request was not decided as withheld: no such decision letter',
    decision_unavailableNotApplicable:
      'This request was not decided as cannot be provided: no such decision letter',
    decision_declinedNotApplicable:
      'This request was not decided as not handled: no such decision letter',
    decision_otherNotApplicable:
      'This request was not decided as other handling: no such decision letter',
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
    remediesTitle: 'Remedies in the decision letters',
    remediesIntro:
      'Every decision letter says the applicant may apply for administrative review to the review body within 60 days of receiving it (Administrative Review Law, Articles 20 and 24), or bring an action in court within six months (Administrative Litigation Law, Article 46).',
    reviewOrgan: 'Administrative review body',
    reviewOrganHint:
      'The bureau is a department of the city government, so its review body is the city government',
    court: 'Court',
    contact: 'Contact printed on the documents',
    contactHint:
      'Printed on the letters to third parties and the fee notices (office, person, phone); left empty, a blank is left to fill in',
  },
};
