// @vitest-environment node
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  PAGE_BANDS,
  cumulativeFee,
  feeFor,
  itemBands,
  type FeeMethod,
} from '@/features/applications/fees';

// Independent reference (domain.md §1, 国办函〔2020〕109号 第四条/第五条): the rate of the n-th unit
// charged to one applicant in one calendar month.
// 按件: 1–10 free; 11–30 at 100 元/件; from 31 on, each band of 10 adds 100 元/件 (31–40: 200, 41–50: 300 …).
const itemRate = (n: number) =>
  n <= 10 ? 0 : n <= 30 ? 100 : 100 * (2 + Math.floor((n - 31) / 10));
// 按量: 1–30 free; 31–100 at 10 元/页; 101–200 at 20 元/页; 201 and up at 40 元/页.
const pageRate = (n: number) => (n <= 30 ? 0 : n <= 100 ? 10 : n <= 200 ? 20 : 40);
const rateOf = (m: FeeMethod) => (m === 'per_item' ? itemRate : pageRate);
const refFee = (m: FeeMethod, count: number, prior = 0) => {
  let s = 0;
  for (let n = prior + 1; n <= prior + count; n++) s += rateOf(m)(n);
  return s;
};

const method = fc.constantFrom<FeeMethod>('per_item', 'per_page');

describe('fee bands at every edge (按件, per applicant per month)', () => {
  // Worked out by hand from the rule, not from the code:
  //  11 = 1×100; 30 = 20×100; 31 = 2000+200; 40 = 2000+10×200; 41 = 4000+300;
  //  50 = 4000+10×300 = 7000 (NOT 7300: the brief's figure does not follow from the rule);
  //  51 = 7000+400; 60 = 7000+10×400.
  it.each([
    [0, 0],
    [1, 0],
    [10, 0],
    [11, 100],
    [12, 200],
    [30, 2000],
    [31, 2200],
    [40, 4000],
    [41, 4300],
    [50, 7000],
    [51, 7400],
    [60, 11000],
    [61, 11500],
  ])('%i items → %i 元', (count, fee) => {
    expect(cumulativeFee('per_item', count)).toBe(fee);
    expect(feeFor('per_item', count).amount).toBe(fee);
    expect(refFee('per_item', count)).toBe(fee);
  });

  it('the bands: 1–10 free, 11–30 at 100, then +100 per band of 10, open to any count', () => {
    expect(itemBands(50)).toEqual([
      { from: 1, to: 10, rate: 0 },
      { from: 11, to: 30, rate: 100 },
      { from: 31, to: 40, rate: 200 },
      { from: 41, to: 50, rate: 300 },
    ]);
    const bands = itemBands(1234);
    expect(bands.at(-1)!.to).toBeGreaterThanOrEqual(1234);
    bands.forEach((b, i) => {
      if (i > 0) expect(b.from).toBe(bands[i - 1]!.to! + 1);
      if (i > 1) expect(b.rate).toBe(bands[i - 1]!.rate + 100);
    });
  });
});

describe('fee bands at every edge (按量, per page)', () => {
  // 31 = 1×10; 100 = 70×10; 101 = 700+20; 200 = 700+100×20; 201 = 2700+40.
  it.each([
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])('%i pages → %i 元', (count, fee) => {
    expect(cumulativeFee('per_page', count)).toBe(fee);
    expect(feeFor('per_page', count).amount).toBe(fee);
    expect(refFee('per_page', count)).toBe(fee);
  });

  it('the page bands are contiguous and the last is open-ended', () => {
    expect(PAGE_BANDS.map((b) => [b.from, b.to, b.rate])).toEqual([
      [1, 30, 0],
      [31, 100, 10],
      [101, 200, 20],
      [201, null, 40],
    ]);
  });
});

describe('feeFor(method, count, prior): the marginal fee within one month', () => {
  it('continues the progression from the units already charged this month', () => {
    // 8 items earlier this month, now 5 more: items 9–13 → 9, 10 free; 11, 12, 13 at 100.
    expect(feeFor('per_item', 5, 8).amount).toBe(300);
    expect(feeFor('per_item', 5, 8).lines.map((l) => [l.band.rate, l.units, l.amount])).toEqual([
      [0, 2, 0],
      [100, 3, 300],
    ]);
    // 25 pages earlier, 80 now: pages 26–105 → 5 free, 70 at 10, 5 at 20.
    expect(feeFor('per_page', 80, 25).amount).toBe(800);
    // Crossing two bands in one notice.
    expect(feeFor('per_item', 15, 28).amount).toBe(2 * 100 + 10 * 200 + 3 * 300);
  });

  it('matches the unit-by-unit reference', () => {
    fc.assert(
      fc.property(method, fc.nat(400), fc.nat(400), (m, count, prior) => {
        expect(feeFor(m, count, prior).amount).toBe(refFee(m, count, prior));
      }),
      { numRuns: 500 },
    );
  });

  it('splitting n units over k notices costs the same as one notice of n (Σ = cumulativeFee(n))', () => {
    fc.assert(
      fc.property(method, fc.array(fc.nat(120), { minLength: 1, maxLength: 8 }), (m, parts) => {
        let prior = 0;
        let sum = 0;
        for (const p of parts) {
          sum += feeFor(m, p, prior).amount;
          prior += p;
        }
        expect(sum).toBe(cumulativeFee(m, prior));
      }),
      { numRuns: 500 },
    );
  });

  it('is monotone non-decreasing in the count, in the prior units, and cumulatively', () => {
    fc.assert(
      fc.property(method, fc.nat(500), fc.nat(500), (m, count, prior) => {
        expect(cumulativeFee(m, count + 1)).toBeGreaterThanOrEqual(cumulativeFee(m, count));
        expect(feeFor(m, count + 1, prior).amount).toBeGreaterThanOrEqual(
          feeFor(m, count, prior).amount,
        );
        // Later units are never cheaper (超额累进).
        expect(feeFor(m, count, prior + 1).amount).toBeGreaterThanOrEqual(
          feeFor(m, count, prior).amount,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('its lines cover exactly the units charged, within their bands, and sum to the amount', () => {
    fc.assert(
      fc.property(method, fc.nat(400), fc.nat(400), (m, count, prior) => {
        const { amount, lines } = feeFor(m, count, prior);
        expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(amount);
        expect(lines.reduce((s, l) => s + l.units, 0)).toBe(count);
        for (const l of lines) {
          expect(l.units).toBeGreaterThan(0);
          expect(l.amount).toBe(l.units * l.band.rate);
          expect(l.units).toBeLessThanOrEqual(
            (l.band.to ?? Number.MAX_SAFE_INTEGER) - l.band.from + 1,
          );
        }
        expect(Number.isInteger(amount) && amount >= 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a count of 0 costs nothing and has no lines', () => {
    expect(feeFor('per_item', 0, 35)).toEqual({ amount: 0, lines: [] });
  });

  it('throws on invalid counts and prior units', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => cumulativeFee('per_item', bad)).toThrow(RangeError);
      expect(() => cumulativeFee('per_page', bad)).toThrow(RangeError);
      expect(() => feeFor('per_item', bad)).toThrow(RangeError);
      expect(() => feeFor('per_page', bad, 10)).toThrow(RangeError);
      expect(() => feeFor('per_item', 3, bad)).toThrow(RangeError);
    }
    // A negative count must not be able to produce a refund against earlier units.
    expect(() => feeFor('per_item', -5, 40)).toThrow(RangeError);
  });
});
