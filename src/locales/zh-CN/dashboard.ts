/** The dashboard feature's strings (zh-CN). */
export const dashboardZh = {
  received: '收到来信',
  mayorMailbox: '其中市长信箱转办',
  closed: '已办结',
  overdue: '在办超期',
  dueSoon: '即将到期',
} as const;
