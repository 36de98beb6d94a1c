/** The assistance feature's strings (en-US). */
export const assistanceEn = {
  month: 'Month',
  region: 'County / district',
  program: 'Programme',
  programs: {
    urban_dibao: 'Urban minimum living allowance',
    rural_dibao: 'Rural minimum living allowance',
    tekun: 'Extreme-poverty support',
    medical: 'Medical assistance',
    temporary: 'Temporary assistance',
  },
  fields: {
    households: 'Households',
    persons: 'Persons',
    standard: 'Standard (yuan/person·month)',
    expenditure: 'Spending (yuan)',
    concentrated: 'In institutions (persons)',
    dispersed: 'At home (persons)',
    personTimes: 'Person-times',
    householdTimes: 'Household-times',
  },
  notEntered: 'Not entered',
  regionsNote:
    'From 23 November 2018 Changzhi has 12 county-level units instead of 13; the grid lists the units in force in the chosen month.',
};
