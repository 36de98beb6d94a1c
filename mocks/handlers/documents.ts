import { HttpResponse } from 'msw';
import {
  issueApplicationDocumentSchema,
  issuedDocumentSchema,
  issueLetterDocumentSchema,
  nextDocumentNumbersSchema,
} from '@/features/documents/types';
import { idempotent } from '../http';
import { route } from '../route';
import {
  applicationForDocument,
  issueApplicationDocument,
  issueLetterDocument,
  letterForDocument,
  nextDocumentNumbers,
} from '../../server/domain/documents';
import { blobs } from '../blobs';

export const documentRoutes = [
  route({
    method: 'get',
    path: '/documents/next-numbers',
    summary: "The sequence number each 文号 family's next document of this year gets",
    roles: 'any',
    tag: 'documents',
    response: nextDocumentNumbersSchema,
    handler: async (ctx) => HttpResponse.json(await nextDocumentNumbers(ctx.tx)),
  }),
  route({
    method: 'post',
    path: '/letters/{id}/documents',
    summary: 'Issue (签发) a letter’s 转办单 or 答复函: 文号, Word file stored as an attachment',
    roles: 'any',
    rolesNote:
      '(checked after the 404: admin, clerk; a handler only the 答复函 of their section’s letters; others 403)',
    tag: 'documents',
    body: issueLetterDocumentSchema,
    response: issuedDocumentSchema,
    status: 201,
    idempotent: true,
    errors: [403, 404, 422],
    description:
      "The backend takes the next 文号 of the kind's family (settings/document-numbering; per year from 1, never reused — a number taken by a failed issue stays unused), builds the .docx from the record (转办单: 来信编号, 来信人 (name only), 收信日期, 来信摘要, 承办科室, 办结期限; 答复函: addressed to the citizen) and the edited `paragraphs`, stores it as an attachment of the letter (event `attachment-added`) and writes the event `document-issued` {kind, docNo, attachmentId, name} to the letter's history. 422 `errors.kind` when the letter has no section yet (转办单) or no reply (答复函). Idempotency-Key: the same key and body answer the first issue again, without a new number.",
    handler: async (ctx) =>
      idempotent(ctx, async () => {
        const body = await ctx.body();
        const id = String(ctx.params.id);
        const rec = await letterForDocument(ctx.tx, ctx.user, id, body.kind, ctx.locale);
        const issued = await issueLetterDocument(ctx.tx, blobs(), rec, body, ctx.user, ctx.locale);
        return { status: 201, body: issued };
      }),
  }),
  route({
    method: 'post',
    path: '/applications/{id}/documents',
    summary:
      'Issue (签发) an application’s 告知书, 征求第三方意见书, 收费通知书 or 答复书: 文号, Word file stored as an attachment',
    roles: 'any',
    rolesNote: '(checked after the 404: admin, clerk; others 403)',
    tag: 'documents',
    body: issueApplicationDocumentSchema,
    response: issuedDocumentSchema,
    status: 201,
    idempotent: true,
    errors: [403, 404, 422],
    description:
      "As for letters, in the 「disclosure」 family's numbering. Each document at its step, from the record: `correction` 补正告知书 (补正期限; 第三十条) while the correction is awaited; `extension` 延期答复告知书 (延长后答复期限; 第三十三条第二款) once the period is extended; `consultation` 征求第三方意见书 to the third party (named in the consultation; the request without the applicant's identity, the receipt date and the last day to answer, 15 working days from receipt; 第三十二条) while a third-party consultation is open; `fee_notice` 收费通知书 (method, count, amount and its computation band by band, the last day to pay, 20 working days from the day after receipt; 第四十二条, 国办函〔2020〕109号) while a fee above 0 awaits payment — none of these after the decision; and once decided, the 答复书 of the outcome's family (`decision_open` 3.1, `decision_partial` 3.2, `decision_withheld` 3.3.x with the ground's article of 第十四条–第十六条, `decision_unavailable` 3.4.x, `decision_declined` 3.5.x, `decision_other` 3.6.x), each drafted with the remedies (六十日 行政复议 to the configured 复议机关, 六个月 行政诉讼; settings/document-numbering `remedies`); a 答复书 fills the decision's empty `replyNo` with its 文号 in the same transaction (a number already there is kept). Any other kind for the record's state: 422 `errors.kind`.",
    handler: async (ctx) =>
      idempotent(ctx, async () => {
        const body = await ctx.body();
        const id = String(ctx.params.id);
        const app = await applicationForDocument(ctx.tx, ctx.user, id, body.kind, ctx.locale);
        const issued = await issueApplicationDocument(
          ctx.tx,
          blobs(),
          app,
          body,
          ctx.user,
          ctx.locale,
        );
        return { status: 201, body: issued };
      }),
  }),
];
