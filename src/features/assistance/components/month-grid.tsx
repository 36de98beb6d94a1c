import { Alert, Badge, Button, Card, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { useI18n } from '@/lib/i18n/provider';
import { useUser } from '@/lib/session';
import { assistanceQueries } from '../api';
import { gridErrors, indexFigures, pruneEdits, splitKey } from '../grid';
import { figureId, nearReorganisation } from '../rules';
import { PROGRAMS, type Program } from '../types';
import { ConflictAlert } from './conflict-alert';
import { GridActions } from './grid-actions';
import { GridTable, type GridProgram } from './grid-table';
import { GridToolbar } from './grid-toolbar';
import { HistoryDrawer } from './history-drawer';
import { useGridEdits } from './use-grid-edits';
import { useMonthActions } from './use-month-actions';

const countBy = (keys: string[]) => {
  const out: Partial<Record<Program, number>> = {};
  for (const k of keys) {
    const p = splitKey(k).program;
    out[p] = (out[p] ?? 0) + 1;
  }
  return out;
};

/** One month: regions in force down, the program's fields across; entered, saved, published. */
export function MonthGrid({
  period,
  program,
  onPeriod,
  onProgram,
}: {
  period: string;
  program: GridProgram;
  onPeriod: (period: string) => void;
  onProgram: (program: GridProgram) => void;
}) {
  const { t, locale } = useI18n();
  const user = useUser();
  const readOnly = user.role !== 'admin' && user.role !== 'clerk';
  const [regions, month] = useQueries({
    queries: [assistanceQueries.regions(`${period}-01`), assistanceQueries.month(period)],
  });
  const figures = useMemo(() => indexFigures(month.data ?? []), [month.data]);
  const draft = useGridEdits(user.id, period);
  const edits = useMemo(
    () => (month.data ? pruneEdits(draft.edits, period, figures) : draft.edits),
    [draft.edits, month.data, period, figures],
  );
  const actions = useMonthActions({ period, figures, edits, drop: draft.drop });
  const errors = useMemo(
    () => ({ ...gridErrors(edits, period, figures), ...actions.serverErrors }),
    [edits, period, figures, actions.serverErrors],
  );
  const [announce, setAnnounce] = useState('');
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const regionName = (code: string) => {
    const r = regions.data?.find((x) => x.code === code);
    return r ? (locale === 'zh-CN' ? r.name : r.nameEn) : code;
  };

  // After "save" found errors in another program: show that program, then focus the cell.
  useEffect(() => {
    if (!focusKey) return;
    const el = document.querySelector<HTMLInputElement>('table input[aria-invalid="true"]');
    el?.focus();
    setFocusKey(null);
  }, [focusKey, program]);

  const unsaved = countBy(Object.keys(edits));
  const invalid = countBy(Object.keys(errors));
  const all = month.data ?? [];
  const drafts = all.filter((f) => f.status === 'draft');
  const expected = (regions.data?.length ?? 0) * PROGRAMS.length;

  const onSave = () => {
    const keys = Object.keys(errors);
    if (keys.length) {
      setAnnounce(t('assistance.actions.fixErrors', { n: keys.length }));
      const first = splitKey(keys[0]!);
      if (program !== 'all' && first.program !== program) onProgram(first.program);
      setFocusKey(keys[0]!);
      return;
    }
    void actions.saveAll();
  };

  return (
    <Stack gap="md">
      <GridToolbar
        period={period}
        program={program}
        unsaved={unsaved}
        onPeriod={onPeriod}
        onProgram={onProgram}
      />
      {nearReorganisation(period) && (
        <Text size="sm" c="dimmed" data-testid="regions-note">
          {t('assistance.regionsNote')}
        </Text>
      )}
      {regions.isPending || month.isPending ? (
        <LoadingState rows={12} />
      ) : regions.data === undefined || month.data === undefined ? (
        // Only when there is nothing to show: a failed refetch (e.g. after a failed save) keeps
        // the grid and the edits on screen.
        <ErrorState
          error={regions.error ?? month.error}
          onRetry={() => void Promise.all([regions.refetch(), month.refetch()])}
        />
      ) : (
        <>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs">
              <Text size="sm" data-testid="month-status">
                {t('assistance.monthStatus', {
                  published: all.length - drafts.length,
                  draft: drafts.length,
                  empty: Math.max(0, expected - all.length),
                })}
              </Text>
              {all.some((f) => f.illustrative) && (
                <Badge color="gray" variant="outline">
                  {t('assistance.illustrative')}
                </Badge>
              )}
              {Object.keys(edits).length > 0 && (
                <Badge color="yellow" variant="outline">
                  {t('assistance.grid.unsaved', { n: Object.keys(edits).length })}
                </Badge>
              )}
              {Object.keys(errors).length > 0 && (
                <Badge color="red" variant="outline">
                  {t('assistance.grid.errors', { n: Object.keys(errors).length })}
                </Badge>
              )}
            </Group>
            {!readOnly && (
              <GridActions
                period={period}
                dirty={Object.keys(edits).length}
                drafts={drafts}
                figures={all}
                missing={Math.max(0, expected - all.length)}
                actions={actions}
                onSave={onSave}
                onDiscard={() => {
                  draft.clear();
                  setAnnounce(t('assistance.actions.discarded'));
                }}
              />
            )}
          </Group>
          {readOnly ? (
            <Alert variant="light" color="gray">
              {t('assistance.grid.readOnly')}
            </Alert>
          ) : (
            <Text size="xs" c="dimmed">
              {t('assistance.grid.hint')}
            </Text>
          )}
          {actions.failure && (
            <Alert color="red" role="alert" title={actions.failure.message}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {t(
                    actions.failure.action === 'save'
                      ? 'assistance.actions.saveFailedHint'
                      : 'assistance.actions.copyFailedHint',
                  )}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  loading={actions.failure.action === 'save' ? actions.saving : actions.copying}
                  onClick={() =>
                    actions.failure?.action === 'save' ? onSave() : void actions.copyPrevious()
                  }
                >
                  {t('app.retry')}
                </Button>
              </Group>
            </Alert>
          )}
          {draft.restored > 0 && Object.keys(edits).length > 0 && (
            <Alert
              color="blue"
              withCloseButton
              closeButtonLabel={t('app.close')}
              onClose={draft.dismissRestored}
            >
              {t('assistance.actions.draftRestored', { n: draft.restored })}
            </Alert>
          )}
          {program !== 'all' &&
            invalid[program] === undefined &&
            Object.keys(invalid).length > 0 && (
              <Alert color="red" variant="light">
                {PROGRAMS.filter((p) => invalid[p])
                  .map((p) =>
                    t('app.labelValue', {
                      label: t(`assistance.programs.${p}`),
                      value: t('assistance.grid.errors', { n: invalid[p]! }),
                    }),
                  )
                  .join(t('app.listSep'))}
              </Alert>
            )}
          <ConflictAlert
            conflicts={actions.conflicts.map((c) => ({
              ...c,
              current: c.current ?? figures.get(c.row.id),
            }))}
            regionName={regionName}
            busy={actions.saving}
            onKeepMine={actions.keepMine}
            onDropMine={actions.dropMine}
          />
          <Card padding={0}>
            <GridTable
              period={period}
              program={program}
              regions={regions.data}
              figures={figures}
              edits={edits}
              errors={errors}
              readOnly={readOnly}
              onEdit={(updates) => {
                draft.set(updates);
                actions.clearServerError(Object.keys(updates));
              }}
              onRevert={(key) => draft.drop([key])}
              onPasted={(n, m) =>
                setAnnounce(
                  m
                    ? t('assistance.grid.pastedClipped', { n, m })
                    : t('assistance.grid.pasted', { n }),
                )
              }
              onHistory={setHistoryOf}
            />
          </Card>
        </>
      )}
      <VisuallyHidden role="status" aria-live="polite" data-testid="grid-announcer">
        {announce}
      </VisuallyHidden>
      <HistoryDrawer
        figure={
          historyOf && program !== 'all'
            ? (figures.get(figureId(period, historyOf, program)) ?? null)
            : null
        }
        regionName={historyOf ? regionName(historyOf) : ''}
        onClose={() => setHistoryOf(null)}
      />
    </Stack>
  );
}
