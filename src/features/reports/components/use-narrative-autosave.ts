import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { clearDraft, readDraft, writeDraft } from '@/lib/draft';
import { useSaveNarrative } from '../api';
import type { Narrative } from '../types';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';
export const AUTOSAVE_DELAY = 800;

const same = (a: Narrative, b: Narrative) =>
  a.overview === b.overview && a.problems === b.problems && a.other === b.other;

/**
 * Sections 一, 五 and 六 edited in place: every keystroke goes to a local draft at once (so a reload
 * or a failed request loses nothing) and, debounced, to `PUT …/narrative`. Saves never overlap:
 * edits made while one is in flight are sent when it returns. The draft is cleared only once the
 * server has the latest text.
 */
export function useNarrativeAutosave(
  year: number,
  server: Narrative,
  draftKey: string,
  enabled: boolean,
) {
  const save = useSaveNarrative(year);
  const [restored] = useState(() => {
    const d = enabled ? readDraft<Narrative>(draftKey) : null;
    return d && !same(d, server) ? d : null;
  });
  const [values, setValues] = useState<Narrative>(restored ?? server);
  const [status, setStatus] = useState<SaveStatus>(restored ? 'pending' : 'idle');
  const latest = useRef(values);
  const edits = useRef(0);
  const inFlight = useRef(false);
  const { mutateAsync } = save;

  const flush = useCallback(async () => {
    if (inFlight.current) return; // the running save sends the newer text when it returns
    inFlight.current = true;
    try {
      for (;;) {
        const seq = edits.current;
        setStatus('saving');
        await mutateAsync(latest.current);
        if (edits.current === seq) break;
      }
      clearDraft(draftKey);
      setStatus('saved');
    } catch {
      setStatus('failed');
    } finally {
      inFlight.current = false;
    }
  }, [mutateAsync, draftKey]);

  const schedule = useDebouncedCallback(() => void flush(), {
    delay: AUTOSAVE_DELAY,
    flushOnUnmount: true,
  });

  const change = useCallback(
    (field: keyof Narrative, text: string) => {
      latest.current = { ...latest.current, [field]: text };
      edits.current += 1;
      writeDraft(draftKey, latest.current);
      setValues(latest.current);
      setStatus('pending');
      schedule();
    },
    [draftKey, schedule],
  );

  useEffect(() => {
    if (restored) void flush();
  }, [restored, flush]);

  return { values, status, change, retry: () => void flush(), restored: restored !== null };
}
