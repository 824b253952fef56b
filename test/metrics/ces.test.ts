import { describe, expect, it } from 'vitest';
import { CxMetricsError, ces, cesAccumulator, csatAccumulator, type CesOptions, type CesResult, type CesState } from '../../src/metrics/index.js';
import { REFERENCE, expectIntervalAround, expectResultsClose, tInterval95 } from '../_arbitraries.js';

// Wilson intervals of one answer (statistics.md §1: 1/1 → [0.2065493144, 1]; 0/1 → [0, 0.7934506856]).
const WILSON_1_OF_1 = REFERENCE.wilson1of1;
const WILSON_0_OF_1 = REFERENCE.wilson0of1;

/** A t interval of a mean that no reference fixes: at 0.95, around the mean and symmetric about it. */
function expectMeanInterval(r: CesResult): void {
  expectIntervalAround(r.ci, r.mean, [-Infinity, Infinity]);
  expect(r.ci!.high - r.mean!).toBeCloseTo(r.mean! - r.ci!.low, 12);
}

const caughtCes = (fn: () => unknown): CxMetricsError => {
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

// definitions.md §1.4 worked example (CES 2.0, 1–7 agreement, higher is easier): 7:30, 6:25, 5:15, 4:10, 3:8, 2:7, 1:5.
const CES2 = answers([
  [7, 30],
  [6, 25],
  [5, 15],
  [4, 10],
  [3, 8],
  [2, 7],
  [1, 5],
]);

// definitions.md §1.4 legacy example (CES 1.0, 1–5 effort, lower is easier): 1:40, 2:30, 3:15, 4:10, 5:5.
const LEGACY = answers([
  [1, 40],
  [2, 30],
  [3, 15],
  [4, 10],
  [5, 5],
]);
const LEGACY_OPTIONS: CesOptions = { scale: [1, 5], direction: 'lowerIsEasier' };

describe('ces(scores): reference worked examples (definitions.md §1.4)', () => {
  it('ces(scores) returns mean 5.18 and rate 0.70 for the CES 2.0 example', () => {
    // Mean = 518 / 100 = 5.18; % agree (5–7) = (30 + 25 + 15) / 100 = 70%.
    // Σx² = 49·30 + 36·25 + 25·15 + 16·10 + 9·8 + 4·7 + 1·5 = 3010; Σ(x − x̄)² = 3010 − 100 · 5.18² = 326.76;
    // sd = √(326.76 / 99). Not low: n = 100 ≥ 30.
    const r = ces(CES2);
    expect(r).toEqual({
      mean: 5.18,
      rate: 0.7,
      n: 100,
      easy: 70,
      effectiveN: 100,
      sd: expect.any(Number),
      ci: expect.any(Object),
      rateCi: expect.any(Object),
      lowSample: false,
    });
    expectResultsClose(r.sd, Math.sqrt(326.76 / 99), 1e-12);
    expectMeanInterval(r);
    expectIntervalAround(r.rateCi, 0.7);
  });

  it('ces(scores, { scale: [1, 5], direction: "lowerIsEasier" }) returns mean 2.10 and rate 0.70 for the legacy example', () => {
    // Mean = (40 + 60 + 45 + 40 + 25) / 100 = 210 / 100 = 2.10; % low effort (1–2) = (40 + 30) / 100 = 70%.
    // Σx² = 40 + 120 + 135 + 160 + 125 = 580; Σ(x − x̄)² = 580 − 100 · 2.1² = 139; sd = √(139 / 99).
    const r = ces(LEGACY, LEGACY_OPTIONS);
    expect(r).toEqual({
      mean: 2.1,
      rate: 0.7,
      n: 100,
      easy: 70,
      effectiveN: 100,
      sd: expect.any(Number),
      ci: expect.any(Object),
      rateCi: expect.any(Object),
      lowSample: false,
    });
    expectResultsClose(r.sd, Math.sqrt(139 / 99), 1e-12);
    expectMeanInterval(r);
    expectIntervalAround(r.rateCi, 0.7);
  });

  it('ces(scores) of the CES 2.0 example in reverse order is the same (exact: integer answers sum exactly)', () => {
    const reversed = ces([...CES2].reverse());
    const forward = ces(CES2);
    // Counts, sums, mean, rate and its interval exactly. sd and the t interval come from running
    // moments, which depend on the order up to rounding (statistics.md §7): within 1e-9 relative.
    expect({ ...reversed, sd: null, ci: null }).toEqual({ ...forward, sd: null, ci: null });
    expectResultsClose(reversed, forward, 1e-9);
  });

  it('ces(scores) returns the doc-comment examples', () => {
    // [7, 6, 5, 4, 2]: 3 of 5 at ≥ 5, mean 24 / 5; Σx² = 130, Σ(x − x̄)² = 130 − 5 · 4.8² = 14.8, sd = √(14.8 / 4).
    const a = ces([7, 6, 5, 4, 2]);
    expect(a).toEqual({
      mean: 4.8,
      rate: 0.6,
      n: 5,
      easy: 3,
      effectiveN: 5,
      sd: expect.any(Number),
      ci: expect.any(Object),
      rateCi: expect.any(Object),
      lowSample: true,
    });
    expectResultsClose(a.sd, Math.sqrt(14.8 / 4), 1e-12);
    expectMeanInterval(a);
    expectIntervalAround(a.rateCi, 0.6);
    // Legacy [1, 2, 4]: 2 of 3 at ≤ 2, mean 7 / 3; deviations −4/3, −1/3, 5/3, Σ(x − x̄)² = 42 / 9, sd = √(7 / 3).
    const b = ces([1, 2, 4], LEGACY_OPTIONS);
    expect(b).toEqual({
      mean: 7 / 3,
      rate: 2 / 3,
      n: 3,
      easy: 2,
      effectiveN: 3,
      sd: expect.any(Number),
      ci: expect.any(Object),
      rateCi: expect.any(Object),
      lowSample: true,
    });
    expectResultsClose(b.sd, Math.sqrt(7 / 3), 1e-12);
    // The t interval is not cut to the scale: with 3 answers it reaches below 1.
    expectResultsClose(b.ci, tInterval95(7 / 3, Math.sqrt(7 / 3), 3), 1e-9);
    expectIntervalAround(b.rateCi, 2 / 3);
  });
});

describe('ces(scores): default easyFrom per scale and direction (ces.ts option docs, definitions.md §1.4)', () => {
  it.each([
    ['higherIsEasier', [1, 7], 5, [4, 5, 7]],
    ['higherIsEasier', [1, 5], 4, [3, 4, 5]],
    ['lowerIsEasier', [1, 7], 3, [4, 3, 1]],
    ['lowerIsEasier', [1, 5], 2, [3, 2, 1]],
  ] as const)('ces(scores, { direction: %s, scale: %j }) counts from %d as easy', (direction, scale, _from, probe) => {
    // The probe is one answer just on the hard side of the cutoff, one at it, one at the easy end: 2 of 3 easy.
    expect(ces(probe, { scale, direction })).toMatchObject({ easy: 2, n: 3 });
  });

  it('ces(scores, { direction: "lowerIsEasier" }) uses the 1–7 scale and counts 1–3 as easy', () => {
    // Σx² = 75, Σ(x − x̄)² = 75 − 4 · 3.75² = 18.75, sd = √(18.75 / 3) = 2.5.
    const r = ces([1, 3, 4, 7], { direction: 'lowerIsEasier' });
    expect(r).toEqual({
      mean: 3.75,
      rate: 0.5,
      n: 4,
      easy: 2,
      effectiveN: 4,
      sd: expect.any(Number),
      ci: expect.any(Object),
      rateCi: expect.any(Object),
      lowSample: true,
    });
    expectResultsClose(r.sd, 2.5, 1e-12);
    expectResultsClose(r.ci, tInterval95(3.75, 2.5, 4), 1e-9);
    expectIntervalAround(r.rateCi, 0.5);
  });

  it('ces(scores, { scale: [1, 10], easyFrom: 8 }) works with an explicit cutoff', () => {
    // Σx² = 214, Σ(x − x̄)² = 214 − 4 · 6.5² = 45, sd = √15.
    const r = ces([10, 8, 7, 1], { scale: [1, 10], easyFrom: 8 });
    expect(r).toEqual({
      mean: 6.5,
      rate: 0.5,
      n: 4,
      easy: 2,
      effectiveN: 4,
      sd: expect.any(Number),
      ci: expect.any(Object),
      rateCi: expect.any(Object),
      lowSample: true,
    });
    expectResultsClose(r.sd, Math.sqrt(15), 1e-12);
    expectResultsClose(r.ci, tInterval95(6.5, Math.sqrt(15), 4), 1e-9);
    expectIntervalAround(r.rateCi, 0.5);
  });

  it('ces(scores) never averages across directions: the mean is on the scale as given', () => {
    // The same answers give the same mean whichever direction; only which answers are easy changes.
    const xs = [1, 2, 6, 7];
    expect(ces(xs).mean).toBe(4);
    expect(ces(xs, { direction: 'lowerIsEasier' }).mean).toBe(4);
    expect(ces(xs).easy).toBe(2);
    expect(ces(xs, { direction: 'lowerIsEasier' }).easy).toBe(2);
    expect(ces([1, 2, 3], { direction: 'lowerIsEasier' }).easy).toBe(3);
    expect(ces([1, 2, 3]).easy).toBe(0);
  });
});

describe('ces(scores): edge cases', () => {
  it('ces(scores) returns mean and rate null and counts 0 for no scores, and the result is JSON-safe', () => {
    const r = ces([]);
    expect(r).toEqual({ mean: null, rate: null, n: 0, easy: 0, effectiveN: 0, sd: null, ci: null, rateCi: null, lowSample: true });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('ces(scores) of one answer: 5 is easy (rate 1), 4 is not (rate 0)', () => {
    // One answer has no spread: sd and the t interval are null (statistics.md §5); the rate has its
    // Wilson interval of one trial (statistics.md §1).
    const easy = ces([5]);
    expect(easy).toEqual({ mean: 5, rate: 1, n: 1, easy: 1, effectiveN: 1, sd: null, ci: null, rateCi: expect.any(Object), lowSample: true });
    expectResultsClose(easy.rateCi, WILSON_1_OF_1, 1e-9);
    const hard = ces([4]);
    expect(hard).toEqual({ mean: 4, rate: 0, n: 1, easy: 0, effectiveN: 1, sd: null, ci: null, rateCi: expect.any(Object), lowSample: true });
    expectResultsClose(hard.rateCi, WILSON_0_OF_1, 1e-9);
  });

  it('ces(scores) accepts both ends of the scale and fractional answers on it', () => {
    // [1, 7]: Σ(x − x̄)² = 9 + 9, sd = √18. [4.5, 5.5]: Σ(x − x̄)² = 0.5, sd = √0.5.
    const ends = ces([1, 7]);
    expect(ends).toEqual({ mean: 4, rate: 0.5, n: 2, easy: 1, effectiveN: 2, sd: expect.any(Number), ci: expect.any(Object), rateCi: expect.any(Object), lowSample: true });
    expectResultsClose(ends.sd, Math.sqrt(18), 1e-12);
    expectResultsClose(ends.ci, tInterval95(4, Math.sqrt(18), 2), 1e-9);
    expectIntervalAround(ends.rateCi, 0.5);
    const halves = ces([4.5, 5.5]);
    expect(halves).toEqual({ mean: 5, rate: 0.5, n: 2, easy: 1, effectiveN: 2, sd: expect.any(Number), ci: expect.any(Object), rateCi: expect.any(Object), lowSample: true });
    expectResultsClose(halves.sd, Math.sqrt(0.5), 1e-12);
    expectResultsClose(halves.ci, tInterval95(5, Math.sqrt(0.5), 2), 1e-9);
    // 1 easy of 2 either way: the same Wilson interval.
    expect(halves.rateCi).toEqual(ends.rateCi);
  });

  it('ces(scores) sums answers with compensation: 1,000,000 answers of 5.3 have mean exactly 5.3 (a naive running sum gives 5.299999999900446)', () => {
    // statistics.md §7: fractional sums use Neumaier summation; the naive value was computed with a plain `+=` loop.
    const scores = new Array<number>(1e6).fill(5.3);
    // Equal answers: sd 0 and a zero-width interval at the mean (statistics.md §5 edge cases); every
    // answer easy: the rate's upper bound is exactly 1 (statistics.md §1, k = n).
    const r = ces(scores);
    expect(r).toEqual({
      mean: 5.3,
      rate: 1,
      n: 1e6,
      easy: 1e6,
      effectiveN: 1e6,
      sd: 0,
      ci: { low: 5.3, high: 5.3, level: 0.95 },
      rateCi: expect.any(Object),
      lowSample: true, // no spread: a zero-width interval is flagged (statistics.md §5 "report it, flag it")
    });
    expectIntervalAround(r.rateCi, 1);
    expect(r.rateCi?.high).toBe(1);
    const halves = [cesAccumulator(), cesAccumulator()] as const;
    scores.forEach((x, i) => halves[i % 2]?.add(x));
    expect(halves[0].merge(halves[1]).result().mean).toBe(5.3);
  });

  it('ces(scores) reads any iterable and does not mutate a frozen input', () => {
    const scores = Object.freeze([7, 1, 5]);
    expect(ces(new Set(scores))).toEqual(ces(scores));
    expect(scores).toEqual([7, 1, 5]);
  });
});

describe('ces(scores): bad values throw at once, naming index and value', () => {
  const bad: ReadonlyArray<readonly [string, unknown]> = [
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['null', null],
    ['the string "7"', '7'],
    ['0 (below 1–7)', 0],
    ['8 (above 1–7)', 8],
    ['7.5 (above 1–7)', 7.5],
  ];

  it.each(bad)('ces(scores) throws invalid_value at scores[3] for %s', (_name, value) => {
    const e = thrown(() => ces([7, 6, 5, value as number]));
    expect(fields(e)).toEqual({ code: 'invalid_value', path: 'scores[3]', index: 3, value });
  });

  it('ces(scores) error messages name the path, the scale and the value', () => {
    expect(bad.map(([, value]) => thrown(() => ces([7, 6, 5, value as number])).message)).toMatchInlineSnapshot(`
      [
        "scores[3] must be a finite number on the scale [1, 7], got NaN",
        "scores[3] must be a finite number on the scale [1, 7], got Infinity",
        "scores[3] must be a finite number on the scale [1, 7], got -Infinity",
        "scores[3] must be a finite number on the scale [1, 7], got null",
        "scores[3] must be a finite number on the scale [1, 7], got "7"",
        "scores[3] must be a finite number on the scale [1, 7], got 0",
        "scores[3] must be a finite number on the scale [1, 7], got 8",
        "scores[3] must be a finite number on the scale [1, 7], got 7.5",
      ]
    `);
  });

  it('ces(scores, legacy 1–5) rejects 6 that the default 1–7 scale accepts', () => {
    expect(ces([6]).n).toBe(1);
    expect(fields(thrown(() => ces([1, 6], LEGACY_OPTIONS)))).toEqual({ code: 'invalid_value', path: 'scores[1]', index: 1, value: 6 });
  });
});

describe('ces(scores, options): invalid options throw invalid_option', () => {
  const badOptions: ReadonlyArray<readonly [string, unknown, string]> = [
    ['scale with min = max', { scale: [7, 7] }, 'options.scale'],
    ['scale with min > max', { scale: [7, 1] }, 'options.scale'],
    ['scale of three numbers', { scale: [1, 4, 7] }, 'options.scale'],
    ['an unknown direction', { direction: 'higherIsBetter' }, 'options.direction'],
    ['easyFrom above the scale', { easyFrom: 8 }, 'options.easyFrom'],
    ['easyFrom below the scale', { easyFrom: 0 }, 'options.easyFrom'],
    ['easyFrom NaN', { easyFrom: Number.NaN }, 'options.easyFrom'],
    ['a 1–10 scale without easyFrom', { scale: [1, 10] }, 'options.easyFrom'],
    ['a 0–10 lowerIsEasier scale without easyFrom', { scale: [0, 10], direction: 'lowerIsEasier' }, 'options.easyFrom'],
  ];

  it.each(badOptions)('ces(scores, options) throws for %s', (_name, options, path) => {
    const e = thrown(() => ces([], options as CesOptions));
    expect(e.code).toBe('invalid_option');
    expect(e.path).toBe(path);
    expect(e.index).toBeNull();
    expect(thrown(() => cesAccumulator(options as CesOptions)).path).toBe(path);
  });

  it('ces(scores, options) option errors name the option, the rule and the value', () => {
    expect(badOptions.map(([, options]) => thrown(() => ces([], options as CesOptions)).message)).toMatchInlineSnapshot(`
      [
        "options.scale must have min < max, got [7,7]",
        "options.scale must have min < max, got [7,1]",
        "options.scale must be [min, max], got [1,4,7]",
        "options.direction must be 'higherIsEasier' or 'lowerIsEasier', got "higherIsBetter"",
        "options.easyFrom must be a number within the scale [1, 7], got 8",
        "options.easyFrom must be a number within the scale [1, 7], got 0",
        "options.easyFrom must be a number within the scale [1, 7], got NaN",
        "options.easyFrom must be given for a [1, 10] higherIsEasier CES scale (defaults exist for 1–5 and 1–7), got undefined",
        "options.easyFrom must be given for a [0, 10] lowerIsEasier CES scale (defaults exist for 1–5 and 1–7), got undefined",
      ]
    `);
  });
});

describe('cesAccumulator(options)', () => {
  it('cesAccumulator() gives the doc-comment example: [7, 4] → mean 5.5, rate 0.5', () => {
    // Σ(x − x̄)² = 1.5² + 1.5² = 4.5, sd = √4.5.
    const r = cesAccumulator().add(7).add(4).result();
    expect(r).toEqual({ mean: 5.5, rate: 0.5, n: 2, easy: 1, effectiveN: 2, sd: expect.any(Number), ci: expect.any(Object), rateCi: expect.any(Object), lowSample: true });
    expectResultsClose(r.sd, Math.sqrt(4.5), 1e-12);
    expectResultsClose(r.ci, tInterval95(5.5, Math.sqrt(4.5), 2), 1e-9);
    expectIntervalAround(r.rateCi, 0.5);
  });

  it('cesAccumulator(legacy) of the §1.4 legacy example split in two shards merges to mean 2.10, rate 0.70', () => {
    const a = cesAccumulator(LEGACY_OPTIONS);
    const b = cesAccumulator(LEGACY_OPTIONS);
    LEGACY.forEach((s, i) => (i < 37 ? a : b).add(s));
    const restored = cesAccumulator.fromState(JSON.parse(JSON.stringify(b.state())) as CesState);
    const r = a.merge(restored).result();
    expect(r).toEqual({
      mean: 2.1,
      rate: 0.7,
      n: 100,
      easy: 70,
      effectiveN: 100,
      sd: expect.any(Number),
      ci: expect.any(Object),
      rateCi: expect.any(Object),
      lowSample: false,
    });
    // sd as in the batch example, √(139 / 99); merged moments equal one pass up to rounding (statistics.md §7).
    expectResultsClose(r.sd, Math.sqrt(139 / 99), 1e-9);
    const batch = ces(LEGACY, LEGACY_OPTIONS);
    expect({ ...r, sd: null, ci: null }).toEqual({ ...batch, sd: null, ci: null });
    expectResultsClose(r, batch, 1e-9);
  });

  it('cesAccumulator(options).state() is versioned plain JSON carrying scale, direction and easyFrom', () => {
    expect(cesAccumulator({ direction: 'lowerIsEasier' }).add(2).add(6).state()).toEqual({
      v: 1,
      kind: 'ces',
      scale: [1, 7],
      direction: 'lowerIsEasier',
      easyFrom: 3,
      n: 2,
      easy: 1,
      // Without weights every weight is 1: Σ w = Σ w² = n, Σ w over easy answers = easy.
      wSum: 2,
      wSquares: 2,
      wEasy: 1,
      sum: 8,
      sumComp: 0,
      // Welford over [2, 6]: mean 4, Σ(x − 4)² = 4 + 4 = 8 (exact in binary).
      moments: { weight: 2, mean: 4, m2: 8 },
    });
  });

  it('cesAccumulator.fromState(state) keeps the direction: a restored lowerIsEasier accumulator counts 1 as easy', () => {
    const restored = cesAccumulator.fromState(cesAccumulator({ direction: 'lowerIsEasier' }).state());
    expect(restored.add(1).add(7).result()).toMatchObject({ easy: 1, n: 2 });
  });

  it('cesAccumulator().add(value, index) names the given index, and a failed add leaves the state unchanged', () => {
    const acc = cesAccumulator().add(7);
    const before = acc.state();
    expect(fields(thrown(() => acc.add(0, 9)))).toEqual({ code: 'invalid_value', path: 'scores[9]', index: 9, value: 0 });
    expect(acc.state()).toEqual(before);
  });

  it('cesAccumulator() result on no values matches ces([])', () => {
    expect(cesAccumulator().result()).toEqual(ces([]));
  });

  describe('merging states made with different options throws invalid_state', () => {
    const cases: ReadonlyArray<readonly [string, CesOptions, CesOptions, string]> = [
      ['a different scale', { easyFrom: 4 }, { scale: [1, 5], easyFrom: 4 }, 'state.scale'],
      ['a different direction', { easyFrom: 4 }, { direction: 'lowerIsEasier', easyFrom: 4 }, 'state.direction'],
      ['a different easyFrom', {}, { easyFrom: 6 }, 'state.easyFrom'],
      ['CES 2.0 vs legacy CES 1.0', {}, LEGACY_OPTIONS, 'state.scale'],
    ];

    it.each(cases)('cesAccumulator(a).merge(b) throws for %s', (_name, a, b, path) => {
      const acc = cesAccumulator(a).add(4);
      const e = thrown(() => acc.merge(cesAccumulator(b).add(4)));
      expect(e.code).toBe('invalid_state');
      expect(e.path).toBe(path);
      expect(acc.result()).toMatchObject({ n: 1 });
    });

    it('cesAccumulator(a).merge(b) messages say which option differs', () => {
      expect(cases.map(([, a, b]) => thrown(() => cesAccumulator(a).merge(cesAccumulator(b).state())).message)).toMatchInlineSnapshot(`
        [
          "state.scale must equal this accumulator's scale ([1,7]) to merge, got [1,5]",
          "state.direction must equal this accumulator's direction ("higherIsEasier") to merge, got "lowerIsEasier"",
          "state.easyFrom must equal this accumulator's easyFrom (5) to merge, got 6",
          "state.scale must equal this accumulator's scale ([1,7]) to merge, got [1,5]",
        ]
      `);
    });

    it('merging a CSAT accumulator throws invalid_state at state.kind', () => {
      expect(fields(thrown(() => cesAccumulator().merge(csatAccumulator() as never)))).toMatchObject({ code: 'invalid_state', path: 'state.kind' });
    });
  });

  describe('cesAccumulator.fromState(garbage) throws invalid_state', () => {
    // The state of the answers [7, 4]: mean 5.5, Σ(x − 5.5)² = 4.5.
    const good = {
      v: 1,
      kind: 'ces',
      scale: [1, 7],
      direction: 'higherIsEasier',
      easyFrom: 5,
      n: 2,
      easy: 1,
      wSum: 2,
      wSquares: 2,
      wEasy: 1,
      sum: 11,
      sumComp: 0,
      moments: { weight: 2, mean: 5.5, m2: 4.5 },
    };
    /** `good` without one field. */
    const without = (key: keyof typeof good): Record<string, unknown> => Object.fromEntries(Object.entries(good).filter(([k]) => k !== key));
    const garbage: ReadonlyArray<readonly [string, unknown, string]> = [
      ['undefined', undefined, 'state'],
      ['the wrong kind', { ...good, kind: 'csat' }, 'state.kind'],
      ['v: 2', { ...good, v: 2 }, 'state.v'],
      ['v: "1"', { ...good, v: '1' }, 'state.v'],
      ['a negative easy', { ...good, easy: -1 }, 'state.easy'],
      ['a negative n', { ...good, n: -2 }, 'state.n'],
      ['a missing easy', without('easy'), 'state.easy'],
      ['a NaN sum', { ...good, sum: Number.NaN }, 'state.sum'],
      ['a missing direction', without('direction'), 'state.direction'],
      ['a missing easyFrom', without('easyFrom'), 'state.easyFrom'],
    ];

    it.each(garbage)('cesAccumulator.fromState(%s) throws invalid_state at its path', (_name, state, path) => {
      const e = thrown(() => cesAccumulator.fromState(state as CesState));
      expect(e.code).toBe('invalid_state');
      expect(e.path).toBe(path);
      expect(e.index).toBeNull();
    });

    it('cesAccumulator.fromState(garbage) messages name the field and the value', () => {
      expect(garbage.map(([, state]) => thrown(() => cesAccumulator.fromState(state as CesState)).message)).toMatchInlineSnapshot(`
        [
          "state must be an object, got undefined",
          "state.kind must be 'ces', got "csat"",
          "state.v must be 1 (the only state version this release reads), got 2",
          "state.v must be 1 (the only state version this release reads), got "1"",
          "state.easy must be an integer ≥ 0, got -1",
          "state.n must be an integer ≥ 0, got -2",
          "state.easy must be an integer ≥ 0, got undefined",
          "state.sum must be a finite number, got NaN",
          "state.direction must equal this accumulator's direction ("higherIsEasier") to merge, got undefined",
          "state.easyFrom must equal this accumulator's easyFrom (5) to merge, got undefined",
        ]
      `);
    });

    it('cesAccumulator.fromState(good) restores mean and rate', () => {
      const r = cesAccumulator.fromState(good as CesState).result();
      // The same result as the answers [7, 4] themselves.
      expect(r).toEqual({ mean: 5.5, rate: 0.5, n: 2, easy: 1, effectiveN: 2, sd: expect.any(Number), ci: expect.any(Object), rateCi: expect.any(Object), lowSample: true });
      expectResultsClose(r.sd, Math.sqrt(4.5), 1e-12);
      expectResultsClose(r.ci, tInterval95(5.5, Math.sqrt(4.5), 2), 1e-9);
      expect(r).toEqual(ces([7, 4]));
    });

    it.each([
      ['direction "sideways"', { direction: 'sideways' }, 'state.direction'],
      ['scale [7, 1]', { scale: [7, 1] }, 'state.scale'],
      ['easy > n', { n: 2, easy: 3 }, 'state.easy'],
    ] as const)('cesAccumulator.fromState rejects a state with %s as invalid_state', (_name, patch, path) => {
      const e = caughtCes(() => cesAccumulator.fromState({ ...(good as CesState), ...patch } as unknown as CesState));
      expect([e.code, e.path]).toEqual(['invalid_state', path]);
    });
  });
});
