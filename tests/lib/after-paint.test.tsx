import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, useAfterFirstPaint } from '@/lib/after-paint';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Animation frames that run only when the test says the browser draws. */
function manualFrames() {
  const frames = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    frames.set(next, cb);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  return {
    draw() {
      const due = [...frames.values()];
      frames.clear();
      for (const cb of due) cb(performance.now());
    },
    pending: () => frames.size,
  };
}

describe('afterNextPaint', () => {
  it('runs after the next frame is drawn, not before', () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const fn = vi.fn();
    afterNextPaint(fn);
    vi.runAllTimers();
    expect(fn).not.toHaveBeenCalled(); // no frame drawn yet
    frames.draw();
    expect(fn).not.toHaveBeenCalled(); // in the frame, before its paint
    vi.runAllTimers();
    expect(fn).not.toHaveBeenCalled(); // painted, maybe not yet rasterised
    frames.draw();
    expect(fn).not.toHaveBeenCalled(); // the next frame has begun: the last one is on screen
    vi.runAllTimers();
    expect(fn).toHaveBeenCalledOnce();
    expect(frames.pending()).toBe(0);
  });

  it('runs on the next task in a background tab, where no frames come', () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const fn = vi.fn();
    afterNextPaint(fn);
    expect(frames.pending()).toBe(0);
    vi.runAllTimers();
    expect(fn).toHaveBeenCalledOnce();
    hidden.mockRestore();
  });

  it('can be cancelled before and after the frame', () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const before = vi.fn();
    afterNextPaint(before)();
    frames.draw();
    vi.runAllTimers();
    expect(before).not.toHaveBeenCalled();
    for (const framesBeforeCancel of [1, 2]) {
      const after = vi.fn();
      const cancel = afterNextPaint(after);
      for (let i = 0; i < framesBeforeCancel; i++) frames.draw();
      cancel();
      frames.draw();
      vi.runAllTimers();
      expect(after).not.toHaveBeenCalled();
      expect(frames.pending()).toBe(0);
    }
  });
});

describe('useAfterFirstPaint', () => {
  function Probe() {
    return <p>{useAfterFirstPaint() ? 'later' : 'first'}</p>;
  }

  it('is false for the first view and true once it is painted', () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    render(<Probe />);
    expect(screen.getByText('first')).toBeInTheDocument();
    act(() => vi.runAllTimers());
    expect(screen.getByText('first')).toBeInTheDocument();
    act(() => {
      frames.draw();
      vi.runAllTimers();
    });
    expect(screen.getByText('first')).toBeInTheDocument();
    act(() => {
      frames.draw();
      vi.runAllTimers();
    });
    expect(screen.getByText('later')).toBeInTheDocument();
  });

  it('does nothing after unmounting', () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const error = vi.spyOn(console, 'error');
    const { unmount } = render(<Probe />);
    unmount();
    frames.draw();
    vi.runAllTimers();
    expect(frames.pending()).toBe(0);
    expect(error).not.toHaveBeenCalled();
  });
});
