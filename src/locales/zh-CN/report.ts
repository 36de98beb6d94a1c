/** The annual report's strings (zh-CN). */
export const reportZh = {
  sections: {
    overview: '一、总体情况',
    proactive: '二、主动公开政府信息情况',
    applications: '三、收到和处理政府信息公开申请情况',
    review: '四、政府信息公开行政复议、行政诉讼情况',
    problems: '五、存在的主要问题及改进情况',
    other: '六、其他需要报告的事项',
  },
  year: '报告年度',
  lettersTitle: '来信办理情况',
  lettersLine: '全年共收到来信 {received} 件，其中市长信箱转办 {mayor} 件，已办结 {closed} 件。',
  deadline: '依据《政府信息公开条例》第四十九条，年度报告应于次年1月31日前公布。',
} as const;
