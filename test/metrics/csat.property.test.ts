import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CxMetricsError, csat, csatAccumulator, type CsatAccumulator, type CsatOptions, type CsatResult, type CsatState } from '../../src/metrics/index.js';
import { nonFiniteNumbers } from '../_arbitraries.js';

// Laws of the CSAT family (STYLE.md §6). Counts (n, satisfied) are compared exactly everywhere; the
// mean is a Neumaier sum over n and is compared within 1e-12 relative wherever the order of
// additions changes (DESIGN.md "Exact where exactness exists"), and exactly for integer answers.

interface Case {
  options: CsatOptions;
  min: number;
  max: number;
  /** The satisfied cutoff the options mean (defaults from definitions.md §1.1 / §8). */
  from: number;
}

const cases: readonly Case[] = [
  { options: {}, min: 1, max: 5, from: 4 },
  { options: { scale: [1, 3] }, min: 1, max: 3, from: 3 },
  { options: { scale: [1, 7] }, min: 1, max: 7, from: 6 },
  { options: { scale: [1, 10] }, min: 1, max: 10, from: 9 },
  { options: { scale: [0, 10], satisfiedFrom: 9 }, min: 0, max: 10, from: 9 },
  { options: { scale: [1, 5], satisfiedFrom: 4.5 }, min: 1, max: 5, from: 4.5 },
  { options: { scale: [-2, 2], satisfiedFrom: 1 }, min: -2, max: 2, from: 1 },
];

/** An answer on the case's scale: an integer, a half star, or any double on the scale. */
function answerOn(c: Case): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: c.min, max: c.max }),
    fc.integer({ min: 2 * c.min, max: 2 * c.max }).map((h) => h / 2),
    fc.double({ min: c.min, max: c.max, noNaN: true }),
  );
}

function integerOn(c: Case): fc.Arbitrary<number> {
  return fc.integer({ min: c.min, max: c.max });
}

const aCase = fc.constantFrom(...cases);
const list = (a: fc.Arbitrary<number>): fc.Arbitrary<number[]> => fc.array(a, { maxLength: 60 });

/** A case and answers on its scale. */
const caseAndAnswers = aCase.chain((c) => fc.tuple(fc.constant(c), list(answerOn(c))));
/** A case and three lists of answers. */
const caseAndThree = aCase.chain((c) => fc.tuple(fc.constant(c), list(answerOn(c)), list(answerOn(c)), list(answerOn(c))));

function acc(c: Case, xs: readonly number[]): CsatAccumulator {
  const a = csatAccumulator(c.options);
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
 * Every field but the mean exactly: counts, rate (a ratio of exact counts), effectiveN, the Wilson
 * interval and the low-sample flag all come from exact counts. The mean within 1e-12 relative.
 */
function expectSameResult(a: CsatResult, b: CsatResult): void {
  expect({ ...a, mean: null }).toEqual({ ...b, mean: null });
  expectClose(a.mean, b.mean);
}

describe('csat laws', () => {
  it('bounds: for any answers on the scale, rate is null or in [0, 1] and mean is null or within the scale', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        const { rate, mean, n } = csat(xs, c.options);
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

  it('counts add up: for any answers, n = number of answers, satisfied = #(answer ≥ cutoff) ≤ n', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        const r = csat(xs, c.options);
        expect(r.n).toBe(xs.length);
        expect(r.satisfied).toBe(xs.filter((x) => x >= c.from).length);
        expect(r.satisfied).toBeLessThanOrEqual(r.n);
      }),
    );
  });

  it('order does not matter: for any answers and any permutation, counts are identical and the mean agrees within 1e-12 relative', () => {
    const withPermutation = caseAndAnswers.chain(([c, xs]) => fc.tuple(fc.constant(c), fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));
    fc.assert(
      fc.property(withPermutation, ([c, xs, ys]) => {
        expectSameResult(csat(ys, c.options), csat(xs, c.options));
      }),
    );
  });

  it('fold = batch: for any answers, adding them one by one to an accumulator gives csat(answers) exactly', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        expect(acc(c, xs).result()).toEqual(csat(xs, c.options));
      }),
    );
  });

  it('split anywhere + merge = whole: for any answers cut into any parts, counts are exact and the mean agrees within 1e-12 relative', () => {
    fc.assert(
      fc.property(caseAndAnswers, fc.array(fc.nat(), { maxLength: 6 }), ([c, xs], cuts) => {
        const merged = csatAccumulator(c.options);
        for (const part of split(xs, cuts)) merged.merge(acc(c, part).state());
        expectSameResult(merged.result(), csat(xs, c.options));
      }),
    );
  });

  it('split anywhere + merge = whole, exactly, for integer answers (integer sums are exact)', () => {
    const caseAndIntegers = aCase.chain((c) => fc.tuple(fc.constant(c), list(integerOn(c))));
    fc.assert(
      fc.property(caseAndIntegers, fc.array(fc.nat(), { maxLength: 6 }), ([c, xs], cuts) => {
        const merged = csatAccumulator(c.options);
        for (const part of split(xs, cuts)) merged.merge(acc(c, part));
        expect(merged.result()).toEqual(csat(xs, c.options));
      }),
    );
  });

  it('merge is associative: merge(merge(a, b), c) = merge(a, merge(b, c)) (counts exact, mean within 1e-12 relative)', () => {
    fc.assert(
      fc.property(caseAndThree, ([c, a, b, d]) => {
        const left = acc(c, a).merge(acc(c, b)).merge(acc(c, d));
        const right = acc(c, a).merge(acc(c, b).merge(acc(c, d)));
        expectSameResult(left.result(), right.result());
      }),
    );
  });

  it('merge is commutative: merge(a, b) = merge(b, a) (counts exact, mean within 1e-12 relative)', () => {
    fc.assert(
      fc.property(caseAndThree, ([c, a, b]) => {
        expectSameResult(acc(c, a).merge(acc(c, b)).result(), acc(c, b).merge(acc(c, a)).result());
      }),
    );
  });

  it('an empty accumulator is the identity of merge, on either side, exactly', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        const whole = acc(c, xs).result();
        expect(acc(c, xs).merge(csatAccumulator(c.options)).result()).toEqual(whole);
        expect(csatAccumulator(c.options).merge(acc(c, xs)).result()).toEqual(whole);
      }),
    );
  });

  it('state survives a JSON round trip: fromState(JSON.parse(JSON.stringify(state))) gives the same result and options', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        const a = acc(c, xs);
        const parsed = JSON.parse(JSON.stringify(a.state())) as CsatState;
        expect(parsed).toEqual(a.state());
        const restored = csatAccumulator.fromState(parsed);
        expect(restored.result()).toEqual(a.result());
        expect(restored.state()).toEqual(a.state());
      }),
    );
  });

  it('monotone: for any answers, adding a satisfied answer never lowers the rate', () => {
    const caseAnswersAndSatisfied = caseAndAnswers.chain(([c, xs]) => fc.tuple(fc.constant(c), fc.constant(xs), answerOn(c).filter((x) => x >= c.from)));
    fc.assert(
      fc.property(caseAnswersAndSatisfied, ([c, xs, s]) => {
        const before = csat(xs, c.options).rate ?? 0;
        expect(csat([...xs, s], c.options).rate).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('monotone: for any answers, adding an unsatisfied answer never raises the rate', () => {
    const caseAnswersAndUnsatisfied = caseAndAnswers.chain(([c, xs]) => fc.tuple(fc.constant(c), fc.constant(xs), answerOn(c).filter((x) => x < c.from)));
    fc.assert(
      fc.property(caseAnswersAndUnsatisfied, ([c, xs, u]) => {
        const before = csat(xs, c.options).rate ?? 1;
        expect(csat([...xs, u], c.options).rate).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('monotone: raising the cutoff never raises the rate, for any answers on 1–5', () => {
    const cutoff = fc.double({ min: 1, max: 5, noNaN: true });
    const cutoffs = fc.tuple(cutoff, cutoff).map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));
    fc.assert(
      fc.property(list(answerOn({ options: {}, min: 1, max: 5, from: 4 })), cutoffs, (xs, [lo, hi]) => {
        expect(csat(xs, { satisfiedFrom: hi }).satisfied).toBeLessThanOrEqual(csat(xs, { satisfiedFrom: lo }).satisfied);
      }),
    );
  });

  it('scale: for any answers and k ≥ 1, the answers repeated k times have the same rate, k times the counts and the same mean within 1e-12', () => {
    fc.assert(
      fc.property(caseAndAnswers, fc.integer({ min: 1, max: 10 }), ([c, xs], k) => {
        const once = csat(xs, c.options);
        const repeated: number[] = [];
        for (let j = 0; j < k; j++) repeated.push(...xs);
        const r = csat(repeated, c.options);
        expect([r.rate, r.n, r.satisfied]).toEqual([once.rate, k * once.n, k * once.satisfied]);
        expectClose(r.mean, once.mean);
      }),
    );
  });

  it('never NaN: for any answers, every field of the result is null or finite, and the result is JSON-safe', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        const r = csat(xs, c.options);
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

  it('the input is not mutated: for any frozen answers, csat reads them and leaves them as they were', () => {
    fc.assert(
      fc.property(caseAndAnswers, ([c, xs]) => {
        const frozen = Object.freeze([...xs]);
        csat(frozen, c.options);
        acc(c, frozen);
        expect(frozen).toEqual(xs);
      }),
    );
  });

  it('bad values throw: for any answers with an off-scale or non-number value at index i, csat throws invalid_value naming scores[i], i and the value', () => {
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
          csat(xs, c.options);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(CxMetricsError);
        const e = caught as CxMetricsError;
        expect({ code: e.code, path: e.path, index: e.index, value: e.value }).toEqual({ code: 'invalid_value', path: `scores[${i}]`, index: i, value: bad });
        // The accumulator rejects it too and keeps what it had.
        const a = acc(c, before);
        expect(() => a.add(bad as number)).toThrow(CxMetricsError);
        expect(a.result()).toEqual(csat(before, c.options));
      }),
    );
  });

  it('states of different options never merge: for any two different cases, merge throws invalid_state', () => {
    const twoCases = fc.tuple(aCase, aCase).filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(twoCases, ([a, b]) => {
        let caught: unknown;
        try {
          csatAccumulator(a.options).merge(csatAccumulator(b.options).state());
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(CxMetricsError);
        expect((caught as CxMetricsError).code).toBe('invalid_state');
      }),
    );
  });
});
