import type { todoZh } from '../zh-CN/todo';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** My to-do and the notes that say where a list's filter came from (en-US). */
export const todoEn: Shape<typeof todoZh> = {
  title: 'My to-do',
  subtitle: 'What needs you, fewest days left first',
  sectionSubtitle: 'At work in {section}, fewest working days left first',
  asOf: 'As of {date}',
  groups: {
    toTransfer: 'To transfer',
    toClose: 'To close / follow up',
    dueToday: 'Due today',
    supervised: 'Supervised',
    extensionRequests: 'Extension requests to approve',
    correctionLapsing: 'Correction windows ending',
    feeLapsing: 'Payment windows ending',
    sectionLetters: "Section's letters at work",
    sectionApplications: "Section's applications in progress",
  },
  hints: {
    toTransfer: 'Registered, not yet transferred to a section (handed-back letters too)',
    toClose: 'Answered by the section, awaiting the follow-up and closing',
    dueToday: 'Today is the last working day of the time limit; not yet answered',
    supervised: 'Supervised letters still at a section',
    extensionRequests: "Sections' extension requests awaiting the office",
    correctionLapsing: 'Correction deadlines ending within {n} working days, or ended',
    feeLapsing: 'Payment deadlines ending within {n} working days, or ended',
    sectionLetters: 'Transferred to your section, not yet answered',
    sectionApplications: 'Information requests your section is preparing',
  },
  count: '{n}',
  viewAll: 'See all {n}',
  empty: 'Nothing here',
  due: 'Due {date}',
  windowDue: 'Ends {date}',
  supervised: 'Supervised',
  extension: { requested: 'Extension requested', granted: 'Extended' },
  origin: {
    todo: 'From My to-do: {what}',
    dashboard: 'From the dashboard: {what}',
    section: 'From the dashboard: {section} · {what}',
    dismiss: 'Clear this filter',
  },
};
