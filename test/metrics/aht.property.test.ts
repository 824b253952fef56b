import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aht, ahtAccumulator, type AhtResult, type AhtState } from '../../src/metrics/index.js';
import type { Interaction } from '../../src/models/index.js';
import { expectClose, expectResultsClose, interactionsArb, momentsAbsTolerance, nonFiniteNumbers, REL_TOL, threeParts, withCut, withPermutation } from '../_arbitraries.js';

const fold = (xs: readonly Interaction[]) => {
  const acc = ahtAccumulator();
  for (const x of xs) acc.add(x);
  return acc;
};
const handled = (xs: readonly Interaction[]) => xs.filter((r) => r.abandoned !== true);
const handleTime = (r: Interaction) => (r.talkSeconds ?? 0) + (r.holdSeconds ?? 0) + (r.afterWorkSeconds ?? 0);

/**
 * Counts exact, fractional sums within 1e-12 relative; every field (sd, interval and low-sample flag
 * included) within 1e-9 relative or momentsAbsTolerance of the handle times of `xs`: sd and the t
 * interval come from moments that reorder and merge only up to rounding (statistics.md §7).
 */
function expectSameAht(actual: AhtResult, expected: AhtResult, xs: readonly Interaction[]): void {
  expect(actual.n).toBe(expected.n);
  expectClose(actual.totalSeconds, expected.totalSeconds);
  expectClose(actual.mean, expected.mean);
  expectResultsClose(actual, expected, 1e-9, momentsAbsTolerance(Math.max(0, ...handled(xs).map(handleTime))));
}

describe('aht laws', () => {
  it('for any interactions, n is the number of handled (not abandoned) contacts and mean is null exactly when n = 0', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const r = aht(xs);
        expect(r.n).toBe(handled(xs).length);
        expect(r.mean === null).toBe(r.n === 0);
      }),
    );
  });

  it('for any interactions, mean lies between the smallest and the largest handle time, and totalSeconds ≥ 0', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const r = aht(xs);
        expect(r.totalSeconds).toBeGreaterThanOrEqual(0);
        if (r.mean === null) return;
        const times = handled(xs).map(handleTime);
        expect(r.mean).toBeGreaterThanOrEqual(Math.min(...times) * (1 - REL_TOL));
        expect(r.mean).toBeLessThanOrEqual(Math.max(...times) * (1 + REL_TOL));
      }),
    );
  });

  it('for any interactions, totalSeconds agrees with a naive sum of talk + hold + after-work within 1e-12 relative', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const naive = handled(xs).reduce((s, r) => s + handleTime(r), 0);
        expectClose(aht(xs).totalSeconds, naive);
      }),
    );
  });

  it('fold = batch: adding the records one by one to an accumulator gives exactly the batch result', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        expect(fold(xs).result()).toEqual(aht(xs));
      }),
    );
  });

  it('order-independent: for any permutation, counts are equal and sums agree within 1e-12 relative', () => {
    fc.assert(
      fc.property(withPermutation(interactionsArb), ([xs, ys]) => {
        expectSameAht(aht(ys), aht(xs), xs);
      }),
    );
  });

  it('split anywhere + merge = whole: counts exact, sums within 1e-12 relative', () => {
    fc.assert(
      fc.property(withCut(interactionsArb), ([xs, k]) => {
        const merged = fold(xs.slice(0, k)).merge(fold(xs.slice(k)).state());
        expectSameAht(merged.result(), aht(xs), xs);
      }),
    );
  });

  it('merge is associative: merge(merge(a,b),c) = merge(a,merge(b,c)) (counts exact, sums within 1e-12)', () => {
    fc.assert(
      fc.property(threeParts(interactionsArb), ([a, b, c]) => {
        const left = fold(a).merge(fold(b)).merge(fold(c));
        const right = fold(a).merge(fold(b).merge(fold(c)));
        expectSameAht(left.result(), right.result(), [...a, ...b, ...c]);
      }),
    );
  });

  it('merge is commutative: merge(a,b) = merge(b,a) (counts exact, sums within 1e-12)', () => {
    fc.assert(
      fc.property(withCut(interactionsArb), ([xs, k]) => {
        const [a, b] = [xs.slice(0, k), xs.slice(k)];
        expectSameAht(fold(a).merge(fold(b)).result(), fold(b).merge(fold(a)).result(), xs);
      }),
    );
  });

  it('the empty accumulator is the identity of merge, on both sides, exactly', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const s = fold(xs).state();
        expect(fold(xs).merge(ahtAccumulator()).state()).toEqual(s);
        expect(ahtAccumulator().merge(fold(xs)).state()).toEqual(s);
      }),
    );
  });

  it('state survives a JSON round trip: fromState(JSON(state)) has the same state and result', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const acc = fold(xs);
        const restored = ahtAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())) as AhtState);
        expect(restored.state()).toEqual(acc.state());
        expect(restored.result()).toEqual(acc.result());
      }),
    );
  });

  it('no NaN or Infinity anywhere in the result or the state', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const acc = fold(xs);
        expect(nonFiniteNumbers(acc.result())).toEqual([]);
        expect(nonFiniteNumbers(acc.state())).toEqual([]);
      }),
    );
  });
});
