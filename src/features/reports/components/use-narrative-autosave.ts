import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { clearDraft, readDraft, writeDraft } from '@/lib/draft';
import { useSaveNarrative, useSetNarrative } from '../api';
import { narrativeText, type Narrative, type NarrativeRecord } from '../types';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed' | 'conflict';
export const AUTOSAVE_DELAY = 800;

/** The local draft: the text and the version it was written over (absent in older drafts). */
type Draft = Narrative & { version?: number };

const same = (a: Narrative, b: Narrative) =>
  a.overview === b.overview &&
  a.problems === b.problems &&
  a.other === b.other &&
  (a.publishedOn ?? '') === (b.publishedOn ?? '');

/**
 * Sections 一, 五 and 六 edited in place: every keystroke goes to a local draft at once (so a reload
 * or a failed request loses nothing) and, debounced, to `PUT …/narrative` with the version the text
 * was written over (If-Match). Saves never overlap: edits made while one is in flight are sent when
 * it returns. The draft is cleared only once the server has the latest text.
 *
 * When someone else saved in the meantime (409), nothing is overwritten and nothing is lost: the
 * autosave stops, `conflict` holds the other person's text, and the user either keeps theirs (saved
 * over the current version) or takes the current one.
 */
export function useNarrativeAutosave(
  year: number,
  server: NarrativeRecord,
  draftKey: string,
  enabled: boolean,
) {
  const save = useSaveNarrative(year);
  const setNarrative = useSetNarrative(year);
  const [restored] = useState(() => {
    const d = enabled ? readDraft<Draft>(draftKey) : null;
    return d && !same(narrativeText(d), narrativeText(server)) ? d : null;
  });
  const [values, setValues] = useState<Narrative>(narrativeText(restored ?? server));
  const [status, setStatus] = useState<SaveStatus>(restored ? 'pending' : 'idle');
  const [conflict, setConflict] = useState<NarrativeRecord | null>(null);
  const latest = useRef(values);
  // The version the text on screen was written over: sent as If-Match.
  const base = useRef(restored?.version ?? server.version);
  const edits = useRef(0);
  const inFlight = useRef(false);
  // While a conflict waits for the user's choice, nothing is sent.
  const blocked = useRef(false);
  const { mutateAsync } = save;

  const keepDraft = useCallback(
    () => writeDraft<Draft>(draftKey, { ...latest.current, version: base.current }),
    [draftKey],
  );

  const flush = useCallback(async () => {
    if (inFlight.current || blocked.current) return; // the running save sends newer text after
    inFlight.current = true;
    try {
      for (;;) {
        const seq = edits.current;
        setStatus('saving');
        const saved = await mutateAsync({ text: latest.current, version: base.current });
        base.current = saved.version;
        if (edits.current === seq) break;
        keepDraft(); // more text to send, now over the version just saved
      }
      clearDraft(draftKey);
      setStatus('saved');
    } catch (e) {
      const current =
        e instanceof ApiError && e.isVersionConflict ? e.current<NarrativeRecord>() : undefined;
      if (current && same(current, latest.current)) {
        // Someone saved exactly this text: nothing to choose.
        base.current = current.version;
        setNarrative(current);
        clearDraft(draftKey);
        setStatus('saved');
      } else if (current) {
        blocked.current = true;
        setConflict(current);
        setStatus('conflict');
      } else setStatus('failed');
    } finally {
      inFlight.current = false;
    }
  }, [mutateAsync, draftKey, keepDraft, setNarrative]);

  const schedule = useDebouncedCallback(() => void flush(), {
    delay: AUTOSAVE_DELAY,
    flushOnUnmount: true,
  });

  const change = useCallback(
    (field: keyof Narrative, text: string) => {
      latest.current = { ...latest.current, [field]: text };
      edits.current += 1;
      keepDraft();
      setValues(latest.current);
      if (blocked.current) return; // still in conflict: saved once the user has chosen
      setStatus('pending');
      schedule();
    },
    [keepDraft, schedule],
  );

  // A restored draft is sent once, on mount (a failure then waits for a retry or the next edit).
  const sentRestored = useRef(false);
  useEffect(() => {
    if (!restored || sentRestored.current) return;
    sentRestored.current = true;
    void flush();
  }, [restored, flush]);

  return {
    values,
    status,
    change,
    retry: () => void flush(),
    restored: restored !== null,
    /** The other person's narrative when a save met a newer version (409). */
    conflict,
    /** Save my text over the current version. */
    keepMine: () => {
      if (!conflict) return;
      base.current = conflict.version;
      blocked.current = false;
      setConflict(null);
      keepDraft();
      void flush();
    },
    /** Drop my text and show the current one. */
    takeTheirs: () => {
      if (!conflict) return;
      latest.current = narrativeText(conflict);
      edits.current += 1;
      base.current = conflict.version;
      blocked.current = false;
      setConflict(null);
      setValues(latest.current);
      setNarrative(conflict);
      clearDraft(draftKey);
      setStatus('saved');
    },
  };
}
