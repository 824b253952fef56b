import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CxMetricsError, ces, cesAccumulator, type CesAccumulator, type CesOptions, type CesResult, type CesState } from '../../src/metrics/index.js';
import { expectResultsClose, momentsAbsTolerance, nonFiniteNumbers } from '../_arbitraries.js';

// Laws of the CES family (STYLE.md §6). Counts (n, easy) are compared exactly everywhere; the mean is
// a Neumaier sum over n and is compared within 1e-12 relative wherever the order of additions changes
// (DESIGN.md "Exact where exactness exists"), and exactly for integer answers.

interface Case {
  options: CesOptions;
  min: number;
  max: number;
  /** Whether an answer is easy under these options (definitions.md §1.4; ces.ts option defaults). */
  easy: (x: number) => boolean;
}

const cases: readonly Case[] = [
  { options: {}, min: 1, max: 7, easy: (x) => x >= 5 },
  { options: { scale: [1, 5] }, min: 1, max: 5, easy: (x) => x >= 4 },
  { options: { direction: 'lowerIsEasier' }, min: 1, max: 7, easy: (x) => x <= 3 },
  { options: { scale: [1, 5], direction: 'lowerIsEasier' }, min: 1, max: 5, easy: (x) => x <= 2 },
  { options: { scale: [1, 10], easyFrom: 8 }, min: 1, max: 10, easy: (x) => x >= 8 },
  { options: { scale: [0, 10], direction: 'lowerIsEasier', easyFrom: 2.5 }, min: 0, max: 10, easy: (x) => x <= 2.5 },
];

/** An answer on the case's scale: an integer, a half point, or any double on the scale. */
function answerOn(c: Case): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: c.min, max: c.max }),
    fc.integer({ min: 2 * c.min, max: 2 * c.max }).map((h) => h / 2),
    fc.double({ min: c.min, max: c.max, noNaN: true }),
  );
}

const aCase = fc.constantFrom(...cases);
const list = (a: fc.Arbitrary<number>): fc.Arbitrary<number[]> => fc.array(a, { maxLength: 60 });
const caseAndAnswers = aCase.chain((c) => fc.tuple(fc.constant(c), list(answerOn(c))));
const caseAndThree = aCase.chain((c) => fc.tuple(fc.constant(c), list(answerOn(c)), list(answerOn(c)), list(answerOn(c))));

function acc(c: Case, xs: readonly number[]): CesAccumulator {
  const a = cesAccumulator(c.options);
  for (const x of xs) a.add(x);
  return a;
}

function split<T>(xs: readonly T[], cuts: readonly number[]): T[][] {
  const at = [0, ...cuts.map((k) => k % (xs.length + 1)).sort((a, b) => a - b), xs.length];
  const parts: T[][] = [];
  for (let k = 0; k + 1 < at.length; k++) parts.push(xs.slice(at[k], at[k + 1]));
  return parts;
}

/** |a − b| ≤ 1e-12 · |b| (both null counts as equal). */
function expectClose(a: number | null, b: number | null): void {
  if (a === null || b === null) {
    expect(a).toBe(b);
    return;
  }
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.abs(b));
}

/**
 * Moments (mean, Σ(x − mean)²) reorder and merge only up to rounding (statistics.md §7), so sd and the
 * t interval agree within 1e-9 relative or momentsAbsTolerance of the scale's largest |answer|.
 */
function momentsTolerance(c: Case): [rel: number, abs: number] {
  return [1e-9, momentsAbsTolerance(Math.max(Math.abs(c.min), Math.abs(c.max)))];
}

/**
 * Counts, rate (a ratio of exact counts), effectiveN, the Wilson interval of the rate and the
 * low-sample flag exactly; the mean within 1e-12 relative; sd and the t interval of the mean within
 * {@link momentsTolerance}.
 */
function expectSameResult(c: Case, a: CesResult, b: CesResult): void {
  const exact = (r: CesResult) => ({ ...r, mean: null, sd: null, ci: null });
  expect(exact(a)).toEqual(exact(b));
  expectClose(a.mean, b.mean);
  expectResultsClose(a, b, ...momentsTolerance(c));
}

describe('ces laws', () => {
  it('bounds: for any answers on the scale, rate is null or in [0, 1] and mean is null or within the scale', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        const { rate, mean, n } = ces(xs, c.options);
        if (n === 0) {
          expect([rate, mean]).toEqual([null, null]);
          return;
        }
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
        expect(mean).toBeGreaterThanOrEqual(c.min);
        expect(mean).toBeLessThanOrEqual(c.max);
      }),
    );
  });

  it('counts add up: for any answers, n = number of answers and easy = #(easy answers) ≤ n', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        const r = ces(xs, c.options);
        expect(r.n).toBe(xs.length);
        expect(r.easy).toBe(xs.filter(c.easy).length);
        expect(r.easy).toBeLessThanOrEqual(r.n);
      }),
    );
  });

  it('direction mirrors the scale: for any answers on 1–7, lowerIsEasier from e counts the same easy answers as higherIsEasier from 8 − e on 8 − answer', () => {
    // Integers and half points only, so 8 − x is exact.
    const answer17 = fc.oneof(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 2, max: 14 }).map((h) => h / 2));
    fc.assert(
      fc.property(list(answer17), fc.integer({ min: 1, max: 7 }), (xs, e) => {
        const lower = ces(xs, { direction: 'lowerIsEasier', easyFrom: e });
        const higher = ces(
          xs.map((x) => 8 - x),
          { direction: 'higherIsEasier', easyFrom: 8 - e },
        );
        expect([lower.n, lower.easy, lower.rate]).toEqual([higher.n, higher.easy, higher.rate]);
        if (lower.mean !== null && higher.mean !== null) expectClose(8 - higher.mean, lower.mean);
        else expect([lower.mean, higher.mean]).toEqual([null, null]);
      }),
    );
  });

  it('order does not matter: for any answers and any permutation, counts are identical and the mean agrees within 1e-12 relative', () => {
    const withPermutation = caseAndAnswers.chain(([c, xs]) => fc.tuple(fc.constant(c), fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));
    fc.assert(
      fc.property(withPermutation, ([c, xs, ys]) => {
        expectSameResult(c, ces(ys, c.options), ces(xs, c.options));
      }),
    );
  });

  it('fold = batch: for any answers, adding them one by one to an accumulator gives ces(answers) exactly', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        expect(acc(c, xs).result()).toEqual(ces(xs, c.options));
      }),
    );
  });

  it('split anywhere + merge = whole: for any answers cut into any parts, counts are exact and the mean agrees within 1e-12 relative', () => {
    fc.assert(
      fc.property(caseAndAnswers, fc.array(fc.nat(), { maxLength: 6 }), ([c, xs], cuts) => {
        const merged = cesAccumulator(c.options);
        for (const part of split(xs, cuts)) merged.merge(acc(c, part).state());
        expectSameResult(c, merged.result(), ces(xs, c.options));
      }),
      {
        // Found: a spread of a few ulps; sd 3.8e-16 in one pass, 4.7e-16 merged.
        examples: [[[cases[2]!, [1, 1.0000000000000007]], [1]]],
      },
    );
  });

  it('split anywhere + merge = whole, exactly, for integer answers (integer sums are exact)', () => {
    const caseAndIntegers = aCase.chain((c) => fc.tuple(fc.constant(c), list(fc.integer({ min: c.min, max: c.max }))));
    fc.assert(
      fc.property(caseAndIntegers, fc.array(fc.nat(), { maxLength: 6 }), ([c, xs], cuts) => {
        const merged = cesAccumulator(c.options);
        for (const part of split(xs, cuts)) merged.merge(acc(c, part));
        const r = merged.result();
        const whole = ces(xs, c.options);
        // Counts, sums, mean, rate and its interval exactly; sd and the t interval come from merged
        // moments (Chan et al.), equal to one pass only up to rounding: within momentsTolerance.
        expect({ ...r, sd: null, ci: null }).toEqual({ ...whole, sd: null, ci: null });
        expectResultsClose(r, whole, ...momentsTolerance(c));
      }),
    );
  });

  it('merge is associative: merge(merge(a, b), c) = merge(a, merge(b, c)) (counts exact, mean within 1e-12 relative)', () => {
    fc.assert(
      fc.property(caseAndThree, ([c, a, b, d]) => {
        const left = acc(c, a).merge(acc(c, b)).merge(acc(c, d));
        const right = acc(c, a).merge(acc(c, b).merge(acc(c, d)));
        expectSameResult(c, left.result(), right.result());
      }),
    );
  });

  it('merge is commutative: merge(a, b) = merge(b, a) (counts exact, mean within 1e-12 relative)', () => {
    fc.assert(
      fc.property(caseAndThree, ([c, a, b]) => {
        expectSameResult(c, acc(c, a).merge(acc(c, b)).result(), acc(c, b).merge(acc(c, a)).result());
      }),
    );
  });

  it('an empty accumulator is the identity of merge, on either side, exactly', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        const whole = acc(c, xs).result();
        expect(acc(c, xs).merge(cesAccumulator(c.options)).result()).toEqual(whole);
        expect(cesAccumulator(c.options).merge(acc(c, xs)).result()).toEqual(whole);
      }),
    );
  });

  it('state survives a JSON round trip: fromState(JSON.parse(JSON.stringify(state))) gives the same result and options', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        const a = acc(c, xs);
        const parsed = JSON.parse(JSON.stringify(a.state())) as CesState;
        expect(parsed).toEqual(a.state());
        const restored = cesAccumulator.fromState(parsed);
        expect(restored.result()).toEqual(a.result());
        expect(restored.state()).toEqual(a.state());
      }),
    );
  });

  it('monotone: for any answers, adding an easy answer never lowers the rate and adding a hard one never raises it', () => {
    const caseAnswersAndOne = caseAndAnswers.chain(([c, xs]) => fc.tuple(fc.constant(c), fc.constant(xs), answerOn(c)));
    fc.assert(
      fc.property(caseAnswersAndOne, ([c, xs, x]) => {
        const after = ces([...xs, x], c.options).rate;
        if (c.easy(x)) expect(after).toBeGreaterThanOrEqual(ces(xs, c.options).rate ?? 0);
        else expect(after).toBeLessThanOrEqual(ces(xs, c.options).rate ?? 1);
      }),
    );
  });

  it('scale: for any answers and k ≥ 1, the answers repeated k times have the same rate, k times the counts and the same mean within 1e-12', () => {
    fc.assert(
      fc.property(caseAndAnswers, fc.integer({ min: 1, max: 10 }), ([c, xs], k) => {
        const once = ces(xs, c.options);
        const repeated: number[] = [];
        for (let j = 0; j < k; j++) repeated.push(...xs);
        const r = ces(repeated, c.options);
        expect([r.rate, r.n, r.easy]).toEqual([once.rate, k * once.n, k * once.easy]);
        expectClose(r.mean, once.mean);
      }),
    );
  });

  it('never NaN: for any answers, every field of the result is null or finite, and the result is JSON-safe', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        const r = ces(xs, c.options);
        for (const [k, v] of Object.entries(r)) {
          if (k === 'lowSample') expect(typeof v).toBe('boolean');
          else if (typeof v === 'object' && v !== null) expect(Object.keys(v).sort()).toEqual(['high', 'level', 'low']);
          else expect(v === null || Number.isFinite(v)).toBe(true);
        }
        expect(nonFiniteNumbers(r)).toEqual([]);
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      }),
    );
  });

  it('the input is not mutated: for any frozen answers, ces reads them and leaves them as they were', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        const frozen = Object.freeze([...xs]);
        ces(frozen, c.options);
        acc(c, frozen);
        expect(frozen).toEqual(xs);
      }),
    );
  });

  it('bad values throw: for any answers with an off-scale or non-number value at index i, ces throws invalid_value naming scores[i], i and the value', () => {
    const caseAndBad = aCase.chain((c) =>
      fc.tuple(
        fc.constant(c),
        list(answerOn(c)),
        fc.nat(),
        fc.oneof(
          fc.double().filter((x) => !(x >= c.min && x <= c.max)),
          fc.constantFrom<unknown>(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, c.max + 1, c.min - 1),
          fc.string(),
        ),
        list(answerOn(c)),
      ),
    );
    fc.assert(
      fc.property(caseAndBad, ([c, before, cut, bad, after]) => {
        const i = cut % (before.length + 1);
        const xs = [...before.slice(0, i), bad, ...after] as number[];
        let caught: unknown;
        try {
          ces(xs, c.options);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(CxMetricsError);
        const e = caught as CxMetricsError;
        expect({ code: e.code, path: e.path, index: e.index, value: e.value }).toEqual({ code: 'invalid_value', path: `scores[${i}]`, index: i, value: bad });
        const a = acc(c, before);
        expect(() => a.add(bad as number)).toThrow(CxMetricsError);
        expect(a.result()).toEqual(ces(before, c.options));
      }),
    );
  });

  it('states of different options never merge: for any two different cases, merge throws invalid_state', () => {
    const twoCases = fc.tuple(aCase, aCase).filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(twoCases, ([a, b]) => {
        let caught: unknown;
        try {
          cesAccumulator(a.options).merge(cesAccumulator(b.options).state());
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(CxMetricsError);
        expect((caught as CxMetricsError).code).toBe('invalid_state');
      }),
    );
  });
});
