// Statistics for the benchmark (tests/bench/run.mjs), apart so they can be tested
// (tests/bench/stats.test.ts).

/** The median of finite numbers (null for none). */
export function median(values) {
  const s = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** mulberry32: a small seeded generator, so the same samples always give the same interval. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Confidence interval of median(a) / median(b) by a paired percentile bootstrap.
 *
 * `pairs` are [a, b] measured back to back (the bench interleaves the pages, so the two loads of
 * a pair saw the same machine); resampling whole pairs keeps that. Pairs with a missing value are
 * left out. Returns null with fewer than 5 pairs.
 */
export function ratioOfMediansInterval(pairs, { level = 0.95, resamples = 4000, seed = 1 } = {}) {
  const ok = pairs.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b > 0);
  if (ok.length < 5) return null;
  const random = seeded(seed);
  const ratios = [];
  const as = new Array(ok.length);
  const bs = new Array(ok.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < ok.length; i++) {
      const [a, b] = ok[Math.floor(random() * ok.length)];
      as[i] = a;
      bs[i] = b;
    }
    ratios.push(median(as) / median(bs));
  }
  ratios.sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  const at = (q) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.floor(q * ratios.length)))];
  return {
    estimate: median(ok.map(([a]) => a)) / median(ok.map(([, b]) => b)),
    low: at(tail),
    high: at(1 - tail),
    level,
    pairs: ok.length,
    resamples,
  };
}

/**
 * A ratio target judged with the noise in mind: met when the whole interval is at or under the
 * target, missed when the whole interval is over it, and undecided when the interval spans it —
 * one run on a busy machine is then no evidence either way (run the bench again, or with more
 * runs). Without an interval, the point estimate decides.
 */
export function ratioVerdict(interval, estimate, target) {
  if (interval) {
    if (interval.high <= target) return 'met';
    if (interval.low > target) return 'missed';
    return 'undecided';
  }
  if (estimate == null) return 'undecided';
  return estimate <= target ? 'met' : 'missed';
}
