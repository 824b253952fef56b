import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CxMetricsError, nps, npsAccumulator, type NpsAccumulator, type NpsResult, type NpsState } from '../../src/metrics/index.js';
import { nonFiniteNumbers } from '../_arbitraries.js';

// Laws of the NPS family (STYLE.md §6). Without weights the NPS state is integer counts only (the
// weighted totals are counts too, every weight being 1), so every law that compares two results
// compares them exactly, shares and interval included (DESIGN.md "Exact where exactness exists").

const answer = fc.integer({ min: 0, max: 10 });
const answers = fc.array(answer, { maxLength: 60 });
const promoter = fc.integer({ min: 9, max: 10 });
const passive = fc.integer({ min: 7, max: 8 });
const detractor = fc.integer({ min: 0, max: 6 });

/** A list and a permutation of it. */
const listAndPermutation = answers.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));

/** A list and cut points splitting it into any number of (possibly empty) consecutive parts. */
const listAndCuts = answers.chain((xs) => fc.tuple(fc.constant(xs), fc.array(fc.integer({ min: 0, max: xs.length }), { maxLength: 6 })));

function split<T>(xs: readonly T[], cuts: readonly number[]): T[][] {
  const at = [0, ...[...cuts].sort((a, b) => a - b), xs.length];
  const parts: T[][] = [];
  for (let k = 0; k + 1 < at.length; k++) parts.push(xs.slice(at[k], at[k + 1]));
  return parts;
}

function acc(xs: readonly number[]): NpsAccumulator {
  const a = npsAccumulator();
  for (const x of xs) a.add(x);
  return a;
}

/**
 * Every field is null, a finite number, the boolean lowSample, or an object (shares, interval) of
 * finite numbers: no NaN, no ±Infinity, at any depth.
 */
function jsonSafe(r: NpsResult): boolean {
  const fieldsOk = Object.entries(r).every(([k, v]) =>
    k === 'lowSample' ? typeof v === 'boolean' : v === null || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'object',
  );
  return fieldsOk && nonFiniteNumbers(r).length === 0;
}

describe('nps laws', () => {
  it('bounds: for any answers, score is null iff n = 0, and otherwise lies in [-100, 100]', () => {
    fc.assert(
      fc.property(answers, (xs) => {
        const { score, n } = nps(xs);
        if (n === 0) expect(score).toBeNull();
        else {
          expect(score).not.toBeNull();
          expect(score).toBeGreaterThanOrEqual(-100);
          expect(score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('counts add up: for any answers, promoters + passives + detractors = n = number of answers', () => {
    fc.assert(
      fc.property(answers, (xs) => {
        const r = nps(xs);
        expect(r.promoters + r.passives + r.detractors).toBe(r.n);
        expect(r.n).toBe(xs.length);
      }),
    );
  });

  it('counts agree with a filter oracle: promoters = #(≥ 9), passives = #(7–8), detractors = #(≤ 6)', () => {
    fc.assert(
      fc.property(answers, (xs) => {
        const r = nps(xs);
        expect(r.promoters).toBe(xs.filter((x) => x >= 9).length);
        expect(r.passives).toBe(xs.filter((x) => x === 7 || x === 8).length);
        expect(r.detractors).toBe(xs.filter((x) => x <= 6).length);
      }),
    );
  });

  it('sign: for any non-empty answers, score > 0 iff promoters > detractors, and score = 0 iff they are equal', () => {
    fc.assert(
      fc.property(answers, (xs) => {
        fc.pre(xs.length > 0);
        const r = nps(xs);
        expect(Math.sign(r.score ?? Number.NaN)).toBe(Math.sign(r.promoters - r.detractors));
      }),
    );
  });

  it('order does not matter: for any answers and any permutation of them, the result is identical', () => {
    fc.assert(
      fc.property(listAndPermutation, ([xs, ys]) => {
        expect(nps(ys)).toEqual(nps(xs));
      }),
    );
  });

  it('fold = batch: for any answers, adding them one by one to an accumulator gives nps(answers)', () => {
    fc.assert(
      fc.property(answers, (xs) => {
        expect(acc(xs).result()).toEqual(nps(xs));
      }),
    );
  });

  it('split anywhere + merge = whole: for any answers cut into any parts, merging the parts gives nps(answers) exactly', () => {
    fc.assert(
      fc.property(listAndCuts, ([xs, cuts]) => {
        const merged = npsAccumulator();
        for (const part of split(xs, cuts)) merged.merge(acc(part));
        expect(merged.result()).toEqual(nps(xs));
      }),
    );
  });

  it('merge is associative: merge(merge(a, b), c) = merge(a, merge(b, c))', () => {
    fc.assert(
      fc.property(answers, answers, answers, (a, b, c) => {
        const left = acc(a).merge(acc(b)).merge(acc(c));
        const right = acc(a).merge(acc(b).merge(acc(c)));
        expect(left.state()).toEqual(right.state());
        expect(left.result()).toEqual(right.result());
      }),
    );
  });

  it('merge is commutative: merge(a, b) = merge(b, a)', () => {
    fc.assert(
      fc.property(answers, answers, (a, b) => {
        expect(acc(a).merge(acc(b)).result()).toEqual(acc(b).merge(acc(a)).result());
      }),
    );
  });

  it('an empty accumulator is the identity of merge, on either side', () => {
    fc.assert(
      fc.property(answers, (xs) => {
        const whole = acc(xs).result();
        expect(acc(xs).merge(npsAccumulator()).result()).toEqual(whole);
        expect(npsAccumulator().merge(acc(xs)).result()).toEqual(whole);
      }),
    );
  });

  it('state survives a JSON round trip: fromState(JSON.parse(JSON.stringify(state))) gives the same result', () => {
    fc.assert(
      fc.property(answers, (xs) => {
        const a = acc(xs);
        const parsed = JSON.parse(JSON.stringify(a.state())) as NpsState;
        expect(parsed).toEqual(a.state());
        expect(npsAccumulator.fromState(parsed).result()).toEqual(a.result());
        expect(a.merge(parsed).result()).toEqual(nps([...xs, ...xs]));
      }),
    );
  });

  it('monotone: for any answers, adding a promoter never lowers the score', () => {
    fc.assert(
      fc.property(answers, promoter, (xs, p) => {
        const before = nps(xs).score ?? -100;
        expect(nps([...xs, p]).score).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('monotone: for any answers, adding a detractor never raises the score', () => {
    fc.assert(
      fc.property(answers, detractor, (xs, d) => {
        const before = nps(xs).score ?? 100;
        expect(nps([...xs, d]).score).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('monotone: for any non-empty answers, adding a passive moves the score toward 0 and never flips its sign', () => {
    fc.assert(
      fc.property(answers, passive, (xs, p) => {
        fc.pre(xs.length > 0);
        const before = nps(xs).score ?? Number.NaN;
        const after = nps([...xs, p]).score ?? Number.NaN;
        expect(Math.abs(after)).toBeLessThanOrEqual(Math.abs(before));
        expect(Math.sign(after)).toBe(Math.sign(before));
      }),
    );
  });

  it('scale: for any answers and k ≥ 1, the answers repeated k times have the same score and k times the counts', () => {
    fc.assert(
      fc.property(answers, fc.integer({ min: 1, max: 20 }), (xs, k) => {
        const once = nps(xs);
        const repeated: number[] = [];
        for (let j = 0; j < k; j++) repeated.push(...xs);
        const r = nps(repeated);
        expect(r.score).toBe(once.score);
        expect([r.n, r.promoters, r.passives, r.detractors]).toEqual([k * once.n, k * once.promoters, k * once.passives, k * once.detractors]);
      }),
    );
  });

  it('never NaN: for any answers, every field of the result is null or finite, and the result is JSON-safe', () => {
    fc.assert(
      fc.property(answers, (xs) => {
        const r = nps(xs);
        expect(jsonSafe(r)).toBe(true);
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      }),
    );
  });

  it('the input is not mutated: for any frozen answers, nps reads them and leaves them as they were', () => {
    fc.assert(
      fc.property(answers, (xs) => {
        const frozen = Object.freeze([...xs]);
        nps(frozen);
        acc(frozen);
        expect(frozen).toEqual(xs);
      }),
    );
  });

  const badAnswer: fc.Arbitrary<unknown> = fc.oneof(
    fc.double().filter((x) => !(Number.isInteger(x) && x >= 0 && x <= 10)),
    fc.integer({ min: 11 }),
    fc.integer({ max: -1 }),
    fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    fc.string(),
    fc.boolean(),
  );

  it('bad values throw: for any answers with a value that is not an integer 0–10 at index i, nps throws invalid_value naming scores[i], i and the value', () => {
    fc.assert(
      fc.property(answers, fc.nat(), badAnswer, answers, (before, cut, bad, after) => {
        const i = cut % (before.length + 1);
        const xs = [...before.slice(0, i), bad, ...after] as number[];
        let caught: unknown;
        try {
          nps(xs);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(CxMetricsError);
        const e = caught as CxMetricsError;
        expect({ code: e.code, path: e.path, index: e.index, value: e.value }).toEqual({ code: 'invalid_value', path: `scores[${i}]`, index: i, value: bad });
      }),
    );
  });

  it('a failed add leaves the accumulator as it was: for any answers and any bad value, the state is unchanged', () => {
    fc.assert(
      fc.property(answers, badAnswer, (xs, bad) => {
        const a = acc(xs);
        expect(() => a.add(bad as number)).toThrow(CxMetricsError);
        expect(a.result()).toEqual(nps(xs));
      }),
    );
  });
});
