/** 系统设置 (the settings page and its tabs) (zh-CN). */
export const settingsZh = {
  title: '系统设置',
  calendarTab: '工作日历',
  timeLimitsTab: '办理时限',
  organisationTab: '机关信息',
  adminOnly: '仅系统管理员可以修改。',
  orgName: '机关名称',
  orgCode: '索引号前段码（组织机构代码/统一社会信用代码）',
  fees: '行政事业性收费（万元）',
  saved: '设置已保存',
};
