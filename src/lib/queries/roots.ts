/**
 * The root of each resource's query keys. A feature's factory builds every key of its resource
 * under its root (`letterQueries.all()` is `queryRoots.letters`), and a feature that must mark
 * another's data stale — saving the calendar recounts every deadline, a new assistance figure
 * changes the dashboard — names the root from here, since features do not import each other.
 */
export const queryRoots = {
  letters: ['letters'],
  applications: ['applications'],
  catalogue: ['catalogue'],
  assistance: ['assistance'],
  reports: ['reports'],
  dashboard: ['dashboard'],
  todo: ['todo'],
  calendar: ['calendar'],
  sections: ['sections'],
  settings: ['settings'],
} as const;
