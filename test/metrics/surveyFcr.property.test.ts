import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SurveyFcrState, surveyFcr, surveyFcrAccumulator } from '../../src/metrics/surveyFcr.js';
import type { SurveyResponse } from '../../src/models/index.js';
import { expectResultsClose, nonFiniteNumbers, threeParts, withCut, withPermutation } from '../_arbitraries.js';

// Weights are dyadic (k/4 up to 16), so every weighted sum is exact in any order and every law below
// compares exactly; one law uses arbitrary double weights and a 1e-12 tolerance.

const dyadic = fc.integer({ min: 1, max: 64 }).map((k) => k / 4);
const surveyArb = (weight: fc.Arbitrary<number>): fc.Arbitrary<SurveyResponse> =>
  fc
    .record({ fcr: fc.option(fc.boolean(), { nil: undefined, freq: 5 }), weight: fc.option(weight, { nil: undefined, freq: 2 }) })
    .map(({ fcr, weight: w }) => {
      const s: SurveyResponse = { id: 's', submittedAt: 0 };
      if (fcr !== undefined) s.fcr = fcr;
      if (w !== undefined) s.weight = w;
      return s;
    });
const surveysArb = fc.array(surveyArb(dyadic), { maxLength: 60 });
const anyWeightSurveysArb = fc.array(surveyArb(fc.double({ min: 1e-3, max: 1e3, noNaN: true })), { maxLength: 60 });

const fold = (xs: readonly SurveyResponse[]) => {
  const acc = surveyFcrAccumulator();
  for (const x of xs) acc.add(x);
  return acc;
};
const answered = (xs: readonly SurveyResponse[]) => xs.filter((x) => x.fcr !== undefined);

describe('surveyFcr laws', () => {
  it('counts add up: n + unanswered = responses; resolved = answers true; rate = Σw(yes) / Σw (oracle)', () => {
    fc.assert(
      fc.property(surveysArb, (xs) => {
        const r = surveyFcr(xs);
        expect(r.n + r.unanswered).toBe(xs.length);
        expect(r.resolved).toBe(xs.filter((x) => x.fcr === true).length);
        const w = (x: SurveyResponse) => x.weight ?? 1;
        const total = answered(xs).reduce((s, x) => s + w(x), 0);
        const yes = answered(xs).reduce((s, x) => s + (x.fcr ? w(x) : 0), 0);
        expect(r.rate).toBe(total === 0 ? null : yes / total);
      }),
    );
  });

  it('bounds: rate in [0, 1] inside its interval; effectiveN in (0, n] when n > 0; null rate and ci exactly when n = 0', () => {
    fc.assert(
      fc.property(surveysArb, (xs) => {
        const r = surveyFcr(xs);
        expect(r.rate === null).toBe(r.n === 0);
        expect(r.ci === null).toBe(r.n === 0);
        if (r.rate === null) return;
        expect(r.rate).toBeGreaterThanOrEqual(0);
        expect(r.rate).toBeLessThanOrEqual(1);
        expect(r.effectiveN).toBeGreaterThan(0);
        expect(r.effectiveN).toBeLessThanOrEqual(r.n * (1 + 1e-12));
        expect(r.ci!.low).toBeLessThanOrEqual(r.rate);
        expect(r.ci!.high).toBeGreaterThanOrEqual(r.rate);
      }),
    );
  });

  it('weights all 1 (given or absent) give exactly the unweighted result, with effectiveN = n', () => {
    fc.assert(
      fc.property(surveysArb, (xs) => {
        const ones = xs.map((x) => ({ ...x, weight: 1 }));
        const plain = xs.map(({ weight: _w, ...x }) => x);
        expect(surveyFcr(ones)).toEqual(surveyFcr(plain));
        expect(surveyFcr(plain).effectiveN).toBe(surveyFcr(plain).n);
      }),
    );
  });

  it('scale-free: multiplying every weight by 4 changes neither rate nor effectiveN nor interval', () => {
    fc.assert(
      fc.property(surveysArb, (xs) => {
        const scaled = xs.map((x) => ({ ...x, weight: 4 * (x.weight ?? 1) }));
        expect(surveyFcr(scaled)).toEqual(surveyFcr(xs));
      }),
    );
  });

  it('fold = batch, exactly', () => {
    fc.assert(
      fc.property(surveysArb, (xs) => {
        expect(fold(xs).result()).toEqual(surveyFcr(xs));
      }),
    );
  });

  it('order-independent: any permutation gives exactly the same result (dyadic weights)', () => {
    fc.assert(
      fc.property(withPermutation(surveysArb), ([xs, ys]) => {
        expect(surveyFcr(ys)).toEqual(surveyFcr(xs));
      }),
    );
  });

  it('order-independent within 1e-12 relative for any double weights (counts exact)', () => {
    fc.assert(
      fc.property(withPermutation(anyWeightSurveysArb), ([xs, ys]) => {
        const [a, b] = [surveyFcr(ys), surveyFcr(xs)];
        expect([a.n, a.resolved, a.unanswered]).toEqual([b.n, b.resolved, b.unanswered]);
        expectResultsClose({ rate: a.rate, effectiveN: a.effectiveN }, { rate: b.rate, effectiveN: b.effectiveN }, 1e-12);
      }),
    );
  });

  it('split anywhere + merge = whole, exactly', () => {
    fc.assert(
      fc.property(withCut(surveysArb), ([xs, k]) => {
        expect(fold(xs.slice(0, k)).merge(fold(xs.slice(k)).state()).result()).toEqual(surveyFcr(xs));
      }),
    );
  });

  it('merge is associative: merge(merge(a,b),c) = merge(a,merge(b,c)), state for state', () => {
    fc.assert(
      fc.property(threeParts(surveysArb), ([a, b, c]) => {
        expect(fold(a).merge(fold(b)).merge(fold(c)).state()).toEqual(fold(a).merge(fold(b).merge(fold(c))).state());
      }),
    );
  });

  it('merge is commutative: merge(a,b) = merge(b,a), state for state', () => {
    fc.assert(
      fc.property(withCut(surveysArb), ([xs, k]) => {
        const [a, b] = [xs.slice(0, k), xs.slice(k)];
        expect(fold(a).merge(fold(b)).state()).toEqual(fold(b).merge(fold(a)).state());
      }),
    );
  });

  it('the empty accumulator is the identity of merge, on both sides', () => {
    fc.assert(
      fc.property(anyWeightSurveysArb, (xs) => {
        const s = fold(xs).state();
        expect(fold(xs).merge(surveyFcrAccumulator()).state()).toEqual(s);
        expect(surveyFcrAccumulator().merge(s).state()).toEqual(s);
      }),
    );
  });

  it('state survives a JSON round trip through fromState (any double weights)', () => {
    fc.assert(
      fc.property(anyWeightSurveysArb, (xs) => {
        const acc = fold(xs);
        const restored = surveyFcrAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())) as SurveyFcrState);
        expect(restored.state()).toEqual(acc.state());
        expect(restored.result()).toEqual(acc.result());
      }),
    );
  });

  it('no NaN or Infinity anywhere in the result or the state (any double weights)', () => {
    fc.assert(
      fc.property(anyWeightSurveysArb, (xs) => {
        const acc = fold(xs);
        expect(nonFiniteNumbers(acc.result())).toEqual([]);
        expect(nonFiniteNumbers(acc.state())).toEqual([]);
      }),
    );
  });
});
