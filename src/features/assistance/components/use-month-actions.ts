import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/errors';
import { useI18n } from '@/lib/i18n/provider';
import { useCopyFromPrevious, usePublishMonth, useSaveRows, type SaveRow } from '../api';
import { cellKey, editedRows, type Edits, type Figures } from '../grid';
import { toValues } from '../rules';
import { PROGRAM_FIELDS, type AssistanceFigure, type FigureField } from '../types';
import type { Conflict } from './conflict-alert';

const rowKeys = (r: Pick<SaveRow, 'regionCode' | 'program'>) =>
  (PROGRAM_FIELDS[r.program] as readonly FigureField[]).map((f) =>
    cellKey(r.regionCode, r.program, f),
  );

/** A 422's field errors, put on the cells of the row they belong to. */
function cellErrors(row: SaveRow, errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const first = rowKeys(row)[0]!;
  for (const [path, msg] of Object.entries(errors)) {
    const field = path.startsWith('values.') ? path.slice(7) : null;
    const key = field ? cellKey(row.regionCode, row.program, field as FigureField) : first;
    out[key] ??= msg;
  }
  return out;
}

/** Save, publish and copy for one month, with conflicts and server errors kept per row. */
export function useMonthActions(opts: {
  period: string;
  figures: Figures;
  edits: Edits;
  drop: (keys: string[]) => void;
}) {
  const { period, figures, edits, drop } = opts;
  const { t } = useI18n();
  const save = useSaveRows(period);
  const publish = usePublishMonth(period);
  const copy = useCopyFromPrevious(period);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  // A save or copy the server did not answer: shown above the grid with a retry until one succeeds.
  const [failure, setFailure] = useState<{
    action: 'save' | 'copy';
    period: string;
    message: string;
  } | null>(null);
  const [publishError, setPublishError] = useState<string | null>(null);

  const say = (e: unknown) => {
    const m = errorMessage(e);
    return t(m.key, m.params);
  };
  const settle = (action: 'save' | 'copy', e: unknown) =>
    setFailure((f) => (e ? { action, period, message: say(e) } : f?.action === action ? null : f));

  async function saveRows(rows: SaveRow[]) {
    const results = await save.mutateAsync(rows);
    const saved: string[] = [];
    const found: Conflict[] = [];
    let errs: Record<string, string> = {};
    let other: unknown = null;
    results.forEach((res, i) => {
      const row = rows[i]!;
      if (res.status === 'fulfilled') saved.push(row.id);
      else if (
        res.reason instanceof ApiError &&
        (res.reason.isVersionConflict || res.reason.status === 428)
      )
        found.push({ row, current: res.reason.current<AssistanceFigure>() });
      else if (res.reason instanceof ApiError && res.reason.status === 422)
        errs = { ...errs, ...cellErrors(row, res.reason.errors) };
      else other = res.reason;
    });
    const done = rows.filter((r) => saved.includes(r.id));
    drop(done.flatMap(rowKeys));
    setConflicts((cs) => [...cs.filter((c) => !rows.some((r) => r.id === c.row.id)), ...found]);
    setServerErrors((prev) => {
      const next = { ...prev };
      for (const r of rows) for (const k of rowKeys(r)) delete next[k];
      return { ...next, ...errs };
    });
    if (done.length)
      notifications.show({
        color: 'green',
        message: t('assistance.actions.saved', { n: done.length }),
      });
    settle('save', other);
  }

  return {
    conflicts,
    serverErrors,
    /** The month's failed save (while edits remain) or copy. */
    failure:
      failure?.period === period && (failure.action === 'copy' || Object.keys(edits).length > 0)
        ? failure
        : null,
    publishError,
    clearPublishError: () => setPublishError(null),
    clearServerError: (keys: string[]) =>
      setServerErrors((prev) => {
        if (!keys.some((k) => k in prev)) return prev;
        const next = { ...prev };
        for (const k of keys) delete next[k];
        return next;
      }),
    saving: save.isPending,
    publishing: publish.isPending,
    copying: copy.isPending,
    /** Every edited row, one PUT each, with the version the grid was showing. */
    saveAll: async () => {
      const rows = editedRows(edits, period, figures).map((r) => ({
        id: r.id,
        regionCode: r.regionCode,
        program: r.program,
        values: toValues(r.program, r.raw),
        version: figures.get(r.id)?.version,
      }));
      if (rows.length && !save.isPending) await saveRows(rows);
    },
    keepMine: (c: Conflict) => {
      const current = c.current ?? figures.get(c.row.id);
      void saveRows([{ ...c.row, version: current?.version }]);
    },
    dropMine: (c: Conflict) => {
      drop(rowKeys(c.row));
      setConflicts((cs) => cs.filter((x) => x.row.id !== c.row.id));
    },
    publishDrafts: async (drafts: AssistanceFigure[]) => {
      if (publish.isPending) return false;
      setPublishError(null);
      try {
        const r = await publish.mutateAsync(drafts.map((f) => ({ id: f.id, version: f.version })));
        notifications.show({
          color: 'green',
          message: t('assistance.actions.published', { n: r.published }),
        });
        return true;
      } catch (e) {
        setPublishError(say(e));
        return false;
      }
    },
    copyPrevious: async () => {
      if (copy.isPending) return;
      try {
        const r = await copy.mutateAsync();
        settle('copy', null);
        notifications.show({
          color: r.created ? 'green' : 'gray',
          message: r.created
            ? t('assistance.actions.copied', { n: r.created })
            : t('assistance.actions.copiedNone'),
        });
      } catch (e) {
        settle('copy', e);
      }
    },
  };
}
