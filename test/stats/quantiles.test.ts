// Reference values: ../shared/reference/statistics.md §8 (Hyndman–Fan type 7, NumPy method='linear',
// R's default). The table there gives type 7 to the digit; h = (n − 1)·p is not exact in binary for
// p = 0.9, 0.95, 0.99, so those compare within 1e-12 relative (the reference's own rule for
// quantiles: "worked values", not last-bit values). Exact where h is exact (p = 0.25, 0.5, 0, 1).
import { describe, expect, it } from 'vitest';
import { DDSKETCH_ZERO_LIMIT, DDSketch, type DDSketchState, quantile, quantileSorted } from '../../src/stats/quantiles.js';
import { thrown } from '../_arbitraries.js';

/** |a − b| ≤ 1e-12·|b|. */
function close(a: number | null, b: number): void {
  expect(a).not.toBeNull();
  expect(Math.abs(a! - b), `${a} vs ${b}`).toBeLessThanOrEqual(1e-12 * Math.abs(b));
}

const DURATIONS = Object.freeze([30, 45, 60, 62, 75, 90, 120, 180, 240, 900]);

describe('quantileSorted (type 7): statistics.md §8', () => {
  it.each([
    [0.25, 60.5],
    [0.5, 82.5],
    [0.9, 306],
    [0.95, 603],
    [0.99, 840.6],
  ])('quantileSorted(durations, %s) is %s (§8 table, type-7 column)', (p, expected) => {
    close(quantileSorted(DURATIONS, p), expected);
    close(quantileSorted(Float64Array.from(DURATIONS), p), expected);
  });

  it('quantileSorted(durations, p) is exact where h = 9p is exact in binary', () => {
    expect(quantileSorted(DURATIONS, 0.25)).toBe(60.5);
    expect(quantileSorted(DURATIONS, 0.5)).toBe(82.5);
    expect(quantileSorted(DURATIONS, 0)).toBe(30);
    expect(quantileSorted(DURATIONS, 1)).toBe(900);
  });

  it.each([
    [0, 1.5],
    [0.1, 1.98],
    [0.5, 3.3],
    [0.75, 4.2],
    [0.9, 6.48],
    [1, 8],
  ])('quantile([4.2, 1.5, 3.3, 8.0, 2.7], %s) is %s (§8 second example, unsorted input)', (p, expected) => {
    close(quantile([4.2, 1.5, 3.3, 8.0, 2.7], p), expected);
  });

  it.each([0, 0.1, 0.5, 0.9, 1])('quantileSorted([42], %s) is 42: one value is every quantile (§8)', (p) => {
    expect(quantileSorted([42], p)).toBe(42);
  });

  it.each([
    [0.5, 15],
    [0.9, 19],
    [0.95, 19.5],
  ])('quantileSorted([10, 20], %s) is %s (§8 edge cases)', (p, expected) => {
    close(quantileSorted([10, 20], p), expected);
  });

  it('quantileSorted of equal values is that value for every p (§8: all values equal)', () => {
    for (const p of [0, 0.13, 0.5, 0.9, 0.999, 1]) expect(quantileSorted([0.1, 0.1, 0.1, 0.1], p)).toBe(0.1);
  });

  it('quantileSorted([], p) and quantile([], p) are null (§8: n = 0 is undefined; DESIGN: empty is null)', () => {
    expect(quantileSorted([], 0.5)).toBeNull();
    expect(quantileSorted(new Float64Array(0), 0)).toBeNull();
    expect(quantile([], 1)).toBeNull();
  });

  it('quantileSorted never leaves [x(j), x(j+1)] by a rounding error', () => {
    // 0.1 + 0.9 × (0.3 − 0.1) rounds; the clamp keeps it between the neighbours
    for (let k = 0; k <= 100; k++) {
      const v = quantileSorted([0.1, 0.30000000000000004], k / 100)!;
      expect(v).toBeGreaterThanOrEqual(0.1);
      expect(v).toBeLessThanOrEqual(0.30000000000000004);
    }
  });

  it('quantileSorted handles a difference that overflows (−1e308 to 1e308)', () => {
    expect(quantileSorted([-1e308, 1e308], 0.5)).toBe(0);
    expect(quantileSorted([-1.7e308, 1.7e308], 0.75)).toBeCloseTo(0.85e308, -300);
  });

  it('quantile(values, p) reads any iterable and leaves the input unchanged', () => {
    const input = Object.freeze([900, 30, 240, 45, 180, 60, 120, 62, 90, 75]);
    expect(quantile(new Set(input), 0.5)).toBe(82.5);
    expect(quantile(input, 0.25)).toBe(60.5);
    expect(input[0]).toBe(900);
  });

  it('quantile(values, p) of 1..100 in any order: median 50.5, p90 90.1 (type 7: h = 99p)', () => {
    const xs = Array.from({ length: 100 }, (_, k) => ((k * 37) % 100) + 1); // a permutation of 1..100
    expect(quantile(xs, 0.5)).toBe(50.5);
    close(quantile(xs, 0.9), 90.1);
    expect([quantile(xs, 0), quantile(xs, 1)]).toEqual([1, 100]);
  });

  it.each([[-0.1], [1.5], [Number.NaN], ['0.5'], [null]])('quantileSorted(values, %j) throws invalid_value at p', (p) => {
    const e = thrown(() => quantileSorted(DURATIONS, p as number));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'p', null, p]);
  });

  it('quantile and quantileSorted word their errors', () => {
    expect(() => quantileSorted(DURATIONS, 1.5)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: p must be a probability in [0, 1], got 1.5]`);
    expect(() => quantile([1, 2, Number.NaN], 0.5)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: values[2] must be a finite number, got NaN]`);
    expect(() => quantile([1, Number.POSITIVE_INFINITY], 0.5)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: values[1] must be a finite number, got Infinity]`);
    expect(() => quantileSorted([1, Number.NaN], 0.5)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: sorted[1] must be a finite number, got NaN]`);
  });

  it('quantile rejects NaN even when p would not read it (§8: reject NaN inputs)', () => {
    const e = thrown(() => quantile([Number.NaN, 1, 2], 1));
    expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'values[0]', 0]);
  });
});

describe('DDSketch', () => {
  /** |v − x| ≤ α·x: the sketch's guarantee on one order statistic. */
  const within = (v: number | null, x: number, alpha: number) => {
    expect(v).not.toBeNull();
    expect(Math.abs(v! - x), `${v} vs ${x} at α = ${alpha}`).toBeLessThanOrEqual(alpha * x * (1 + 1e-12));
  };
  const sketchOf = (xs: readonly number[], relativeAccuracy = 0.01) => {
    const s = new DDSketch({ relativeAccuracy });
    for (const x of xs) s.add(x);
    return s;
  };

  it('new DDSketch() is empty: count 0, min and max null, every quantile null', () => {
    const s = new DDSketch();
    expect([s.count, s.min, s.max, s.quantile(0), s.quantile(0.5), s.quantile(1), s.relativeAccuracy]).toEqual([0, null, null, null, null, null, 0.01]);
    expect(s.state()).toEqual({ v: 1, kind: 'ddsketch', relativeAccuracy: 0.01, count: 0, zeroCount: 0, min: null, max: null, keys: [], counts: [] });
  });

  it('DDSketch quantiles of the §8 durations are within 1% of the type-7 values, min and max exact', () => {
    const s = sketchOf(DURATIONS);
    expect([s.count, s.min, s.max, s.quantile(0), s.quantile(1)]).toEqual([10, 30, 900, 30, 900]);
    for (const [p, q7] of [[0.25, 60.5], [0.5, 82.5], [0.9, 306], [0.95, 603], [0.99, 840.6]] as const) within(s.quantile(p), q7, 0.01);
  });

  it('DDSketch of one value returns it exactly for every q (rank 0 is the exact min)', () => {
    const s = sketchOf([1234.5678]);
    for (const q of [0, 0.3, 0.5, 1]) expect(s.quantile(q)).toBe(1234.5678);
  });

  it('DDSketch buckets: value 1 in bucket 0, γ in bucket 1, read back as (1 − α)·γ^i', () => {
    // α = 0.5: γ = 3, bucket i = (3^(i−1), 3^i], representative 0.5 × 3^i. (A value exactly on a
    // boundary, such as 9 = 3², may land in either neighbour as ln 9 / ln 3 rounds; both meet the bound.)
    const s = sketchOf([1, 2, 2.9, 8, 10], 0.5);
    expect(s.state()).toMatchObject({ keys: [0, 1, 2, 3], counts: [1, 2, 1, 1] });
    // rank 1 (value 2) is in bucket 1, read as 1.5; rank 3 (value 8) in bucket 2, read as 4.5
    expect(s.quantile(0.25)).toBeCloseTo(1.5, 12);
    expect(s.quantile(0.75)).toBeCloseTo(4.5, 12);
  });

  it('DDSketch puts 0 and values below 1e-300 in the zero bucket, read back as the exact min', () => {
    const s = sketchOf([0, 0, 5e-324, 1e-301, 60, 120]);
    expect(DDSKETCH_ZERO_LIMIT).toBe(1e-300);
    expect(s.state()).toMatchObject({ zeroCount: 4, min: 0, max: 120, counts: [1, 1] });
    expect(s.quantile(0.4)).toBe(0); // rank 2 (5e-324): zero bucket, within 1e-300
    expect(s.quantile(0)).toBe(0);
  });

  it('DDSketch.add(-0) records 0, not -0', () => {
    expect(Object.is(sketchOf([-0]).min, 0)).toBe(true);
  });

  it('DDSketch of values up to Number.MAX_VALUE stays finite (estimates are clamped to the max)', () => {
    const s = sketchOf([1, 1.7e308, 1.79e308, Number.MAX_VALUE]);
    for (const q of [0, 0.4, 0.7, 0.9, 1]) expect(Number.isFinite(s.quantile(q)!)).toBe(true);
    within(s.quantile(2 / 3), 1.79e308, 0.01);
  });

  it('merge(sketch) and merge(state) give exactly the sketch of all values', () => {
    const whole = sketchOf(DURATIONS).state();
    expect(sketchOf(DURATIONS.slice(0, 4)).merge(sketchOf(DURATIONS.slice(4))).state()).toEqual(whole);
    expect(sketchOf(DURATIONS.slice(6)).merge(sketchOf(DURATIONS.slice(0, 6)).state()).state()).toEqual(whole);
    expect(new DDSketch().merge(new DDSketch()).state()).toEqual(new DDSketch().state());
  });

  it('merge(itself) doubles every count', () => {
    const s = sketchOf([60, 60, 3600]);
    expect(s.merge(s).state()).toMatchObject({ count: 6, counts: [4, 2] });
  });

  it('state() survives JSON and fromState restores it', () => {
    const s = sketchOf([...DURATIONS, 0]);
    const restored = DDSketch.fromState(JSON.parse(JSON.stringify(s.state())) as DDSketchState);
    expect(restored.state()).toEqual(s.state());
    for (const q of [0, 0.1, 0.5, 0.9, 1]) expect(restored.quantile(q)).toBe(s.quantile(q));
  });

  it.each([[0], [1], [-0.1], [1e-7], [Number.NaN], ['0.01']])('new DDSketch({ relativeAccuracy: %j }) throws invalid_option', (a) => {
    const e = thrown(() => new DDSketch({ relativeAccuracy: a as number }));
    expect([e.code, e.path, e.value]).toEqual(['invalid_option', 'options.relativeAccuracy', a]);
  });

  it('DDSketch words its errors', () => {
    expect(() => new DDSketch({ relativeAccuracy: 1 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.relativeAccuracy must be a number in [1e-6, 1), got 1]`);
    expect(() => new DDSketch().add(-1)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: value must be a finite number ≥ 0, got -1]`);
    expect(() => new DDSketch().add(Number.NaN)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: value must be a finite number ≥ 0, got NaN]`);
    expect(() => new DDSketch().quantile(2)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: q must be a probability in [0, 1], got 2]`);
    expect(() => new DDSketch().merge(new DDSketch({ relativeAccuracy: 0.02 }))).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: state.relativeAccuracy must equal this sketch's relativeAccuracy (0.01) to merge, got 0.02]`);
  });

  it('a failed add leaves the sketch unchanged', () => {
    const s = sketchOf(DURATIONS);
    const before = s.state();
    thrown(() => s.add(Number.POSITIVE_INFINITY));
    expect(s.state()).toEqual(before);
  });

  const valid = (): DDSketchState => sketchOf([0, 60, 120, 120]).state();
  it.each<[string, (s: DDSketchState) => unknown, string]>([
    ['not an object', () => 'sketch', 'state'],
    ['another kind', (s) => ({ ...s, kind: 'kll' }), 'state.kind'],
    ['another version', (s) => ({ ...s, v: 2 }), 'state.v'],
    ['α off its domain', (s) => ({ ...s, relativeAccuracy: 0 }), 'state.relativeAccuracy'],
    ['a fractional count', (s) => ({ ...s, count: 3.5 }), 'state.count'],
    ['a negative zero count', (s) => ({ ...s, zeroCount: -1 }), 'state.zeroCount'],
    ['keys not an array', (s) => ({ ...s, keys: {} }), 'state.keys'],
    ['counts of another length', (s) => ({ ...s, counts: [1] }), 'state.counts'],
    ['keys not ascending', (s) => ({ ...s, keys: [s.keys[1], s.keys[0]] }), 'state.keys[1]'],
    ['a fractional key', (s) => ({ ...s, keys: [s.keys[0]! + 0.5, s.keys[1]] }), 'state.keys[0]'],
    ['an empty bucket', (s) => ({ ...s, counts: [0, 2], count: 2 }), 'state.counts[0]'],
    ['counts that do not add up', (s) => ({ ...s, count: 5 }), 'state.count'],
    ['min above max', (s) => ({ ...s, min: 200 }), 'state.max'],
    ['a NaN min', (s) => ({ ...s, min: Number.NaN }), 'state.min'],
    ['a min that contradicts the zero bucket', (s) => ({ ...s, min: 1 }), 'state.min'],
    ['a min on an empty sketch', () => ({ ...new DDSketch().state(), min: 1 }), 'state.min'],
  ])('DDSketch.fromState rejects %s with invalid_state at the field', (_name, make, path) => {
    const e = thrown(() => DDSketch.fromState(make(valid()) as DDSketchState));
    expect([e.code, e.path]).toEqual(['invalid_state', path]);
  });

  it('a failed merge leaves the sketch unchanged', () => {
    const s = sketchOf(DURATIONS);
    const before = s.state();
    thrown(() => s.merge({ ...valid(), count: 5 }));
    expect(s.state()).toEqual(before);
  });
});
