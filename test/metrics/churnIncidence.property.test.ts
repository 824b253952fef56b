import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnIncidence, churnIncidenceAccumulator, type ChurnIncidenceOptions, type ChurnIncidenceState } from '../../src/metrics/index.js';
import type { Interaction } from '../../src/models/index.js';
import { interactionsArb, nonFiniteNumbers, threeParts, withCut, withPermutation } from '../_arbitraries.js';

/** The usual thresholds (0 = raw, 5 s, 20 s = an SL threshold) and any other valid one. */
const thresholdArb = fc.oneof(fc.constantFrom(0, 5, 20), fc.double({ min: 0, max: 1e4, noNaN: true }));
const optionsArb: fc.Arbitrary<ChurnIncidenceOptions> = thresholdArb.map((shortAbandonSeconds) => ({ shortAbandonSeconds }));

const fold = (xs: readonly Interaction[], options: ChurnIncidenceOptions) => {
  const acc = churnIncidenceAccumulator(options);
  for (const x of xs) acc.add(x);
  return acc;
};
const isShort = (r: Interaction, t: number) => r.abandoned === true && r.waitSeconds !== undefined && r.waitSeconds < t;

// Every churn-incidence number is a count: all laws below compare exactly.
describe('churnIncidence laws', () => {
  it('for any interactions and threshold, n + shortAbandons = contacts offered, abandoned + shortAbandons = contacts abandoned', () => {
    fc.assert(
      fc.property(interactionsArb, thresholdArb, (xs, t) => {
        const r = churnIncidence(xs, { shortAbandonSeconds: t });
        expect(r.n + r.shortAbandons).toBe(xs.length);
        expect(r.abandoned + r.shortAbandons).toBe(xs.filter((x) => x.abandoned === true).length);
        expect(r.shortAbandons).toBe(xs.filter((x) => isShort(x, t)).length);
      }),
    );
  });

  it('for any interactions, abandoned ≤ n and rate is in [0, 1], null exactly when n = 0', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const r = churnIncidence(xs, o);
        expect(r.abandoned).toBeLessThanOrEqual(r.n);
        expect(r.rate === null).toBe(r.n === 0);
        if (r.rate === null) return;
        expect(r.rate).toBeGreaterThanOrEqual(0);
        expect(r.rate).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('with the default threshold (0) no abandon is short', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        expect(churnIncidence(xs).shortAbandons).toBe(0);
        expect(churnIncidence(xs)).toEqual(churnIncidence(xs, { shortAbandonSeconds: 0 }));
      }),
    );
  });

  it('for any thresholds t1 ≤ t2, shortAbandons(t1) ≤ shortAbandons(t2) and abandoned(t1) ≥ abandoned(t2)', () => {
    fc.assert(
      fc.property(interactionsArb, thresholdArb, thresholdArb, (xs, a, b) => {
        const [t1, t2] = a <= b ? [a, b] : [b, a];
        const r1 = churnIncidence(xs, { shortAbandonSeconds: t1 });
        const r2 = churnIncidence(xs, { shortAbandonSeconds: t2 });
        expect(r1.shortAbandons).toBeLessThanOrEqual(r2.shortAbandons);
        expect(r1.abandoned).toBeGreaterThanOrEqual(r2.abandoned);
      }),
    );
  });

  it('fold = batch, exactly', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        expect(fold(xs, o).result()).toEqual(churnIncidence(xs, o));
      }),
    );
  });

  it('order-independent: any permutation gives exactly the same result', () => {
    fc.assert(
      fc.property(withPermutation(interactionsArb), optionsArb, ([xs, ys], o) => {
        expect(churnIncidence(ys, o)).toEqual(churnIncidence(xs, o));
      }),
    );
  });

  it('split anywhere + merge = whole, exactly', () => {
    fc.assert(
      fc.property(withCut(interactionsArb), optionsArb, ([xs, k], o) => {
        expect(fold(xs.slice(0, k), o).merge(fold(xs.slice(k), o).state()).result()).toEqual(churnIncidence(xs, o));
      }),
    );
  });

  it('merge is associative: merge(merge(a,b),c) = merge(a,merge(b,c)), state for state', () => {
    fc.assert(
      fc.property(threeParts(interactionsArb), optionsArb, ([a, b, c], o) => {
        expect(fold(a, o).merge(fold(b, o)).merge(fold(c, o)).state()).toEqual(fold(a, o).merge(fold(b, o).merge(fold(c, o))).state());
      }),
    );
  });

  it('merge is commutative: merge(a,b) = merge(b,a), state for state', () => {
    fc.assert(
      fc.property(withCut(interactionsArb), optionsArb, ([xs, k], o) => {
        const [a, b] = [xs.slice(0, k), xs.slice(k)];
        expect(fold(a, o).merge(fold(b, o)).state()).toEqual(fold(b, o).merge(fold(a, o)).state());
      }),
    );
  });

  it('the empty accumulator with the same options is the identity of merge', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const s = fold(xs, o).state();
        expect(fold(xs, o).merge(churnIncidenceAccumulator(o)).state()).toEqual(s);
        expect(churnIncidenceAccumulator(o).merge(s).state()).toEqual(s);
      }),
    );
  });

  it('state survives a JSON round trip through fromState, options included', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const acc = fold(xs, o);
        const restored = churnIncidenceAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())) as ChurnIncidenceState);
        expect(restored.state()).toEqual(acc.state());
        expect(restored.result()).toEqual(acc.result());
      }),
    );
  });

  it('no NaN or Infinity anywhere in the result or the state', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const acc = fold(xs, o);
        expect(nonFiniteNumbers(acc.result())).toEqual([]);
        expect(nonFiniteNumbers(acc.state())).toEqual([]);
      }),
    );
  });
});
