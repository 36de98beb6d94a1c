import { useEffect, useState } from 'react';
import { clearDraft, readDraft, writeDraft } from '@/lib/draft';
import type { Edits } from '../grid';

const draftKey = (userId: string, period: string) => `assistance.${userId}.${period}`;

/**
 * The grid's unsaved edits for one month, kept in localStorage as they are typed, so a reload, a
 * failed save or a closed tab loses nothing. Each month has its own draft.
 */
export function useGridEdits(userId: string, period: string) {
  const key = draftKey(userId, period);
  const [state, setState] = useState(() => load(key));
  // A different month: its own draft (state derived during render, no effect round-trip).
  if (state.key !== key) setState(load(key));
  const edits = state.key === key ? state.edits : load(key).edits;

  useEffect(() => {
    if (state.key !== key) return;
    if (Object.keys(state.edits).length) writeDraft(key, state.edits);
    else clearDraft(key);
  }, [key, state]);

  const update = (fn: (e: Edits) => Edits) =>
    setState((s) => ({ ...s, edits: fn(s.key === key ? s.edits : {}) }));

  return {
    edits,
    restored: state.key === key ? state.restored : 0,
    dismissRestored: () => setState((s) => ({ ...s, restored: 0 })),
    set: (updates: Edits) => update((e) => ({ ...e, ...updates })),
    drop: (keys: string[]) =>
      update((e) => {
        const next = { ...e };
        for (const k of keys) delete next[k];
        return next;
      }),
    clear: () => setState({ key, edits: {}, restored: 0 }),
  };
}

function load(key: string) {
  const edits = readDraft<Edits>(key) ?? {};
  return { key, edits, restored: Object.keys(edits).length };
}
