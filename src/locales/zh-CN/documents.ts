/** Documents generated from the record: 文号 settings, the issue dialog, history (zh-CN). */
const KINDS = {
  transfer: '转办单',
  reply: '答复函',
  disclosure: '依申请公开告知书',
  correction: '补正告知书',
  extension: '延期答复告知书',
  consultation: '征求第三方意见书',
  fee_notice: '收费通知书',
  decision_open: '答复书（予以公开）',
  decision_partial: '答复书（部分公开）',
  decision_withheld: '答复书（不予公开）',
  decision_unavailable: '答复书（无法提供）',
  decision_declined: '答复书（不予处理）',
  decision_other: '答复书（其他处理）',
};

export const documentsZh = {
  title: '文书',
  generate: '生成文书',
  intro: '由本件记录生成公文格式的 Word 文书；签发时编定文号，文书作为附件保存。',
  none: '本件暂无可生成的文书（转办后可生成转办单，答复后可生成答复函）。',
  noneApplication:
    '本申请暂无可生成的文书（告知补正后可生成补正告知书，延期答复后可生成延期答复告知书，征求第三方意见时可生成征求意见书，发出收费通知后可生成收费通知书，作出答复后可生成答复书）。',
  kinds: KINDS,
  /** As a choice (English capitalises it; Chinese reads the same). */
  kindLabels: KINDS,
  dialogTitle: '生成文书',
  kind: '文书种类',
  preview: '文书预览',
  docNoPending: '签发时编号（下一个：{docNo}）',
  fieldsNote: '以下事项取自记录，签发时按记录填写。',
  paragraphs: '正文（可修改，每段一行）',
  paragraphsHint: '签发前可修改正文；空行将被忽略。',
  printDraft: '打印草稿',
  downloadDraft: '下载草稿（Word）',
  issue: '签发',
  issued: '已签发{kind} {docNo}，文书已保存为附件',
  events: {
    issued: '签发{kind} {docNo}',
    issuedReplyNo: '签发{kind} {docNo}，记为答复书文号',
  },
  errors: {
    transferNotApplicable: '本件尚未转办，不能生成转办单',
    replyNotApplicable: '本件尚未答复，不能生成答复函',
    correctionNotApplicable: '本申请不在等待补正，不能生成补正告知书',
    extensionNotApplicable: '本申请未延期答复或已作出答复，不能生成延期答复告知书',
    consultationNotApplicable: '本申请没有正在进行的第三方征求意见，不能生成征求第三方意见书',
    fee_noticeNotApplicable: '本申请没有待缴费的收费通知，不能生成收费通知书',
    decision_openNotApplicable: '本申请未作出予以公开的答复，不能生成该答复书',
    decision_partialNotApplicable: '本申请未作出部分公开的答复，不能生成该答复书',
    decision_withheldNotApplicable: '本申请未作出不予公开的答复，不能生成该答复书',
    decision_unavailableNotApplicable: '本申请未作出无法提供的答复，不能生成该答复书',
    decision_declinedNotApplicable: '本申请未作出不予处理的答复，不能生成该答复书',
    decision_otherNotApplicable: '本申请未作出其他处理的答复，不能生成该答复书',
  },
  validation: {
    prefix: '机关代字为1至20个汉字、字母或数字，不含括号、空格',
  },
  numbering: {
    tab: '文号',
    title: '文号规则',
    intro:
      '文号格式为“机关代字〔年份〕序号”，如“长民公开〔2026〕12号”；每类文书每年从1号起编，已用文号不再使用。',
    family: {
      transfer: '来信转办单',
      reply: '来信答复函',
      disclosure: '依申请公开告知书',
    },
    prefix: '{family}机关代字',
    next: '下一个文号：{docNo}',
    remediesTitle: '答复书的救济途径',
    remediesIntro:
      '每份答复书写明：可以自收到答复书之日起六十日内向复议机关申请行政复议（《行政复议法》第二十条、第二十四条），或者六个月内向人民法院提起行政诉讼（《行政诉讼法》第四十六条）。',
    reviewOrgan: '复议机关',
    reviewOrganHint: '本局为市政府工作部门，复议机关为本级人民政府',
    court: '人民法院',
    contact: '文书上的联系方式',
    contactHint:
      '印在征求第三方意见书和收费通知书上（如“政务公开办 张某 0355-0000000”）；留空则留出填写位置',
  },
};
