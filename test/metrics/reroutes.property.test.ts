import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reroutes, reroutesAccumulator, type ReroutesState } from '../../src/metrics/index.js';
import type { Interaction } from '../../src/models/index.js';
import { interactionsArb, nonFiniteNumbers, threeParts, withCut, withPermutation } from '../_arbitraries.js';

const fold = (xs: readonly Interaction[]) => {
  const acc = reroutesAccumulator();
  for (const x of xs) acc.add(x);
  return acc;
};
const handled = (xs: readonly Interaction[]) => xs.filter((r) => r.abandoned !== true);

// Every reroutes number is a count or an integer sum: all laws below compare exactly.
describe('reroutes laws', () => {
  it('for any interactions, n counts handled contacts, rerouted those with transfers ≥ 1, total their transfers', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const r = reroutes(xs);
        const h = handled(xs);
        expect(r.n).toBe(h.length);
        expect(r.rerouted).toBe(h.filter((x) => (x.transfers ?? 0) >= 1).length);
        expect(r.total).toBe(h.reduce((s, x) => s + (x.transfers ?? 0), 0));
      }),
    );
  });

  it('for any interactions, rerouted ≤ n, rerouted ≤ total, rate in [0, 1], mean ≥ rate, null exactly when n = 0', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const r = reroutes(xs);
        expect(r.rerouted).toBeLessThanOrEqual(r.n);
        expect(r.rerouted).toBeLessThanOrEqual(r.total);
        expect(r.rate === null).toBe(r.n === 0);
        expect(r.mean === null).toBe(r.n === 0);
        if (r.rate === null || r.mean === null) return;
        expect(r.rate).toBeGreaterThanOrEqual(0);
        expect(r.rate).toBeLessThanOrEqual(1);
        expect(r.mean).toBeGreaterThanOrEqual(r.rate);
      }),
    );
  });

  it('fold = batch, exactly', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        expect(fold(xs).result()).toEqual(reroutes(xs));
      }),
    );
  });

  it('order-independent: any permutation gives exactly the same result', () => {
    fc.assert(
      fc.property(withPermutation(interactionsArb), ([xs, ys]) => {
        expect(reroutes(ys)).toEqual(reroutes(xs));
      }),
    );
  });

  it('split anywhere + merge = whole, exactly', () => {
    fc.assert(
      fc.property(withCut(interactionsArb), ([xs, k]) => {
        expect(fold(xs.slice(0, k)).merge(fold(xs.slice(k)).state()).result()).toEqual(reroutes(xs));
      }),
    );
  });

  it('merge is associative: merge(merge(a,b),c) = merge(a,merge(b,c)), state for state', () => {
    fc.assert(
      fc.property(threeParts(interactionsArb), ([a, b, c]) => {
        expect(fold(a).merge(fold(b)).merge(fold(c)).state()).toEqual(fold(a).merge(fold(b).merge(fold(c))).state());
      }),
    );
  });

  it('merge is commutative: merge(a,b) = merge(b,a), state for state', () => {
    fc.assert(
      fc.property(withCut(interactionsArb), ([xs, k]) => {
        const [a, b] = [xs.slice(0, k), xs.slice(k)];
        expect(fold(a).merge(fold(b)).state()).toEqual(fold(b).merge(fold(a)).state());
      }),
    );
  });

  it('the empty accumulator is the identity of merge', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const s = fold(xs).state();
        expect(fold(xs).merge(reroutesAccumulator()).state()).toEqual(s);
        expect(reroutesAccumulator().merge(s).state()).toEqual(s);
      }),
    );
  });

  it('state survives a JSON round trip through fromState', () => {
    fc.assert(
      fc.property(interactionsArb, (xs) => {
        const acc = fold(xs);
        const restored = reroutesAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())) as ReroutesState);
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
