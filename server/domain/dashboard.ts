/**
 * GET /dashboard: facts gathered from the stored records at request time
 * (never stored), the arithmetic done by the pure KPI module the UI's tests also cover. The
 * letters' facts come counted in groups (LetterSearch.groups), each group weighing its letters.
 */
import { assistanceKpis } from '@/features/dashboard/assistance-kpi';
import {
  applicationKpis,
  catalogueKpis,
  letterKpis,
  sectionKpis,
  yearWindow,
  type Alert,
  type ApplicationFact,
  type LetterFact,
  type SectionLetterFact,
} from '@/features/dashboard/kpi';
import type { Dashboard } from '@/features/dashboard/types';
import { alertLevel, remainingWorkdays } from '@/features/letters/rules';
import type { User } from '@/types/api';
import { inAppScope, presentApplication } from './applications';
import { timeliness } from './catalogue';
import { scopeOf, type LetterGroup, type LetterGroupKey, type LetterQuery } from './letter-query';
import type { ReadTx } from './ports';
import { readView } from './view';

/**
 * The letters the figures of `year` count, as disjoint queries: those received this year or last,
 * and the open ones received before or after.
 */
export const dashboardLetterQueries = (year: number): Omit<LetterQuery, 'sort'>[] => [
  { receivedFrom: `${year - 1}-01-01`, receivedTo: `${year}-12-31` },
  { open: true, receivedTo: `${year - 2}-12-31` },
  { open: true, receivedFrom: `${year + 1}-01-01` },
];

/** What `letterKpis` reads of a letter, as the storage groups it (the alert: status, deadline). */
export const LETTER_KPI_KEYS = [
  'receivedOn',
  'status',
  'onTime',
  'satisfaction',
  'repliedOn',
  'openDueOn',
] as const satisfies readonly LetterGroupKey[];

/** What `sectionKpis` reads of a letter, as the storage groups it. */
export const SECTION_KPI_KEYS = [
  'sectionId',
  'receivedOn',
  'status',
  'onTime',
  'supervised',
  'openDueOn',
] as const satisfies readonly LetterGroupKey[];

/** Who reads the assistance figures (handlers work letters and applications only). */
const ASSISTANCE_READERS = ['admin', 'clerk', 'leader'];

/**
 * Computed from the records each time; the route (mocks/handlers/dashboard.ts) keeps the result
 * until the storage's revision advances.
 */
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
  // section) — counted by the storage in groups of letters with the same facts, not read one by
  // one: each KPI function's facts grouped by what it reads (the alert: by an open letter's
  // deadline), so the figures are exactly those of the letters one by one.
  const scope = scopeOf(user);
  // One after another: a transaction's statements share its connection.
  const grouped = async <K extends LetterGroupKey>(by: readonly K[]) => {
    const out: LetterGroup<K>[] = [];
    for (const q of dashboardLetterQueries(year))
      out.push(...(await tx.letterSearch.groups({ ...scope, ...q }, by)));
    return out;
  };
  const alert = (g: LetterGroup<'status' | 'openDueOn'>): Alert =>
    g.openDueOn === null
      ? 'none'
      : alertLevel(
          remainingWorkdays(cal, today, { status: g.status, dueOn: g.openDueOn }),
          dueSoonDays,
        );
  const letters: LetterFact[] = (await grouped(LETTER_KPI_KEYS)).map((g) => ({
    n: g.n,
    receivedOn: g.receivedOn,
    closed: g.status === 'closed',
    onTime: g.onTime,
    // 满意率 counts only a real follow-up answer (回访 reached the citizen, issue #20): an
    // opinion stored without a follow-up record was the close dialog's preset, not an answer.
    satisfaction: g.satisfaction as LetterFact['satisfaction'],
    repliedOn: g.repliedOn,
    alert: alert(g),
  }));
  const bySection: SectionLetterFact[] = (await grouped(SECTION_KPI_KEYS)).map((g) => ({
    n: g.n,
    receivedOn: g.receivedOn,
    closed: g.status === 'closed',
    onTime: g.onTime,
    alert: alert(g),
    sectionId: g.sectionId,
    atSection: g.status === 'assigned',
    supervised: g.supervised,
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
    sections: sectionKpis(bySection, sectionIds, ctx),
    catalogue: catalogueKpis(catalogue, ctx),
    assistance,
  };
}
