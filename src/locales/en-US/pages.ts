import type { pagesZh } from '../zh-CN/pages';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** the pages' titles and subtitles (en-US). */
export const pagesEn: Shape<typeof pagesZh> = {
  dashboard: { title: 'Dashboard', subtitle: 'This year at a glance', year: 'Year' },
  letters: {
    title: 'Letters',
    subtitle:
      "Registering, transferring and closing citizens' letters and mayor's-mailbox referrals on time",
  },
  applications: {
    title: 'Information requests',
    subtitle: 'Freedom-of-information applications and their statutory clock',
    empty: 'No applications this year',
  },
  catalogue: {
    title: 'Government information catalogue',
    subtitle: 'Proactively disclosed information and how promptly it was published',
  },
  assistance: {
    title: 'Social assistance data',
    subtitle:
      'Minimum living allowance, extreme-poverty support, medical and temporary assistance figures',
  },
  annualReport: {
    title: 'Annual report on government information disclosure, {year}',
    subtitle: 'Compiled from the records in the national template',
  },
};
