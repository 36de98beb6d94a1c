/** A reader of the live-events stream (`GET /events`) for the contract and server tests. */
import { expect } from 'vitest';

export interface Frame {
  id: string | null;
  data: { entity: string; id: string | null; version: number | null; action: string };
}

const open: AbortController[] = [];

/** Opens `GET <base>/events` as `token` and collects its frames as they arrive. */
export async function openEvents(base: string, token: string, lastEventId?: string) {
  const ctrl = new AbortController();
  open.push(ctrl);
  const res = await fetch(`${base}/events`, {
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'text/event-stream',
      ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
    },
    signal: ctrl.signal,
  });
  const frames: Frame[] = [];
  let ended = false;
  let buffer = '';
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (let i = 0; i < 100_000; i++) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.match(/^data: (.*)$/m)?.[1];
          if (data)
            frames.push({ id: block.match(/^id: (.*)$/m)?.[1] ?? null, data: JSON.parse(data) });
        }
      }
    } catch {
      /* aborted */
    }
    ended = true;
  })();
  return { res, frames, ended: () => ended, close: () => ctrl.abort() };
}

/** Closes every stream opened since the last call (an afterEach). */
export const closeEvents = () => open.splice(0).forEach((c) => c.abort());

/** Waits (bounded: 5 s) until `check` holds, then asserts it. */
export async function until(check: () => boolean) {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}
