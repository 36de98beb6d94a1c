import { shellZh } from './zh-CN/shell';
import { calendarZh } from './zh-CN/calendar';
import { settingsZh } from './zh-CN/settings';
import { pagesZh } from './zh-CN/pages';
import { lettersZh } from './zh-CN/letters';
import { applicationsZh } from './zh-CN/applications';
import { reportZh } from './zh-CN/report';
import { catalogueZh } from './zh-CN/catalogue';
import { dashboardZh } from './zh-CN/dashboard';
import { assistanceZh } from './zh-CN/assistance';
import { accountsZh } from './zh-CN/accounts';
import { todoZh } from './zh-CN/todo';
import { attachmentsZh } from './zh-CN/attachments';
import { documentsZh } from './zh-CN/documents';
/** 简体中文 (default). Every user-visible string lives here; en-US.ts must match its shape. */
export const zhCN = {
  ...shellZh,
  calendar: calendarZh,
  settings: settingsZh,
  pages: pagesZh,
  letters: lettersZh,
  dashboard: dashboardZh,
  todo: todoZh,
  attachments: attachmentsZh,
  documents: documentsZh,
  applications: applicationsZh,
  assistance: assistanceZh,
  report: reportZh,
  catalogue: catalogueZh,
  accounts: accountsZh,
} as const;

type DeepString<T> = { [K in keyof T]: T[K] extends string ? string : DeepString<T[K]> };
export type Messages = DeepString<typeof zhCN>;
