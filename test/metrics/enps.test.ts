import { describe, expect, it } from 'vitest';
import { type EnpsOptions, type EnpsState, enps, enpsAccumulator } from '../../src/metrics/enps.js';
import { nps, npsAccumulator, type NpsState } from '../../src/metrics/nps.js';
import { deepFreeze, thrown } from '../_arbitraries.js';

/** Expands `[[answer, count], …]` into a frozen list of answers. */
function answers(counts: ReadonlyArray<readonly [number, number]>): readonly number[] {
  const out: number[] = [];
  for (const [answer, count] of counts) for (let k = 0; k < count; k++) out.push(answer);
  return Object.freeze(out);
}

/** definitions.md §1.3: 80 employees, 20 promoters, 35 passives, 25 detractors → 25.0 % − 31.25 % = −6.25. */
const REFERENCE = answers([
  [10, 8],
  [9, 12],
  [8, 20],
  [7, 15],
  [6, 10],
  [2, 15],
]);

const SUPPRESSED = { score: null, promoters: null, passives: null, detractors: null, shares: null, ci: null, lowSample: true, suppressed: true };

describe('enps', () => {
  it('enps(scores) returns −6.25, not rounded, for 20 / 35 / 25 (definitions.md §1.3), with NPS arithmetic and interval', () => {
    const r = enps(REFERENCE);
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
      suppressed: false,
    });
    // trinomial interval (definitions.md §1.2 (d)): −6.25 ± 1.96 × 100 × √((0.25 + 0.3125 − 0.0625²) / 80)
    const se = 100 * Math.sqrt((0.25 + 0.3125 - 0.0625 ** 2) / 80);
    expect(r.ci!.low).toBeCloseTo(-6.25 - 1.959963984540054 * se, 9);
    expect(r.ci!.high).toBeCloseTo(-6.25 + 1.959963984540054 * se, 9);
    const { suppressed: _s, ...rest } = r;
    expect(rest).toEqual(nps(REFERENCE));
  });

  it('enps(scores) suppresses 4 responses (below the default minimum of 5): values and category counts null, n kept', () => {
    expect(enps([10, 9, 3, 7])).toEqual({ ...SUPPRESSED, n: 4, effectiveN: 4 });
  });

  it('enps(scores) reports exactly 5 responses (the minimum is inclusive)', () => {
    expect(enps([10, 9, 3, 7, 8])).toMatchObject({ score: 20, n: 5, promoters: 2, passives: 2, detractors: 1, suppressed: false, lowSample: true });
  });

  it.each([
    [{ minResponses: 10 }, 9, true],
    [{ minResponses: 10 }, 10, false],
    [{ minResponses: 0 }, 1, false],
    [{ minResponses: 1 }, 1, false],
    [{ minResponses: 2 }, 1, true],
  ] as const)('enps(scores, %j) of %d responses: suppressed %s', (options, n, suppressed) => {
    const r = enps(Array.from({ length: n }, () => 9), options);
    expect([r.suppressed, r.score === null, r.n]).toEqual([suppressed, suppressed, n]);
  });

  it('enps(scores) of no responses is empty, not suppressed: score null, counts 0', () => {
    expect(enps([])).toEqual({
      score: null,
      n: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      shares: null,
      effectiveN: 0,
      ci: null,
      lowSample: true,
      suppressed: false,
    });
  });

  it('enps(scores) takes { value, weight } items like nps, and suppresses on the count of responses, not their weight', () => {
    const weighted = [
      { value: 10, weight: 3 },
      { value: 0, weight: 1 },
      { value: 8, weight: 1 },
      { value: 9, weight: 1 },
      { value: 9, weight: 2 },
    ];
    const r = enps(weighted);
    // Σw = 8; promoters 3 + 1 + 2 = 6, detractors 1: 100 × (6 − 1) / 8 = 62.5
    expect([r.score, r.n, r.promoters, r.suppressed]).toEqual([62.5, 5, 3, false]);
    expect(enps(weighted.slice(0, 4)).suppressed).toBe(true);
  });

  it('enps(scores, options) applies confidence and lowSample as nps does', () => {
    expect(enps(REFERENCE, { confidence: 0.9 }).ci?.level).toBe(0.9);
    expect(enps(REFERENCE, { lowSample: { minN: 100 } }).lowSample).toBe(true);
  });

  it('enps(scores) does not mutate frozen inputs and reads any iterable', () => {
    const input = deepFreeze(REFERENCE.map((value) => ({ value })));
    expect(enps(new Set(input)).score).toBe(-6.25);
  });
});

describe('enps bad values and options', () => {
  it.each([[11], [-1], [9.5], [Number.NaN], ['9'], [null]] as const)('enps(scores) throws invalid_value for the answer %j, naming its index', (value) => {
    const e = thrown(() => enps([10, value as unknown as number]));
    expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'scores[1]', 1]);
    expect(e.value).toBe(value);
  });

  it('enps(scores) error messages name path, rule and value', () => {
    expect(() => enps([9, 10, 11])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: scores[2] must be an integer 0–10, got 11]`);
    expect(() => enps([{ value: 9, weight: 0 }])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: scores[0].weight must be a finite number > 0, got 0]`);
  });

  it.each([[-1], [2.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['5']] as const)('enps(scores, { minResponses: %j }) throws invalid_option', (value) => {
    const opts = { minResponses: value } as unknown as EnpsOptions;
    for (const run of [() => enps([], opts), () => enpsAccumulator(opts), () => enpsAccumulator.fromState(enpsAccumulator().state(), opts)]) {
      const e = thrown(run);
      expect([e.code, e.path, e.index]).toEqual(['invalid_option', 'options.minResponses', null]);
      expect(e.value).toBe(value);
    }
  });

  it('enps(scores, options) words the option error', () => {
    expect(() => enps([], { minResponses: -1 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.minResponses must be an integer ≥ 0, got -1]`);
  });
});

describe('enpsAccumulator', () => {
  const fold = (xs: readonly number[], options?: EnpsOptions) => {
    const acc = enpsAccumulator(options);
    for (const x of xs) acc.add(x);
    return acc;
  };

  it('folds §1.3 to the batch result; merge of teams gives the whole', () => {
    expect(fold(REFERENCE).result()).toEqual(enps(REFERENCE));
    expect(fold(REFERENCE.slice(0, 33)).merge(fold(REFERENCE.slice(33)).state()).result()).toEqual(enps(REFERENCE));
  });

  it('merging two suppressed teams of 3 can lift suppression (6 ≥ 5): suppression applies to results, not states', () => {
    const a = fold([9, 10, 3]);
    const b = fold([8, 9, 9]);
    expect(a.result().suppressed).toBe(true);
    expect(a.merge(b).result()).toMatchObject({ score: 50, n: 6, promoters: 4, suppressed: false });
  });

  it('state() keeps the counts under kind enps; fromState restores it with the minResponses given there', () => {
    const s = fold([9, 10, 3]).state();
    expect(s).toEqual({ v: 1, kind: 'enps', promoters: 2, passives: 0, detractors: 1, wPromoters: 2, wPassives: 0, wDetractors: 1, wSquares: 3 });
    const restored = enpsAccumulator.fromState(JSON.parse(JSON.stringify(s)) as EnpsState);
    expect(restored.state()).toEqual(s);
    expect(restored.result().suppressed).toBe(true);
    expect(enpsAccumulator.fromState(s, { minResponses: 3 }).result()).toMatchObject({ score: 100 / 3, suppressed: false });
  });

  it('eNPS and NPS states never merge into each other', () => {
    const e = thrown(() => enpsAccumulator().merge(npsAccumulator().add(9).state() as unknown as EnpsState));
    expect([e.code, e.path]).toEqual(['invalid_state', 'state.kind']);
    const f = thrown(() => npsAccumulator().merge(enpsAccumulator().add(9).state() as unknown as NpsState));
    expect([f.code, f.path]).toEqual(['invalid_state', 'state.kind']);
  });

  it.each([
    ['another version', () => ({ ...enpsAccumulator().state(), v: 2 }), 'state.v'],
    ['a negative count', () => ({ ...enpsAccumulator().state(), passives: -1 }), 'state.passives'],
    ['a NaN weight total', () => ({ ...enpsAccumulator().state(), wSquares: Number.NaN }), 'state.wSquares'],
  ] as const)('merge and fromState reject %s with invalid_state', (_name, make, path) => {
    const e = thrown(() => enpsAccumulator().merge(make() as unknown as EnpsState));
    expect([e.code, e.path]).toEqual(['invalid_state', path]);
    expect(thrown(() => enpsAccumulator.fromState(make() as unknown as EnpsState)).path).toBe(path);
  });

  it('add(value, index) names the index; a failed add changes nothing', () => {
    const acc = fold(REFERENCE);
    const before = acc.state();
    expect(thrown(() => acc.add(12, 3)).path).toBe('scores[3]');
    expect(thrown(() => acc.add(-1)).index).toBe(80);
    expect(acc.state()).toEqual(before);
  });
});
