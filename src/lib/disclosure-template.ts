/**
 * The national annual-report template (国办公开办函〔2021〕30号), as data: the applicant columns and
 * the outcome rows of table 三 with their exact labels (domain.md §2). Shared by the applications
 * feature (the outcome picker) and the annual report (compilation).
 */
export const APPLICANT_COLUMNS = [
  'natural_person',
  'commercial',
  'research',
  'public_interest',
  'legal_service',
  'other_org',
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

export interface OutcomeGroup {
  code: string;
  label: string;
  leaves: { code: string; label: string }[];
}

/** Table 三, 三、本年度办理结果: groups (一)…(六) and their leaf rows. (一)(二) are leaves themselves. */
export const OUTCOME_GROUPS: OutcomeGroup[] = [
  { code: '3.1', label: '（一）予以公开', leaves: [{ code: '3.1', label: '（一）予以公开' }] },
  {
    code: '3.2',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    leaves: [{ code: '3.2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' }],
  },
  {
    code: '3.3',
    label: '（三）不予公开',
    leaves: [
      { code: '3.3.1', label: '1.属于国家秘密' },
      { code: '3.3.2', label: '2.其他法律行政法规禁止公开' },
      { code: '3.3.3', label: '3.危及“三安全一稳定”' },
      { code: '3.3.4', label: '4.保护第三方合法权益' },
      { code: '3.3.5', label: '5.属于三类内部事务信息' },
      { code: '3.3.6', label: '6.属于四类过程性信息' },
      { code: '3.3.7', label: '7.属于行政执法案卷' },
      { code: '3.3.8', label: '8.属于行政查询事项' },
    ],
  },
  {
    code: '3.4',
    label: '（四）无法提供',
    leaves: [
      { code: '3.4.1', label: '1.本机关不掌握相关政府信息' },
      { code: '3.4.2', label: '2.没有现成信息需要另行制作' },
      { code: '3.4.3', label: '3.补正后申请内容仍不明确' },
    ],
  },
  {
    code: '3.5',
    label: '（五）不予处理',
    leaves: [
      { code: '3.5.1', label: '1.信访举报投诉类申请' },
      { code: '3.5.2', label: '2.重复申请' },
      { code: '3.5.3', label: '3.要求提供公开出版物' },
      { code: '3.5.4', label: '4.无正当理由大量反复申请' },
      { code: '3.5.5', label: '5.要求行政机关确认或重新出具已获取信息' },
    ],
  },
  {
    code: '3.6',
    label: '（六）其他处理',
    leaves: [
      { code: '3.6.1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
      {
        code: '3.6.2',
        label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      },
      { code: '3.6.3', label: '3.其他' },
    ],
  },
];

export const OUTCOME_CODES = OUTCOME_GROUPS.flatMap((g) => g.leaves.map((l) => l.code)) as [
  string,
  ...string[],
];

export const outcomeLabel = (code: string) => {
  for (const g of OUTCOME_GROUPS) {
    const leaf = g.leaves.find((l) => l.code === code);
    if (leaf) return g.leaves.length > 1 ? `${g.label} ${leaf.label}` : leaf.label;
  }
  return code;
};

/**
 * The reason a decision letter gives, implied by the template's row (条例第三十六条 and related
 * articles), as the default text of the decision.
 */
export const OUTCOME_REASONS: Record<string, string> = {
  '3.1': '所申请信息予以公开（条例第三十六条第二项）。',
  '3.2': '所申请信息部分公开，对不应公开的内容作区分处理并说明理由（条例第三十七条）。',
  '3.3.1': '所申请信息属于国家秘密，依法不予公开（条例第十四条）。',
  '3.3.2': '所申请信息属于法律、行政法规禁止公开的信息（条例第十四条）。',
  '3.3.3': '公开后可能危及国家安全、公共安全、经济安全、社会稳定（条例第十四条）。',
  '3.3.4': '所申请信息涉及商业秘密、个人隐私，公开会对第三方合法权益造成损害（条例第十五条）。',
  '3.3.5': '所申请信息属于人事管理、后勤管理、内部工作流程等内部事务信息（条例第十六条第一款）。',
  '3.3.6': '所申请信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息（条例第十六条第二款）。',
  '3.3.7': '所申请信息属于行政执法案卷信息（条例第十六条第二款）。',
  '3.3.8':
    '所申请事项属于行政查询事项，有关法律、行政法规对信息的获取有特别规定，请按相关规定办理查询（条例第三十六条第七项）。',
  '3.4.1': '经检索，本机关不掌握所申请的政府信息（条例第三十六条第四项）。',
  '3.4.2': '本机关没有现成信息，无需另行制作、加工或分析（条例第三十八条）。',
  '3.4.3': '申请经补正后内容仍不明确，无法提供（条例第三十条）。',
  '3.5.1':
    '申请实为信访、投诉、举报，不作为政府信息公开申请处理，已告知通过相应渠道提出（条例第三十九条）。',
  '3.5.2': '重复申请，已作出答复，不予重复处理（条例第三十六条第六项）。',
  '3.5.3': '要求提供公开出版物，已告知获取途径（条例第三十九条第二款）。',
  '3.5.4': '申请数量、频次明显超过合理范围且无正当理由，不予处理（条例第三十五条）。',
  '3.5.5': '要求行政机关确认或重新出具已获取信息，不作为政府信息公开申请处理。',
  '3.6.1': '申请人无正当理由逾期未补正，视为放弃申请，不再处理（条例第三十条）。',
  '3.6.2': '申请人逾期未按收费通知缴纳信息处理费，视为放弃申请，不再处理。',
  '3.6.3': '其他处理。',
};
