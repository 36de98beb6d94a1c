/**
 * GET /todo: the facts of the records in the caller's scope (a handler: their section), shaped by
 * the pure `shapeTodo` — the applicant's windows read from the applications' clock, the letters'
 * remaining working days by the letters' rule, as the lists compute them.
 */
import { applicantWindow, windowLapsing } from '@/features/applications/clock';
import { alertLevel, remainingWorkdays } from '@/features/letters/rules';
import { shapeTodo, type TodoApplicationFact, type TodoLetterFact } from '@/features/todo/shape';
import type { Todo } from '@/features/todo/types';
import { workdaysLeft } from '@/lib/workdays';
import type { User } from '@/types/api';
import { inAppScope, presentApplication } from './applications';
import { scopeOf } from './letter-query';
import type { ReadTx } from './ports';
import { readView } from './view';

export async function todo(tx: ReadTx, user: User, today: string = tx.today): Promise<Todo> {
  const view = await readView(tx, today);
  const { cal, dueSoonDays: windowDays } = view;
  // Every group is of letters not yet closed (or with an extension asked for): read those only.
  const scope = scopeOf(user);
  const all = { offset: 0, limit: Number.MAX_SAFE_INTEGER };
  const sort = { key: 'receivedOn', desc: true } as const;
  // One after another: a transaction's statements share one connection.
  const pages = [];
  for (const status of ['registered', 'assigned', 'replied'] as const)
    pages.push(await tx.letterSearch.list({ ...scope, status, sort }, all));
  pages.push(await tx.letterSearch.list({ ...scope, extensionRequested: true, sort }, all));
  const open = new Map(pages.flatMap((p) => p.items).map((l) => [l.id, l]));
  const letters: TodoLetterFact[] = [...open.values()].map((l) => ({
    id: l.id,
    serialNo: l.serialNo,
    subject: l.subject,
    status: l.status,
    sectionId: l.sectionId,
    dueOn: l.dueOn,
    remainingWorkdays: remainingWorkdays(cal, today, l),
    supervised: l.supervised,
    extensionRequested: l.extensionRequest !== null,
    extended: l.extension !== null,
  }));
  const applications: TodoApplicationFact[] = (await tx.applications.all())
    .filter((a) => inAppScope(user, a))
    .map((rec) => {
      const a = presentApplication(view, rec, { mask: true });
      const w = applicantWindow(a.clock);
      return {
        id: a.id,
        serialNo: a.serialNo,
        description: a.description,
        status: a.status,
        sectionId: a.sectionId,
        dueOn: a.dueOn,
        remainingWorkdays: a.remainingWorkdays,
        lapsing: windowLapsing(cal, today, w, windowDays)
          ? { ...w, remainingWorkdays: workdaysLeft(cal, today, w.dueOn) }
          : null,
      };
    });
  return shapeTodo({
    role: user.role,
    today,
    windowDays,
    alertOf: (n) => alertLevel(n, view.dueSoonDays),
    letters,
    applications,
  });
}
