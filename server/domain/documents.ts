/**
 * Documents generated from the record (issue #21): the 文号 each gets (a counter per family and
 * year, never reused), the Word file built from the record and the user's edited paragraphs,
 * stored as an attachment of the record, and the issue as an event of its history.
 */
import { officialDocumentBytes } from '@/features/documents/docx';
import {
  applicationDocument,
  applicationKindApplies,
  mayIssueApplicationDocument,
} from '@/features/documents/application-documents';
import {
  docNoCounter,
  documentFileName,
  familyOf,
  formatDocNo,
  KIND_TITLE,
  letterDocument,
  letterKindApplies,
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
  withDocumentDefaults,
} from '@/features/documents/types';
import type { LetterRecord } from '@/features/letters/types';
import { translate, type Locale } from '@/lib/i18n/core';
import type { User } from '@/types/api';
import { sectionName } from './accounts';
import { inAppScope, presentApplication } from './applications';
import { addAttachment, ENTITY_OF } from './attachments';
import { audit } from './audit';
import { errors } from './errors';
import { inScope } from './letters';
import type { BlobStore, ReadTx, Tx } from './ports';
import { getSetting, organisation } from './settings';
import { instant } from './time';
import { readView } from './view';

export const NUMBERING_SETTING = 'documentNumbering';

/** The documents' settings; a value stored before a field existed reads with its default. */
export const documentNumbering = async (tx: ReadTx) =>
  withDocumentDefaults(
    await getSetting<DocumentNumbering>(tx, NUMBERING_SETTING, DEFAULT_DOCUMENT_NUMBERING),
  );

/** The number each family's next document of `year` gets (the counter is only read). */
export async function nextDocumentNumbers(
  tx: ReadTx,
  year = Number(tx.today.slice(0, 4)),
): Promise<NextDocumentNumbers> {
  const next = {} as NextDocumentNumbers['next'];
  for (const f of DOCUMENT_FAMILIES)
    next[f] = ((await tx.counters.get(docNoCounter(f, year)))?.value ?? 0) + 1;
  return { year, next };
}

/**
 * Takes the next 文号 of `kind`'s family in the year of `day`, in the issue's transaction: two
 * issues at the same moment get two numbers (the counter is taken under the writer's lock; in
 * SQL, a counter row), and a number is never given twice.
 */
export async function takeDocNo(tx: Tx, kind: DocumentKind, day = tx.today): Promise<string> {
  const year = Number(day.slice(0, 4));
  const family = familyOf(kind);
  const seq = await tx.nextSeq(docNoCounter(family, year));
  return formatDocNo((await documentNumbering(tx))[family].prefix, year, seq);
}

/** The letter as `user` may issue `kind` on it: 404 outside their scope, 403 for the role, 422 when the record lacks what the kind needs. */
export async function letterForDocument(
  tx: Tx,
  user: User,
  id: string,
  kind: LetterDocumentKind,
  locale: Locale,
): Promise<LetterRecord> {
  const rec = await tx.letters.get(id);
  if (!rec || !inScope(user, rec)) throw errors.notFound();
  if (!mayIssueLetterDocument(user.role, kind)) throw errors.forbidden();
  if (!letterKindApplies(kind, rec))
    throw errors.validation({ kind: translate(locale, `documents.errors.${kind}NotApplicable`) });
  return rec;
}

/**
 * Issues a document on a record: its 文号, the Word file (`build`: the record's fields and the
 * user's paragraphs, under that number) stored as an attachment, and the event
 * 「签发来信转办单 长民信转〔2026〕3号」 in the record's history, all in the caller's transaction.
 */
async function issueDocument(
  tx: Tx,
  blobs: BlobStore,
  parent: AttachmentParent,
  parentId: string,
  kind: DocumentKind,
  build: (docNo: string, day: string) => Promise<OfficialDocument>,
  user: User,
  locale: Locale,
  /** What else the issue records on the record, in its transaction (the entry's diff and params). */
  alsoRecord?: (docNo: string) => Promise<RecordedWithIssue | null>,
): Promise<IssuedDocument> {
  const day = tx.today;
  const docNo = await takeDocNo(tx, kind, day);
  const bytes = await officialDocumentBytes(await build(docNo, day));
  const attachment = await addAttachment(
    tx,
    blobs,
    { parent, parentId, name: documentFileName(kind, docNo), bytes },
    user,
    locale,
  );
  const also = alsoRecord ? await alsoRecord(docNo) : null;
  await audit(
    tx,
    ENTITY_OF[parent],
    parentId,
    'document',
    user,
    `签发${KIND_TITLE[kind]} ${docNo}${also?.detail ?? ''}`,
    {
      at: attachment.uploadedAt,
      event: {
        type: 'document-issued',
        params: {
          kind,
          docNo,
          attachmentId: attachment.id,
          name: attachment.name,
          ...also?.params,
        },
      },
      ...(also ? { before: also.before, after: also.after } : {}),
    },
  );
  return { kind, docNo, attachmentId: attachment.id, name: attachment.name };
}

interface RecordedWithIssue {
  detail: string;
  params: Record<string, string | number | boolean | null>;
  before: unknown;
  after: unknown;
}

/** A letter's 转办单 or 答复函. */
export async function issueLetterDocument(
  tx: Tx,
  blobs: BlobStore,
  rec: LetterRecord,
  input: { kind: LetterDocumentKind; paragraphs: string[] },
  user: User,
  locale: Locale,
): Promise<IssuedDocument> {
  const section = rec.sectionId ? await sectionName(tx, rec.sectionId) : '—';
  const org = (await organisation(tx)).name;
  return issueDocument(
    tx,
    blobs,
    'letters',
    rec.id,
    input.kind,
    async (docNo, day) =>
      letterDocument(
        input.kind,
        rec,
        { organisation: org, sectionName: () => section, today: day },
        docNo,
        input.paragraphs,
      ),
    user,
    locale,
  );
}

/**
 * The 答复书 issued is the decision's 答复书: its 文号 fills the decision's 答复书文号 when that is
 * empty (one the office recorded, or an earlier 答复书's, is kept), in the issue's transaction; the
 * issue's entry in the history says so and carries the decision before and after.
 */
async function fillReplyNo(tx: Tx, id: string, docNo: string): Promise<RecordedWithIssue | null> {
  const rec = await tx.applications.getForUpdate(id);
  if (!rec?.decision || rec.decision.replyNo) return null;
  const next = {
    ...rec,
    decision: { ...rec.decision, replyNo: docNo },
    version: rec.version + 1,
    updatedAt: instant(tx.now),
  };
  await tx.applications.put(next);
  return {
    detail: '，记为答复书文号',
    params: { replyNo: true },
    before: { decision: rec.decision },
    after: { decision: next.decision },
  };
}

/** The application as `user` may issue `kind` on it (404 / 403 / 422 as for letters). */
export async function applicationForDocument(
  tx: Tx,
  user: User,
  id: string,
  kind: ApplicationDocumentKind,
  locale: Locale,
) {
  const rec = await tx.applications.get(id);
  if (!rec || !inAppScope(user, rec)) throw errors.notFound();
  if (!mayIssueApplicationDocument(user.role)) throw errors.forbidden();
  const app = presentApplication(await readView(tx), rec, { mask: false });
  if (!applicationKindApplies(kind, app))
    throw errors.validation({ kind: translate(locale, `documents.errors.${kind}NotApplicable`) });
  return app;
}

/** An application's 告知书, 征求第三方意见书, 收费通知书 or 答复书 (application-documents.ts). */
export async function issueApplicationDocument(
  tx: Tx,
  blobs: BlobStore,
  app: Awaited<ReturnType<typeof applicationForDocument>>,
  input: { kind: ApplicationDocumentKind; paragraphs: string[] },
  user: User,
  locale: Locale,
): Promise<IssuedDocument> {
  const org = (await organisation(tx)).name;
  const { remedies, contact } = await documentNumbering(tx);
  return issueDocument(
    tx,
    blobs,
    'applications',
    app.id,
    input.kind,
    async (docNo, day) =>
      applicationDocument(
        input.kind,
        app,
        { organisation: org, today: day, remedies, contact },
        docNo,
        input.paragraphs,
      ),
    user,
    locale,
    input.kind.startsWith('decision_') ? (docNo) => fillReplyNo(tx, app.id, docNo) : undefined,
  );
}
