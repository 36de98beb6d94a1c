import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { paths } from '@/config/paths';
import { formatNumber, formatPercent } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import type { Dashboard, KpiCount, KpiDuration, KpiRate } from '../types';
import { changePhrase, monthText, rateBasisPhrase, ratePointsPhrase, type Phrase } from '../utils';
import classes from './dashboard.module.css';
import { KpiTile } from './kpi-tile';

/**
 * A titled group of tiles: two to a row, four from Mantine's md breakpoint (seven printed). Plain
 * elements with the module's styles, like the tiles: drawn with the page's first render.
 */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className={classes.section}>
      <h2 className={classes.sectionTitle}>{title}</h2>
      <div className={classes.grid}>{children}</div>
    </section>
  );
}

/** Every KPI of the year, grouped by what the office does, each a link into its list. */
export function DashboardView({ data }: { data: Dashboard }) {
  const { t, locale } = useI18n();
  const y = data.year;
  const say = (p: Phrase | null) => (p ? t(p.key, p.params) : null);
  const n = (v: number) => formatNumber(v, locale);
  const pct = (v: number) => formatPercent(v, locale);
  const change = (c: KpiCount) => say(changePhrase(c, pct));
  const rate = (r: KpiRate) => ({
    value: r.value === null ? '—' : pct(r.value),
    hint: say(rateBasisPhrase(r)) ?? undefined,
    change: say(ratePointsPhrase(r)),
  });
  const days = (
    d: KpiDuration,
    hintKey: 'dashboard.responseHint' | 'dashboard.applications.responseHint',
  ) => ({
    value:
      d.median === null
        ? '—'
        : t('dashboard.responseValue', {
            median: formatNumber(d.median, locale, d.median % 1 ? 1 : 0),
          }),
    hint: d.n
      ? t(hintKey, { mean: formatNumber(d.mean, locale, 1), n: d.n })
      : t('dashboard.responseNone'),
  });
  const L = data.letters;
  const A = data.applications;
  const C = data.catalogue;
  const S = data.assistance;
  // Each tile opens the list whose total is its figure (a rate's or a time's: the cases it rests
  // on), and says so there (`from`: the tile's label key; `:basis` for those cases).
  const letters = (q: string, from: string) => `${paths.letters}?${q}&from=dashboard:${from}`;
  const apps = (q: string, from: string) => `${paths.applications}?${q}&from=dashboard:${from}`;
  const cat = (q: string, from: string) => `${paths.catalogue}?${q}&from=dashboard:${from}`;
  return (
    <Stack gap="lg" className={classes.stack}>
      <Section title={t('dashboard.sections.letters')}>
        <KpiTile
          label={t('dashboard.received')}
          value={n(L.received.value)}
          change={change(L.received)}
          to={letters(`year=${y}`, 'received')}
        />
        <KpiTile
          label={t('dashboard.closed')}
          value={n(L.closed.value)}
          change={change(L.closed)}
          to={letters(`year=${y}&status=closed`, 'closed')}
        />
        <KpiTile
          label={t('dashboard.onTimeRate')}
          {...rate(L.onTimeRate)}
          to={letters(`year=${y}&status=closed`, 'onTimeRate:basis')}
        />
        <KpiTile
          label={t('dashboard.satisfactionRate')}
          {...rate(L.satisfactionRate)}
          hint={
            L.satisfactionRate.value === null
              ? (say(rateBasisPhrase(L.satisfactionRate)) ?? undefined)
              : t('dashboard.satisfactionBasis', {
                  num: L.satisfactionRate.numerator,
                  den: L.satisfactionRate.denominator,
                })
          }
          to={letters(`year=${y}&rated=true`, 'satisfactionRate:basis')}
        />
        <KpiTile
          label={t('dashboard.responseDays')}
          {...days(L.responseDays, 'dashboard.responseHint')}
          to={letters(`year=${y}&replied=true`, 'responseDays:basis')}
        />
        <KpiTile
          label={t('dashboard.overdue')}
          value={n(L.overdue)}
          hint={t('dashboard.nowHint')}
          tone={L.overdue ? 'red' : undefined}
          to={letters('alert=overdue&sort=remainingWorkdays', 'overdue')}
          testId="kpi-letters-overdue"
        />
        <KpiTile
          label={t('dashboard.dueSoon')}
          value={n(L.dueSoon)}
          hint={t('dashboard.nowHint')}
          tone={L.dueSoon ? 'orange' : undefined}
          to={letters('alert=due_soon&sort=remainingWorkdays', 'dueSoon')}
        />
      </Section>
      <Section title={t('dashboard.sections.applications')}>
        <KpiTile
          label={t('dashboard.applications.received')}
          value={n(A.received.value)}
          change={change(A.received)}
          to={apps(`year=${y}`, 'applications.received')}
        />
        <KpiTile
          label={t('dashboard.applications.pending')}
          value={n(A.pending.value)}
          to={apps(`year=${y}&open=true`, 'applications.pending')}
        />
        <KpiTile
          label={t('dashboard.applications.late')}
          value={n(A.late.value)}
          change={change(A.late)}
          tone={A.late.value ? 'orange' : undefined}
          to={apps(`year=${y}&late=true`, 'applications.late')}
        />
        <KpiTile
          label={t('dashboard.applications.onTimeRate')}
          {...rate(A.onTimeRate)}
          to={apps(`year=${y}&status=decided`, 'applications.onTimeRate:basis')}
        />
        <KpiTile
          label={t('dashboard.responseDays')}
          {...days(A.responseDays, 'dashboard.applications.responseHint')}
          to={apps(`year=${y}&status=decided`, 'responseDays:basis')}
        />
        <KpiTile
          label={t('dashboard.applications.overdue')}
          value={n(A.overdue)}
          hint={t('dashboard.nowHint')}
          tone={A.overdue ? 'red' : undefined}
          to={apps('alert=overdue', 'applications.overdue')}
          testId="kpi-applications-overdue"
        />
      </Section>
      <Section title={t('dashboard.sections.catalogue')}>
        <KpiTile
          label={t('dashboard.catalogue.published')}
          value={n(C.published.value)}
          change={change(C.published)}
          to={cat(`year=${y}`, 'catalogue.published')}
        />
        <KpiTile
          label={t('dashboard.catalogue.timelyRate')}
          {...rate(C.timelyRate)}
          to={cat(`year=${y}`, 'catalogue.timelyRate:basis')}
        />
        <KpiTile
          label={t('dashboard.catalogue.late')}
          value={n(C.late.value)}
          change={change(C.late)}
          hint={t('dashboard.catalogue.rule')}
          tone={C.late.value ? 'orange' : undefined}
          to={cat(`timely=false&year=${y}`, 'catalogue.late')}
        />
      </Section>
      {S && (
        <Section title={t('dashboard.sections.assistance')}>
          <KpiTile
            label={t('dashboard.assistance.persons')}
            value={S.through ? n(S.persons.value) : '—'}
            change={S.through ? change(S.persons) : null}
            hint={
              S.through
                ? t('dashboard.assistance.personsHint', {
                    month: monthText(S.through, locale),
                    urban: n(S.urbanDibao ?? 0),
                    rural: n(S.ruralDibao ?? 0),
                    tekun: n(S.tekun ?? 0),
                  })
                : t('dashboard.assistance.none')
            }
            badge={S.illustrative ? t('app.illustrative') : undefined}
            to={
              S.through
                ? `${paths.assistance}?period=${S.through}&program=rural_dibao`
                : paths.assistance
            }
            testId="kpi-assistance-persons"
          />
          <KpiTile
            label={t('dashboard.assistance.expenditure')}
            value={S.through ? formatNumber(S.expenditure.value / 10000, locale, 2) : '—'}
            change={S.through ? change(S.expenditure) : null}
            hint={
              S.through
                ? t('dashboard.assistance.expenditureHint', { month: monthText(S.through, locale) })
                : undefined
            }
            badge={S.illustrative ? t('app.illustrative') : undefined}
            to={`${paths.assistance}?tab=charts&year=${y}`}
            testId="kpi-assistance-expenditure"
          />
        </Section>
      )}
    </Stack>
  );
}
