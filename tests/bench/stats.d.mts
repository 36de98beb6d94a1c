// Types of stats.mjs (plain JavaScript: the bench runs it in Node without a build step).

export interface RatioInterval {
  estimate: number;
  low: number;
  high: number;
  level: number;
  pairs: number;
  resamples: number;
}

export function median(values: readonly number[]): number | null;

export function ratioOfMediansInterval(
  pairs: readonly (readonly [number, number])[],
  options?: { level?: number; resamples?: number; seed?: number },
): RatioInterval | null;

export function ratioVerdict(
  interval: Pick<RatioInterval, 'low' | 'high'> | null,
  estimate: number | null,
  target: number,
): 'met' | 'missed' | 'undecided';
