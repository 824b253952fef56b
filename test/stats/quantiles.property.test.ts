// Laws of the type-7 quantile and of DDSketch (../shared/reference/statistics.md §8: sketch results
// are approximations; test the documented bound, not type-7 digits). The oracle is the §8 formula
// on a plainly sorted copy, written out here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DDSketch, type DDSketchState, quantile, quantileSorted } from '../../src/stats/quantiles.js';
import { durationArb, nonFiniteNumbers, threeParts, withCut, withPermutation } from '../_arbitraries.js';

/** §8: h = (n − 1)p, j = ⌊h⌋, Q = x(j) + (h − j)(x(j+1) − x(j)); Q(1) = x(n−1). */
function type7(xs: readonly number[], p: number): { q: number; lo: number; hi: number } {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const j = Math.floor(h);
  if (j >= s.length - 1) return { q: s[s.length - 1]!, lo: s[s.length - 1]!, hi: s[s.length - 1]! };
  return { q: s[j]! + (h - j) * (s[j + 1]! - s[j]!), lo: s[j]!, hi: s[j + 1]! };
}

/** Durations, plus values the sketch treats specially: exact zeros, subnormals, and tiny and huge values. */
const valueArb = fc.oneof(
  { arbitrary: durationArb, weight: 6 },
  { arbitrary: fc.constantFrom(0, 5e-324, 1e-310, 1e-300, 1e-200, 1, 3, 9), weight: 1 },
  { arbitrary: fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }), weight: 1 },
);
const valuesArb = fc.array(valueArb, { maxLength: 80 });
const nonEmptyArb = fc.array(valueArb, { minLength: 1, maxLength: 80 });
const alphaArb = fc.constantFrom(0.5, 0.1, 0.05, 0.01, 0.001, 1e-6);
const qArb = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.25, 0.5, 0.9, 0.95, 0.99, 1));

const sketchOf = (xs: readonly number[], relativeAccuracy = 0.01) => {
  const s = new DDSketch({ relativeAccuracy });
  for (const x of xs) s.add(x);
  return s;
};

/** Floating-point slack of the bound: 1e-12 relative, 1e-300 absolute (the zero bucket). */
const slack = (x: number) => 1e-12 * x + 1e-300;

describe('type-7 quantile laws', () => {
  it('for any finite values and p in [0, 1], quantile equals the §8 formula on a sorted copy within 1e-12 of the range', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 60 }), qArb, (xs, p) => {
        const { q, lo, hi } = type7(xs, p);
        const v = quantile(xs, p)!;
        expect(Math.abs(v - q)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(lo), Math.abs(hi)));
        expect(v).toBeGreaterThanOrEqual(lo);
        expect(v).toBeLessThanOrEqual(hi);
      }),
    );
  });

  it('for any sorted values, quantileSorted is non-decreasing in p and within [min, max]', () => {
    fc.assert(
      fc.property(nonEmptyArb, qArb, qArb, (xs, p1, p2) => {
        const s = Float64Array.from(xs).sort();
        const [a, b] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const qa = quantileSorted(s, a)!;
        const qb = quantileSorted(s, b)!;
        expect(qa).toBeLessThanOrEqual(qb);
        expect(qa).toBeGreaterThanOrEqual(s[0]!);
        expect(qb).toBeLessThanOrEqual(s[s.length - 1]!);
      }),
    );
  });

  it('for any values and any permutation of them, quantile is the same (exactly)', () => {
    fc.assert(
      fc.property(withPermutation(valuesArb), qArb, ([xs, ys], p) => {
        expect(quantile(ys, p)).toBe(quantile(xs, p));
      }),
    );
  });
});

describe('DDSketch laws', () => {
  it('error bound: for any values ≥ 0, α and q, |quantile(q) − Q7(q)| ≤ α·Q7(q) (+ rounding)', () => {
    fc.assert(
      fc.property(nonEmptyArb, alphaArb, qArb, (xs, alpha, q) => {
        const v = sketchOf(xs, alpha).quantile(q)!;
        const { q: exact } = type7(xs, q);
        expect(Math.abs(v - exact), `${v} vs ${exact}`).toBeLessThanOrEqual(alpha * exact + slack(exact));
      }),
    );
  });

  it('error bound: for any values ≥ 0, α and q, (1 − α)·x(j) ≤ quantile(q) ≤ (1 + α)·x(j+1), the order statistics type 7 brackets', () => {
    fc.assert(
      fc.property(nonEmptyArb, alphaArb, qArb, (xs, alpha, q) => {
        const v = sketchOf(xs, alpha).quantile(q)!;
        const { lo, hi } = type7(xs, q);
        expect(v).toBeGreaterThanOrEqual((1 - alpha) * lo - slack(lo));
        expect(v).toBeLessThanOrEqual((1 + alpha) * hi + slack(hi));
      }),
    );
  });

  it('for any values, quantile(0) is the exact min, quantile(1) the exact max, and every quantile lies in [min, max]', () => {
    fc.assert(
      fc.property(nonEmptyArb, alphaArb, qArb, (xs, alpha, q) => {
        const s = sketchOf(xs, alpha);
        const min = Math.min(...xs) + 0;
        const max = Math.max(...xs);
        expect([s.quantile(0), s.quantile(1), s.min, s.max]).toEqual([min, max, min, max]);
        expect(s.quantile(q)).toBeGreaterThanOrEqual(min);
        expect(s.quantile(q)).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('for any values, quantile is non-decreasing in q', () => {
    fc.assert(
      fc.property(nonEmptyArb, alphaArb, qArb, qArb, (xs, alpha, q1, q2) => {
        const s = sketchOf(xs, alpha);
        const [a, b] = q1 <= q2 ? [q1, q2] : [q2, q1];
        expect(s.quantile(a)!).toBeLessThanOrEqual(s.quantile(b)!);
      }),
    );
  });

  it('merge = sketch of the union: for any split, merging the parts gives exactly the bucket counts of the whole', () => {
    fc.assert(
      fc.property(withCut(valuesArb), alphaArb, ([xs, k], alpha) => {
        const merged = sketchOf(xs.slice(0, k), alpha).merge(sketchOf(xs.slice(k), alpha).state());
        expect(merged.state()).toEqual(sketchOf(xs, alpha).state());
      }),
    );
  });

  it('merge is associative and commutative, exactly: merge(merge(a,b),c) = merge(a,merge(b,c)) = merge(c,merge(b,a))', () => {
    fc.assert(
      fc.property(threeParts(valuesArb), ([a, b, c]) => {
        const left = sketchOf(a).merge(sketchOf(b)).merge(sketchOf(c)).state();
        const right = sketchOf(a).merge(sketchOf(b).merge(sketchOf(c))).state();
        const reversed = sketchOf(c).merge(sketchOf(b).merge(sketchOf(a))).state();
        expect(right).toEqual(left);
        expect(reversed).toEqual(left);
      }),
    );
  });

  it('order-independent: for any permutation of the values, the state is the same, exactly', () => {
    fc.assert(
      fc.property(withPermutation(valuesArb), ([xs, ys]) => {
        expect(sketchOf(ys).state()).toEqual(sketchOf(xs).state());
      }),
    );
  });

  it('the empty sketch is the identity of merge', () => {
    fc.assert(
      fc.property(valuesArb, (xs) => {
        const s = sketchOf(xs).state();
        expect(sketchOf(xs).merge(new DDSketch()).state()).toEqual(s);
        expect(new DDSketch().merge(s).state()).toEqual(s);
      }),
    );
  });

  it('state survives a JSON round trip: fromState(JSON(state)) has the same state and quantiles', () => {
    fc.assert(
      fc.property(valuesArb, qArb, (xs, q) => {
        const s = sketchOf(xs);
        const restored = DDSketch.fromState(JSON.parse(JSON.stringify(s.state())) as DDSketchState);
        expect(restored.state()).toEqual(s.state());
        expect(restored.quantile(q)).toBe(s.quantile(q));
      }),
    );
  });

  it('no NaN or Infinity in any state or quantile, and every bucket count ≥ 1', () => {
    fc.assert(
      fc.property(valuesArb, alphaArb, qArb, (xs, alpha, q) => {
        const s = sketchOf(xs, alpha);
        const st = s.state();
        expect(nonFiniteNumbers(st)).toEqual([]);
        expect(nonFiniteNumbers(s.quantile(q))).toEqual([]);
        expect(st.counts.every((c) => c >= 1)).toBe(true);
      }),
    );
  });
});
