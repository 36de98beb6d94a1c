import { shellEn } from './en-US/shell';
import { calendarEn } from './en-US/calendar';
import { settingsEn } from './en-US/settings';
import { pagesEn } from './en-US/pages';
import { lettersEn } from './en-US/letters';
import { applicationsEn } from './en-US/applications';
import type { Messages } from './zh-CN';
import { reportEn } from './en-US/report';
import { catalogueEn } from './en-US/catalogue';
import { dashboardEn } from './en-US/dashboard';
import { assistanceEn } from './en-US/assistance';
import { accountsEn } from './en-US/accounts';
import { todoEn } from './en-US/todo';
import { attachmentsEn } from './en-US/attachments';
import { documentsEn } from './en-US/documents';

/** English. Typed against the Chinese catalogue, so a missing key fails the type check. */
export const enUS: Messages = {
  ...shellEn,
  calendar: calendarEn,
  settings: settingsEn,
  pages: pagesEn,
  letters: lettersEn,
  dashboard: dashboardEn,
  todo: todoEn,
  attachments: attachmentsEn,
  documents: documentsEn,
  applications: applicationsEn,
  assistance: assistanceEn,
  report: reportEn,
  catalogue: catalogueEn,
  accounts: accountsEn,
};
