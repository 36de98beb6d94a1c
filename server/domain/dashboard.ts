/**
 * GET /dashboard: facts gathered from the stored records at request time
 * (never stored), the arithmetic done by the pure KPI module the UI's tests also cover.
 */
import { assistanceKpis } from '@/features/dashboard/assistance-kpi';
import {
  applicationKpis,
  catalogueKpis,
  letterKpis,
  sectionKpis,
  yearWindow,
  type ApplicationFact,
  type SectionLetterFact,
} from '@/features/dashboard/kpi';
import type { Dashboard } from '@/features/dashboard/types';
import { alertLevel, remainingWorkdays } from '@/features/letters/rules';
import type { User } from '@/types/api';
import { inAppScope, presentApplication } from './applications';
import { timeliness } from './catalogue';
import { scopeOf } from './letter-query';
import type { ReadTx } from './ports';
import { readView } from './view';

/** Who reads the assistance figures (handlers work letters and applications only). */
const ASSISTANCE_READERS = ['admin', 'clerk', 'leader'];

/** Computed from the records each time (the memory adapter keeps results until the next change). */
export async function dashboard(
  tx: ReadTx,
  user: User,
  year: number,
  today: string = tx.today,
): Promise<Dashboard> {
  const view = await readView(tx, today);
  const { cal, dueSoonDays } = view;
  const ctx = { year, today, workdaysBetween: (a: string, b: string) => cal.workdaysBetween(a, b) };

  // The letters the figures count: those received this year or last (the KPIs, the monthly
  // chart, last year's comparison) and the open ones of any year (overdue, due soon, at the
  // section) — read as facts from the storage, not every letter.
  const scope = scopeOf(user);
  const [recent, open] = await Promise.all([
    tx.letterSearch.facts({
      ...scope,
      receivedFrom: `${year - 1}-01-01`,
      receivedTo: `${year}-12-31`,
    }),
    tx.letterSearch.facts({ ...scope, open: true }),
  ]);
  const byId = new Map([...recent, ...open].map((f) => [f.id, f]));
  const letters: SectionLetterFact[] = [...byId.values()].map((f) => ({
    receivedOn: f.receivedOn,
    closed: f.status === 'closed',
    onTime: f.onTime,
    // 满意率 counts only a real follow-up answer (回访 reached the citizen, issue #20): an
    // opinion stored without a follow-up record was the close dialog's preset, not an answer.
    satisfaction: f.satisfaction as SectionLetterFact['satisfaction'],
    repliedOn: f.repliedOn,
    alert:
      f.status === 'closed' ? 'none' : alertLevel(remainingWorkdays(cal, today, f), dueSoonDays),
    sectionId: f.sectionId,
    atSection: f.status === 'assigned',
    supervised: f.supervised,
  }));
  // The table lists the sections that take letters (not the office itself), retired ones only
  // while they hold letters; a handler's, their own.
  const sectionIds =
    user.role === 'handler'
      ? [user.sectionId!]
      : (await tx.sections.all()).filter((s) => s.id !== 'office' && !s.retired).map((s) => s.id);
  // …then any other section holding letters of any year (a retired one, the office).
  for (const s of (await tx.letterSearch.sections(scope.scopeSection)).sort())
    if (!sectionIds.includes(s)) sectionIds.push(s);

  const applications: ApplicationFact[] = (await tx.applications.all())
    .filter((a) => inAppScope(user, a))
    .map((rec) => {
      const a = presentApplication(view, rec, { mask: true });
      return {
        receivedOn: a.receivedOn,
        // A lapsed fee notice still awaits its 3.6.2 decision: open, and overdue once past dueOn.
        open: a.status !== 'decided',
        decidedOn: a.decision?.decidedOn ?? null,
        late: a.decision?.late ?? null,
        alert: a.alert,
      };
    });

  const catalogue = (await tx.catalogue.all()).map((c) => ({
    publishedOn: c.publishedOn,
    withdrawn: c.withdrawn,
    timely: timeliness(cal, c).timely,
  }));

  const assistance = ASSISTANCE_READERS.includes(user.role)
    ? assistanceKpis(
        (await tx.assistance.all()).filter(
          (f) =>
            f.status === 'published' &&
            (f.period.startsWith(`${year}-`) || f.period.startsWith(`${year - 1}-`)),
        ),
        ctx,
      )
    : null;

  return {
    year,
    asOf: today,
    window: yearWindow(year, today),
    letters: letterKpis(letters, ctx),
    applications: applicationKpis(applications, ctx),
    sections: sectionKpis(letters, sectionIds, ctx),
    catalogue: catalogueKpis(catalogue, ctx),
    assistance,
  };
}
