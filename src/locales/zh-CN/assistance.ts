/** The assistance feature's strings (zh-CN). */
export const assistanceZh = {
  month: '月份',
  region: '县（市、区）',
  program: '救助项目',
  programs: {
    urban_dibao: '城市低保',
    rural_dibao: '农村低保',
    tekun: '特困人员救助供养',
    medical: '医疗救助',
    temporary: '临时救助',
  },
  fields: {
    households: '户数（户）',
    persons: '人数（人）',
    standard: '保障标准（元/人·月）',
    expenditure: '支出（元）',
    concentrated: '集中供养（人）',
    dispersed: '分散供养（人）',
    personTimes: '救助人次（人次）',
    householdTimes: '救助户次（户次）',
  },
  notEntered: '未录入',
  regionsNote:
    '2018年11月23日起长治市行政区划调整，县级单位由13个调整为12个，表格按所选月份生效的区划列出。',
} as const;
