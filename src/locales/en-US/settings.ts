import type { settingsZh } from '../zh-CN/settings';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** 系统设置 (the settings page and its tabs) (en-US). */
export const settingsEn: Shape<typeof settingsZh> = {
  title: 'Settings',
  calendarTab: 'Working-day calendar',
  timeLimitsTab: 'Time limits',
  organisationTab: 'Organisation',
  adminOnly: 'Only administrators can change this.',
  orgName: 'Name of the bureau',
  orgCode: 'Index-number prefix (organisation code / USCC)',
  fees: 'Administrative fees (10,000 yuan)',
  saved: 'Settings saved',
};
