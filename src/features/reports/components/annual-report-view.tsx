import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, type ReactNode } from 'react';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n/provider';
import { messagesOf } from '@/lib/i18n/core';
import { figureHref } from '../links';
import { figureLabel, reportFigures, table2Grid, table3Grid, table4Grid } from '../tables';
import type { AnnualReport, NarrativeSection } from '../types';
import { Figure, FigureProvider, Sentence } from './figure';
import {
  NarrativeConflict,
  NarrativeField,
  PublishedOnField,
  SaveStatusIndicator,
} from './narrative';
import classes from './report.module.css';
import { ReportGrid } from './report-grid';
import { ReportWarnings } from './report-warnings';
import { useNarrativeAutosave } from './use-narrative-autosave';

/**
 * The annual report as it will be published: the title, the template's six sections with the
 * narrative (editable in place for the office), the figures (each a link to its records, with
 * last year's beside it when comparing) and tables 二, 三, 四 in the template's layout.
 */
export function AnnualReportView({
  report,
  previous,
  canEdit,
  draftKey,
  reportPath,
  canSeeSettings,
  toolbar,
  children,
}: {
  report: AnnualReport;
  previous: AnnualReport | null;
  canEdit: boolean;
  draftKey: string;
  reportPath: string;
  canSeeSettings: boolean;
  toolbar: ReactNode;
  /** Shown after the report (e.g. the review register). */
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const L = messagesOf(locale).report;
  const { year } = report;
  const autosave = useNarrativeAutosave(year, report.narrative, draftKey, canEdit);
  const narrative = canEdit ? autosave.values : report.narrative;
  useEffect(() => {
    if (autosave.restored)
      notifications.show({
        id: 'narrative-restored',
        color: 'blue',
        message: t('report.narrative.draftRestored'),
      });
  }, [autosave.restored, t]);

  const figures = useMemo(
    () => ({
      href: (key: string) => figureHref(key, year, { reportPath, canSeeSettings }),
      previous: previous ? reportFigures(previous, L) : null,
    }),
    [year, reportPath, canSeeSettings, previous, L],
  );
  const what = (key: string) => figureLabel(key, L);
  const fig = (key: string, value: number, label: string) => (
    <Figure figureKey={key} value={value} what={label} inline />
  );
  const heading = (id: NarrativeSection | 'proactive' | 'applications' | 'review') => (
    <Title order={2} size="h4" id={`report-${id}`} className={classes.sectionHeading}>
      {t(`report.sections.${id}`)}
    </Title>
  );
  const field = (f: NarrativeSection) => (
    <NarrativeField
      field={f}
      headingId={`report-${f}`}
      value={narrative[f]}
      editable={canEdit}
      onChange={autosave.change}
    />
  );
  const { catalogue: c, letters: l, fees } = report;

  return (
    <FigureProvider value={figures}>
      <Stack gap="md">
        <Group
          className={`${classes.toolbar} ${classes.noPrint}`}
          justify="space-between"
          role="toolbar"
          aria-label={t('report.toolbar.label')}
        >
          <Group gap="sm" align="center">
            {toolbar}
          </Group>
          {canEdit ? (
            <SaveStatusIndicator status={autosave.status} onRetry={autosave.retry} />
          ) : (
            <Text size="sm" className={classes.muted}>
              {t('report.narrative.readOnly')}
            </Text>
          )}
        </Group>
        <ReportWarnings warnings={report.warnings} labels={L} />
        {canEdit && autosave.conflict && (
          <NarrativeConflict
            current={autosave.conflict}
            mine={autosave.values}
            onKeepMine={autosave.keepMine}
            onTakeTheirs={autosave.takeTheirs}
          />
        )}
        <Paper
          component="article"
          withBorder
          className={classes.paper}
          aria-labelledby="report-title"
        >
          <Title order={1} size="h2" id="report-title" className={classes.docTitle}>
            {t('report.title', { organisation: report.organisation, year })}
          </Title>
          <Text size="xs" ta="center" className={`${classes.muted} ${classes.noPrint}`}>
            {t('report.compiledAt', { at: formatDateTime(report.compiledAt, locale) })}
            {' · '}
            {t('report.deadline')}
          </Text>

          <section aria-labelledby="report-overview">
            {heading('overview')}
            {field('overview')}
          </section>
          <section aria-labelledby="report-proactive" className={classes.tableSection}>
            {heading('proactive')}
            <p className={classes.prose}>
              <Sentence
                text={t('report.proactiveText')}
                parts={{
                  published: fig('catalogue|published', c.published, t('report.figures.published')),
                  timely: fig('catalogue|timely', c.timely, t('report.figures.timely')),
                  powersList: fig(
                    'catalogue|powersList',
                    c.powersList,
                    t('report.figures.powersList'),
                  ),
                }}
              />
            </p>
            <ReportGrid
              grid={table2Grid(report.tables.proactive, L)}
              label={t('report.sections.proactive')}
              what={what}
            />
            <p className={classes.note} data-testid="table2-basis">
              {t('report.table2Basis', { year: report.year })}
            </p>
          </section>
          <section aria-labelledby="report-applications" className={classes.tableSection}>
            {heading('applications')}
            <ReportGrid
              grid={table3Grid(report.tables.applications.rows, L)}
              label={t('report.sections.applications')}
              what={what}
            />
          </section>
          <section aria-labelledby="report-review" className={classes.tableSection}>
            {heading('review')}
            <ReportGrid
              grid={table4Grid(report.tables.review, L)}
              label={t('report.sections.review')}
              what={what}
            />
          </section>
          <section aria-labelledby="report-problems">
            {heading('problems')}
            {field('problems')}
          </section>
          <section aria-labelledby="report-other">
            {heading('other')}
            {field('other')}
            <Title order={3} size="h5" className={classes.subHeading}>
              {t('report.letters.heading')}
            </Title>
            <p className={classes.prose}>
              <Sentence
                text={t('report.letters.text')}
                parts={{
                  received: fig('letters|received', l.received, t('report.figures.received')),
                  mayor: fig(
                    'letters|mayorMailbox',
                    l.mayorMailbox,
                    t('report.figures.mayorMailbox'),
                  ),
                  closed: fig('letters|closed', l.closed, t('report.figures.closed')),
                  onTime: fig(
                    'letters|closedOnTime',
                    l.closedOnTime,
                    t('report.figures.closedOnTime'),
                  ),
                }}
              />
            </p>
            <Title order={3} size="h5" className={classes.subHeading}>
              {t('report.fees.heading')}
            </Title>
            <p className={classes.prose}>
              {fees.amount > 0 || previous ? (
                <Sentence
                  text={t('report.fees.text')}
                  parts={{ amount: fig('fees|amount', fees.amount, t('report.figures.fees')) }}
                />
              ) : (
                t('report.fees.none')
              )}
            </p>
          </section>
          <div className={classes.signature} data-testid="signature">
            <div>{report.organisation}</div>
            <PublishedOnField
              value={narrative.publishedOn ?? ''}
              compiledOn={report.compiledAt.slice(0, 10)}
              editable={canEdit}
              onChange={autosave.change}
            />
          </div>
        </Paper>
        {children}
      </Stack>
    </FigureProvider>
  );
}
