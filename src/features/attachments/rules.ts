/**
 * Attachments' rules, shared by the backend (which decides) and the UI (which checks early):
 * the size limit, the file's type from its content (magic bytes; inside a zip, its entries),
 * whether the name's extension agrees, and the headers a download is sent with.
 */
import { safeFileName } from '@/lib/download';
import type { Role } from '@/types/api';
import type { AttachmentParent, AttachmentType } from './types';

/** The largest file accepted (per file). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENT_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

export const MIME_OF: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  ofd: 'application/ofd',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The extensions each type may be named with. */
export const EXTENSIONS_OF: Record<AttachmentType, string[]> = {
  pdf: ['pdf'],
  jpeg: ['jpg', 'jpeg'],
  png: ['png'],
  ofd: ['ofd'],
  doc: ['doc'],
  docx: ['docx'],
  xls: ['xls'],
  xlsx: ['xlsx'],
};

/** What the file picker offers (the backend still checks the content). */
export const ACCEPT = Object.values(EXTENSIONS_OF)
  .flat()
  .map((e) => `.${e}`)
  .join(',');

/** Shown in the browser (inline) for preview: PDF and images only. */
export const previewable = (type: AttachmentType) =>
  type === 'pdf' || type === 'jpeg' || type === 'png';

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** The type a name's extension claims, or null (no or unknown extension). */
export function claimedType(name: string): AttachmentType | null {
  const ext = extensionOf(name);
  for (const [type, exts] of Object.entries(EXTENSIONS_OF))
    if (exts.includes(ext)) return type as AttachmentType;
  return null;
}

const starts = (b: Uint8Array, sig: number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

/**
 * The names of a zip's entries, from its central directory (null when it is not a readable zip).
 * Bounded: at most 10,000 entries, every offset checked against the length.
 */
export function zipEntryNames(b: Uint8Array): string[] | null {
  // The end-of-central-directory record: in the last 22 + 65,535 bytes (its comment).
  const floor = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= floor; i--)
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = Math.min(u16(b, eocd + 10), 10_000);
  let p = u32(b, eocd + 16);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return null;
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    if (p + 46 + nameLen > b.length) return null;
    names.push(decoder.decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** Whether `needle` (ASCII) occurs in `b` as UTF-16LE: how an OLE2 directory stores its names. */
function hasUtf16(b: Uint8Array, needle: string): boolean {
  const pat = [...needle].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    for (let j = 0; j < pat.length; j++) if (b[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The file's type from its bytes, or null when it is none of the accepted ones: `%PDF-`, JPEG's
 * `FF D8 FF`, PNG's signature; an OLE2 compound file (`D0 CF 11 E0 …`) is a Word document when it
 * holds a `WordDocument` stream and a workbook when it holds `Workbook` (or `Book`); a zip (`PK`)
 * is an OFD when `OFD.xml` is at its root, DOCX with a `word/` part, XLSX with an `xl/` part.
 */
export function detectType(bytes: Uint8Array): AttachmentType | null {
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasUtf16(bytes, 'WordDocument')) return 'doc';
    if (hasUtf16(bytes, 'Workbook') || hasUtf16(bytes, 'Book')) return 'xls';
    return null;
  }
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (!names) return null;
    if (names.includes('OFD.xml')) return 'ofd';
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  }
  return null;
}

export type UploadCheck =
  | { ok: true; type: AttachmentType }
  | {
      ok: false;
      reason: 'empty' | 'tooLarge' | 'unknownType' | 'mismatch';
      detected?: AttachmentType;
    };

/** The whole check of one file: size, content, and that the name's extension agrees with it. */
export function checkUpload(name: string, bytes: Uint8Array): UploadCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'tooLarge' };
  const type = detectType(bytes);
  if (!type) return { ok: false, reason: 'unknownType' };
  if (claimedType(name) !== type) return { ok: false, reason: 'mismatch', detected: type };
  return { ok: true, type };
}

/** The name kept for a file: its last path segment, made safe (lib/download.ts). */
export function storedName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  return safeFileName(last, 'file');
}

/**
 * `Content-Disposition` for a stored name: an ASCII fallback (non-ASCII as `_`) and the real name
 * in RFC 5987 `filename*=UTF-8''…` (RFC 6266), so a Chinese name arrives intact.
 */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const safe = storedName(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Adding: the office everywhere; a section officer on their section's letters and applications
 * (the section itself is checked on the record). Leaders read only.
 */
export const mayAddAttachment = (role: Role, parent: AttachmentParent) =>
  role === 'admin' ||
  role === 'clerk' ||
  (role === 'handler' && (parent === 'letters' || parent === 'applications'));

/** Removing: the office only (the removal stays in the parent's history). */
export const mayRemoveAttachment = (role: Role) => role === 'admin' || role === 'clerk';
