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
import { inScope } from './letters';
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

  const letters: SectionLetterFact[] = (await tx.letters.all())
    .filter((l) => inScope(user, l))
    .map((l) => ({
      receivedOn: l.receivedOn,
      closed: l.status === 'closed',
      onTime: l.onTime,
      // 满意率 counts only a real follow-up answer (回访 reached the citizen, issue #20): an
      // opinion stored without a follow-up record was the close dialog's preset, not an answer.
      satisfaction: l.followUp?.reached ? l.satisfaction : null,
      repliedOn: l.reply?.repliedOn ?? null,
      alert:
        l.status === 'closed' ? 'none' : alertLevel(remainingWorkdays(cal, today, l), dueSoonDays),
      sectionId: l.sectionId,
      atSection: l.status === 'assigned',
      supervised: l.supervised,
    }));
  // The table lists the sections that take letters (not the office itself), retired ones only
  // while they hold letters; a handler's, their own.
  const sectionIds =
    user.role === 'handler'
      ? [user.sectionId!]
      : (await tx.sections.all()).filter((s) => s.id !== 'office' && !s.retired).map((s) => s.id);

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
