/** The annual report's strings (en-US). */
export const reportEn = {
  sections: {
    overview: '1. Overview',
    proactive: '2. Proactive disclosure',
    applications: '3. Applications received and handled',
    review: '4. Administrative review and litigation',
    problems: '5. Main problems and improvements',
    other: '6. Other matters',
  },
  year: 'Report year',
  lettersTitle: 'Letters handled',
  lettersLine:
    "{received} letters received in the year, {mayor} of them from the mayor's mailbox; {closed} closed.",
  deadline:
    'Article 49 of the Regulations: the annual report is published by 31 January of the following year.',
};
