import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ResolutionRateState, resolutionRate, resolutionRateAccumulator } from '../../src/metrics/resolutionRate.js';
import type { Interaction } from '../../src/models/index.js';
import { interactionArb, nonFiniteNumbers, threeParts, withCut, withPermutation } from '../_arbitraries.js';

// Every resolution-rate number is a count or a ratio of two counts: all laws compare exactly.

/** Interactions of the shared arbitrary, each with `resolved` true, false or absent. */
const contactsArb: fc.Arbitrary<Interaction[]> = fc
  .array(fc.tuple(interactionArb, fc.option(fc.boolean(), { nil: undefined, freq: 4 })), { maxLength: 60 })
  .map((pairs) => pairs.map(([r, resolved]) => (resolved === undefined ? r : { ...r, resolved })));

const fold = (xs: readonly Interaction[]) => {
  const acc = resolutionRateAccumulator();
  for (const x of xs) acc.add(x);
  return acc;
};
const handled = (xs: readonly Interaction[]) => xs.filter((x) => x.abandoned !== true);

describe('resolutionRate laws', () => {
  it('agrees with filters: resolved = handled with resolved true, n = handled with a boolean, unknown = handled without', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const r = resolutionRate(xs);
        expect(r.resolved).toBe(handled(xs).filter((x) => x.resolved === true).length);
        expect(r.n).toBe(handled(xs).filter((x) => x.resolved !== undefined).length);
        expect(r.n + r.unknown).toBe(handled(xs).length);
      }),
    );
  });

  it('bounds: resolved ≤ n, rate in [0, 1] inside its interval, rate and ci null exactly when n = 0', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const r = resolutionRate(xs);
        expect(r.resolved).toBeLessThanOrEqual(r.n);
        expect(r.rate === null).toBe(r.n === 0);
        expect(r.ci === null).toBe(r.n === 0);
        if (r.rate === null) return;
        expect(r.rate).toBe(r.resolved / r.n);
        expect(r.ci!.low).toBeGreaterThanOrEqual(0);
        expect(r.ci!.low).toBeLessThanOrEqual(r.rate);
        expect(r.ci!.high).toBeGreaterThanOrEqual(r.rate);
        expect(r.ci!.high).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('flipping every disposition swaps resolved and unresolved: resolved′ = n − resolved, rate′ = 1 − rate', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const flipped = xs.map((x) => (x.resolved === undefined ? x : { ...x, resolved: !x.resolved }));
        const [r, f] = [resolutionRate(xs), resolutionRate(flipped)];
        expect([f.resolved, f.n, f.unknown]).toEqual([r.n - r.resolved, r.n, r.unknown]);
        if (r.rate !== null) expect(f.rate! + r.rate).toBeCloseTo(1, 12);
      }),
    );
  });

  it('fold = batch, exactly', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        expect(fold(xs).result()).toEqual(resolutionRate(xs));
      }),
    );
  });

  it('order-independent: any permutation gives exactly the same result', () => {
    fc.assert(
      fc.property(withPermutation(contactsArb), ([xs, ys]) => {
        expect(resolutionRate(ys)).toEqual(resolutionRate(xs));
      }),
    );
  });

  it('split anywhere + merge = whole, exactly', () => {
    fc.assert(
      fc.property(withCut(contactsArb), ([xs, k]) => {
        expect(fold(xs.slice(0, k)).merge(fold(xs.slice(k)).state()).result()).toEqual(resolutionRate(xs));
      }),
    );
  });

  it('merge is associative: merge(merge(a,b),c) = merge(a,merge(b,c)), state for state', () => {
    fc.assert(
      fc.property(threeParts(contactsArb), ([a, b, c]) => {
        expect(fold(a).merge(fold(b)).merge(fold(c)).state()).toEqual(fold(a).merge(fold(b).merge(fold(c))).state());
      }),
    );
  });

  it('merge is commutative: merge(a,b) = merge(b,a), state for state', () => {
    fc.assert(
      fc.property(withCut(contactsArb), ([xs, k]) => {
        const [a, b] = [xs.slice(0, k), xs.slice(k)];
        expect(fold(a).merge(fold(b)).state()).toEqual(fold(b).merge(fold(a)).state());
      }),
    );
  });

  it('the empty accumulator is the identity of merge, on both sides', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const s = fold(xs).state();
        expect(fold(xs).merge(resolutionRateAccumulator()).state()).toEqual(s);
        expect(resolutionRateAccumulator().merge(s).state()).toEqual(s);
      }),
    );
  });

  it('state survives a JSON round trip through fromState', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const acc = fold(xs);
        const restored = resolutionRateAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())) as ResolutionRateState);
        expect(restored.state()).toEqual(acc.state());
        expect(restored.result()).toEqual(acc.result());
      }),
    );
  });

  it('no NaN or Infinity anywhere in the result or the state', () => {
    fc.assert(
      fc.property(contactsArb, (xs) => {
        const acc = fold(xs);
        expect(nonFiniteNumbers(acc.result())).toEqual([]);
        expect(nonFiniteNumbers(acc.state())).toEqual([]);
      }),
    );
  });
});
