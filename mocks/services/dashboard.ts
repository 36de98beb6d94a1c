/**
 * GET /dashboard on the mock backend: facts gathered from the stored records at request time
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
import { db } from '../db';
import { inAppScope, presentApplication } from '../../server/domain/applications';
import { calendar, inScope, timeLimits, view } from './sync';
import { timeliness } from '../../server/domain/catalogue';

/** Who reads the assistance figures (handlers work letters and applications only). */
const ASSISTANCE_READERS = ['admin', 'clerk', 'leader'];

/**
 * The figures of one scope (a handler's section, or everything), year and day, kept until the
 * next change to the store (db.revision): the leadership page is read far more often than its
 * records change, and each computation walks every letter, application and catalogue entry.
 */
const memo = new Map<string, Dashboard>();
const MEMO_SIZE = 64;

export function dashboard(user: User, year: number, today: string): Dashboard {
  const scope = user.role === 'handler' ? `handler:${user.sectionId}` : user.role;
  const key = `${db.revision}|${scope}|${year}|${today}`;
  const kept = memo.get(key);
  if (kept) return kept;
  const d = computeDashboard(user, year, today);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, d);
  return d;
}

function computeDashboard(user: User, year: number, today: string): Dashboard {
  const cal = calendar();
  const dueSoonDays = timeLimits().dueSoonDays;
  const ctx = { year, today, workdaysBetween: (a: string, b: string) => cal.workdaysBetween(a, b) };

  const letters: SectionLetterFact[] = db.letters
    .all()
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
      : db.sections
          .all()
          .filter((s) => s.id !== 'office' && !s.retired)
          .map((s) => s.id);

  const applications: ApplicationFact[] = db.applications
    .all()
    .filter((a) => inAppScope(user, a))
    .map((rec) => {
      const a = presentApplication(view(today), rec, { mask: true });
      return {
        receivedOn: a.receivedOn,
        // A lapsed fee notice still awaits its 3.6.2 decision: open, and overdue once past dueOn.
        open: a.status !== 'decided',
        decidedOn: a.decision?.decidedOn ?? null,
        late: a.decision?.late ?? null,
        alert: a.alert,
      };
    });

  const catalogue = db.catalogue.all().map((c) => ({
    publishedOn: c.publishedOn,
    withdrawn: c.withdrawn,
    timely: timeliness(calendar(), c).timely,
  }));

  const assistance = ASSISTANCE_READERS.includes(user.role)
    ? assistanceKpis(
        db.assistance
          .all()
          .filter(
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
