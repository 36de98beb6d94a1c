import { HttpResponse } from 'msw';
import { z } from 'zod';
import {
  contentDisposition,
  MAX_ATTACHMENT_BYTES,
  MIME_OF,
  previewable,
} from '@/features/attachments/rules';
import {
  ATTACHMENT_PARENTS,
  attachmentSchema,
  attachmentUploadSchema,
} from '@/features/attachments/types';
import { translate } from '@/lib/i18n/core';
import { blobs } from '../blobs';
import { onCommit } from '../commits';
import type { Tx } from '../../server/domain/ports';
import { errors, type Ctx } from '../http';
import { route, type ApiRoute } from '../route';
import {
  addAttachment,
  isParent,
  listAttachments,
  mayAdd,
  mayRemove,
  readableParent,
  readAttachment,
  removeAttachment,
  tooLarge,
} from '../../server/domain/attachments';

// A reset of the demo data drops every record, so the bytes go with them.
onCommit((changes) => {
  if (changes === 'all') void blobs().clear();
});

async function parentOf(ctx: Ctx) {
  const parent = ctx.params.parent;
  if (!isParent(parent)) throw errors.notFound();
  const id = String(ctx.params.id);
  await readableParent(ctx.tx, ctx.user, parent, id);
  return { parent, id };
}

/** The stored attachment and its parent, as the caller may see them (404 / 403 as the parent's). */
async function found(ctx: Ctx, forUpdate = false) {
  const tx: Tx = ctx.tx;
  const id = String(ctx.params.id);
  const rec = await (forUpdate ? tx.attachments.getForUpdate(id) : tx.attachments.get(id));
  if (!rec) throw errors.notFound();
  await readableParent(tx, ctx.user, rec.parentType, rec.parentId);
  return rec;
}

const fileRequired = (ctx: Ctx) =>
  errors.validation({ file: translate(ctx.locale, 'attachments.errors.fileRequired') });

const binary = (types: string[]) =>
  Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]));

/** The parents' paths, each documented apart; one handler answers them all (404 for any other). */
const PARENT_PATHS = ATTACHMENT_PARENTS.map((p) => `/${p}/{id}/attachments`);
const LIST_SUMMARY = "A record's attachments (metadata), oldest first";
const UPLOAD_SUMMARY =
  'Upload one attachment (multipart/form-data, field `file`; one file per request)';

export const attachmentRoutes: ApiRoute[] = [
  route({
    method: 'get',
    path: '/{parent}/{id}/attachments',
    summary: LIST_SUMMARY,
    roles: 'any',
    rolesNote: '(a handler on their section’s letters and applications; others 403, after the 404)',
    tag: 'attachments',
    response: z.array(attachmentSchema),
    errors: [403, 404],
    variants: PARENT_PATHS.map((path) => ({ path, summary: LIST_SUMMARY })),
    handler: async (ctx) => {
      const { parent, id } = await parentOf(ctx);
      return HttpResponse.json(await listAttachments(ctx.tx, parent, id));
    },
  }),
  route({
    method: 'post',
    path: '/{parent}/{id}/attachments',
    summary: UPLOAD_SUMMARY,
    roles: 'any',
    rolesNote:
      '(admin, clerk; a handler on their section’s letters and applications; others 403, after the 404)',
    tag: 'attachments',
    body: attachmentUploadSchema,
    bodyMediaType: 'multipart/form-data',
    response: attachmentSchema,
    status: 201,
    errors: [403, 404, 413, 422],
    description: `Accepted: PDF, JPEG, PNG, OFD, DOC/DOCX, XLS/XLSX, up to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB per file (413 above, naming the file and the limit). The type is read from the content (magic bytes; a zip's entries tell DOCX, XLSX and OFD apart), and must agree with the name's extension: otherwise 422 with \`errors.file\` naming the file. The SHA-256 is recorded and checked on every download. An audit entry (event \`attachment-added\`) goes to the parent's history.`,
    variants: PARENT_PATHS.map((path) => ({ path, summary: UPLOAD_SUMMARY })),
    handler: async (ctx) => {
      const { parent, id } = await parentOf(ctx); // 404 before 403
      if (!mayAdd(ctx.user, parent)) throw errors.forbidden();
      if (!/^multipart\/form-data/i.test(ctx.request.headers.get('Content-Type') ?? ''))
        throw fileRequired(ctx);
      let form: FormData;
      try {
        form = await ctx.request.formData();
      } catch {
        throw fileRequired(ctx);
      }
      const files = form.getAll('file');
      const file = files[0];
      if (files.length !== 1 || !file || typeof file === 'string') throw fileRequired(ctx);
      if (file.size > MAX_ATTACHMENT_BYTES) throw tooLarge(ctx.locale, file.name);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const rec = await addAttachment(
        ctx.tx,
        blobs(),
        { parent, parentId: id, name: file.name, bytes },
        ctx.user,
        ctx.locale,
      );
      return HttpResponse.json(rec, { status: 201 });
    },
  }),
  route({
    method: 'get',
    path: '/attachments/{id}',
    summary: "An attachment's bytes (`?inline=1`: shown in the browser, PDF and images only)",
    roles: 'any',
    rolesNote: '(whoever may read the parent record)',
    tag: 'attachments',
    query: z.object({ inline: z.enum(['1']).optional() }),
    responseContent: binary(Object.values(MIME_OF)),
    errors: [403, 404, 500],
    description:
      "`Content-Type` is the detected type, `X-Content-Type-Options: nosniff`, `Content-Disposition: attachment` (or `inline` for the preview of a PDF or an image) with the name in RFC 5987 `filename*=UTF-8''…`. The bytes are checked against the SHA-256 recorded at upload: a mismatch is 500 `file-damaged` (nothing of the file is sent).",
    handler: async (ctx) => {
      const rec = await found(ctx);
      const bytes = await readAttachment(blobs(), rec, ctx.locale);
      const inline = ctx.url.searchParams.get('inline') === '1' && previewable(rec.type);
      return new HttpResponse(bytes as Uint8Array<ArrayBuffer>, {
        headers: {
          'Content-Type': MIME_OF[rec.type],
          'Content-Length': String(bytes.length),
          'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', rec.name),
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      });
    },
  }),
  route({
    method: 'delete',
    path: '/attachments/{id}',
    summary: 'Remove an attachment (the removal stays in the parent record’s history)',
    roles: 'any',
    rolesNote: '(admin, clerk; others 403, after the 404)',
    tag: 'attachments',
    status: 204,
    errors: [403, 404],
    handler: async (ctx) => {
      const rec = await found(ctx, true); // 404 before 403
      if (!mayRemove(ctx.user)) throw errors.forbidden();
      await removeAttachment(ctx.tx, blobs(), rec, ctx.user);
      return new HttpResponse(null, { status: 204 });
    },
  }),
];
