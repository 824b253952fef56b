import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AverageSpeedOfAnswerResult,
  type AverageSpeedOfAnswerState,
  averageSpeedOfAnswer,
  averageSpeedOfAnswerAccumulator,
} from '../../src/metrics/averageSpeedOfAnswer.js';
import type { Interaction } from '../../src/models/index.js';
import { REL_TOL, expectClose, expectResultsClose, interactionsArb, nonFiniteNumbers, threeParts, withCut, withPermutation } from '../_arbitraries.js';

const fold = (xs: readonly Interaction[]) => {
  const acc = averageSpeedOfAnswerAccumulator();
  for (const x of xs) acc.add(x);
  return acc;
};
/** Waits of answered contacts that have one: what ASA averages. */
const waits = (xs: readonly Interaction[]) => xs.filter((r) => r.abandoned !== true && r.waitSeconds !== undefined).map((r) => r.waitSeconds!);

/**
 * Counts exact; totals and means within 1e-12 relative (compensated sums); sd and interval within
 * 1e-9 relative or 1e-12 × the largest wait (moments reorder and merge only up to rounding,
 * statistics.md §7).
 */
function expectSameAsa(actual: AverageSpeedOfAnswerResult, expected: AverageSpeedOfAnswerResult, xs: readonly Interaction[]): void {
  expect([actual.n, actual.missing, actual.lowSample]).toEqual([expected.n, expected.missing, expected.lowSample]);
  expectClose(actual.totalSeconds, expected.totalSeconds);
  expectClose(actual.mean, expected.mean);
  expectResultsClose(actual, expected, 1e-9, 1e-12 * Math.max(0, ...waits(xs)) + 1e-150);
}

describe('averageSpeedOfAnswer laws', () => {
  it('counts add up: n + missing = answered contacts; n = answered contacts with a wait; mean null exactly when n = 0', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const r = averageSpeedOfAnswer(xs);
        expect(r.n + r.missing).toBe(xs.filter((x) => x.abandoned !== true).length);
        expect(r.n).toBe(waits(xs).length);
        expect(r.mean === null).toBe(r.n === 0);
        expect(r.sd === null).toBe(r.n < 2);
      }),
    );
  });

  it('bounds: mean lies between the smallest and the largest answered wait; totalSeconds ≥ 0; sd ≥ 0', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const r = averageSpeedOfAnswer(xs);
        expect(r.totalSeconds).toBeGreaterThanOrEqual(0);
        if (r.sd !== null) expect(r.sd).toBeGreaterThanOrEqual(0);
        if (r.mean === null) return;
        expect(r.mean).toBeGreaterThanOrEqual(Math.min(...waits(xs)) * (1 - REL_TOL));
        expect(r.mean).toBeLessThanOrEqual(Math.max(...waits(xs)) * (1 + REL_TOL));
      }),
    );
  });

  it('totalSeconds agrees with a naive sum of answered waits within 1e-12 relative', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        expectClose(averageSpeedOfAnswer(xs).totalSeconds, waits(xs).reduce((s, w) => s + w, 0));
      }),
    );
  });

  it('abandoned contacts never move ASA: dropping them gives exactly the same result', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        expect(averageSpeedOfAnswer(xs.filter((x) => x.abandoned !== true))).toEqual(averageSpeedOfAnswer(xs));
      }),
    );
  });

  it('fold = batch, exactly', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        expect(fold(xs).result()).toEqual(averageSpeedOfAnswer(xs));
      }),
    );
  });

  it('order-independent: for any permutation, counts are equal and sums agree within 1e-12 relative', () => {
    fc.assert(
      fc.property(withPermutation(interactionsArb), ([xs, ys]) => {
        expectSameAsa(averageSpeedOfAnswer(ys), averageSpeedOfAnswer(xs), xs);
      }),
    );
  });

  it('split anywhere + merge = whole: counts exact, sums within 1e-12 relative', () => {
    fc.assert(
      fc.property(withCut(interactionsArb), ([xs, k]) => {
        expectSameAsa(fold(xs.slice(0, k)).merge(fold(xs.slice(k)).state()).result(), averageSpeedOfAnswer(xs), xs);
      }),
    );
  });

  it('merge is associative: merge(merge(a,b),c) = merge(a,merge(b,c)) (counts exact, sums within 1e-12)', () => {
    fc.assert(
      fc.property(threeParts(interactionsArb), ([a, b, c]) => {
        const left = fold(a).merge(fold(b)).merge(fold(c));
        const right = fold(a).merge(fold(b).merge(fold(c)));
        expectSameAsa(left.result(), right.result(), [...a, ...b, ...c]);
      }),
    );
  });

  it('merge is commutative: merge(a,b) = merge(b,a) (counts exact, sums within 1e-12)', () => {
    fc.assert(
      fc.property(withCut(interactionsArb), ([xs, k]) => {
        const [a, b] = [xs.slice(0, k), xs.slice(k)];
        expectSameAsa(fold(a).merge(fold(b)).result(), fold(b).merge(fold(a)).result(), xs);
      }),
    );
  });

  it('the empty accumulator is the identity of merge, on both sides, exactly', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const s = fold(xs).state();
        expect(fold(xs).merge(averageSpeedOfAnswerAccumulator()).state()).toEqual(s);
        expect(averageSpeedOfAnswerAccumulator().merge(fold(xs)).state()).toEqual(s);
      }),
    );
  });

  it('state survives a JSON round trip: fromState(JSON(state)) has the same state and result', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const acc = fold(xs);
        const restored = averageSpeedOfAnswerAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())) as AverageSpeedOfAnswerState);
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
