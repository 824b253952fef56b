import { describe, expect, it } from 'vitest';
import { CxMetricsError, csat, csatAccumulator, npsAccumulator, type CsatOptions, type CsatState } from '../../src/metrics/index.js';
import { REFERENCE as STATS, expectIntervalAround, expectResultsClose } from '../_arbitraries.js';

// Wilson intervals of one answer (statistics.md §1: 1/1 → [0.2065493144, 1]; 0/1 → [0, 0.7934506856]).
const WILSON_1_OF_1 = STATS.wilson1of1;
const WILSON_0_OF_1 = STATS.wilson0of1;

const caughtCsat = (fn: () => unknown): CxMetricsError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof CxMetricsError) return e;
    throw e;
  }
  throw new Error('expected a CxMetricsError');
};

/** Expands `[[answer, count], …]` into a frozen list of answers, in the order given. */
function answers(counts: ReadonlyArray<readonly [number, number]>): readonly number[] {
  const out: number[] = [];
  for (const [answer, count] of counts) for (let k = 0; k < count; k++) out.push(answer);
  return Object.freeze(out);
}

/** Runs `f`, expects it to throw a CxMetricsError and returns that error. */
function thrown(f: () => unknown): CxMetricsError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CxMetricsError);
    return e as CxMetricsError;
  }
  return expect.unreachable('expected a CxMetricsError, nothing was thrown');
}

function fields(e: CxMetricsError): { code: string; path: string; index: number | null; value: unknown } {
  return { code: e.code, path: e.path, index: e.index, value: e.value };
}

// definitions.md §1.1 worked example: 1–5 scale, 200 responses 5:90, 4:60, 3:25, 2:15, 1:10.
const REFERENCE = answers([
  [5, 90],
  [4, 60],
  [3, 25],
  [2, 15],
  [1, 10],
]);

describe('csat(scores): reference worked example (definitions.md §1.1)', () => {
  it('csat(scores) returns top-2-box rate 0.75 and mean 4.025 for the 200 responses', () => {
    // Top-2-box = (90 + 60) / 200 = 75.0%; mean = 805 / 200 = 4.025 (the reference prints it rounded, 4.03).
    // Unweighted: effectiveN = n. Not low: n ≥ 30 with 150 satisfied and 50 not (statistics.md §9).
    const r = csat(REFERENCE);
    expect(r).toEqual({ rate: 0.75, satisfied: 150, n: 200, mean: 4.025, effectiveN: 200, ci: expect.any(Object), lowSample: false });
    expectIntervalAround(r.ci, 0.75);
  });

  it('csat(scores, { satisfiedFrom: 5 }) returns the top-box rate 0.45 (90 / 200)', () => {
    const r = csat(REFERENCE, { satisfiedFrom: 5 });
    expect(r).toEqual({ rate: 0.45, satisfied: 90, n: 200, mean: 4.025, effectiveN: 200, ci: expect.any(Object), lowSample: false });
    expectIntervalAround(r.ci, 0.45);
  });

  it('csat(scores) of the example in reverse order is the same (exact: integer answers sum exactly)', () => {
    expect(csat([...REFERENCE].reverse())).toEqual(csat(REFERENCE));
  });

  it('csat(scores) returns the doc-comment examples', () => {
    // [5, 4, 3, 5]: 3 of 4 at ≥ 4; mean 17 / 4. [7, 6, 2] on 1–7: 2 of 3 at ≥ 6; mean 15 / 3.
    // Both are low samples (n < 30).
    const a = csat([5, 4, 3, 5]);
    expect(a).toEqual({ rate: 0.75, satisfied: 3, n: 4, mean: 4.25, effectiveN: 4, ci: expect.any(Object), lowSample: true });
    expectIntervalAround(a.ci, 0.75);
    const b = csat([7, 6, 2], { scale: [1, 7] });
    expect(b).toEqual({ rate: 2 / 3, satisfied: 2, n: 3, mean: 5, effectiveN: 3, ci: expect.any(Object), lowSample: true });
    expectIntervalAround(b.ci, 2 / 3);
  });
});

describe('csat(scores): default satisfiedFrom per scale (definitions.md §1.1 table, §8)', () => {
  it.each([
    [[1, 3], 3],
    [[1, 5], 4],
    [[1, 7], 6],
    [[1, 10], 9],
  ] as const)('csat(scores, { scale: %j }) counts answers from %d as satisfied', (scale, from) => {
    // One answer just below the cutoff, one at it, one at the top of the scale: 2 of 3 satisfied.
    expect(csat([from - 1, from, scale[1]], { scale })).toMatchObject({ satisfied: 2, n: 3 });
  });

  it('csat(scores, { scale: [0, 10], satisfiedFrom: 9 }) works: 0–10 has no default but takes an explicit cutoff', () => {
    // [0, 8, 9, 10]: 9 and 10 satisfied → 2 / 4; mean 27 / 4.
    const r = csat([0, 8, 9, 10], { scale: [0, 10], satisfiedFrom: 9 });
    expect(r).toEqual({ rate: 0.5, satisfied: 2, n: 4, mean: 6.75, effectiveN: 4, ci: expect.any(Object), lowSample: true });
    expectIntervalAround(r.ci, 0.5);
  });

  it('csat(scores, { satisfiedFrom }) may be fractional: 4.5 on 1–5 counts only 5 (and 4.5 itself)', () => {
    const r = csat([4, 4.5, 5], { satisfiedFrom: 4.5 });
    expect(r).toEqual({ rate: 2 / 3, satisfied: 2, n: 3, mean: 4.5, effectiveN: 3, ci: expect.any(Object), lowSample: true });
    expectIntervalAround(r.ci, 2 / 3);
  });
});

describe('csat(scores): edge cases', () => {
  it('csat(scores) returns rate and mean null and counts 0 for no scores, and the result is JSON-safe', () => {
    const r = csat([]);
    expect(r).toEqual({ rate: null, satisfied: 0, n: 0, mean: null, effectiveN: 0, ci: null, lowSample: true });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('csat(scores) of one satisfied answer is rate 1, of one unsatisfied answer rate 0', () => {
    const one = csat([4]);
    expect(one).toEqual({ rate: 1, satisfied: 1, n: 1, mean: 4, effectiveN: 1, ci: expect.any(Object), lowSample: true });
    expectResultsClose(one.ci, WILSON_1_OF_1, 1e-9);
    const none = csat([3]);
    expect(none).toEqual({ rate: 0, satisfied: 0, n: 1, mean: 3, effectiveN: 1, ci: expect.any(Object), lowSample: true });
    expectResultsClose(none.ci, WILSON_0_OF_1, 1e-9);
  });

  it('csat(scores) accepts both ends of the scale', () => {
    const a = csat([1, 5]);
    expect(a).toEqual({ rate: 0.5, satisfied: 1, n: 2, mean: 3, effectiveN: 2, ci: expect.any(Object), lowSample: true });
    expectIntervalAround(a.ci, 0.5);
    const b = csat([0, 10], { scale: [0, 10], satisfiedFrom: 9 });
    expect(b).toEqual({ rate: 0.5, satisfied: 1, n: 2, mean: 5, effectiveN: 2, ci: expect.any(Object), lowSample: true });
    // 1 of 2 either way: the same counts give the same interval, whatever the scale.
    expect(b.ci).toEqual(a.ci);
  });

  it('csat(scores) accepts fractional answers on the scale (half stars)', () => {
    // 3.5 below 4, 4.5 at or above: 1 of 2; mean 8 / 2.
    const r = csat([3.5, 4.5]);
    expect(r).toEqual({ rate: 0.5, satisfied: 1, n: 2, mean: 4, effectiveN: 2, ci: expect.any(Object), lowSample: true });
    expectIntervalAround(r.ci, 0.5);
  });

  it('csat(scores) sums answers with compensation: 1,000,000 answers of 4.1 have mean exactly 4.1 (a naive running sum gives 4.10000000006511)', () => {
    // statistics.md §7: fractional sums use Neumaier summation; the naive value was computed with a plain `+=` loop.
    const scores = new Array<number>(1e6).fill(4.1);
    // All satisfied: the upper bound is exactly 1 (statistics.md §1, k = n), and the result is flagged
    // low although n is large: fewer than 5 unsatisfied answers (statistics.md §9).
    const r = csat(scores);
    expect(r).toEqual({ rate: 1, satisfied: 1e6, n: 1e6, mean: 4.1, effectiveN: 1e6, ci: expect.any(Object), lowSample: true });
    expectIntervalAround(r.ci, 1);
    expect(r.ci?.high).toBe(1);
    const halves = [csatAccumulator(), csatAccumulator()] as const;
    scores.forEach((x, i) => halves[i % 2]?.add(x));
    expect(halves[0].merge(halves[1]).result().mean).toBe(4.1);
  });

  it('csat(scores) reads any iterable, not only arrays', () => {
    function* gen(): Generator<number> {
      yield* [5, 2, 4];
    }
    expect(csat(gen())).toEqual(csat([5, 2, 4]));
  });

  it('csat(scores) does not mutate its input (a frozen array works and is unchanged)', () => {
    const scores = Object.freeze([5, 1, 4]);
    expect(csat(scores).satisfied).toBe(2);
    expect(scores).toEqual([5, 1, 4]);
  });

  it('csat(scores, options) does not mutate its options (a frozen options object works)', () => {
    const options: CsatOptions = Object.freeze({ scale: Object.freeze([1, 7] as const), satisfiedFrom: 6 });
    expect(csat([6, 7, 1], options).satisfied).toBe(2);
    expect(options).toEqual({ scale: [1, 7], satisfiedFrom: 6 });
  });
});

describe('csat(scores): bad values throw at once, naming index and value', () => {
  const bad: ReadonlyArray<readonly [string, unknown]> = [
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['null', null],
    ['undefined', undefined],
    ['the string "5"', '5'],
    ['0 (below 1–5)', 0],
    ['6 (above 1–5)', 6],
    ['5.5 (above 1–5)', 5.5],
    ['-1', -1],
  ];

  it.each(bad)('csat(scores) throws invalid_value at scores[1] for %s', (_name, value) => {
    const e = thrown(() => csat([5, value as number, 4]));
    expect(fields(e)).toEqual({ code: 'invalid_value', path: 'scores[1]', index: 1, value });
  });

  it('csat(scores) error messages name the path, the scale and the value', () => {
    expect(bad.map(([, value]) => thrown(() => csat([5, value as number, 4])).message)).toMatchInlineSnapshot(`
      [
        "scores[1] must be a finite number on the scale [1, 5], got NaN",
        "scores[1] must be a finite number on the scale [1, 5], got Infinity",
        "scores[1] must be a finite number on the scale [1, 5], got -Infinity",
        "scores[1] must be a finite number on the scale [1, 5], got null",
        "scores[1] must be a finite number on the scale [1, 5], got undefined",
        "scores[1] must be a finite number on the scale [1, 5], got "5"",
        "scores[1] must be a finite number on the scale [1, 5], got 0",
        "scores[1] must be a finite number on the scale [1, 5], got 6",
        "scores[1] must be a finite number on the scale [1, 5], got 5.5",
        "scores[1] must be a finite number on the scale [1, 5], got -1",
      ]
    `);
  });

  it('csat(scores, { scale: [0, 10], satisfiedFrom: 9 }) rejects 11 and -0.5 and names the custom scale', () => {
    const options: CsatOptions = { scale: [0, 10], satisfiedFrom: 9 };
    expect(fields(thrown(() => csat([10, 0, 11], options)))).toEqual({ code: 'invalid_value', path: 'scores[2]', index: 2, value: 11 });
    expect(thrown(() => csat([-0.5], options)).message).toMatchInlineSnapshot(`"scores[0] must be a finite number on the scale [0, 10], got -0.5"`);
  });

  it('csat(scores, { scale: [1, 7] }) accepts 7 that the default 1–5 scale rejects', () => {
    expect(csat([7], { scale: [1, 7] }).n).toBe(1);
    expect(fields(thrown(() => csat([7])))).toEqual({ code: 'invalid_value', path: 'scores[0]', index: 0, value: 7 });
  });
});

describe('csat(scores, options): invalid options throw invalid_option', () => {
  const badOptions: ReadonlyArray<readonly [string, unknown, string]> = [
    ['scale with min = max', { scale: [5, 5] }, 'options.scale'],
    ['scale with min > max', { scale: [5, 1] }, 'options.scale'],
    ['scale of one number', { scale: [5] }, 'options.scale'],
    ['scale with NaN', { scale: [1, Number.NaN] }, 'options.scale'],
    ['scale with Infinity', { scale: [1, Number.POSITIVE_INFINITY] }, 'options.scale'],
    ['scale as a string', { scale: '1-5' }, 'options.scale'],
    ['satisfiedFrom above the scale', { satisfiedFrom: 6 }, 'options.satisfiedFrom'],
    ['satisfiedFrom below the scale', { satisfiedFrom: 0 }, 'options.satisfiedFrom'],
    ['satisfiedFrom NaN', { satisfiedFrom: Number.NaN }, 'options.satisfiedFrom'],
    ['satisfiedFrom as a string', { satisfiedFrom: '4' }, 'options.satisfiedFrom'],
    ['a 0–10 scale without satisfiedFrom', { scale: [0, 10] }, 'options.satisfiedFrom'],
    ['a 2–6 scale without satisfiedFrom', { scale: [2, 6] }, 'options.satisfiedFrom'],
  ];

  it.each(badOptions)('csat(scores, options) throws for %s', (_name, options, path) => {
    const e = thrown(() => csat([], options as CsatOptions));
    expect(e.code).toBe('invalid_option');
    expect(e.path).toBe(path);
    expect(e.index).toBeNull();
    // The accumulator checks the same options when it is made.
    expect(thrown(() => csatAccumulator(options as CsatOptions)).path).toBe(path);
  });

  it('csat(scores, options) option errors name the option, the rule and the value', () => {
    // The NaN / Infinity scales are left out: their messages print the scale as [1,null] (see report).
    const shown = badOptions.filter(([name]) => !/^scale with (NaN|Infinity)$/.test(name));
    expect(shown.map(([, options]) => thrown(() => csat([], options as CsatOptions)).message)).toMatchInlineSnapshot(`
      [
        "options.scale must have min < max, got [5,5]",
        "options.scale must have min < max, got [5,1]",
        "options.scale must be [min, max], got [5]",
        "options.scale must be [min, max], got "1-5"",
        "options.satisfiedFrom must be a number within the scale [1, 5], got 6",
        "options.satisfiedFrom must be a number within the scale [1, 5], got 0",
        "options.satisfiedFrom must be a number within the scale [1, 5], got NaN",
        "options.satisfiedFrom must be a number within the scale [1, 5], got "4"",
        "options.satisfiedFrom must be given for a [0, 10] CSAT scale (no published default; 1–3, 1–5, 1–7 and 1–10 have one), got undefined",
        "options.satisfiedFrom must be given for a [2, 6] CSAT scale (no published default; 1–3, 1–5, 1–7 and 1–10 have one), got undefined",
      ]
    `);
  });

  it('csat(scores, { scale: [1, NaN] }) message names the NaN and the Infinity', () => {
    expect(() => csat([], { scale: [1, Number.NaN] })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.scale must be two finite numbers [min, max], got [1,NaN]]`);
    expect(() => csat([], { scale: [1, Infinity] })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.scale must be two finite numbers [min, max], got [1,Infinity]]`);
  });

  it('csat(scores, options) checks options even when there are no scores', () => {
    expect(thrown(() => csat([], { scale: [0, 10] })).code).toBe('invalid_option');
  });
});

describe('csatAccumulator(options)', () => {
  it('csatAccumulator() gives the doc-comment example: [5, 2] merged with [4] from JSON', () => {
    const a = csatAccumulator().add(5).add(2);
    const b = csatAccumulator.fromState(JSON.parse(JSON.stringify(csatAccumulator().add(4).state())) as CsatState);
    // 5 and 4 satisfied of 3; mean 11 / 3.
    const r = a.merge(b).result();
    expect(r).toEqual({ rate: 2 / 3, satisfied: 2, n: 3, mean: 11 / 3, effectiveN: 3, ci: expect.any(Object), lowSample: true });
    expectIntervalAround(r.ci, 2 / 3);
  });

  it('csatAccumulator() of the §1.1 example split in two shards merges to rate 0.75, mean 4.025', () => {
    const a = csatAccumulator();
    const b = csatAccumulator();
    REFERENCE.forEach((s, i) => (i % 3 === 0 ? a : b).add(s));
    const r = a.merge(b.state()).result();
    expect(r).toEqual({ rate: 0.75, satisfied: 150, n: 200, mean: 4.025, effectiveN: 200, ci: expect.any(Object), lowSample: false });
    // Integer answers with weight 1 sum exactly: the merged result is the batch result, interval included.
    expect(r).toEqual(csat(REFERENCE));
  });

  it('csatAccumulator(options).state() is versioned plain JSON carrying its options', () => {
    expect(csatAccumulator({ scale: [1, 7] }).add(7).add(2).state()).toEqual({
      v: 1,
      kind: 'csat',
      scale: [1, 7],
      satisfiedFrom: 6,
      n: 2,
      satisfied: 1,
      // Without weights every weight is 1: Σ w = Σ w² = n, Σ w over satisfied = satisfied.
      wSum: 2,
      wSquares: 2,
      wSatisfied: 1,
      sum: 9,
      sumComp: 0,
    });
  });

  it('csatAccumulator().state() is a copy: changing it (scale included) does not change the accumulator', () => {
    const acc = csatAccumulator().add(5);
    const s = acc.state();
    s.n = 99;
    s.scale[1] = 100;
    const r = acc.result();
    expect(r).toEqual({ rate: 1, satisfied: 1, n: 1, mean: 5, effectiveN: 1, ci: expect.any(Object), lowSample: true });
    expectResultsClose(r.ci, WILSON_1_OF_1, 1e-9);
    expect(() => acc.add(6)).toThrow(CxMetricsError);
  });

  it('csatAccumulator.fromState(state) keeps the options of the state: a restored 1–7 accumulator takes 7 and counts 6 as satisfied', () => {
    const restored = csatAccumulator.fromState(csatAccumulator({ scale: [1, 7] }).state());
    expect(restored.add(7).add(6).add(5).result()).toMatchObject({ satisfied: 2, n: 3 });
    expect(fields(thrown(() => restored.add(8)))).toMatchObject({ code: 'invalid_value', value: 8 });
  });

  it('csatAccumulator().add(value, index) names the given index in the error', () => {
    expect(fields(thrown(() => csatAccumulator().add(6, 17)))).toEqual({ code: 'invalid_value', path: 'scores[17]', index: 17, value: 6 });
  });

  it('csatAccumulator().add(bad) leaves the state unchanged', () => {
    const acc = csatAccumulator().add(4).add(1);
    const before = acc.state();
    thrown(() => acc.add(Number.NaN));
    expect(acc.state()).toEqual(before);
  });

  it('csatAccumulator() result on no values matches csat([])', () => {
    expect(csatAccumulator().result()).toEqual(csat([]));
  });

  describe('merging states made with different options throws invalid_state', () => {
    const cases: ReadonlyArray<readonly [string, CsatOptions, CsatOptions, string]> = [
      ['a different scale', {}, { scale: [1, 7] }, 'state.scale'],
      ['a different satisfiedFrom', {}, { satisfiedFrom: 5 }, 'state.satisfiedFrom'],
      ['0–10 vs 1–10 with the same cutoff', { scale: [0, 10], satisfiedFrom: 9 }, { scale: [1, 10] }, 'state.scale'],
    ];

    it.each(cases)('csatAccumulator(a).merge(b) throws for %s', (_name, a, b, path) => {
      const e = thrown(() => csatAccumulator(a).merge(csatAccumulator(b).add(5)));
      expect(e.code).toBe('invalid_state');
      expect(e.path).toBe(path);
    });

    it('csatAccumulator(a).merge(b) messages say which option differs', () => {
      expect(cases.map(([, a, b]) => thrown(() => csatAccumulator(a).merge(csatAccumulator(b).state())).message)).toMatchInlineSnapshot(`
        [
          "state.scale must equal this accumulator's scale ([1,5]) to merge, got [1,7]",
          "state.satisfiedFrom must equal this accumulator's satisfiedFrom (4) to merge, got 5",
          "state.scale must equal this accumulator's scale ([0,10]) to merge, got [1,10]",
        ]
      `);
    });

    it('a failed merge leaves the accumulator unchanged', () => {
      const acc = csatAccumulator().add(5);
      thrown(() => acc.merge(csatAccumulator({ satisfiedFrom: 5 }).add(1)));
      const r = acc.result();
      expect(r).toEqual({ rate: 1, satisfied: 1, n: 1, mean: 5, effectiveN: 1, ci: expect.any(Object), lowSample: true });
      expectResultsClose(r.ci, WILSON_1_OF_1, 1e-9);
    });

    it('an explicit satisfiedFrom equal to the default merges with the default', () => {
      const r = csatAccumulator().add(4).merge(csatAccumulator({ scale: [1, 5], satisfiedFrom: 4 }).add(3)).result();
      expect(r).toEqual({ rate: 0.5, satisfied: 1, n: 2, mean: 3.5, effectiveN: 2, ci: expect.any(Object), lowSample: true });
      expect(r).toEqual(csat([4, 3]));
    });

    it('merging an NPS accumulator throws invalid_state at state.kind', () => {
      expect(fields(thrown(() => csatAccumulator().merge(npsAccumulator() as never)))).toMatchObject({ code: 'invalid_state', path: 'state.kind' });
    });
  });

  describe('csatAccumulator.fromState(garbage) throws invalid_state', () => {
    const good = { v: 1, kind: 'csat', scale: [1, 5], satisfiedFrom: 4, n: 3, satisfied: 2, wSum: 3, wSquares: 3, wSatisfied: 2, sum: 12, sumComp: 0 };
    /** `good` without one field. */
    const without = (key: keyof typeof good): Record<string, unknown> => Object.fromEntries(Object.entries(good).filter(([k]) => k !== key));
    const garbage: ReadonlyArray<readonly [string, unknown, string]> = [
      ['null', null, 'state'],
      ['an array', [], 'state.kind'],
      ['the wrong kind', { ...good, kind: 'ces' }, 'state.kind'],
      ['v: 2', { ...good, v: 2 }, 'state.v'],
      ['a negative n', { ...good, n: -1 }, 'state.n'],
      ['a negative satisfied', { ...good, satisfied: -2 }, 'state.satisfied'],
      ['a fractional n', { ...good, n: 2.5 }, 'state.n'],
      ['a missing n', without('n'), 'state.n'],
      ['a missing sum', without('sum'), 'state.sum'],
      ['a missing sumComp', without('sumComp'), 'state.sumComp'],
      ['a NaN sum', { ...good, sum: Number.NaN }, 'state.sum'],
      ['an infinite sumComp', { ...good, sumComp: Number.POSITIVE_INFINITY }, 'state.sumComp'],
      ['a sum as a string', { ...good, sum: '12' }, 'state.sum'],
      ['a missing scale on the default cutoff', without('scale'), 'state.scale'],
      ['a missing satisfiedFrom on 1–5', without('satisfiedFrom'), 'state.satisfiedFrom'],
    ];

    it.each(garbage)('csatAccumulator.fromState(%s) throws invalid_state at its path', (_name, state, path) => {
      const e = thrown(() => csatAccumulator.fromState(state as CsatState));
      expect(e.code).toBe('invalid_state');
      expect(e.path).toBe(path);
      expect(e.index).toBeNull();
    });

    it('csatAccumulator.fromState(garbage) messages name the field and the value', () => {
      expect(garbage.map(([, state]) => thrown(() => csatAccumulator.fromState(state as CsatState)).message)).toMatchInlineSnapshot(`
        [
          "state must be an object, got null",
          "state.kind must be 'csat', got undefined",
          "state.kind must be 'csat', got "ces"",
          "state.v must be 1 (the only state version this release reads), got 2",
          "state.n must be an integer ≥ 0, got -1",
          "state.satisfied must be an integer ≥ 0, got -2",
          "state.n must be an integer ≥ 0, got 2.5",
          "state.n must be an integer ≥ 0, got undefined",
          "state.sum must be a finite number, got undefined",
          "state.sumComp must be a finite number, got undefined",
          "state.sum must be a finite number, got NaN",
          "state.sumComp must be a finite number, got Infinity",
          "state.sum must be a finite number, got "12"",
          "state.scale must equal this accumulator's scale ([1,5]) to merge, got undefined",
          "state.satisfiedFrom must equal this accumulator's satisfiedFrom (4) to merge, got undefined",
        ]
      `);
    });

    it('csatAccumulator.fromState(good) restores rate and mean', () => {
      const r = csatAccumulator.fromState(good as CsatState).result();
      expect(r).toEqual({ rate: 2 / 3, satisfied: 2, n: 3, mean: 4, effectiveN: 3, ci: expect.any(Object), lowSample: true });
      expectIntervalAround(r.ci, 2 / 3);
    });

    it.each([
      ['scale [5, 1]', { scale: [5, 1] }, 'state.scale'],
      ['scale [0, 10] without satisfiedFrom', { scale: [0, 10], satisfiedFrom: undefined }, 'state.satisfiedFrom'],
      ['satisfiedFrom 7 on 1–5', { satisfiedFrom: 7 }, 'state.satisfiedFrom'],
      ['satisfied > n', { n: 1, satisfied: 5, wSum: 1, wSquares: 1, wSatisfied: 1, sum: 5 }, 'state.satisfied'],
      ['a sum off the scale (mean 100 on 1–5)', { n: 1, satisfied: 1, wSum: 1, wSquares: 1, wSatisfied: 1, sum: 100 }, 'state.sum'],
    ] as const)('csatAccumulator.fromState rejects a state with %s as invalid_state', (_name, patch, path) => {
      const e = caughtCsat(() => csatAccumulator.fromState({ ...(good as CsatState), ...patch } as unknown as CsatState));
      expect([e.code, e.path]).toEqual(['invalid_state', path]);
    });
  });
});
