/** Route paths in one place, so links and the router agree. */
export const paths = {
  login: '/login',
  dashboard: '/dashboard',
  letters: '/letters',
  letter: (id: string) => `/letters/${id}`,
  letterNew: '/letters/new',
  applications: '/applications',
  catalogue: '/catalogue',
  assistance: '/assistance',
  annualReport: (year: number | string) => `/reports/annual/${year}`,
  settings: '/settings',
} as const;
