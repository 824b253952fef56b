import { describe, expect, it } from 'vitest';
import { CxMetricsError, categorizeNps, csatAccumulator, nps, npsAccumulator, type NpsResult, type NpsState } from '../../src/metrics/index.js';
import { expectIntervalAround } from '../_arbitraries.js';

const caughtNps = (fn: () => unknown): CxMetricsError => {
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

/**
 * The interval of a score with answers in more than one category: a 95% interval in points that
 * contains the score, lies within [-100, 100], and is symmetric about the score unless clamped
 * (score ± z·SE, then clamped: ../shared/reference/statistics.md §2).
 */
function expectScoreInterval(r: NpsResult): void {
  expectIntervalAround(r.ci, r.score, [-100, 100]);
  const { low, high } = r.ci!;
  if (low > -100 && high < 100) expect(high - r.score!).toBeCloseTo(r.score! - low, 9);
}

/** The fields callers read instead of the message. */
function fields(e: CxMetricsError): { code: string; path: string; index: number | null; value: unknown } {
  return { code: e.code, path: e.path, index: e.index, value: e.value };
}

describe('nps(scores): reference worked examples', () => {
  it('nps(scores) returns +24 for 120 promoters, 70 passives, 60 detractors (definitions.md §1.2)', () => {
    // §1.2: 250 responses, %P = 48.0, %D = 24.0, NPS = +24. The answers within each band are spread
    // over the band's values (both ends included), which must not matter.
    const scores = answers([
      [10, 60],
      [9, 60],
      [8, 35],
      [7, 35],
      [6, 20],
      [3, 20],
      [0, 20],
    ]);
    // Shares 120/250, 70/250, 60/250; unweighted, so effectiveN = n. Not low: n ≥ 30 and 120 and 60 ≥ 5
    // promoters and detractors (statistics.md §9).
    const r = nps(scores);
    expect(r).toEqual({
      score: 24,
      n: 250,
      promoters: 120,
      passives: 70,
      detractors: 60,
      shares: { promoters: 0.48, passives: 0.28, detractors: 0.24 },
      effectiveN: 250,
      ci: expect.any(Object),
      lowSample: false,
    });
    expectScoreInterval(r);
  });

  it('nps(scores) returns -6.25, not rounded, for eNPS 20 / 35 / 25 (definitions.md §1.3)', () => {
    // §1.3: 80 employees, 25.0% − 31.25% = −6.25 (shown as −6 after rounding; the library does not round).
    const scores = answers([
      [9, 20],
      [8, 35],
      [5, 25],
    ]);
    // Not low: n = 80 ≥ 30 with 20 promoters and 25 detractors (statistics.md §9).
    const r = nps(scores);
    expect(r).toEqual({
      score: -6.25,
      n: 80,
      promoters: 20,
      passives: 35,
      detractors: 25,
      shares: { promoters: 0.25, passives: 0.4375, detractors: 0.3125 },
      effectiveN: 80,
      ci: expect.any(Object),
      lowSample: false,
    });
    expectScoreInterval(r);
  });

  it('nps(scores) returns 25 for [10, 9, 8, 3] (STYLE.md §3 doc-comment example: (2 − 1) / 4 × 100)', () => {
    // Four answers are a low sample (n < 30); 25 + z·SE = 25 + 1.96 × 41.5 > 100, so the interval is clamped at 100.
    const r = nps([10, 9, 8, 3]);
    expect(r).toEqual({
      score: 25,
      n: 4,
      promoters: 2,
      passives: 1,
      detractors: 1,
      shares: { promoters: 0.5, passives: 0.25, detractors: 0.25 },
      effectiveN: 4,
      ci: expect.any(Object),
      lowSample: true,
    });
    expectScoreInterval(r);
    expect(r.ci?.high).toBe(100);
  });
});

describe('nps(scores): edge cases', () => {
  it('nps(scores) returns score null and counts 0 for no scores, and the result is JSON-safe', () => {
    const r = nps([]);
    expect(r).toEqual({ score: null, n: 0, promoters: 0, passives: 0, detractors: 0, shares: null, effectiveN: 0, ci: null, lowSample: true });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it.each([
    [10, 100, 'promoter'],
    [9, 100, 'promoter'],
    [8, 0, 'passive'],
    [7, 0, 'passive'],
    [6, -100, 'detractor'],
    [0, -100, 'detractor'],
  ] as const)('nps([%d]) returns %d for one %s', (answer, score, _category) => {
    const r = nps([answer]);
    expect(r.score).toBe(score);
    expect(r.n).toBe(1);
  });

  it('nps(scores) returns +100 when every answer is a promoter (definitions.md §1.2: range endpoint)', () => {
    // One category: the variance is 0, the interval has zero width and the result is flagged low
    // (statistics.md §2 edge cases and example E: 10/0/0 → [100, 100]).
    expect(nps([9, 10, 10, 9, 9])).toEqual({
      score: 100,
      n: 5,
      promoters: 5,
      passives: 0,
      detractors: 0,
      shares: { promoters: 1, passives: 0, detractors: 0 },
      effectiveN: 5,
      ci: { low: 100, high: 100, level: 0.95 },
      lowSample: true,
    });
  });

  it('nps(scores) returns -100 when every answer is a detractor (definitions.md §1.2: range endpoint)', () => {
    // One category: zero-width interval at -100, flagged low (statistics.md §2 edge cases).
    expect(nps([0, 1, 2, 3, 4, 5, 6])).toEqual({
      score: -100,
      n: 7,
      promoters: 0,
      passives: 0,
      detractors: 7,
      shares: { promoters: 0, passives: 0, detractors: 1 },
      effectiveN: 7,
      ci: { low: -100, high: -100, level: 0.95 },
      lowSample: true,
    });
  });

  it('nps(scores) returns 0 when only passives answered (passives count only in n)', () => {
    // All passives: one category, so a zero-width interval at 0, flagged low (statistics.md §2 edge cases).
    expect(nps([7, 8, 8])).toEqual({
      score: 0,
      n: 3,
      promoters: 0,
      passives: 3,
      detractors: 0,
      shares: { promoters: 0, passives: 1, detractors: 0 },
      effectiveN: 3,
      ci: { low: 0, high: 0, level: 0.95 },
      lowSample: true,
    });
  });

  it('nps(scores) reads any iterable, not only arrays', () => {
    function* gen(): Generator<number> {
      yield 10;
      yield 6;
      yield 8;
    }
    expect(nps(gen())).toEqual(nps([10, 6, 8]));
    const r = nps(new Set([10, 6, 8]));
    expect(r).toEqual({
      score: 0,
      n: 3,
      promoters: 1,
      passives: 1,
      detractors: 1,
      shares: { promoters: 1 / 3, passives: 1 / 3, detractors: 1 / 3 },
      effectiveN: 3,
      ci: expect.any(Object),
      lowSample: true,
    });
    expectScoreInterval(r);
  });

  it('nps(scores) does not mutate its input (a frozen array works and is unchanged)', () => {
    const scores = Object.freeze([10, 3, 8, 9]);
    expect(nps(scores).score).toBe(25);
    expect(scores).toEqual([10, 3, 8, 9]);
  });

  it('nps(scores) accepts -0 as the answer 0 (a detractor)', () => {
    expect(nps([-0])).toEqual({
      score: -100,
      n: 1,
      promoters: 0,
      passives: 0,
      detractors: 1,
      shares: { promoters: 0, passives: 0, detractors: 1 },
      effectiveN: 1,
      ci: { low: -100, high: -100, level: 0.95 },
      lowSample: true,
    });
  });
});

describe('categorizeNps(score)', () => {
  // Bands from definitions.md §1.2: 0–6 detractor, 7–8 passive, 9–10 promoter; both edges of each band.
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ] as const)('categorizeNps(%d) returns %s', (score, category) => {
    expect(categorizeNps(score)).toBe(category);
  });

  it.each([[11], [-1], [9.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('categorizeNps(%d) throws invalid_value at path score', (bad) => {
    const e = thrown(() => categorizeNps(bad));
    expect(e.code).toBe('invalid_value');
    expect(e.path).toBe('score');
    expect(e.value).toBe(bad);
  });

  it('categorizeNps(score) error messages name the rule and the value', () => {
    expect([11, 9.5, Number.NaN].map((v) => thrown(() => categorizeNps(v)).message)).toMatchInlineSnapshot(`
      [
        "score must be an integer 0–10, got 11",
        "score must be an integer 0–10, got 9.5",
        "score must be an integer 0–10, got NaN",
      ]
    `);
  });

  it('categorizeNps(score) error carries index null (no record is involved)', () => {
    const e = caughtNps(() => categorizeNps(11));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'score', null, 11]);
  });
});

describe('nps(scores): bad values throw at once, naming index and value', () => {
  const bad: ReadonlyArray<readonly [string, unknown]> = [
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['null', null],
    ['undefined', undefined],
    ['the string "9"', '9'],
    ['11', 11],
    ['-1', -1],
    ['9.5 (not an integer)', 9.5],
    ['a 1–10 answer of 10.5', 10.5],
  ];

  it.each(bad)('nps(scores) throws invalid_value at scores[2] for %s', (_name, value) => {
    const e = thrown(() => nps([10, 9, value as number, 0]));
    expect(fields(e)).toEqual({ code: 'invalid_value', path: 'scores[2]', index: 2, value });
  });

  it('nps(scores) error messages name the path, the rule and the value', () => {
    expect(bad.map(([, value]) => thrown(() => nps([10, 9, value as number, 0])).message)).toMatchInlineSnapshot(`
      [
        "scores[2] must be an integer 0–10, got NaN",
        "scores[2] must be an integer 0–10, got Infinity",
        "scores[2] must be an integer 0–10, got -Infinity",
        "scores[2] must be an integer 0–10, got null",
        "scores[2] must be an integer 0–10, got undefined",
        "scores[2] must be an integer 0–10, got "9"",
        "scores[2] must be an integer 0–10, got 11",
        "scores[2] must be an integer 0–10, got -1",
        "scores[2] must be an integer 0–10, got 9.5",
        "scores[2] must be an integer 0–10, got 10.5",
      ]
    `);
  });

  it('nps(scores) reports the first bad value when there are several', () => {
    expect(fields(thrown(() => nps([12, -3])))).toEqual({ code: 'invalid_value', path: 'scores[0]', index: 0, value: 12 });
  });

  it('nps(scores) error is an Error with name CxMetricsError', () => {
    const e = thrown(() => nps([11]));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CxMetricsError');
  });
});

describe('npsAccumulator()', () => {
  it('npsAccumulator() gives the doc-comment example: monday [10, 9] merged with tuesday [3] from JSON is 100 × (2 − 1) / 3', () => {
    const monday = npsAccumulator().add(10).add(9);
    const tuesday = npsAccumulator().add(3);
    const saved = JSON.stringify(tuesday.state());
    const r = monday.merge(npsAccumulator.fromState(JSON.parse(saved) as NpsState)).result();
    expect(r).toEqual({
      score: 100 / 3,
      n: 3,
      promoters: 2,
      passives: 0,
      detractors: 1,
      shares: { promoters: 2 / 3, passives: 0, detractors: 1 / 3 },
      effectiveN: 3,
      ci: expect.any(Object),
      lowSample: true,
    });
    expectScoreInterval(r);
  });

  it('npsAccumulator() of the §1.2 example split in three shards merges to +24', () => {
    const scores = answers([
      [10, 120],
      [7, 70],
      [2, 60],
    ]);
    const parts = [scores.slice(0, 100), scores.slice(100, 101), scores.slice(101)];
    const merged = npsAccumulator();
    for (const part of parts) {
      const acc = npsAccumulator();
      for (const s of part) acc.add(s);
      merged.merge(acc.state());
    }
    const r = merged.result();
    expect(r).toEqual({
      score: 24,
      n: 250,
      promoters: 120,
      passives: 70,
      detractors: 60,
      shares: { promoters: 0.48, passives: 0.28, detractors: 0.24 },
      effectiveN: 250,
      ci: expect.any(Object),
      lowSample: false,
    });
    expectScoreInterval(r);
    // Integer counts and weights of 1 merge exactly: the merged result is the batch result, interval included.
    expect(r).toEqual(nps(scores));
  });

  it('npsAccumulator().state() is versioned plain JSON', () => {
    // Without weights every weight is 1: the weighted totals equal the counts, Σ w² = n.
    expect(npsAccumulator().add(10).add(7).add(0).add(6).state()).toEqual({
      v: 1,
      kind: 'nps',
      promoters: 1,
      passives: 1,
      detractors: 2,
      wPromoters: 1,
      wPassives: 1,
      wDetractors: 2,
      wSquares: 4,
    });
  });

  it('npsAccumulator().state() is a copy: changing it does not change the accumulator', () => {
    const acc = npsAccumulator().add(10);
    const s = acc.state();
    s.promoters = 99;
    expect(acc.result().promoters).toBe(1);
  });

  it('npsAccumulator() result on no values matches nps([])', () => {
    expect(npsAccumulator().result()).toEqual(nps([]));
  });

  it('npsAccumulator().add(value, index) names the given index in the error', () => {
    const e = thrown(() => npsAccumulator().add(10).add(11, 41));
    expect(fields(e)).toEqual({ code: 'invalid_value', path: 'scores[41]', index: 41, value: 11 });
  });

  it('npsAccumulator().add(value) without an index names how many values came before', () => {
    const e = thrown(() => npsAccumulator().add(10).add(3).add(Number.NaN));
    expect(fields(e)).toEqual({ code: 'invalid_value', path: 'scores[2]', index: 2, value: Number.NaN });
  });

  it('npsAccumulator().add(bad) leaves the state unchanged', () => {
    const acc = npsAccumulator().add(10).add(3);
    const before = acc.state();
    thrown(() => acc.add(9.5));
    expect(acc.state()).toEqual(before);
  });

  it('npsAccumulator().merge(accumulator of another family) throws invalid_state', () => {
    const e = thrown(() => npsAccumulator().merge(csatAccumulator() as never));
    expect(e.code).toBe('invalid_state');
    expect(e.path).toBe('state.kind');
  });

  describe('npsAccumulator.fromState(garbage) throws invalid_state', () => {
    const good = { v: 1, kind: 'nps', promoters: 1, passives: 2, detractors: 3, wPromoters: 1, wPassives: 2, wDetractors: 3, wSquares: 6 };
    const { kind: _kind, ...noKind } = good;
    const { v: _v, ...noV } = good;
    const { detractors: _detractors, ...noDetractors } = good;
    const garbage: ReadonlyArray<readonly [string, unknown, string]> = [
      ['null', null, 'state'],
      ['a string', 'nps', 'state'],
      ['a number', 1, 'state'],
      ['the wrong kind', { ...good, kind: 'csat' }, 'state.kind'],
      ['no kind', noKind, 'state.kind'],
      ['v: 2', { ...good, v: 2 }, 'state.v'],
      ['no v', noV, 'state.v'],
      ['a negative count', { ...good, detractors: -1 }, 'state.detractors'],
      ['a fractional count', { ...good, passives: 1.5 }, 'state.passives'],
      ['a count as a string', { ...good, promoters: '1' }, 'state.promoters'],
      ['a NaN count', { ...good, promoters: Number.NaN }, 'state.promoters'],
      ['a missing count', noDetractors, 'state.detractors'],
      ['a count past 2^53', { ...good, promoters: 2 ** 53 }, 'state.promoters'],
    ];

    it.each(garbage)('npsAccumulator.fromState(%s) throws invalid_state at its path', (_name, state, path) => {
      const e = thrown(() => npsAccumulator.fromState(state as NpsState));
      expect(e.code).toBe('invalid_state');
      expect(e.path).toBe(path);
      expect(e.index).toBeNull();
    });

    it('npsAccumulator.fromState(garbage) messages name the field and the value', () => {
      expect(garbage.map(([, state]) => thrown(() => npsAccumulator.fromState(state as NpsState)).message)).toMatchInlineSnapshot(`
        [
          "state must be an object, got null",
          "state must be an object, got "nps"",
          "state must be an object, got 1",
          "state.kind must be 'nps', got "csat"",
          "state.kind must be 'nps', got undefined",
          "state.v must be 1 (the only state version this release reads), got 2",
          "state.v must be 1 (the only state version this release reads), got undefined",
          "state.detractors must be an integer ≥ 0, got -1",
          "state.passives must be an integer ≥ 0, got 1.5",
          "state.promoters must be an integer ≥ 0, got "1"",
          "state.promoters must be an integer ≥ 0, got NaN",
          "state.detractors must be an integer ≥ 0, got undefined",
          "state.promoters must be an integer ≥ 0, got 9007199254740992",
        ]
      `);
    });

    it('npsAccumulator().merge(garbage) throws and leaves the accumulator unchanged', () => {
      const acc = npsAccumulator().add(9);
      thrown(() => acc.merge({ ...good, v: 2 } as unknown as NpsState));
      expect(acc.state()).toEqual({ v: 1, kind: 'nps', promoters: 1, passives: 0, detractors: 0, wPromoters: 1, wPassives: 0, wDetractors: 0, wSquares: 1 });
    });

    it('npsAccumulator.fromState(good) restores the counts', () => {
      const r = npsAccumulator.fromState(good as NpsState).result();
      expect(r).toEqual({
        score: -200 / 6 /* 100 × (1 − 3) / 6 */,
        n: 6,
        promoters: 1,
        passives: 2,
        detractors: 3,
        shares: { promoters: 1 / 6, passives: 2 / 6, detractors: 3 / 6 },
        effectiveN: 6 /* (Σw)² / Σw² = 36 / 6 */,
        ci: expect.any(Object),
        lowSample: true,
      });
      expectScoreInterval(r);
    });
  });
});
