/**
 * What an application action's toast says (issue #20): what happened to which application and
 * until when — the reply deadline after it, the outcome of a decision. Pure: the application as
 * the server returned it after the action.
 */
import { formatDate } from '@/lib/format';
import type { Locale, Params } from '@/lib/i18n/core';
import { outcomePlainKey } from './rules';
import type { Application, ApplicationAction } from './types';

type Tx = (key: string, params?: Params) => string;
/** The actions whose toast names the reply deadline that follows. */
const NAMES_DEADLINE = new Set<ApplicationAction>([
  'assign',
  'correction-received',
  'third-party-replied',
  'extend',
  'fee-paid',
]);

export function applicationActionToast(
  action: ApplicationAction,
  app: Application,
  tx: Tx,
  locale: Locale,
  sectionName: (id: string | null) => string,
): string {
  const T = 'applications.records.toasts.';
  const dueOn = formatDate(app.dueOn, locale);
  const d = app.decision;
  if (action === 'decide' && d)
    return tx(`${T}decide`, {
      serialNo: app.serialNo,
      outcome: tx(outcomePlainKey(d.outcome)),
      decidedOn: formatDate(d.decidedOn, locale),
      timeliness: tx(`applications.records.history.${d.late ? 'decidedLate' : 'decidedOnTime'}`),
    });
  // While the clock is stopped (补正, 征求意见, 收费) there is no deadline to name.
  const running = app.dueOn !== null && app.clock.state === 'running';
  if (NAMES_DEADLINE.has(action) && !running)
    return tx(`${T}paused`, {
      serialNo: app.serialNo,
      action: tx(`applications.actions.${action}`),
    });
  return tx(`${T}${action}`, {
    serialNo: app.serialNo,
    section: sectionName(app.sectionId),
    dueOn,
  });
}
