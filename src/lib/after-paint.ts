import { useEffect, useState } from 'react';

/**
 * Calls `fn` once the browser has drawn the current frame: on the task after the *next* frame
 * begins. In a background tab (no frames) or without animation frames, on the next task. Returns
 * a cancel function. The next frame can begin before the last one's tiles are rasterised, so on a
 * page's first load `afterFirstPaint` waits for the first paint's report instead.
 */
export function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
    timer = setTimeout(fn, 0);
  } else {
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        frame = undefined;
        timer = setTimeout(fn, 0);
      });
    });
  }
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

const FIRST_PAINT = 'first-contentful-paint';

/** Whether the browser reports paints (Paint Timing), and has not yet reported the first one. */
function firstPaintPending(): boolean {
  return (
    typeof PerformanceObserver === 'function' &&
    (PerformanceObserver.supportedEntryTypes ?? []).includes('paint') &&
    document.visibilityState !== 'hidden' &&
    performance.getEntriesByName(FIRST_PAINT).length === 0
  );
}

/**
 * Calls `fn` once the page's first view is on screen. On the document's first load that is when
 * the browser reports its first contentful paint (Paint Timing), which it does once the frame is
 * rasterised and presented — work started earlier would compete with that rasterisation on a
 * small machine and delay what the user sees. Later (a page opened inside the app) after the next
 * frame, as `afterNextPaint`; at the latest after `limitMs`. Returns a cancel function.
 */
export function afterFirstPaint(fn: () => void, limitMs = 2000): () => void {
  if (!firstPaintPending()) return afterNextPaint(fn);
  let settled = false;
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName(FIRST_PAINT).length > 0) finish(true);
  });
  const timer = setTimeout(() => finish(true), limitMs);
  function finish(run: boolean) {
    if (settled) return;
    settled = true;
    observer.disconnect();
    clearTimeout(timer);
    if (run) fn();
  }
  observer.observe({ type: 'paint' });
  return () => finish(false);
}

/**
 * False on the first render and until that render is on screen, then true: what is not part of a
 * page's first view (the header's controls, charts below the figures) is rendered — and its lazy
 * chunk, stylesheet and evaluation started — after the first view is drawn, not while it is.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterFirstPaint(() => setPainted(true)), []);
  return painted;
}
