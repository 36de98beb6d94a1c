/**
 * 我的待办 as a pure function of plain facts about the records in the caller's scope: which
 * groups a role works, which records fall in each, the most urgent first, and the list query that
 * opens exactly those records (its total is the group's count). The backend gathers the facts
 * (scope, remaining working days, the applicant's window from the applications' clock) and both
 * backends answer GET /todo with this shaping.
 */
import type { Role } from '@/types/api';
import {
  OFFICE_GROUPS,
  SECTION_GROUPS,
  type Todo,
  type TodoGroup,
  type TodoGroupId,
  type TodoItem,
} from './types';

export interface TodoLetterFact {
  id: string;
  serialNo: string;
  subject: string;
  status: 'registered' | 'assigned' | 'replied' | 'closed';
  sectionId: string | null;
  dueOn: string;
  /** Null once replied or closed (the clock has stopped). */
  remainingWorkdays: number | null;
  supervised: boolean;
  extensionRequested: boolean;
  extended: boolean;
}

export interface TodoApplicationFact {
  id: string;
  serialNo: string;
  description: string;
  status: string;
  sectionId: string | null;
  dueOn: string | null;
  remainingWorkdays: number | null;
  /** The applicant's window (补正期限, payment deadline) when it ends within the window days. */
  lapsing: { kind: 'correction' | 'fee'; dueOn: string; remainingWorkdays: number } | null;
}

type AlertOf = (remainingWorkdays: number | null) => TodoItem['alert'];

/** How many items a group lists; the count is always the whole. */
export const TODO_ITEMS = 5;

/** The groups of a role's home: the office's, or the section's (leaders have the dashboard). */
export const groupsFor = (role: Role): readonly TodoGroupId[] =>
  role === 'handler' ? SECTION_GROUPS : role === 'leader' ? [] : OFFICE_GROUPS;

/**
 * The list query of a group (without page or sort): the list with it shows exactly the group's
 * records. `today` fixes 今日到期 to a day, so the link keeps its meaning after midnight.
 */
export function groupFilter(id: TodoGroupId, today: string): string {
  switch (id) {
    case 'toTransfer':
      return 'status=registered&sort=remainingWorkdays';
    case 'toClose':
      return 'status=replied&sort=dueOn';
    case 'dueToday':
      return `dueOn=${today}`;
    case 'supervised':
      return 'supervised=true&status=assigned&sort=remainingWorkdays';
    case 'extensionRequests':
      return 'extensionRequested=true&sort=remainingWorkdays';
    case 'correctionLapsing':
      return 'lapsing=correction';
    case 'feeLapsing':
      return 'lapsing=fee';
    case 'sectionLetters':
      return 'status=assigned&sort=remainingWorkdays';
    case 'sectionApplications':
      return 'status=in_progress&sort=dueOn';
  }
}

const resourceOf = (id: TodoGroupId): TodoGroup['resource'] =>
  id === 'correctionLapsing' || id === 'feeLapsing' || id === 'sectionApplications'
    ? 'applications'
    : 'letters';

const letterItem = (l: TodoLetterFact, alertOf: AlertOf): TodoItem => ({
  kind: 'letter',
  id: l.id,
  serialNo: l.serialNo,
  title: l.subject,
  sectionId: l.sectionId,
  dueOn: l.dueOn,
  remainingWorkdays: l.remainingWorkdays,
  alert: alertOf(l.remainingWorkdays),
  supervised: l.supervised,
  extension: l.extensionRequested ? 'requested' : l.extended ? 'granted' : null,
});

const appItem = (a: TodoApplicationFact, window: boolean, alertOf: AlertOf): TodoItem => {
  const remainingWorkdays = window && a.lapsing ? a.lapsing.remainingWorkdays : a.remainingWorkdays;
  return {
    kind: 'application',
    id: a.id,
    serialNo: a.serialNo,
    title: a.description,
    sectionId: a.sectionId,
    dueOn: window && a.lapsing ? a.lapsing.dueOn : a.dueOn,
    remainingWorkdays,
    alert: alertOf(remainingWorkdays),
    supervised: false,
    extension: null,
  };
};

/** Most urgent first: fewest working days left (no countdown last), then earliest due, serial. */
export function byUrgency(a: TodoItem, b: TodoItem): number {
  const ra = a.remainingWorkdays ?? Number.POSITIVE_INFINITY;
  const rb = b.remainingWorkdays ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  const da = a.dueOn ?? '9999-12-31';
  const db = b.dueOn ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  return a.serialNo < b.serialNo ? -1 : a.serialNo > b.serialNo ? 1 : 0;
}

function members(
  id: TodoGroupId,
  letters: readonly TodoLetterFact[],
  apps: readonly TodoApplicationFact[],
  today: string,
  alertOf: AlertOf,
): TodoItem[] {
  const L = (p: (l: TodoLetterFact) => boolean) =>
    letters.filter(p).map((l) => letterItem(l, alertOf));
  switch (id) {
    case 'toTransfer':
      return L((l) => l.status === 'registered');
    case 'toClose':
      return L((l) => l.status === 'replied');
    case 'dueToday':
      // Not yet replied (the clock runs) and due today: the list's dueOn filter.
      return L((l) => l.remainingWorkdays !== null && l.dueOn === today);
    case 'supervised':
      return L((l) => l.supervised && l.status === 'assigned');
    case 'extensionRequests':
      return L((l) => l.extensionRequested);
    case 'correctionLapsing':
    case 'feeLapsing': {
      const kind = id === 'correctionLapsing' ? 'correction' : 'fee';
      return apps.filter((a) => a.lapsing?.kind === kind).map((a) => appItem(a, true, alertOf));
    }
    case 'sectionLetters':
      return L((l) => l.status === 'assigned');
    case 'sectionApplications':
      return apps.filter((a) => a.status === 'in_progress').map((a) => appItem(a, false, alertOf));
  }
}

/** GET /todo's answer for `role`, from the facts of the records in its scope. */
export function shapeTodo(input: {
  role: Role;
  today: string;
  windowDays: number;
  /** The deadline's alert level for remaining working days (the backend's rule, as on the lists). */
  alertOf: AlertOf;
  letters: readonly TodoLetterFact[];
  applications: readonly TodoApplicationFact[];
  limit?: number;
}): Todo {
  const limit = input.limit ?? TODO_ITEMS;
  return {
    asOf: input.today,
    windowDays: input.windowDays,
    groups: groupsFor(input.role).map((id) => {
      const all = members(id, input.letters, input.applications, input.today, input.alertOf).sort(
        byUrgency,
      );
      return {
        id,
        resource: resourceOf(id),
        filter: groupFilter(id, input.today),
        count: all.length,
        items: all.slice(0, limit),
      };
    }),
  };
}
