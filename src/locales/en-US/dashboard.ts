/** The dashboard feature's strings (en-US). */
export const dashboardEn = {
  received: 'Letters received',
  mayorMailbox: "Of which from the mayor's mailbox",
  closed: 'Closed',
  overdue: 'Open and overdue',
  dueSoon: 'Due soon',
};
