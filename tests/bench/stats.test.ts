import { describe, expect, it } from 'vitest';
import { median, ratioOfMediansInterval, ratioVerdict } from './stats.mjs';

/** Pairs of loads whose medians are in the ratio `ratio`, each load off by up to ±`spread`. */
function pairs(n: number, ratio: number, spread: number, seed = 7): [number, number][] {
  let s = seed;
  const next = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  return Array.from({ length: n }, () => [
    130 * ratio * (1 + spread * next()),
    130 * (1 + spread * next()),
  ]);
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones, of finite numbers', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, Number.NaN, null as unknown as number, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe('ratioOfMediansInterval', () => {
  it('is the ratio itself when every pair has the same ratio', () => {
    const exact = Array.from({ length: 15 }, (_, i): [number, number] => [
      1.5 * (100 + i),
      100 + i,
    ]);
    const ci = ratioOfMediansInterval(exact)!;
    expect(ci.estimate).toBeCloseTo(1.5, 10);
    expect(ci.low).toBeCloseTo(1.5, 10);
    expect(ci.high).toBeCloseTo(1.5, 10);
  });

  it('contains the estimate, narrows with more runs and widens with more noise', () => {
    const few = ratioOfMediansInterval(pairs(15, 1.7, 0.3))!;
    const many = ratioOfMediansInterval(pairs(121, 1.7, 0.3))!;
    const quiet = ratioOfMediansInterval(pairs(15, 1.7, 0.03))!;
    for (const ci of [few, many, quiet]) {
      expect(ci.low).toBeLessThanOrEqual(ci.estimate);
      expect(ci.high).toBeGreaterThanOrEqual(ci.estimate);
    }
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
    expect(quiet.high - quiet.low).toBeLessThan(few.high - few.low);
    expect(quiet.low).toBeGreaterThan(1.5);
    expect(quiet.high).toBeLessThan(1.9);
  });

  it('gives the same interval for the same samples (seeded)', () => {
    const p = pairs(21, 1.8, 0.3);
    expect(ratioOfMediansInterval(p)).toEqual(ratioOfMediansInterval(p));
  });

  it('leaves out pairs with a missing value, and needs five pairs', () => {
    const p = pairs(6, 1.6, 0.2);
    expect(ratioOfMediansInterval([...p, [Number.NaN, 100], [120, 0]])!.pairs).toBe(6);
    expect(ratioOfMediansInterval(p.slice(0, 4))).toBeNull();
  });
});

describe('ratioVerdict', () => {
  const ci = (low: number, high: number) => ({ low, high, estimate: (low + high) / 2 });
  it('is met only when the whole interval is at or under the target', () => {
    expect(ratioVerdict(ci(1.5, 1.9), 1.7, 2)).toBe('met');
    expect(ratioVerdict(ci(1.5, 2), 1.7, 2)).toBe('met');
    expect(ratioVerdict(ci(1.8, 2.1), 1.9, 2)).toBe('undecided');
    expect(ratioVerdict(ci(2.01, 2.4), 2.2, 2)).toBe('missed');
  });

  it('falls back on the estimate without an interval', () => {
    expect(ratioVerdict(null, 1.9, 2)).toBe('met');
    expect(ratioVerdict(null, 2.1, 2)).toBe('missed');
    expect(ratioVerdict(null, null, 2)).toBe('undecided');
  });
});
