import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint, afterNextPaint, useAfterFirstPaint } from '@/lib/after-paint';

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

/**
 * A browser that reports paints (Paint Timing) when the test says so: `report()` delivers the
 * first contentful paint to the observers, as the browser does once that frame is presented.
 */
function paintTiming() {
  const observers = new Set<{ cb: PerformanceObserverCallback; self: PerformanceObserver }>();
  const reported: { name: string }[] = [];
  class FakeObserver {
    static supportedEntryTypes = ['paint', 'element'];
    constructor(private cb: PerformanceObserverCallback) {}
    observe(options: PerformanceObserverInit) {
      expect(options.type).toBe('paint');
      observers.add({ cb: this.cb, self: this as unknown as PerformanceObserver });
    }
    disconnect() {
      for (const o of observers)
        if (o.self === (this as unknown as PerformanceObserver)) observers.delete(o);
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  vi.spyOn(performance, 'getEntriesByName').mockImplementation(
    (name: string) => reported.filter((e) => e.name === name) as unknown as PerformanceEntryList,
  );
  return {
    report(name = 'first-contentful-paint') {
      const entries = [{ name, entryType: 'paint', startTime: 1, duration: 0 }];
      reported.push(...entries);
      const list = {
        getEntries: () => entries,
        getEntriesByName: (n: string) => entries.filter((e) => e.name === n),
      } as unknown as PerformanceObserverEntryList;
      for (const o of [...observers]) o.cb(list, o.self);
    },
    observing: () => observers.size,
  };
}

describe('afterFirstPaint', () => {
  afterEach(() => vi.restoreAllMocks());

  it('on the first load, waits for the first paint to be reported, not for the next frame', () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const paints = paintTiming();
    const fn = vi.fn();
    afterFirstPaint(fn);
    frames.draw();
    vi.advanceTimersByTime(100);
    frames.draw();
    vi.advanceTimersByTime(100);
    expect(fn).not.toHaveBeenCalled(); // frames began, the first one is not on screen yet
    paints.report('first-paint'); // the spinner: not the page's content
    expect(fn).not.toHaveBeenCalled();
    paints.report();
    expect(fn).toHaveBeenCalledOnce();
    expect(paints.observing()).toBe(0);
    vi.runAllTimers();
    expect(fn).toHaveBeenCalledOnce();
  });

  it('after the first paint (a page opened inside the app), after the next frame', () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const paints = paintTiming();
    paints.report();
    const fn = vi.fn();
    afterFirstPaint(fn);
    expect(paints.observing()).toBe(0);
    frames.draw();
    frames.draw();
    expect(fn).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(fn).toHaveBeenCalledOnce();
  });

  it('runs after its limit when no paint is reported, and once', () => {
    vi.useFakeTimers();
    manualFrames();
    const paints = paintTiming();
    const fn = vi.fn();
    afterFirstPaint(fn, 500);
    vi.advanceTimersByTime(499);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledOnce();
    expect(paints.observing()).toBe(0);
    paints.report();
    expect(fn).toHaveBeenCalledOnce();
  });

  it('can be cancelled: no call, nothing left observing or pending', () => {
    vi.useFakeTimers();
    manualFrames();
    const paints = paintTiming();
    const fn = vi.fn();
    afterFirstPaint(fn)();
    expect(paints.observing()).toBe(0);
    paints.report();
    vi.runAllTimers();
    expect(fn).not.toHaveBeenCalled();
  });

  it('without Paint Timing (or in a background tab), as afterNextPaint', () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const fn = vi.fn();
    afterFirstPaint(fn); // jsdom reports no paints
    frames.draw();
    frames.draw();
    vi.runAllTimers();
    expect(fn).toHaveBeenCalledOnce();
    paintTiming();
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const inBackground = vi.fn();
    afterFirstPaint(inBackground);
    vi.runAllTimers();
    expect(inBackground).toHaveBeenCalledOnce();
    hidden.mockRestore();
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

  it('on the first load, turns true when the first paint is reported', () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const paints = paintTiming();
    render(<Probe />);
    act(() => {
      frames.draw();
      frames.draw();
      vi.advanceTimersByTime(100);
    });
    expect(screen.getByText('first')).toBeInTheDocument();
    act(() => paints.report());
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
