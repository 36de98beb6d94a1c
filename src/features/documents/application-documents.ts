/**
 * The 依申请公开 documents, each at its step (条例 2019; ../shared/domain.md §1): 补正告知书 (第三十条),
 * 延期答复告知书 (第三十三条第二款), 征求第三方意见书 (第三十二条), 收费通知书 (第四十二条 and
 * 《政府信息公开信息处理费管理办法》), and the 答复书 of each outcome family (第三十六条,
 * decision-texts.ts). Pure: the backend issues, the UI previews, from the same draft.
 */
import { bandsFor, feeFor, type FeeBand, type FeeMethod } from '@/lib/disclosure-fees';
import type { Role } from '@/types/api';
import {
  decisionKindOf,
  decisionParagraphs,
  OUTCOME_BASIS,
  outcomeResult,
  remediesParagraph,
  type Remedies,
} from './decision-texts';
import {
  chineseDate,
  KIND_TITLE,
  type DocumentField,
  type LetterDocumentContext,
  type OfficialDocument,
  quoted,
} from './rules';
import { DEFAULT_REMEDIES, type ApplicationDocumentKind } from './types';

/** A ledger entry as presented (src/features/applications/clock.ts LedgerEvent); read defensively. */
export interface LedgerEntry {
  kind: string;
  on: string;
  [field: string]: unknown;
}

/** What the documents read of an application (as presented: its dueOn and clock are the server's). */
export interface ApplicationForDocument {
  serialNo: string;
  applicantName: string;
  receivedOn: string;
  description: string;
  ledger: LedgerEntry[];
  decision: { outcome: string; reason?: string | undefined } | null;
  dueOn: string | null;
  /** The computed clock: its events carry the consulted party's and the payer's last days. */
  clock?: {
    state: string;
    events: readonly { kind: string; on: string; detail?: Record<string, string | number> }[];
  };
}

/** The documents' settings and the day of issue. */
export type ApplicationDocumentContext = Pick<LetterDocumentContext, 'organisation' | 'today'> & {
  remedies?: Remedies;
  /** The office's contact (联系人、电话); empty: a blank to fill in. */
  contact?: string;
};

const lastOf = (app: ApplicationForDocument, kind: string) =>
  app.ledger.filter((e) => e.kind === kind).at(-1);
const countOf = (app: ApplicationForDocument, kind: string) =>
  app.ledger.filter((e) => e.kind === kind).length;
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The open consultation of a third party (第三十二条), if any. */
function openConsultation(app: ApplicationForDocument) {
  const sent = lastOf(app, 'consult_sent');
  if (!sent || countOf(app, 'consult_sent') <= countOf(app, 'consult_replied')) return null;
  if ((sent.party ?? 'third_party') !== 'third_party') return null;
  const ev = app.clock?.events.filter((e) => e.kind === 'consult_sent').at(-1);
  return {
    name: str(sent.name),
    sentOn: sent.on,
    receivedOn: str(sent.receivedOn) ?? sent.on,
    replyBy: str(ev?.detail?.replyBy),
  };
}

/** The fee notice awaiting payment (nothing owed: no notice; domain.md §1). */
function openFeeNotice(app: ApplicationForDocument) {
  const notice = lastOf(app, 'fee_notice');
  if (!notice || num(notice.amount) <= 0 || lastOf(app, 'fee_paid')) return null;
  if (app.clock?.state === 'fee_expired') return null;
  const ev = app.clock?.events.find((e) => e.kind === 'fee_notice');
  return {
    sentOn: notice.on,
    receivedOn: str(notice.receivedOn) ?? notice.on,
    method: (notice.method === 'per_page' ? 'per_page' : 'per_item') as FeeMethod,
    count: num(notice.count),
    prior: num(notice.prior),
    amount: num(notice.amount),
    payBy: str(ev?.detail?.payBy),
  };
}

/**
 * Each document at its step: the 补正告知书 while the correction it asks for is awaited, the
 * 延期答复告知书 once the reply period is extended, the 征求第三方意见书 while a third party is
 * consulted, the 收费通知书 while a fee (more than 0) awaits payment — none of these after the
 * decision — and the 答复书 of the decision's outcome family once decided.
 */
export function applicationKindApplies(kind: ApplicationDocumentKind, app: ApplicationForDocument) {
  if (app.decision) return decisionKindOf(app.decision.outcome) === kind;
  switch (kind) {
    case 'correction':
      return Boolean(lastOf(app, 'correction_requested')) && !lastOf(app, 'correction_received');
    case 'extension':
      return Boolean(lastOf(app, 'extended'));
    case 'consultation':
      return openConsultation(app) !== null;
    case 'fee_notice':
      return openFeeNotice(app) !== null;
    default:
      return false;
  }
}

/** The office issues the documents (as it takes the steps they tell of: ACTION_ROLES_APP). */
export const mayIssueApplicationDocument = (role: Role) => role === 'admin' || role === 'clerk';

const dateOr = (iso: string | null | undefined) => (iso ? chineseDate(iso) : '—');
const UNIT: Record<FeeMethod, string> = { per_item: '件', per_page: '页' };
const METHOD: Record<FeeMethod, string> = { per_item: '按件计收', per_page: '按量计收' };

export function applicationDocumentFields(
  kind: ApplicationDocumentKind,
  app: ApplicationForDocument,
): DocumentField[] {
  const request = { label: '申请内容', value: app.description };
  const head = [
    { label: '申请编号', value: app.serialNo },
    { label: '申请人', value: app.applicantName },
    { label: '收到申请日期', value: chineseDate(app.receivedOn) },
    request,
  ];
  if (kind === 'correction')
    return [
      ...head,
      {
        label: '补正期限',
        value: dateOr(str(lastOf(app, 'correction_requested')?.correctionDueOn)),
      },
    ];
  if (kind === 'extension') return [...head, { label: '延长后答复期限', value: dateOr(app.dueOn) }];
  if (kind === 'consultation') {
    // To the third party: the request, not the applicant (name and contact stay with the office).
    const c = openConsultation(app);
    return [
      { label: '申请编号', value: app.serialNo },
      { label: '收到申请日期', value: chineseDate(app.receivedOn) },
      { label: '申请公开的政府信息', value: app.description },
      { label: '征求意见书送达日期', value: dateOr(c?.receivedOn) },
      { label: '提出意见期限', value: dateOr(c?.replyBy) },
    ];
  }
  if (kind === 'fee_notice') {
    const f = openFeeNotice(app);
    return [
      ...head,
      { label: '计收方式', value: f ? METHOD[f.method] : '—' },
      { label: '计费数量', value: f ? `${f.count}${UNIT[f.method]}` : '—' },
      { label: '应缴金额', value: f ? `${f.amount}元` : '—' },
      { label: '缴费期限', value: dateOr(f?.payBy) },
    ];
  }
  const outcome = app.decision?.outcome ?? '';
  const basis = OUTCOME_BASIS[outcome];
  return [
    ...head,
    { label: '答复结果', value: outcomeResult(outcome) },
    ...(basis ? [{ label: '依据', value: basis }] : []),
  ];
}

/** 「1—10件免费；11—30件100元/件；31—40件200元/件」: the bands as the fee rules define them. */
const bandText = (b: FeeBand, unit: string) =>
  `${b.from}${b.to === null ? `${unit}以上` : `—${b.to}${unit}`}${b.rate === 0 ? '免费' : `${b.rate}元/${unit}`}`;

/** The standard and the computation of a fee notice, from the fee rules themselves (feeFor). */
export function feeComputation(method: FeeMethod, count: number, prior: number) {
  const unit = UNIT[method];
  const { amount, lines } = feeFor(method, count, prior);
  const standard = `${bandsFor(method, prior + count)
    .map((b) => bandText(b, unit))
    .join('；')}${method === 'per_item' ? '；此后每10件为一档，每增加一档每件提高100元' : ''}`;
  const steps = lines
    .map((l) => {
      const lo = Math.max(l.band.from, prior + 1);
      const span = `第${lo}—${lo + l.units - 1}${unit}`;
      return l.band.rate === 0
        ? `${span}免费`
        : `${span}${l.units}${unit}×${l.band.rate}元＝${l.amount}元`;
    })
    .join('，');
  return { amount, standard, steps };
}

const contactLine = (contact: string | undefined) =>
  contact?.trim() ? `联系方式：${contact.trim()}` : '联系人：　　　　　　联系电话：　　　　　　';

/**
 * The body as first drafted, in the words of the 2019 regulation (第三十条 the 补正, 第三十三条
 * the extension, 第三十二条 the consultation, 第四十二条 and the 办法 the fee, 第三十六条 the
 * decision); the office may edit it before issuing.
 */
export function applicationDocumentParagraphs(
  kind: ApplicationDocumentKind,
  app: ApplicationForDocument,
  ctx: Omit<ApplicationDocumentContext, 'organisation' | 'today'> = {},
): string[] {
  const received = `本机关于${chineseDate(app.receivedOn)}收到您提出的政府信息公开申请（${app.serialNo}）。`;
  if (kind === 'correction') {
    const due = str(lastOf(app, 'correction_requested')?.correctionDueOn);
    return [
      `${received}经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您${due ? `于${chineseDate(due)}前` : '在补正期限内'}对申请作出补正，说明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述。`,
      '答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ];
  }
  if (kind === 'extension')
    return [
      `${received}因需要延长答复期限，经本机关政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长20个工作日${app.dueOn ? `，本机关将于${chineseDate(app.dueOn)}前作出答复` : ''}。`,
      '特此告知。',
    ];
  if (kind === 'consultation') {
    const c = openConsultation(app);
    return [
      `本机关于${chineseDate(app.receivedOn)}收到一份政府信息公开申请（${app.serialNo}），申请公开${quoted(app.description)}。经审查，该政府信息可能涉及贵方的商业秘密、个人隐私等，公开可能损害贵方的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。`,
      `请贵方自收到本意见书之日起15个工作日内${c?.replyBy ? `（即${chineseDate(c.replyBy)}前）` : ''}，书面提出是否同意公开的意见；不同意公开的，请说明理由。`,
      '贵方逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。',
      contactLine(ctx.contact),
    ];
  }
  if (kind === 'fee_notice') {
    const f = openFeeNotice(app);
    const fee = f ? feeComputation(f.method, f.count, f.prior) : null;
    return [
      `${received}根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，您申请公开政府信息的数量、频次明显超过合理范围，本机关决定收取信息处理费。`,
      f && fee
        ? `收费标准（${METHOD[f.method]}，超额累进${f.method === 'per_item' ? '，同一申请人一个自然月内累计计算' : ''}）：${fee.standard}。`
        : '',
      f && fee
        ? `计算方式：${f.method === 'per_item' ? `您本月此前已提出申请${f.prior}件，本申请计${f.count}件，` : `本申请计${f.count}页，`}${fee.steps}，合计应缴纳信息处理费${f.amount}元。`
        : '',
      `请您自收到本通知之日的次日起20个工作日内${f?.payBy ? `（即${chineseDate(f.payBy)}前）` : ''}缴纳。缴费方式：通过本机关告知的非税收入缴款渠道缴纳，缴费后请将缴款凭证提交本机关。`,
      '自本机关发出本通知之日起至您缴纳费用之日止的期间，不计算在答复期限内。您逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      contactLine(ctx.contact),
      '特此通知。',
    ].filter(Boolean);
  }
  // 答复书 (第三十六条).
  const d = app.decision;
  const asked = lastOf(app, 'correction_requested');
  const { body, custom } = decisionParagraphs(
    {
      outcome: d?.outcome ?? '',
      reason: d?.reason ?? '',
      correctionOn: asked?.on ?? null,
      correctionDueOn: str(asked?.correctionDueOn),
      feeNoticeOn: lastOf(app, 'fee_notice')?.on ?? null,
    },
    chineseDate,
  );
  return [
    `${received}您申请公开${quoted(app.description)}。`,
    ...body,
    ...(custom ? [`具体情况：${custom}`] : []),
    remediesParagraph(ctx.remedies ?? DEFAULT_REMEDIES),
    '特此告知。',
  ];
}

export function applicationDocument(
  kind: ApplicationDocumentKind,
  app: ApplicationForDocument,
  ctx: ApplicationDocumentContext,
  docNo: string,
  paragraphs: string[] = applicationDocumentParagraphs(kind, app, ctx),
): OfficialDocument {
  const third = kind === 'consultation' ? openConsultation(app) : null;
  return {
    title: KIND_TITLE[kind],
    docNo,
    addressee:
      kind === 'consultation' ? `${third?.name ?? '＿＿＿＿＿＿'}：` : `${app.applicantName}：`,
    fields: applicationDocumentFields(kind, app),
    paragraphs,
    organisation: ctx.organisation,
    date: chineseDate(ctx.today),
  };
}
