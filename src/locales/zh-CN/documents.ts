/** Documents generated from the record: 文号 settings, the issue dialog, history (zh-CN). */
export const documentsZh = {
  title: '文书',
  generate: '生成文书',
  intro: '由本件记录生成公文格式的 Word 文书；签发时编定文号，文书作为附件保存。',
  none: '本件暂无可生成的文书（转办后可生成转办单，答复后可生成答复函）。',
  noneApplication:
    '本申请暂无可生成的告知书（告知补正后可生成补正告知书，延期答复后可生成延期答复告知书）。',
  kinds: {
    transfer: '转办单',
    reply: '答复函',
    disclosure: '依申请公开告知书',
    correction: '补正告知书',
    extension: '延期答复告知书',
  },
  /** As a choice (English capitalises it). */
  kindLabels: {
    transfer: '转办单',
    reply: '答复函',
    disclosure: '依申请公开告知书',
    correction: '补正告知书',
    extension: '延期答复告知书',
  },
  dialogTitle: '生成文书',
  kind: '文书种类',
  preview: '文书预览',
  docNoPending: '签发时编号（下一个：{docNo}）',
  fieldsNote: '以下事项取自记录，签发时按记录填写。',
  paragraphs: '正文（可修改，每段一行）',
  paragraphsHint: '签发前可修改正文；空行将被忽略。',
  downloadDraft: '下载草稿（Word）',
  issue: '签发',
  issued: '已签发{kind} {docNo}，文书已保存为附件',
  events: {
    issued: '签发{kind} {docNo}',
  },
  errors: {
    transferNotApplicable: '本件尚未转办，不能生成转办单',
    replyNotApplicable: '本件尚未答复，不能生成答复函',
    correctionNotApplicable: '本申请不在等待补正，不能生成补正告知书',
    extensionNotApplicable: '本申请未延期答复或已作出答复，不能生成延期答复告知书',
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
  },
};
