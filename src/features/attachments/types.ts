import { z } from 'zod';
import { instant } from '@/types/api';

/** The records that carry attachments, as they appear in the URL (`/api/v1/{parent}/{id}/attachments`). */
export const ATTACHMENT_PARENTS = ['letters', 'applications', 'catalogue', 'reviews'] as const;
export type AttachmentParent = (typeof ATTACHMENT_PARENTS)[number];

/** The kinds of file accepted, as detected from the content (never from the name). */
export const ATTACHMENT_TYPES = [
  'pdf',
  'jpeg',
  'png',
  'ofd',
  'doc',
  'docx',
  'xls',
  'xlsx',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const attachmentSchema = z
  .object({
    /** Random (UUID v4): not guessable, and worthless without a session that may see the parent. */
    id: z.string(),
    parentType: z.enum(ATTACHMENT_PARENTS),
    parentId: z.string(),
    /** The name as uploaded, made safe (no path, no control or bidi characters). */
    name: z.string(),
    type: z.enum(ATTACHMENT_TYPES),
    size: z.number().int().min(1),
    /** Of the bytes as received; checked again on every download. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    uploadedAt: instant,
    uploadedBy: z.object({ id: z.string(), name: z.string() }),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof attachmentSchema>;

/** The multipart body of an upload: one file per request (the UI shows each file's progress). */
export const attachmentUploadSchema = z
  .object({ file: z.string().meta({ format: 'binary' }) })
  .meta({ id: 'AttachmentUpload' });
