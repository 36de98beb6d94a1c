/** the pages' titles and subtitles (zh-CN). */
export const pagesZh = {
  dashboard: { title: '工作台', subtitle: '本年度办理情况一览', year: '年度' },
  letters: {
    title: '来信办理',
    subtitle: '咨询、投诉、建议、求助、举报及市长信箱转办来信的登记、转办与限时办结',
  },
  applications: {
    title: '依申请公开',
    subtitle: '政府信息公开申请的登记、办理与法定期限',
    empty: '本年度暂无依申请公开申请',
  },
  catalogue: { title: '政府信息公开目录', subtitle: '主动公开信息的目录管理与公开时效' },
  assistance: {
    title: '社会救助数据',
    subtitle: '城乡低保、特困供养、医疗救助、临时救助数据的录入与公开',
  },
  annualReport: {
    title: '{year}年政府信息公开工作年度报告',
    subtitle: '依据国家年度报告格式，由业务数据自动汇编',
  },
};
