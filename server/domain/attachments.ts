/**
 * Attachments on letters, applications, catalogue entries and review cases (issue #21): who may
 * see, add and remove them (the parent record's rules), the checks of an upload, and the audit
 * entries on the parent. The metadata is a store of the db; the bytes are in the blob store.
 */
import {
  checkUpload,
  claimedType,
  extensionOf,
  MAX_ATTACHMENT_MB,
  mayAddAttachment,
  mayRemoveAttachment,
  storedName,
} from '@/features/attachments/rules';
import type { Attachment, AttachmentParent } from '@/features/attachments/types';
import { ATTACHMENT_PARENTS } from '@/features/attachments/types';
import { translate, type Locale } from '@/lib/i18n/core';
import type { User } from '@/types/api';
import { inAppScope } from './applications';
import { audit } from './audit';
import { errors, HttpError } from './errors';
import { inScope } from './letters';
import type { BlobStore, ReadTx, Tx } from './ports';
import { instant } from './time';

/** The audit trail's entity name of each parent (as the records' own entries use). */
export const ENTITY_OF: Record<AttachmentParent, string> = {
  letters: 'letter',
  applications: 'application',
  catalogue: 'catalogue',
  reviews: 'review',
};

export const isParent = (p: unknown): p is AttachmentParent =>
  typeof p === 'string' && (ATTACHMENT_PARENTS as readonly string[]).includes(p);

/**
 * The parent as `user` may read it: a section officer's letters and applications only in their
 * section (404 outside, so existence does not leak), the catalogue and review cases not at all
 * (403, as their own endpoints answer); 404 when there is no such record.
 */
export async function readableParent(tx: ReadTx, user: User, parent: AttachmentParent, id: string) {
  switch (parent) {
    case 'letters': {
      const rec = await tx.letters.get(id);
      if (!rec || !inScope(user, rec)) throw errors.notFound();
      return rec;
    }
    case 'applications': {
      const rec = await tx.applications.get(id);
      if (!rec || !inAppScope(user, rec)) throw errors.notFound();
      return rec;
    }
    case 'catalogue':
    case 'reviews': {
      if (user.role === 'handler') throw errors.forbidden();
      const rec = await (parent === 'catalogue' ? tx.catalogue.get(id) : tx.reviews.get(id));
      if (!rec) throw errors.notFound();
      return rec;
    }
  }
}

/** Who may add and remove (src/features/attachments/rules.ts); the scope is readableParent's. */
export const mayAdd = (user: User, parent: AttachmentParent) => mayAddAttachment(user.role, parent);
export const mayRemove = (user: User) => mayRemoveAttachment(user.role);

export async function listAttachments(
  tx: ReadTx,
  parent: AttachmentParent,
  id: string,
): Promise<Attachment[]> {
  return (await tx.attachments.where('parentId', id))
    .filter((a) => a.parentType === parent)
    .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt)); // stable: same instant, as added
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const typeLabel = (locale: Locale, type: string) => translate(locale, `attachments.types.${type}`);

/** 413 naming the file and the limit. */
export const tooLarge = (locale: Locale, name: string) =>
  new HttpError(413, 'payload-too-large', 'File too large', {
    detail: translate(locale, 'attachments.errors.tooLarge', { name, limit: MAX_ATTACHMENT_MB }),
  });

/**
 * Stores one uploaded file: checks it (422 naming the file when its content is not an accepted
 * type or does not match its extension; 413 above the limit), writes the bytes, then the
 * metadata and the parent's audit entry (committed by the caller).
 */
export async function addAttachment(
  tx: Tx,
  blobs: BlobStore,
  input: { parent: AttachmentParent; parentId: string; name: string; bytes: Uint8Array },
  user: User,
  locale: Locale,
): Promise<Attachment> {
  const name = storedName(input.name);
  const check = checkUpload(name, input.bytes);
  if (!check.ok) {
    if (check.reason === 'tooLarge') throw tooLarge(locale, name);
    const claimed = claimedType(name);
    const params = {
      name,
      ext: extensionOf(name) || '—',
      claimed: claimed ? typeLabel(locale, claimed) : extensionOf(name) || '—',
      detected: check.detected ? typeLabel(locale, check.detected) : '',
    };
    throw errors.validation({
      file: translate(locale, `attachments.errors.${check.reason}`, params),
    });
  }
  const sha256 = await sha256Hex(input.bytes);
  const id = crypto.randomUUID();
  await blobs.put(id, { sha256, bytes: input.bytes });
  // The parent as it is after the await: it may have left the caller's scope meanwhile.
  await readableParent(tx, user, input.parent, input.parentId);
  const rec: Attachment = {
    id,
    parentType: input.parent,
    parentId: input.parentId,
    name,
    type: check.type,
    size: input.bytes.length,
    sha256,
    uploadedAt: instant(tx.now),
    uploadedBy: { id: user.id, name: user.name },
  };
  await tx.attachments.put(rec);
  await audit(
    tx,
    ENTITY_OF[input.parent],
    input.parentId,
    'attachment-add',
    user,
    `添加附件「${name}」`,
    {
      at: rec.uploadedAt,
      event: {
        type: 'attachment-added',
        params: { attachmentId: id, name, type: rec.type, size: rec.size },
      },
    },
  );
  return rec;
}

/** The bytes of an attachment, checked against the SHA-256 recorded at upload. */
export async function readAttachment(
  blobs: BlobStore,
  rec: Attachment,
  locale: Locale,
): Promise<Uint8Array> {
  const blob = await blobs.get(rec.id);
  if (!blob || (await sha256Hex(blob.bytes)) !== rec.sha256) {
    console.error(`[attachments] ${rec.id}: bytes missing or not matching their SHA-256`);
    throw new HttpError(500, 'file-damaged', 'File damaged', {
      detail: translate(locale, 'attachments.errors.damaged', { name: rec.name }),
    });
  }
  return blob.bytes;
}

/**
 * Removes an attachment; the parent's history keeps what it was. The bytes go once the record
 * has (after the commit: a failure then leaves bytes nothing refers to, never a record without).
 */
export async function removeAttachment(tx: Tx, blobs: BlobStore, rec: Attachment, user: User) {
  await tx.attachments.delete(rec.id);
  tx.afterCommit(() => blobs.delete(rec.id));
  await audit(
    tx,
    ENTITY_OF[rec.parentType],
    rec.parentId,
    'attachment-remove',
    user,
    `删除附件「${rec.name}」`,
    {
      event: {
        type: 'attachment-removed',
        params: {
          attachmentId: rec.id,
          name: rec.name,
          type: rec.type,
          size: rec.size,
          sha256: rec.sha256,
        },
      },
    },
  );
}
