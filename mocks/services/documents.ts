/**
 * Documents generated from the record (issue #21): the 文号 each gets (a counter per family and
 * year, never reused), the Word file built from the record and the user's edited paragraphs,
 * stored as an attachment of the record, and the issue as an event of its history.
 */
import { officialDocumentBytes } from '@/features/documents/docx';
import {
  applicationDocument,
  applicationKindApplies,
  docNoCounter,
  documentFileName,
  familyOf,
  formatDocNo,
  KIND_TITLE,
  letterDocument,
  letterKindApplies,
  mayIssueApplicationDocument,
  mayIssueLetterDocument,
  type OfficialDocument,
} from '@/features/documents/rules';
import type { AttachmentParent } from '@/features/attachments/types';
import {
  type ApplicationDocumentKind,
  DEFAULT_DOCUMENT_NUMBERING,
  DOCUMENT_FAMILIES,
  type DocumentKind,
  type DocumentNumbering,
  type IssuedDocument,
  type LetterDocumentKind,
  type NextDocumentNumbers,
} from '@/features/documents/types';
import type { LetterRecord } from '@/features/letters/types';
import { translate, type Locale } from '@/lib/i18n/core';
import type { User } from '@/types/api';
import { today } from '../clock';
import { db } from '../db';
import { errors } from '../http';
import { sectionName } from './accounts';
import { inAppScope, presentApplication } from './applications';
import { addAttachment, ENTITY_OF } from './attachments';
import { audit } from './audit';
import { inScope } from './letters';
import { getSetting, organisation } from './settings';

export const NUMBERING_SETTING = 'documentNumbering';

export const documentNumbering = () =>
  getSetting<DocumentNumbering>(NUMBERING_SETTING, DEFAULT_DOCUMENT_NUMBERING);

/** The number each family's next document of `year` gets (the counter is only read). */
export function nextDocumentNumbers(year = Number(today().slice(0, 4))): NextDocumentNumbers {
  const next = Object.fromEntries(
    DOCUMENT_FAMILIES.map((f) => [f, (db.counters.get(docNoCounter(f, year))?.value ?? 0) + 1]),
  ) as NextDocumentNumbers['next'];
  return { year, next };
}

/**
 * Takes the next 文号 of `kind`'s family in the year of `day`: the counter moves on at once (no
 * await before it), so two issues at the same moment get two numbers, and a number once taken is
 * never given again — even when the issue then fails.
 */
export function takeDocNo(kind: DocumentKind, day = today()): string {
  const year = Number(day.slice(0, 4));
  const family = familyOf(kind);
  const seq = db.nextSeq(docNoCounter(family, year));
  return formatDocNo(documentNumbering()[family].prefix, year, seq);
}

/** The letter as `user` may issue `kind` on it: 404 outside their scope, 403 for the role, 422 when the record lacks what the kind needs. */
export function letterForDocument(
  user: User,
  id: string,
  kind: LetterDocumentKind,
  locale: Locale,
): LetterRecord {
  const rec = db.letters.get(id);
  if (!rec || !inScope(user, rec)) throw errors.notFound();
  if (!mayIssueLetterDocument(user.role, kind)) throw errors.forbidden();
  if (!letterKindApplies(kind, rec))
    throw errors.validation({ kind: translate(locale, `documents.errors.${kind}NotApplicable`) });
  return rec;
}

/**
 * Issues a document on a record: its 文号, the Word file (`build`: the record's fields and the
 * user's paragraphs, under that number) stored as an attachment, and the event
 * 「签发来信转办单 长民信转〔2026〕3号」 in the record's history. The caller commits.
 */
async function issueDocument(
  parent: AttachmentParent,
  parentId: string,
  kind: DocumentKind,
  build: (docNo: string, day: string) => OfficialDocument,
  user: User,
  locale: Locale,
): Promise<IssuedDocument> {
  const day = today();
  const docNo = takeDocNo(kind, day);
  const bytes = await officialDocumentBytes(build(docNo, day));
  const attachment = await addAttachment(
    { parent, parentId, name: documentFileName(kind, docNo), bytes },
    user,
    locale,
  );
  audit(ENTITY_OF[parent], parentId, 'document', user, `签发${KIND_TITLE[kind]} ${docNo}`, {
    at: attachment.uploadedAt,
    event: {
      type: 'document-issued',
      params: { kind, docNo, attachmentId: attachment.id, name: attachment.name },
    },
  });
  return { kind, docNo, attachmentId: attachment.id, name: attachment.name };
}

/** A letter's 转办单 or 答复函. */
export function issueLetterDocument(
  rec: LetterRecord,
  input: { kind: LetterDocumentKind; paragraphs: string[] },
  user: User,
  locale: Locale,
): Promise<IssuedDocument> {
  const sections = (s: string | null) => (s ? sectionName(s) : '—');
  return issueDocument(
    'letters',
    rec.id,
    input.kind,
    (docNo, day) =>
      letterDocument(
        input.kind,
        rec,
        { organisation: organisation().name, sectionName: sections, today: day },
        docNo,
        input.paragraphs,
      ),
    user,
    locale,
  );
}

/** The application as `user` may issue `kind` on it (404 / 403 / 422 as for letters). */
export function applicationForDocument(
  user: User,
  id: string,
  kind: ApplicationDocumentKind,
  locale: Locale,
) {
  const rec = db.applications.get(id);
  if (!rec || !inAppScope(user, rec)) throw errors.notFound();
  if (!mayIssueApplicationDocument(user.role)) throw errors.forbidden();
  const app = presentApplication(rec, { mask: false });
  if (!applicationKindApplies(kind, app))
    throw errors.validation({ kind: translate(locale, `documents.errors.${kind}NotApplicable`) });
  return app;
}

/** An application's 补正告知书 or 延期答复告知书. */
export function issueApplicationDocument(
  app: ReturnType<typeof applicationForDocument>,
  input: { kind: ApplicationDocumentKind; paragraphs: string[] },
  user: User,
  locale: Locale,
): Promise<IssuedDocument> {
  return issueDocument(
    'applications',
    app.id,
    input.kind,
    (docNo, day) =>
      applicationDocument(
        input.kind,
        app,
        { organisation: organisation().name, today: day },
        docNo,
        input.paragraphs,
      ),
    user,
    locale,
  );
}
