/** Route paths in one place, so links and the router agree. */
export const paths = {
  login: '/login',
  dashboard: '/dashboard',
  letters: '/letters',
  letter: (id: string) => `/letters/${id}`,
  letterNew: '/letters/new',
  applications: '/applications',
  application: (id: string) => `/applications/${id}`,
  applicationNew: '/applications/new',
  catalogue: '/catalogue',
  catalogueEntry: (id: string) => `/catalogue/${id}`,
  catalogueEdit: (id: string) => `/catalogue/${id}/edit`,
  catalogueNew: '/catalogue/new',
  catalogueImport: '/catalogue/import',
  assistance: '/assistance',
  annualReport: (year: number | string) => `/reports/annual/${year}`,
  settings: '/settings',
} as const;
