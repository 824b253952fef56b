// Laws of the interval helpers (STYLE.md §6); the reference values are in intervals.test.ts.
// Sources of the laws: statistics.md §1 (Wilson stays in [0, 1], is exact at 0 and n, and mirrors
// under k ↔ n − k), §2 (NPS clamped to [−100, 100]), §5 (t interval centred on the mean).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConfidenceInterval, effectiveSampleSize, meanInterval, npsInterval, wilsonInterval } from '../../src/stats/intervals.js';

const width = (ci: ConfidenceInterval) => ci.high - ci.low;
/** Interval `outer` contains interval `inner` (both non-null), up to an absolute `slack`. */
function contains(outer: ConfidenceInterval, inner: ConfidenceInterval, slack = 0): void {
  expect(outer.low, `${JSON.stringify(outer)} ⊇ ${JSON.stringify(inner)}`).toBeLessThanOrEqual(inner.low + slack);
  expect(outer.high, `${JSON.stringify(outer)} ⊇ ${JSON.stringify(inner)}`).toBeGreaterThanOrEqual(inner.high - slack);
}

/**
 * Two confidence levels, lower first, at least 1e-6 apart (quantiles are accurate to ~1e-13, so
 * levels a few ulps apart are not a meaningful order).
 */
const twoLevels = fc
  .tuple(fc.double({ min: 0.5, max: 0.9999, noNaN: true }), fc.double({ min: 0.5, max: 0.9999, noNaN: true }))
  .filter(([a, b]) => Math.abs(a - b) >= 1e-6)
  .map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]));

/** k successes of n trials, n ≥ 1 (small n often, up to a million). */
const kn = fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 1_000_000 })).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
/**
 * Fractional k of a fractional (effective) n, as weighted data give: k = 0, k = n, or a share
 * k/n in [1e-12, 1 − 1e-12]. Shares within ~1e-16 of 0 or 1 (with 0 < k < n) are left out: there
 * the bounds, good to ~1e-16 absolute, can miss p̂ by an ulp (the bug in the report; it.todo below).
 */
const knFractional = fc
  .tuple(fc.double({ min: 0.01, max: 1e5, noNaN: true }), fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true })))
  .map(([n, p]) => [p === 1 ? n : p * n, n] as const);
const anyKn = fc.oneof(kn, knFractional);

describe('wilsonInterval laws', () => {
  it('in bounds: for any 0 ≤ k ≤ n, 0 ≤ low ≤ k/n ≤ high ≤ 1, at the level asked', () => {
    fc.assert(
      fc.property(anyKn, fc.double({ min: 0.01, max: 0.9999, noNaN: true }), ([k, n], level) => {
        const ci = wilsonInterval(k, n, level)!;
        expect(ci.level).toBe(level);
        expect(ci.low).toBeGreaterThanOrEqual(0);
        expect(ci.low).toBeLessThanOrEqual(k / n);
        expect(ci.high).toBeGreaterThanOrEqual(k / n);
        expect(ci.high).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('exact ends: for any n, low is exactly 0 at k = 0 and high exactly 1 at k = n; otherwise both are strictly inside', () => {
    fc.assert(
      fc.property(kn, ([k, n]) => {
        const ci = wilsonInterval(k, n)!;
        if (k === 0) expect(ci.low).toBe(0);
        else expect(ci.low).toBeGreaterThan(0);
        if (k === n) expect(ci.high).toBe(1);
        else expect(ci.high).toBeLessThan(1);
      }),
    );
  });

  it('narrows with more data: for any k/n, (4k, 4n) gives a strictly narrower interval', () => {
    fc.assert(
      fc.property(anyKn, ([k, n]) => {
        expect(width(wilsonInterval(4 * k, 4 * n)!)).toBeLessThan(width(wilsonInterval(k, n)!));
      }),
    );
  });

  it('symmetric under success ↔ failure: for any k ≤ n, low(k, n) = 1 − high(n − k, n) and high(k, n) = 1 − low(n − k, n)', () => {
    fc.assert(
      fc.property(kn, fc.double({ min: 0.5, max: 0.999, noNaN: true }), ([k, n], level) => {
        const a = wilsonInterval(k, n, level)!;
        const b = wilsonInterval(n - k, n, level)!;
        expect(Math.abs(a.low - (1 - b.high))).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(a.high - (1 - b.low))).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it('level monotonic: for any k/n and levels c1 < c2, the c2 interval contains the c1 interval (99% ⊇ 95% ⊇ 90%)', () => {
    fc.assert(
      fc.property(anyKn, twoLevels, ([k, n], [c1, c2]) => {
        // `center − half` cancels near 0: the low bound is good to ~1e-16 absolute only, so a tiny
        // fractional k can give 0 at one level and 5.6e-17 at a higher one (see the it.todo above).
        contains(wilsonInterval(k, n, c2)!, wilsonInterval(k, n, c1)!, 1e-15);
      }),
    );
    fc.assert(
      fc.property(kn, ([k, n]) => {
        contains(wilsonInterval(k, n, 0.99)!, wilsonInterval(k, n, 0.95)!);
        contains(wilsonInterval(k, n, 0.95)!, wilsonInterval(k, n, 0.9)!);
      }),
    );
  });

  // Bug found (see report): for 0 < k/n ≲ 1e-16 (weighted data only), low = center − half rounds
  // to ~5e-17 > k/n, so the interval misses its own estimate and a higher level can have a higher
  // low; likewise high = center + half can round an ulp below a k/n within 1e-16 of 1.
  it('wilsonInterval(1e-15, 10).low ≤ 1e-16 (the interval contains p̂ for tiny fractional k)', () => {
    expect(wilsonInterval(1e-15, 10)!.low).toBeLessThanOrEqual(1e-16);
  });
  it('wilsonInterval(1.4170834330172994, 1.4170834330172997).high ≥ k/n (contains p̂ within an ulp of 1)', () => {
    const k = 1.4170834330172994;
    const n = 1.4170834330172997;
    expect(wilsonInterval(k, n)!.high).toBeGreaterThanOrEqual(k / n);
  });

  it('weights: with Kish n_eff of equal weights, the interval is the unweighted one', () => {
    fc.assert(
      fc.property(kn, fc.double({ min: 0.1, max: 10, noNaN: true }), ([k, n], w) => {
        const nEff = effectiveSampleSize(n * w, n * w * w);
        expect(Math.abs(nEff - n)).toBeLessThanOrEqual(1e-9 * n);
        const ci = wilsonInterval((k / n) * nEff, nEff)!;
        const plain = wilsonInterval(k, n)!;
        expect(Math.abs(ci.low - plain.low)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(ci.high - plain.high)).toBeLessThanOrEqual(1e-9);
      }),
    );
  });
});

/** Promoter, passive and detractor counts with n ≥ 1. */
const counts = fc
  .tuple(fc.nat({ max: 400 }), fc.nat({ max: 400 }), fc.nat({ max: 400 }))
  .filter(([p, pa, d]) => p + pa + d > 0)
  .map(([p, pa, d]) => ({ p, pa, d, n: p + pa + d }));

const npsCi = (c: { p: number; d: number; n: number }, level?: number) => npsInterval(c.p / c.n, c.d / c.n, c.n, level)!;
const scoreOf = (c: { p: number; d: number; n: number }) => 100 * (c.p / c.n - c.d / c.n);

describe('npsInterval laws', () => {
  it('in bounds: for any counts, −100 ≤ low ≤ score ≤ high ≤ 100', () => {
    fc.assert(
      fc.property(counts, fc.double({ min: 0.01, max: 0.9999, noNaN: true }), (c, level) => {
        const ci = npsCi(c, level);
        expect(ci.level).toBe(level);
        expect(ci.low).toBeGreaterThanOrEqual(-100);
        expect(ci.low).toBeLessThanOrEqual(scoreOf(c));
        expect(ci.high).toBeGreaterThanOrEqual(scoreOf(c));
        expect(ci.high).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('zero width exactly when every answer is in one category (variance 0)', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const oneCategory = c.p === c.n || c.pa === c.n || c.d === c.n;
        expect(width(npsCi(c)) === 0).toBe(oneCategory);
      }),
    );
  });

  it('narrows with more data: for any counts, 4× every count never widens, and strictly narrows unless the variance is 0', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const c4 = { p: 4 * c.p, pa: 4 * c.pa, d: 4 * c.d, n: 4 * c.n };
        const oneCategory = c.p === c.n || c.pa === c.n || c.d === c.n;
        if (oneCategory) expect(width(npsCi(c4))).toBe(0);
        else expect(width(npsCi(c4))).toBeLessThan(width(npsCi(c)));
      }),
    );
  });

  it('symmetric under promoters ↔ detractors: low(P, D) = −high(D, P)', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const a = npsCi(c);
        const b = npsCi({ ...c, p: c.d, d: c.p });
        expect(Math.abs(a.low + b.high)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(a.high + b.low)).toBeLessThanOrEqual(1e-9);
      }),
    );
  });

  it('level monotonic: for any counts and levels c1 < c2, the c2 interval contains the c1 interval', () => {
    fc.assert(
      fc.property(counts, twoLevels, (c, [c1, c2]) => {
        contains(npsCi(c, c2), npsCi(c, c1));
      }),
    );
  });

  it('effective n: for any counts, a smaller n_eff gives a wider (or equal) interval around the same score', () => {
    fc.assert(
      fc.property(counts, fc.double({ min: 0.05, max: 1, noNaN: true }), (c, f) => {
        const full = npsCi(c);
        const fewer = npsInterval(c.p / c.n, c.d / c.n, c.n * f)!;
        contains(fewer, full);
      }),
    );
  });

  it('no sample, no interval: n = 0 gives null at any level', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), (level) => {
        expect(npsInterval(0, 0, 0, level)).toBeNull();
        expect(wilsonInterval(0, 0, level)).toBeNull();
        expect(meanInterval(0, 0, 0, level)).toBeNull();
        expect(meanInterval(1, 5, 0, level)).toBeNull();
      }),
    );
  });
});

/** n ≥ 2 values with mean and sample variance s². */
const sample = fc.record({
  n: fc.oneof(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 2, max: 100_000 }), fc.double({ min: 2, max: 1e4, noNaN: true })),
  mean: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  s2: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })),
});

describe('meanInterval laws', () => {
  it('contains the mean and is centred on it: for any n ≥ 2, low ≤ mean ≤ high and mean − low = high − mean', () => {
    fc.assert(
      fc.property(sample, ({ n, mean, s2 }) => {
        const ci = meanInterval(n, mean, s2 * (n - 1))!;
        expect(ci.low).toBeLessThanOrEqual(mean);
        expect(ci.high).toBeGreaterThanOrEqual(mean);
        const tol = 1e-12 * Math.max(1, Math.abs(mean));
        expect(Math.abs(mean - ci.low - (ci.high - mean))).toBeLessThanOrEqual(tol + 1e-12 * width(ci));
      }),
    );
  });

  it('narrows with more data: for any n, mean and s² > 0, 4n values with the same s² give a strictly narrower interval', () => {
    fc.assert(
      fc.property(sample, ({ n, mean, s2 }) => {
        fc.pre(s2 > 0);
        const a = meanInterval(n, mean, s2 * (n - 1))!;
        const b = meanInterval(4 * n, mean, s2 * (4 * n - 1))!;
        expect(width(b)).toBeLessThan(width(a));
      }),
    );
  });

  it('level monotonic: for any sample and levels c1 < c2, the c2 interval contains the c1 interval', () => {
    fc.assert(
      fc.property(sample, twoLevels, ({ n, mean, s2 }, [c1, c2]) => {
        contains(meanInterval(n, mean, s2 * (n - 1), c2)!, meanInterval(n, mean, s2 * (n - 1), c1)!);
      }),
    );
  });
});
