/**
 * The 答复书 of a decided application (条例 第三十六条): its outcome family from the recorded
 * outcome code (table 三's rows, src/lib/disclosure-template.ts), the ground and its article, the
 * body as first drafted, and the applicant's remedies. Pure; the text is Chinese in every locale.
 */
import { OUTCOME_GROUPS, OUTCOME_REASONS } from '@/lib/disclosure-template';
import type { DecisionDocumentKind } from './types';

/** Each outcome family's 答复书 (3.1 予以公开 … 3.6 其他处理). */
export const DECISION_KIND_OF_FAMILY: Record<string, DecisionDocumentKind> = {
  '3.1': 'decision_open',
  '3.2': 'decision_partial',
  '3.3': 'decision_withheld',
  '3.4': 'decision_unavailable',
  '3.5': 'decision_declined',
  '3.6': 'decision_other',
};

/** The 答复书 kind of an outcome code: '3.3.4' → 不予公开. */
export const decisionKindOf = (outcome: string): DecisionDocumentKind | undefined =>
  DECISION_KIND_OF_FAMILY[outcome.split('.').slice(0, 2).join('.')];

const REGULATION = '《中华人民共和国政府信息公开条例》';
const FEE_RULES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

/**
 * The legal basis of each outcome, as the decision's default reason cites it (OUTCOME_REASONS;
 * a test keeps the two in step): 第十四条 (国家秘密, 法律行政法规禁止, 三安全一稳定), 第十五条
 * (第三方合法权益), 第十六条 (内部事务信息; 过程性信息 and 行政执法案卷), 第三十六条 (信息不存在,
 * 重复申请, 特别规定的查询), 第三十七条 (区分处理), 第三十八条 (加工、分析), 第三十九条 (信访,
 * 公开出版物), 第三十五条 (大量反复), 第三十条 (补正). null: no article to cite.
 */
export const OUTCOME_BASIS: Record<string, string | null> = {
  '3.1': `${REGULATION}第三十六条第（二）项`,
  '3.2': `${REGULATION}第三十七条`,
  '3.3.1': `${REGULATION}第十四条`,
  '3.3.2': `${REGULATION}第十四条`,
  '3.3.3': `${REGULATION}第十四条`,
  '3.3.4': `${REGULATION}第十五条`,
  '3.3.5': `${REGULATION}第十六条第一款`,
  '3.3.6': `${REGULATION}第十六条第二款`,
  '3.3.7': `${REGULATION}第十六条第二款`,
  '3.3.8': `${REGULATION}第三十六条第（七）项`,
  '3.4.1': `${REGULATION}第三十六条第（四）项`,
  '3.4.2': `${REGULATION}第三十八条`,
  '3.4.3': `${REGULATION}第三十条`,
  '3.5.1': `${REGULATION}第三十九条第一款`,
  '3.5.2': `${REGULATION}第三十六条第（六）项`,
  '3.5.3': `${REGULATION}第三十九条第二款`,
  '3.5.4': `${REGULATION}第三十五条`,
  '3.5.5': null,
  '3.6.1': `${REGULATION}第三十条`,
  '3.6.2': FEE_RULES,
  '3.6.3': null,
};

/** 「不予公开（属于国家秘密）」: the family and the row's words (table 三), for the 答复结果 line. */
export function outcomeResult(outcome: string): string {
  const family = outcome.split('.').slice(0, 2).join('.');
  const group = OUTCOME_GROUPS.find((g) => g.code === family);
  if (!group) return outcome;
  const name = group.label.replace(/^（.）/, '').replace(/（.*）$/, '');
  if (group.leaves.length === 1) return name;
  const leaf = group.leaves.find((l) => l.code === outcome);
  return leaf ? `${name}（${leaf.label.replace(/^\d+\./, '')}）` : name;
}

/** Why the information is withheld, in the words of 第十四条–第十六条 and 第三十六条第（七）项. */
const WITHHELD_GROUND: Record<string, string> = {
  '3.3.1': '属于依法确定为国家秘密的政府信息',
  '3.3.2': '属于法律、行政法规禁止公开的政府信息',
  '3.3.3': '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
  '3.3.4': '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
  '3.3.5': '属于本机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）',
  '3.3.6':
    '属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
  '3.3.7': '属于行政执法案卷信息',
  '3.3.8': '属于行政查询事项，有关法律、行政法规对该信息的获取有特别规定',
};

/** The office's settings the 答复书 name (src/features/documents/types.ts DEFAULT_REMEDIES). */
export interface Remedies {
  reviewOrgan: string;
  court: string;
}

/**
 * 救济途径, on every 答复书. The statutes (the wording the office adopted, issue #21; domain.md does
 * not carry them):
 * - 《中华人民共和国政府信息公开条例》第五十一条: 认为行政机关在政府信息公开工作中侵犯其合法权益的，
 *   可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。
 * - 《中华人民共和国行政复议法》（2023年修订）第二十条第一款: 自知道或者应当知道该行政行为之日起六十日内
 *   提出行政复议申请; 第二十四条: 对本级人民政府工作部门的行政行为，复议机关是本级人民政府 (so, for
 *   长治市民政局, 长治市人民政府 by default).
 * - 《中华人民共和国行政诉讼法》第四十六条第一款: 自知道或者应当知道作出行政行为之日起六个月内提起行政诉讼.
 * The 复议机关 and the court are settings (系统设置 → 文号 → 救济途径); the text stays editable.
 */
export const remediesParagraph = (r: Remedies) =>
  `如对本答复不服，可以自收到本答复书之日起六十日内向${r.reviewOrgan}申请行政复议，或者自收到本答复书之日起六个月内向${r.court}提起行政诉讼。`;

export interface DecisionFacts {
  outcome: string;
  reason: string;
  /** 补正: when it was asked and the 补正期限 (3.4.3, 3.6.1). */
  correctionOn: string | null;
  correctionDueOn: string | null;
  /** 收费通知: when it was sent (3.6.2). */
  feeNoticeOn: string | null;
}

/**
 * The body's paragraphs between the opening (receipt and request) and the remedies: what was
 * decided and on what ground. A reason the office wrote itself (not the row's default) follows
 * as 具体情况 — for 部分公开 it is what is withheld and why; for 无法提供 the agency to ask.
 */
export function decisionParagraphs(
  f: DecisionFacts,
  date: (iso: string) => string,
): { body: string[]; custom: string | null } {
  const basis = OUTCOME_BASIS[f.outcome];
  const custom =
    f.reason.trim() && f.reason.trim() !== OUTCOME_REASONS[f.outcome] ? f.reason : null;
  const by = basis ? `根据${basis}的规定，` : '';
  const asked = f.correctionOn ? `本机关已于${date(f.correctionOn)}告知您补正申请` : '';
  switch (f.outcome) {
    case '3.1':
      return {
        body: [
          `经审查，您申请公开的政府信息属于可以公开的政府信息。${by}本机关决定予以公开，现将该政府信息随本答复书提供给您（见附件）。`,
        ],
        custom,
      };
    case '3.2':
      return {
        body: [
          `经审查，您申请公开的政府信息中含有不应当公开的内容，但能够作区分处理。${by}本机关向您提供可以公开的政府信息内容（见附件），对不予公开的内容说明理由如下：`,
          `不予公开的内容及理由：${custom ?? '（请写明不予公开的内容及其理由）'}`,
        ],
        custom: null,
      };
    case '3.4.1':
      return {
        body: [
          `经检索，本机关未制作、获取您申请公开的政府信息，该政府信息不存在。${by.replace(/，$/, '')}，特此告知。`,
        ],
        custom,
      };
    case '3.4.2':
      return {
        body: [
          `经审查，本机关没有您所申请的现成信息，需要对现有政府信息进行加工、分析方能提供。${by}本机关不予提供。`,
        ],
        custom,
      };
    case '3.4.3':
      return {
        body: [
          `${asked || '本机关已告知您补正申请'}，经补正后您的申请内容仍不明确，本机关无法确定您所需的政府信息。${by}本机关无法提供。`,
        ],
        custom,
      };
    case '3.5.1':
      return {
        body: [
          `经审查，您提出的申请实为信访、投诉、举报等事项。${by}本机关不作为政府信息公开申请处理，请您通过信访、投诉、举报等相应渠道提出。`,
        ],
        custom,
      };
    case '3.5.2':
      return {
        body: [`经查，本机关已就您提出的相同政府信息公开申请作出答复。${by}本机关不予重复处理。`],
        custom,
      };
    case '3.5.3':
      return {
        body: [
          `经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。${by}请您通过公开发行渠道获取。`,
        ],
        custom,
      };
    case '3.5.4':
      return {
        body: [
          `经审查，您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，您提出的理由不合理。${by}本机关不予处理。`,
        ],
        custom,
      };
    case '3.5.5':
      return {
        body: [
          '经审查，您的申请是要求本机关确认或者重新出具您已获取的信息，本机关不作为政府信息公开申请处理。',
        ],
        custom,
      };
    case '3.6.1':
      return {
        body: [
          `${asked || '本机关已告知您补正申请'}${f.correctionDueOn ? `，补正期限为${date(f.correctionDueOn)}` : ''}。您无正当理由逾期未补正，${by}视为放弃申请，本机关不再处理您的政府信息公开申请。`,
        ],
        custom,
      };
    case '3.6.2':
      return {
        body: [
          `本机关已于${f.feeNoticeOn ? date(f.feeNoticeOn) : '此前'}向您发出收费通知，您未在规定期限内缴纳信息处理费。${by}视为放弃申请，本机关不再处理您的政府信息公开申请。`,
        ],
        custom,
      };
  }
  if (f.outcome.startsWith('3.3.'))
    return {
      body: [
        `经审查，您申请公开的政府信息${WITHHELD_GROUND[f.outcome] ?? ''}。${by}本机关决定不予公开。${f.outcome === '3.3.8' ? '请您依照有关法律、行政法规的规定办理查询。' : ''}`,
      ],
      custom,
    };
  // 3.6.3 其他处理: the office's own words.
  return { body: [f.reason.trim() || OUTCOME_REASONS[f.outcome] || ''], custom: null };
}
