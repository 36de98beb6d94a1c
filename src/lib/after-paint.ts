import { useEffect, useState } from 'react';

/**
 * Calls `fn` once the browser has drawn the current frame: on the task after the *next* frame
 * begins. The first animation frame is the one that lays out and paints what was just rendered;
 * the compositor rasterises that frame on another thread after the main thread is done with it,
 * and only starts the next frame once those tiles are ready. Work started between the two (a
 * chunk's download, parse and evaluation) would compete with that rasterisation on a small
 * machine and delay what the user sees. In a background tab (no frames) or without animation
 * frames, on the next task. Returns a cancel function.
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

/**
 * False on the first render and until that render has been painted, then true: what is not part
 * of a page's first view (the header's controls, charts below the figures) is rendered — and its
 * lazy chunk, stylesheet and evaluation started — after the first view is on screen, not in the
 * frame that draws it.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextPaint(() => setPainted(true)), []);
  return painted;
}
