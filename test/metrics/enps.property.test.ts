import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EnpsOptions, type EnpsState, enps, enpsAccumulator } from '../../src/metrics/enps.js';
import { nps } from '../../src/metrics/nps.js';
import { nonFiniteNumbers, threeParts, withCut, withPermutation } from '../_arbitraries.js';

// Unweighted eNPS states are integer counts: every law compares exactly.

const answers = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 40 });
const optionsArb: fc.Arbitrary<EnpsOptions> = fc.record({ minResponses: fc.oneof(fc.constantFrom(0, 1, 5), fc.integer({ min: 0, max: 50 })) });

const fold = (xs: readonly number[], o?: EnpsOptions) => {
  const acc = enpsAccumulator(o);
  for (const x of xs) acc.add(x);
  return acc;
};

describe('enps laws', () => {
  it('suppressed exactly when 0 < n < minResponses', () => {
    fc.assert(
      fc.property(answers, optionsArb, (xs, o) => {
        expect(enps(xs, o).suppressed).toBe(xs.length > 0 && xs.length < o.minResponses!);
      }),
    );
  });

  it('not suppressed, eNPS is NPS: every field equals nps(scores)', () => {
    fc.assert(
      fc.property(answers, optionsArb, (xs, o) => {
        const { suppressed, ...rest } = enps(xs, o);
        if (!suppressed) expect(rest).toEqual(nps(xs, o));
      }),
    );
  });

  it('suppressed, nothing but n and effectiveN is reported: score, counts, shares and ci null, lowSample true', () => {
    fc.assert(
      fc.property(answers, optionsArb, (xs, o) => {
        const r = enps(xs, o);
        if (!r.suppressed) return;
        expect(r).toEqual({
          score: null,
          n: xs.length,
          promoters: null,
          passives: null,
          detractors: null,
          shares: null,
          effectiveN: xs.length,
          ci: null,
          lowSample: true,
          suppressed: true,
        });
      }),
    );
  });

  it('monotone in minResponses: a result shown at m is shown at every m′ ≤ m', () => {
    fc.assert(
      fc.property(answers, fc.nat({ max: 50 }), fc.nat({ max: 50 }), (xs, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        if (!enps(xs, { minResponses: hi }).suppressed) expect(enps(xs, { minResponses: lo }).suppressed).toBe(false);
      }),
    );
  });

  it('bounds: score in [-100, 100] and null exactly when n = 0 or suppressed', () => {
    fc.assert(
      fc.property(answers, optionsArb, (xs, o) => {
        const r = enps(xs, o);
        expect(r.score === null).toBe(r.n === 0 || r.suppressed);
        if (r.score === null) return;
        expect(r.score).toBeGreaterThanOrEqual(-100);
        expect(r.score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('fold = batch, exactly', () => {
    fc.assert(
      fc.property(answers, optionsArb, (xs, o) => {
        expect(fold(xs, o).result()).toEqual(enps(xs, o));
      }),
    );
  });

  it('order-independent: any permutation gives exactly the same result', () => {
    fc.assert(
      fc.property(withPermutation(answers), optionsArb, ([xs, ys], o) => {
        expect(enps(ys, o)).toEqual(enps(xs, o));
      }),
    );
  });

  it('split anywhere + merge = whole, exactly (suppression decided on the merged count)', () => {
    fc.assert(
      fc.property(withCut(answers), optionsArb, ([xs, k], o) => {
        expect(fold(xs.slice(0, k), o).merge(fold(xs.slice(k), o).state()).result()).toEqual(enps(xs, o));
      }),
    );
  });

  it('merge is associative: merge(merge(a,b),c) = merge(a,merge(b,c)), state for state', () => {
    fc.assert(
      fc.property(threeParts(answers), ([a, b, c]) => {
        expect(fold(a).merge(fold(b)).merge(fold(c)).state()).toEqual(fold(a).merge(fold(b).merge(fold(c))).state());
      }),
    );
  });

  it('merge is commutative: merge(a,b) = merge(b,a), state for state', () => {
    fc.assert(
      fc.property(withCut(answers), ([xs, k]) => {
        const [a, b] = [xs.slice(0, k), xs.slice(k)];
        expect(fold(a).merge(fold(b)).state()).toEqual(fold(b).merge(fold(a)).state());
      }),
    );
  });

  it('the empty accumulator is the identity of merge, on both sides', () => {
    fc.assert(
      fc.property(answers, (xs) => {
        const s = fold(xs).state();
        expect(fold(xs).merge(enpsAccumulator()).state()).toEqual(s);
        expect(enpsAccumulator().merge(s).state()).toEqual(s);
      }),
    );
  });

  it('state survives a JSON round trip through fromState (with the same options, the same result)', () => {
    fc.assert(
      fc.property(answers, optionsArb, (xs, o) => {
        const acc = fold(xs, o);
        const restored = enpsAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())) as EnpsState, o);
        expect(restored.state()).toEqual(acc.state());
        expect(restored.result()).toEqual(acc.result());
      }),
    );
  });

  it('no NaN or Infinity anywhere in the result or the state', () => {
    fc.assert(
      fc.property(answers, optionsArb, (xs, o) => {
        const acc = fold(xs, o);
        expect(nonFiniteNumbers(acc.result())).toEqual([]);
        expect(nonFiniteNumbers(acc.state())).toEqual([]);
      }),
    );
  });
});
