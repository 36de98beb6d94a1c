import type { Role } from '@/types/api';
import type { ApplicationAction } from './types';

/** Who may take each step; the office runs the procedure, the holding section may record consultations. */
export const ACTION_ROLES_APP: Record<ApplicationAction, Role[]> = {
  assign: ['admin', 'clerk'],
  'request-correction': ['admin', 'clerk'],
  'correction-received': ['admin', 'clerk'],
  'consult-third-party': ['admin', 'clerk', 'handler'],
  'third-party-replied': ['admin', 'clerk', 'handler'],
  extend: ['admin', 'clerk'],
  'fee-notice': ['admin', 'clerk'],
  'fee-paid': ['admin', 'clerk'],
  decide: ['admin', 'clerk'],
};

type AppView = {
  ledger: { kind: string }[];
  clock: { state: string };
  status: string;
  alert: string;
};

const count = (a: AppView, kind: string) => a.ledger.filter((e) => e.kind === kind).length;

/** The steps open now, by the ledger and the clock (the server enforces the same rules). */
export function availableActions(a: AppView, role: Role): ApplicationAction[] {
  if (a.clock.state === 'decided') return [];
  const awaiting = a.clock.state === 'awaiting_correction';
  const consultOpen = count(a, 'consult_sent') > count(a, 'consult_replied');
  const feeOpen = count(a, 'fee_notice') > count(a, 'fee_paid');
  // Past the deadline the steps that stop the count are refused (a passed deadline stays passed).
  const inPeriod = a.alert !== 'overdue';
  const steps: [ApplicationAction, boolean][] = [
    ['assign', true],
    ['request-correction', count(a, 'correction_requested') === 0],
    ['correction-received', awaiting],
    ['consult-third-party', !awaiting && !consultOpen && inPeriod],
    ['third-party-replied', consultOpen],
    ['extend', !awaiting && count(a, 'extended') === 0 && inPeriod],
    ['fee-notice', !awaiting && count(a, 'fee_notice') === 0 && inPeriod],
    // A payment made inside its window can be recorded late; the server checks the date.
    ['fee-paid', feeOpen],
    ['decide', true],
  ];
  return steps
    .filter(([action, ok]) => ok && ACTION_ROLES_APP[action].includes(role))
    .map(([action]) => action);
}

/** The outcome's label: the template's exact Chinese wording, or its English translation. */
export const outcomeKey = (code: string) => `applications.outcomes.o${code.replace(/\./g, '_')}`;
/** The outcome in plain words (予以公开, 不予公开—属于国家秘密 …), for pickers and the page. */
export const outcomePlainKey = (code: string) =>
  `applications.records.outcomePlain.o${code.replace(/\./g, '_')}`;
