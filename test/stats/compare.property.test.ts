// Laws of the comparisons (STYLE.md §6); reference values are in compare.test.ts (statistics.md
// §3–§5). The mirror laws hold exactly: a − b and b − a are exact negatives in IEEE arithmetic and
// every variance sum is commutative, so swapping the sides negates the difference and the interval
// bit for bit (`+ 0` below folds −0 into 0).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Comparison, compareMeans, compareNps, compareRates } from '../../src/stats/compare.js';

/** Promoter / detractor counts of a non-empty sample (passives are n − promoters − detractors). */
const npsSample = fc
  .tuple(fc.nat({ max: 300 }), fc.nat({ max: 300 }), fc.nat({ max: 300 }))
  .filter(([p, pa, d]) => p + pa + d > 0)
  .map(([p, pa, d]) => ({ n: p + pa + d, promoters: p, detractors: d }));

/** k successes of n ≥ 1. */
const rateSample = fc.integer({ min: 1, max: 2000 }).chain((n) => fc.record({ successes: fc.integer({ min: 0, max: n }), n: fc.constant(n) }));

/** A mean result: n ≥ 2 values, mean and sd (sometimes 0). */
const meanSample = fc.record({
  mean: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
  n: fc.integer({ min: 2, max: 500 }),
  sd: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.double({ min: 1e-3, max: 1e3, noNaN: true }), weight: 6 }),
});

const confidence = fc.oneof(fc.constantFrom(0.9, 0.95, 0.99), fc.double({ min: 0.5, max: 0.999, noNaN: true }));

const zero = (x: number) => x + 0;

/** b is a mirrored: difference, statistic and interval negated; p-value, test, df and reason equal. */
function mirrored(ab: Comparison, ba: Comparison): void {
  expect(ba.difference === null ? null : zero(ba.difference)).toBe(ab.difference === null ? null : zero(-ab.difference));
  expect(ba.pValue).toBe(ab.pValue);
  expect(ba.significant).toBe(ab.significant);
  expect(ba.reason).toBe(ab.reason);
  expect(ba.df).toBe(ab.df);
  expect(ba.statistic === null ? null : zero(ba.statistic)).toBe(ab.statistic === null ? null : zero(-ab.statistic));
  if (ab.ci === null) expect(ba.ci).toBeNull();
  else {
    expect(zero(ba.ci!.low)).toBe(zero(-ab.ci.high));
    expect(zero(ba.ci!.high)).toBe(zero(-ab.ci.low));
    expect(ba.ci!.level).toBe(ab.ci.level);
  }
}

/** The shape every comparison keeps: p in [0, 1] with a null reason, or no test and a reason. */
function wellFormed(r: Comparison, level: number): void {
  if (r.pValue === null) {
    expect(r.reason).not.toBeNull();
    expect(r.significant).toBe(false);
    expect(r.statistic).toBeNull();
  } else {
    expect(r.reason).toBeNull();
    expect(r.pValue).toBeGreaterThanOrEqual(0);
    expect(r.pValue).toBeLessThanOrEqual(1);
    expect(r.significant).toBe(r.pValue < 1 - level);
    expect(Number.isFinite(r.statistic)).toBe(true);
  }
  if (r.ci !== null) {
    expect(r.ci.level).toBe(level);
    expect(r.ci.low).toBeLessThanOrEqual(r.difference!);
    expect(r.ci.high).toBeGreaterThanOrEqual(r.difference!);
  }
}

const excludesZero = (r: Comparison) => r.ci !== null && (r.ci.low > 0 || r.ci.high < 0);

describe('compareNps laws', () => {
  it('compare(a, a): for any sample with spread, difference 0, p-value 1, not significant, interval symmetric about 0', () => {
    fc.assert(
      fc.property(npsSample, (a) => {
        const r = compareNps(a, a);
        expect(r.difference).toBe(0);
        const oneCategory = a.promoters === a.n || a.detractors === a.n || a.promoters + a.detractors === 0;
        if (oneCategory) expect(r).toMatchObject({ pValue: null, reason: 'zero-variance', significant: false });
        else {
          expect(r.pValue).toBe(1);
          expect(r.significant).toBe(false);
          expect(zero(r.ci!.low)).toBe(zero(-r.ci!.high));
        }
      }),
    );
  });

  it('mirror: for any a, b, compare(b, a) is compare(a, b) with difference, statistic and interval negated', () => {
    fc.assert(
      fc.property(npsSample, npsSample, confidence, (a, b, c) => {
        mirrored(compareNps(a, b, { confidence: c }), compareNps(b, a, { confidence: c }));
      }),
    );
  });

  it('well formed: for any a, b and level, p ∈ [0, 1], significant ⇔ p < 1 − confidence, and the interval holds the difference', () => {
    fc.assert(
      fc.property(npsSample, npsSample, confidence, (a, b, c) => {
        wellFormed(compareNps(a, b, { confidence: c }), c);
      }),
    );
  });

  it('interval and test agree: for any a, b and level, the interval excludes 0 ⇔ significant (same z for both)', () => {
    fc.assert(
      fc.property(npsSample, npsSample, confidence, (a, b, c) => {
        const r = compareNps(a, b, { confidence: c });
        fc.pre(r.pValue !== null);
        expect(excludesZero(r)).toBe(r.significant);
      }),
    );
  });

  it('level monotonic: for any a, b, the 99% interval of the difference contains the 95% one', () => {
    fc.assert(
      fc.property(npsSample, npsSample, (a, b) => {
        const r95 = compareNps(a, b);
        const r99 = compareNps(a, b, { confidence: 0.99 });
        if (r95.ci === null) return;
        expect(r99.ci!.low).toBeLessThanOrEqual(r95.ci.low);
        expect(r99.ci!.high).toBeGreaterThanOrEqual(r95.ci.high);
      }),
    );
  });

  it('no test when both sides have zero variance (each all one category), whatever their scores', () => {
    const oneCategory = fc
      .tuple(fc.integer({ min: 1, max: 200 }), fc.constantFrom('promoters', 'passives', 'detractors'))
      .map(([n, c]) => ({ n, promoters: c === 'promoters' ? n : 0, detractors: c === 'detractors' ? n : 0 }));
    fc.assert(
      fc.property(oneCategory, oneCategory, (a, b) => {
        expect(compareNps(a, b)).toMatchObject({ pValue: null, ci: null, significant: false, reason: 'zero-variance' });
      }),
    );
  });
});

describe('compareRates laws', () => {
  it('compare(a, a): for any 0 < k < n, difference 0, p-value 1, not significant, interval symmetric about 0', () => {
    fc.assert(
      fc.property(rateSample, (a) => {
        const r = compareRates(a, a);
        expect(r.difference).toBe(0);
        expect(zero(r.ci!.low)).toBe(zero(-r.ci!.high));
        if (a.successes === 0 || a.successes === a.n) expect(r).toMatchObject({ pValue: null, reason: 'zero-variance' });
        else expect(r).toMatchObject({ pValue: 1, significant: false, reason: null });
      }),
    );
  });

  it('mirror: for any a, b, compare(b, a) is compare(a, b) with difference, statistic and Newcombe interval negated', () => {
    fc.assert(
      fc.property(rateSample, rateSample, confidence, (a, b, c) => {
        mirrored(compareRates(a, b, { confidence: c }), compareRates(b, a, { confidence: c }));
      }),
    );
  });

  it('well formed: for any a, b and level, p ∈ [0, 1], significant ⇔ p < 1 − confidence, interval ⊆ [−1, 1] and holds the difference', () => {
    fc.assert(
      fc.property(rateSample, rateSample, confidence, (a, b, c) => {
        const r = compareRates(a, b, { confidence: c });
        wellFormed(r, c);
        expect(r.ci!.low).toBeGreaterThanOrEqual(-1);
        expect(r.ci!.high).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('counts and rate results agree: for any a, b, { successes, n } and { rate: successes / n, n } give the same p-value', () => {
    fc.assert(
      fc.property(rateSample, rateSample, (a, b) => {
        const counts = compareRates(a, b);
        const rates = compareRates({ rate: a.successes / a.n, n: a.n }, { rate: b.successes / b.n, n: b.n });
        expect(rates.reason).toBe(counts.reason);
        if (counts.pValue === null) return;
        expect(Math.abs(rates.pValue! - counts.pValue)).toBeLessThanOrEqual(1e-9 * Math.max(counts.pValue, 1e-12));
      }),
    );
  });
});

describe('compareMeans laws', () => {
  it('compare(a, a): for any mean with sd > 0, difference 0, p-value 1, not significant', () => {
    fc.assert(
      fc.property(meanSample, (a) => {
        const r = compareMeans(a, a);
        expect(r.difference).toBe(0);
        if (a.sd === 0) expect(r).toMatchObject({ pValue: null, reason: 'zero-variance' });
        else {
          expect(r).toMatchObject({ pValue: 1, significant: false, reason: null });
          expect(zero(r.ci!.low)).toBe(zero(-r.ci!.high));
        }
      }),
    );
  });

  it('mirror: for any a, b, compare(b, a) is compare(a, b) with difference, t and interval negated, same df', () => {
    fc.assert(
      fc.property(meanSample, meanSample, confidence, (a, b, c) => {
        mirrored(compareMeans(a, b, { confidence: c }), compareMeans(b, a, { confidence: c }));
      }),
    );
  });

  it('well formed: for any a, b and level, p ∈ [0, 1], significant ⇔ p < 1 − confidence, and df between min(n) − 1 and n_a + n_b − 2', () => {
    fc.assert(
      fc.property(meanSample, meanSample, confidence, (a, b, c) => {
        const r = compareMeans(a, b, { confidence: c });
        wellFormed(r, c);
        if (r.df === null) return;
        const slack = 1e-9 * (a.n + b.n);
        expect(r.df).toBeGreaterThanOrEqual(Math.min(a.n, b.n) - 1 - slack);
        expect(r.df).toBeLessThanOrEqual(a.n + b.n - 2 + slack);
      }),
    );
  });

  it('interval and test agree: for any a, b and level, the interval excludes 0 ⇔ significant (same Welch t and df for both)', () => {
    fc.assert(
      fc.property(meanSample, meanSample, confidence, (a, b, c) => {
        const r = compareMeans(a, b, { confidence: c });
        fc.pre(r.pValue !== null);
        expect(excludesZero(r)).toBe(r.significant);
      }),
    );
  });

  it('too few or empty: for any side with n < 2, no test; with n = 0 or mean null, not even a difference', () => {
    fc.assert(
      fc.property(meanSample, fc.double({ min: -100, max: 100, noNaN: true }), (a, m) => {
        expect(compareMeans({ mean: m, n: 1, sd: null }, a)).toMatchObject({ difference: m - a.mean, pValue: null, ci: null, reason: 'too-few' });
        expect(compareMeans(a, { mean: null, n: 0, sd: null })).toMatchObject({ difference: null, pValue: null, reason: 'empty' });
      }),
    );
  });
});
