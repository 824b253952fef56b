import { describe, expect, it } from 'vitest';
import { CxMetricsError, categorizeNps, csatAccumulator, nps, npsAccumulator, type NpsState } from '../../src/metrics/index.js';

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
    expect(nps(scores)).toEqual({ score: 24, n: 250, promoters: 120, passives: 70, detractors: 60 });
  });

  it('nps(scores) returns -6.25, not rounded, for eNPS 20 / 35 / 25 (definitions.md §1.3)', () => {
    // §1.3: 80 employees, 25.0% − 31.25% = −6.25 (shown as −6 after rounding; the library does not round).
    const scores = answers([
      [9, 20],
      [8, 35],
      [5, 25],
    ]);
    expect(nps(scores)).toEqual({ score: -6.25, n: 80, promoters: 20, passives: 35, detractors: 25 });
  });

  it('nps(scores) returns 25 for [10, 9, 8, 3] (STYLE.md §3 doc-comment example: (2 − 1) / 4 × 100)', () => {
    expect(nps([10, 9, 8, 3])).toEqual({ score: 25, n: 4, promoters: 2, passives: 1, detractors: 1 });
  });
});

describe('nps(scores): edge cases', () => {
  it('nps(scores) returns score null and counts 0 for no scores, and the result is JSON-safe', () => {
    const r = nps([]);
    expect(r).toEqual({ score: null, n: 0, promoters: 0, passives: 0, detractors: 0 });
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
    expect(nps([9, 10, 10, 9, 9])).toEqual({ score: 100, n: 5, promoters: 5, passives: 0, detractors: 0 });
  });

  it('nps(scores) returns -100 when every answer is a detractor (definitions.md §1.2: range endpoint)', () => {
    expect(nps([0, 1, 2, 3, 4, 5, 6])).toEqual({ score: -100, n: 7, promoters: 0, passives: 0, detractors: 7 });
  });

  it('nps(scores) returns 0 when only passives answered (passives count only in n)', () => {
    expect(nps([7, 8, 8])).toEqual({ score: 0, n: 3, promoters: 0, passives: 3, detractors: 0 });
  });

  it('nps(scores) reads any iterable, not only arrays', () => {
    function* gen(): Generator<number> {
      yield 10;
      yield 6;
      yield 8;
    }
    expect(nps(gen())).toEqual(nps([10, 6, 8]));
    expect(nps(new Set([10, 6, 8]))).toEqual({ score: 0, n: 3, promoters: 1, passives: 1, detractors: 1 });
  });

  it('nps(scores) does not mutate its input (a frozen array works and is unchanged)', () => {
    const scores = Object.freeze([10, 3, 8, 9]);
    expect(nps(scores).score).toBe(25);
    expect(scores).toEqual([10, 3, 8, 9]);
  });

  it('nps(scores) accepts -0 as the answer 0 (a detractor)', () => {
    expect(nps([-0])).toEqual({ score: -100, n: 1, promoters: 0, passives: 0, detractors: 1 });
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
    expect(r).toEqual({ score: 100 / 3, n: 3, promoters: 2, passives: 0, detractors: 1 });
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
    expect(merged.result()).toEqual({ score: 24, n: 250, promoters: 120, passives: 70, detractors: 60 });
  });

  it('npsAccumulator().state() is versioned plain JSON', () => {
    expect(npsAccumulator().add(10).add(7).add(0).add(6).state()).toEqual({ v: 1, kind: 'nps', promoters: 1, passives: 1, detractors: 2 });
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
    const good = { v: 1, kind: 'nps', promoters: 1, passives: 2, detractors: 3 };
    const garbage: ReadonlyArray<readonly [string, unknown, string]> = [
      ['null', null, 'state'],
      ['a string', 'nps', 'state'],
      ['a number', 1, 'state'],
      ['the wrong kind', { ...good, kind: 'csat' }, 'state.kind'],
      ['no kind', { v: 1, promoters: 1, passives: 2, detractors: 3 }, 'state.kind'],
      ['v: 2', { ...good, v: 2 }, 'state.v'],
      ['no v', { kind: 'nps', promoters: 1, passives: 2, detractors: 3 }, 'state.v'],
      ['a negative count', { ...good, detractors: -1 }, 'state.detractors'],
      ['a fractional count', { ...good, passives: 1.5 }, 'state.passives'],
      ['a count as a string', { ...good, promoters: '1' }, 'state.promoters'],
      ['a NaN count', { ...good, promoters: Number.NaN }, 'state.promoters'],
      ['a missing count', { v: 1, kind: 'nps', promoters: 1, passives: 2 }, 'state.detractors'],
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
      expect(acc.state()).toEqual({ v: 1, kind: 'nps', promoters: 1, passives: 0, detractors: 0 });
    });

    it('npsAccumulator.fromState(good) restores the counts', () => {
      expect(npsAccumulator.fromState(good as NpsState).result()).toEqual({ score: -200 / 6 /* 100 × (1 − 3) / 6 */, n: 6, promoters: 1, passives: 2, detractors: 3 });
    });
  });
});
