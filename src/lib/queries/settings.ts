/**
 * Settings keys. The records' shapes belong to the features that use them (the time limits to
 * letters, the organisation to settings), so each builds its `queryOptions` on these keys; what
 * must stay one is the key, so that a settings change reaches every reader.
 */
import { queryRoots } from './roots';

export const settingsKeys = {
  all: () => queryRoots.settings,
  timeLimits: () => [...settingsKeys.all(), 'time-limits'] as const,
  organisation: () => [...settingsKeys.all(), 'organisation'] as const,
};
