import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neumaierAdd, neumaierMerge, neumaierTotal, type CompensatedSum } from '../../src/stats/index.js';

// Laws of compensated (Neumaier) summation (statistics.md §7). Integer inputs compare exactly with a
// BigInt oracle; fractional inputs compare within 1e-12 relative (DESIGN.md "Exact where exactness exists").

function fresh(): CompensatedSum {
  return { sum: 0, sumComp: 0 };
}

function sumOf(xs: readonly number[]): CompensatedSum {
  const acc = fresh();
  for (const x of xs) neumaierAdd(acc, x);
  return acc;
}

function split<T>(xs: readonly T[], cuts: readonly number[]): T[][] {
  const at = [0, ...cuts.map((k) => k % (xs.length + 1)).sort((a, b) => a - b), xs.length];
  const parts: T[][] = [];
  for (let k = 0; k + 1 < at.length; k++) parts.push(xs.slice(at[k], at[k + 1]));
  return parts;
}

/**
 * |a − b| ≤ 1e-12 · |b|, plus an absolute floor of 1e-20 · Σ|x| for totals that cancel to about 0
 * (statistics.md Conventions: relative tolerance plus a tiny absolute one near 0; Neumaier's error
 * bound is about ε·|total| + n·ε²·Σ|x|, and n·ε² < 1e-28 here).
 */
function expectClose(a: number, b: number, xs: readonly number[]): void {
  const scale = xs.reduce((s, x) => s + Math.abs(x), 0);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.abs(b) + 1e-20 * scale);
}

/**
 * Integers in the safe range whose exact total is safe, but whose running sums are not: big values
 * and their negatives (so the partial sums can pass 2^53, where a naive loop rounds away small terms)
 * mixed in any order with small ones.
 */
const cancellingIntegers: fc.Arbitrary<number[]> = fc
  .tuple(fc.array(fc.maxSafeInteger(), { maxLength: 10 }), fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 30 }))
  .chain(([big, small]) => {
    const all = [...big, ...big.map((b) => -b), ...small];
    return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
  });

/** Any safe integers, at most 64 of them, each small enough that the exact total stays safe. */
const boundedIntegers = fc.array(fc.integer({ min: -Math.floor(Number.MAX_SAFE_INTEGER / 64), max: Math.floor(Number.MAX_SAFE_INTEGER / 64) }), { maxLength: 64 });

/** Finite doubles in the duration range the library accepts (|x| ≤ 1e9), tiny and subnormal values included. */
const doubles = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { maxLength: 100 });

function exact(xs: readonly number[]): bigint {
  return xs.reduce((s, x) => s + BigInt(x), 0n);
}

describe('compensated summation laws', () => {
  it('exact for integers: for any list of safe integers whose exact total is safe, the compensated total equals it', () => {
    fc.assert(
      fc.property(fc.oneof(cancellingIntegers, boundedIntegers), (xs) => {
        const want = exact(xs);
        fc.pre(want >= BigInt(Number.MIN_SAFE_INTEGER) && want <= BigInt(Number.MAX_SAFE_INTEGER));
        expect(neumaierTotal(sumOf(xs))).toBe(Number(want));
      }),
      { examples: [[[Number.MAX_SAFE_INTEGER, 1, 1, -Number.MAX_SAFE_INTEGER]], [[2 ** 52, 2 ** 52, 1, -(2 ** 52), -(2 ** 52)]]] },
    );
  });

  it('exact for multiples of 2^-10: for any such list with safe numerators, the compensated total equals the exact sum', () => {
    // k / 1024 is exact in binary; the exact total is (Σk) / 1024, another exact double while |Σk| is safe.
    fc.assert(
      fc.property(cancellingIntegers, (ks) => {
        const want = exact(ks);
        fc.pre(want >= BigInt(Number.MIN_SAFE_INTEGER) && want <= BigInt(Number.MAX_SAFE_INTEGER));
        expect(neumaierTotal(sumOf(ks.map((k) => k / 1024)))).toBe(Number(want) / 1024);
      }),
    );
  });

  it('split anywhere + merge = single pass: for any doubles cut into any parts, merging the parts agrees within 1e-12 relative', () => {
    fc.assert(
      fc.property(doubles, fc.array(fc.nat(), { maxLength: 8 }), (xs, cuts) => {
        const merged = fresh();
        for (const part of split(xs, cuts)) neumaierMerge(merged, sumOf(part));
        expectClose(neumaierTotal(merged), neumaierTotal(sumOf(xs)), xs);
      }),
    );
  });

  it('split anywhere + merge = single pass, exactly, for integers whose exact total is safe', () => {
    fc.assert(
      fc.property(cancellingIntegers, fc.array(fc.nat(), { maxLength: 8 }), (xs, cuts) => {
        const want = exact(xs);
        fc.pre(want >= BigInt(Number.MIN_SAFE_INTEGER) && want <= BigInt(Number.MAX_SAFE_INTEGER));
        const merged = fresh();
        for (const part of split(xs, cuts)) neumaierMerge(merged, sumOf(part));
        expect(neumaierTotal(merged)).toBe(Number(want));
      }),
    );
  });

  it('merge is associative: merge(merge(a, b), c) agrees with merge(a, merge(b, c)) within 1e-12 relative', () => {
    fc.assert(
      fc.property(doubles, doubles, doubles, (a, b, c) => {
        const left = sumOf(a);
        neumaierMerge(left, sumOf(b));
        neumaierMerge(left, sumOf(c));
        const bc = sumOf(b);
        neumaierMerge(bc, sumOf(c));
        const right = sumOf(a);
        neumaierMerge(right, bc);
        expectClose(neumaierTotal(left), neumaierTotal(right), [...a, ...b, ...c]);
      }),
    );
  });

  it('merge is commutative: merge(a, b) agrees with merge(b, a) within 1e-12 relative', () => {
    fc.assert(
      fc.property(doubles, doubles, (a, b) => {
        const ab = sumOf(a);
        neumaierMerge(ab, sumOf(b));
        const ba = sumOf(b);
        neumaierMerge(ba, sumOf(a));
        expectClose(neumaierTotal(ab), neumaierTotal(ba), [...a, ...b]);
      }),
    );
  });

  it('the empty sum is the identity of merge, on either side, exactly', () => {
    fc.assert(
      fc.property(doubles, (xs) => {
        const whole = neumaierTotal(sumOf(xs));
        const right = sumOf(xs);
        neumaierMerge(right, fresh());
        const left = fresh();
        neumaierMerge(left, sumOf(xs));
        expect(neumaierTotal(right)).toBe(whole);
        expect(neumaierTotal(left)).toBe(whole);
      }),
    );
  });

  it('order does not matter: for any doubles and any permutation, the totals agree within 1e-12 relative', () => {
    const withPermutation = doubles.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));
    fc.assert(
      fc.property(withPermutation, ([xs, ys]) => {
        expectClose(neumaierTotal(sumOf(ys)), neumaierTotal(sumOf(xs)), xs);
      }),
    );
  });

  it('the state survives a JSON round trip: for any doubles, merging the parsed state equals merging the state', () => {
    fc.assert(
      fc.property(doubles, doubles, (a, b) => {
        const direct = sumOf(a);
        neumaierMerge(direct, sumOf(b));
        const viaJson = sumOf(a);
        neumaierMerge(viaJson, JSON.parse(JSON.stringify(sumOf(b))) as CompensatedSum);
        expect(neumaierTotal(viaJson)).toBe(neumaierTotal(direct));
      }),
    );
  });

  it('never NaN: for any doubles within ±1e9, sum, compensation and total are finite', () => {
    fc.assert(
      fc.property(doubles, (xs) => {
        const acc = sumOf(xs);
        expect([acc.sum, acc.sumComp, neumaierTotal(acc)].every(Number.isFinite)).toBe(true);
      }),
    );
  });
});
