// Reference values: ../shared/reference/statistics.md §8 (type-7 quantiles of the durations
// [30, 45, 60, 62, 75, 90, 120, 180, 240, 900]: p25 60.5, p50 82.5, p90 306, p95 603, p99 840.6;
// mean 180.2) and §5 / line "t_{0.975,9} = 2.262157163" for the interval; definitions.md §5.1
// (first response time; calendar example Fri 16:00 → Mon 10:00 = 66 h). h = (n − 1)·p is not exact
// in binary for p = 0.9, 0.95, 0.99: those percentiles compare within 1e-12 relative.
import { describe, expect, it } from 'vitest';
import { firstResponseTime, firstResponseTimeAccumulator, type FirstResponseTimeResult, type FirstResponseTimeState } from '../../src/metrics/firstResponseTime.js';
import { resolutionTimeAccumulator } from '../../src/metrics/resolutionTime.js';
import type { Interaction } from '../../src/models/index.js';
import { businessCalendar } from '../../src/stats/businessHours.js';
import { deepFreeze, expectResultsClose, thrown } from '../_arbitraries.js';

const HOUR = 3_600_000;
const ticket = (id: string, extra: Partial<Interaction> = {}): Interaction => ({ id, channel: 'email', startedAt: 0, ...extra });
const DURATIONS = [30, 45, 60, 62, 75, 90, 120, 180, 240, 900] as const;
const tickets = (): Interaction[] => DURATIONS.map((s, k) => ticket(`t${k}`, { firstResponseSeconds: s }));

/** Σ(x − 180.2)² = 613,773.6 (by hand); sd = √(613,773.6 / 9); 95% t interval 180.2 ± 2.262157163·sd/√10. */
const SD = Math.sqrt(613773.6 / 9);
const HALF = (2.262157163 * SD) / Math.sqrt(10);

/** The result over the §8 durations with the default percentiles (p50, p90, p95, p99). */
function expectSection8(r: FirstResponseTimeResult, missing = 0): void {
  expect(r).toEqual({
    n: 10,
    missing,
    mean: 180.2,
    median: 82.5,
    p90: expect.any(Number),
    min: 30,
    max: 900,
    totalSeconds: 1802,
    percentiles: { p50: 82.5, p90: expect.any(Number), p95: expect.any(Number), p99: expect.any(Number) },
    sd: expect.any(Number),
    ci: expect.any(Object),
    lowSample: true,
    method: 'exact',
    relativeError: 0,
  });
  expectResultsClose([r.p90, r.percentiles.p90, r.percentiles.p95, r.percentiles.p99], [306, 306, 603, 840.6], 1e-12);
  expectResultsClose(r.sd, SD, 1e-12);
  // t is given to 10 digits: ±5e-10 on t is ±4e-8 s on the bounds
  expectResultsClose(r.ci, { low: 180.2 - HALF, high: 180.2 + HALF, level: 0.95 }, 1e-9, 1e-7);
}

const EMPTY: FirstResponseTimeResult = {
  n: 0,
  missing: 0,
  mean: null,
  median: null,
  p90: null,
  min: null,
  max: null,
  totalSeconds: 0,
  percentiles: { p50: null, p90: null, p95: null, p99: null },
  sd: null,
  ci: null,
  lowSample: true,
  method: 'exact',
  relativeError: 0,
};

describe('firstResponseTime', () => {
  it('firstResponseTime(interactions) of the §8 durations: mean 180.2, median 82.5, p90 306, p95 603, p99 840.6', () => {
    expectSection8(firstResponseTime(tickets()));
  });

  it('firstResponseTime(interactions) counts tickets without a response in missing, outside n (§5.1: unanswered excluded)', () => {
    const open = [ticket('o1'), ticket('o2', { firstResponseAt: 5 * HOUR }), ticket('o3', { resolutionSeconds: 60 })];
    expectSection8(firstResponseTime([...open, ...tickets()]), 3);
  });

  it('firstResponseTime(interactions, { percentiles }) keys each requested percentile p + 100·p', () => {
    const r = firstResponseTime(tickets(), { percentiles: [0.25, 0.5, 0.9, 0.95] });
    expect(Object.keys(r.percentiles)).toEqual(['p25', 'p50', 'p90', 'p95']);
    expectResultsClose(r.percentiles, { p25: 60.5, p50: 82.5, p90: 306, p95: 603 }, 1e-12);
    expect(firstResponseTime(tickets(), { percentiles: [0, 1, 0.025, 0.999, 0.07] }).percentiles).toEqual({
      p0: 30,
      p100: 900,
      'p2.5': expect.any(Number),
      'p99.9': expect.any(Number),
      p7: expect.any(Number),
    });
    // median and p90 are always there, whatever is requested
    expect(firstResponseTime(tickets(), { percentiles: [] })).toMatchObject({ percentiles: {}, median: 82.5 });
  });

  it('firstResponseTime(interactions, { percentiles }) accepts a repeated probability once', () => {
    expect(firstResponseTime(tickets(), { percentiles: [0.5, 0.5] }).percentiles).toEqual({ p50: 82.5 });
  });

  it('firstResponseTime([]) has null values and zero counts', () => {
    expect(firstResponseTime([])).toEqual(EMPTY);
  });

  it('firstResponseTime(interactions) of unanswered tickets only has null values and counts them missing', () => {
    expect(firstResponseTime([ticket('a'), ticket('b')])).toEqual({ ...EMPTY, missing: 2 });
  });

  it('firstResponseTime of one ticket: every percentile is its duration, no spread (§8: n = 1)', () => {
    const r = firstResponseTime([ticket('a', { firstResponseSeconds: 95.5 })], { percentiles: [0.1, 0.99] });
    expect(r).toEqual({ ...EMPTY, n: 1, mean: 95.5, median: 95.5, p90: 95.5, min: 95.5, max: 95.5, totalSeconds: 95.5, percentiles: { p10: 95.5, p99: 95.5 } });
  });

  it('firstResponseTime of [10, 20]: median 15, p90 19, p95 19.5 (§8 edge cases)', () => {
    const r = firstResponseTime([ticket('a', { firstResponseSeconds: 20 }), ticket('b', { firstResponseSeconds: 10 })], { percentiles: [0.95] });
    expect([r.median, r.mean, r.min, r.max]).toEqual([15, 15, 10, 20]);
    expectResultsClose([r.p90, r.percentiles.p95], [19, 19.5], 1e-12);
  });

  it('firstResponseTime counts a response of 0 s (an instant reply), and records it as 0, not -0', () => {
    const r = firstResponseTime([ticket('a', { firstResponseSeconds: -0 }), ticket('b', { firstResponseSeconds: 0 })]);
    expect([r.n, r.min, r.median]).toEqual([2, 0, 0]);
    expect(Object.is(r.min, 0)).toBe(true);
  });

  it("firstResponseTime(interactions, { from: 'timestamps' }) measures firstResponseAt − startedAt in seconds (§5.1: calendar 66 h)", () => {
    // Fri 2024-03-01 16:00 UTC → Mon 2024-03-04 10:00 UTC: 66 h = 237,600 s of calendar time
    const friday = Date.UTC(2024, 2, 1, 16);
    const monday = Date.UTC(2024, 2, 4, 10);
    const r = firstResponseTime([ticket('a', { startedAt: friday, firstResponseAt: monday }), ticket('b', { startedAt: friday, firstResponseAt: friday + 1500 })], { from: 'timestamps' });
    expect([r.n, r.max, r.min, r.totalSeconds]).toEqual([2, 237600, 1.5, 237601.5]);
  });

  it("from: 'timestamps' ignores firstResponseSeconds and from: 'seconds' ignores firstResponseAt", () => {
    const both = [ticket('a', { firstResponseSeconds: 60, firstResponseAt: 120_000 }), ticket('b', { firstResponseSeconds: 30 }), ticket('c', { firstResponseAt: 10_000 })];
    expect(firstResponseTime(both)).toMatchObject({ n: 2, missing: 1, min: 30, max: 60 });
    expect(firstResponseTime(both, { from: 'timestamps' })).toMatchObject({ n: 2, missing: 1, min: 10, max: 120 });
  });

  it('firstResponseTime past exactLimit switches to the sketch: percentiles within relativeAccuracy, mean, min and max exact', () => {
    const r = firstResponseTime(tickets(), { exactLimit: 9, relativeAccuracy: 0.02, percentiles: [0.25, 0.95] });
    expect(r).toMatchObject({ n: 10, method: 'sketch', relativeError: 0.02, mean: 180.2, min: 30, max: 900, totalSeconds: 1802 });
    for (const [v, exact] of [[r.median, 82.5], [r.p90, 306], [r.percentiles.p25, 60.5], [r.percentiles.p95, 603]] as const) {
      expect(Math.abs(v! - exact)).toBeLessThanOrEqual(0.02 * exact * (1 + 1e-12));
    }
    // at the limit it is still exact
    expect(firstResponseTime(tickets(), { exactLimit: 10 })).toMatchObject({ method: 'exact', relativeError: 0, median: 82.5 });
  });

  it('firstResponseTime with exactLimit 0 sketches from the first value (one value is still exact: it is the min)', () => {
    expect(firstResponseTime([ticket('a', { firstResponseSeconds: 61 })], { exactLimit: 0 })).toMatchObject({ method: 'sketch', median: 61, p90: 61 });
    expect(firstResponseTime([], { exactLimit: 0 })).toMatchObject({ method: 'exact', relativeError: 0 });
  });

  it('firstResponseTime reads any iterable and does not mutate frozen inputs', () => {
    const input = deepFreeze(tickets());
    function* gen(): Generator<Interaction> {
      yield* input;
    }
    expectSection8(firstResponseTime(gen()));
    expectSection8(firstResponseTime(new Set(input)));
  });

  it('firstResponseTime accepts exactly 1e9 s and a response at startedAt', () => {
    expect(firstResponseTime([ticket('a', { firstResponseSeconds: 1e9 })]).max).toBe(1e9);
    expect(firstResponseTime([ticket('a', { startedAt: 5, firstResponseAt: 5 })], { from: 'timestamps' }).max).toBe(0);
  });
});

describe('firstResponseTime bad values', () => {
  const at2 = (extra: Record<string, unknown>, options?: Parameters<typeof firstResponseTime>[1]) => () =>
    firstResponseTime([ticket('1'), ticket('2'), ticket('3', extra as Partial<Interaction>)], options);
  const ts = { from: 'timestamps' } as const;

  it.each<[string, unknown]>([
    ['negative', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['above 1e9', 1e9 + 1],
    ['a numeric string', '300'],
    ['null', null],
  ])('firstResponseTime throws invalid_value for firstResponseSeconds %s, naming path, index and value', (_name, value) => {
    const e = thrown(at2({ firstResponseSeconds: value }));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'interactions[2].firstResponseSeconds', 2, value]);
  });

  it('firstResponseTime words its duration errors', () => {
    expect(at2({ firstResponseSeconds: -1 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].firstResponseSeconds must be a finite number of seconds ≥ 0, got -1]`);
    expect(at2({ firstResponseSeconds: Number.NaN })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].firstResponseSeconds must be a finite number of seconds ≥ 0, got NaN]`);
    expect(at2({ firstResponseSeconds: 7.2e9 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].firstResponseSeconds must be at most 1e9 seconds (is it in milliseconds?), got 7200000000]`);
  });

  it('firstResponseTime throws for a response before the start (a negative duration), naming firstResponseAt', () => {
    const e = thrown(at2({ startedAt: 10_000, firstResponseAt: 4_000 }, ts));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'interactions[2].firstResponseAt', 2, 4000]);
    expect(at2({ startedAt: 10_000, firstResponseAt: 4_000 }, ts)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].firstResponseAt must not be before startedAt (10000), got 4000]`);
  });

  it('firstResponseTime words its timestamp errors', () => {
    expect(at2({ firstResponseAt: '2024-03-01T10:00:00Z' }, ts)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].firstResponseAt must be epoch milliseconds (a finite number), got "2024-03-01T10:00:00Z"]`);
    expect(at2({ firstResponseAt: Number.NaN }, ts)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].firstResponseAt must be epoch milliseconds (a finite number), got NaN]`);
    expect(at2({ startedAt: null, firstResponseAt: 1000 }, ts)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].startedAt must be epoch milliseconds (a finite number), got null]`);
    // startedAt in seconds, the response in milliseconds: 1.7e12 ms apart is 54 years
    expect(at2({ startedAt: 1_709_283_600, firstResponseAt: 1_709_283_600_000 }, ts)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].firstResponseAt must be at most 1e9 seconds after startedAt (1709283600): is one of them in seconds?, got 1709283600000]`);
  });

  it.each([[null], [42], ['t1']] as const)('firstResponseTime throws invalid_value for a record that is %j', (value) => {
    const e = thrown(() => firstResponseTime([ticket('1'), value as unknown as Interaction]));
    expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'interactions[1]', 1]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['percentiles not an array', { percentiles: 0.5 }, 'options.percentiles'],
    ['a percentile above 1', { percentiles: [0.5, 95] }, 'options.percentiles[1]'],
    ['a NaN percentile', { percentiles: [Number.NaN] }, 'options.percentiles[0]'],
    ['a fractional exactLimit', { exactLimit: 1.5 }, 'options.exactLimit'],
    ['a negative exactLimit', { exactLimit: -1 }, 'options.exactLimit'],
    ['relativeAccuracy 0', { relativeAccuracy: 0 }, 'options.relativeAccuracy'],
    ['relativeAccuracy 1', { relativeAccuracy: 1 }, 'options.relativeAccuracy'],
    ['an unknown source', { from: 'minutes' }, 'options.from'],
    ['a calendar without timestamps', { calendar: {} }, 'options.calendar'],
    ['a confidence of 95', { confidence: 95 }, 'options.confidence'],
  ])('firstResponseTime throws invalid_option for %s, before reading any record', (_name, options, path) => {
    const e = thrown(() => firstResponseTime([ticket('1', { firstResponseSeconds: -1 })], options as Parameters<typeof firstResponseTime>[1]));
    expect([e.code, e.path]).toEqual(['invalid_option', path]);
    expect(thrown(() => firstResponseTimeAccumulator(options as Parameters<typeof firstResponseTime>[1])).path).toBe(path);
  });

  it('firstResponseTime words its option errors', () => {
    const call = (options: Record<string, unknown>) => () => firstResponseTime([], options as Parameters<typeof firstResponseTime>[1]);
    expect(call({ percentiles: [0.5, 95] })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.percentiles[1] must be a number in [0, 1], got 95]`);
    expect(call({ percentiles: 0.5 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.percentiles must be an array of probabilities in [0, 1], got 0.5]`);
    expect(call({ exactLimit: -1 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.exactLimit must be an integer ≥ 0, got -1]`);
    expect(call({ relativeAccuracy: 0 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.relativeAccuracy must be a number in [1e-6, 1), got 0]`);
    expect(call({ from: 'minutes' })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.from must be 'seconds' or 'timestamps', got "minutes"]`);
    expect(call({ calendar: {} })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.calendar needs from: 'timestamps' (business time is measured between timestamps), got "seconds"]`);
    expect(call({ percentiles: [0.5, 0.5000000000000001] })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.percentiles[1] must differ from 0.5 by more than rounding (both are p50), got 0.5000000000000001]`);
  });
});

describe('firstResponseTimeAccumulator', () => {
  const fold = (xs: readonly Interaction[], options?: Parameters<typeof firstResponseTimeAccumulator>[0]) => {
    const acc = firstResponseTimeAccumulator(options);
    for (const x of xs) acc.add(x);
    return acc;
  };

  it('firstResponseTimeAccumulator() folds to the batch result, add returning the accumulator', () => {
    const acc = firstResponseTimeAccumulator();
    expect(acc.add(ticket('x'))).toBe(acc);
    for (const t of tickets()) acc.add(t);
    expect(acc.result()).toEqual(firstResponseTime([ticket('x'), ...tickets()]));
    expectSection8(acc.result(), 1);
  });

  it('firstResponseTimeAccumulator() of nothing has the empty result', () => {
    expect(firstResponseTimeAccumulator().result()).toEqual(EMPTY);
  });

  it('add(value, index) names the given index in errors; by default the count of records added', () => {
    const acc = fold(tickets());
    expect(thrown(() => acc.add(ticket('x', { firstResponseSeconds: -1 }), 41)).path).toBe('interactions[41].firstResponseSeconds');
    const e = thrown(() => acc.add(ticket('x', { firstResponseSeconds: -1 })));
    expect([e.path, e.index]).toEqual(['interactions[10].firstResponseSeconds', 10]);
  });

  it('add that throws leaves the state unchanged', () => {
    const acc = fold(tickets());
    const before = acc.state();
    thrown(() => acc.add(ticket('x', { firstResponseSeconds: Number.NaN })));
    expect(acc.state()).toEqual(before);
  });

  it('state() is a plain-JSON copy with sorted values, v: 1 and the options, that fromState restores', () => {
    const acc = fold([ticket('a', { firstResponseSeconds: 120 }), ticket('b'), ticket('c', { firstResponseSeconds: 60 })]);
    const s = acc.state();
    expect(s).toEqual({
      v: 1,
      kind: 'firstResponseTime',
      from: 'seconds',
      calendar: null,
      exactLimit: 100000,
      relativeAccuracy: 0.01,
      n: 2,
      missing: 1,
      sum: 180,
      sumComp: 0,
      min: 60,
      max: 120,
      // Welford over 120, 60: mean 90, Σ(x − 90)² = 1800
      moments: { weight: 2, mean: 90, m2: 1800 },
      values: [60, 120],
      sketch: null,
    });
    const restored = firstResponseTimeAccumulator.fromState(JSON.parse(JSON.stringify(s)) as FirstResponseTimeState);
    expect(restored.state()).toEqual(s);
    expect(restored.result()).toEqual(acc.result());
  });

  it('fromState(state, { percentiles }) sets the percentiles of the result (they are not part of the state)', () => {
    const s = fold(tickets()).state();
    expect(firstResponseTimeAccumulator.fromState(s, { percentiles: [0.25] }).result().percentiles).toEqual({ p25: 60.5 });
  });

  it('past exactLimit the state holds a sketch instead of values, and keeps adding to it', () => {
    const acc = fold(tickets(), { exactLimit: 3 });
    const s = acc.state();
    expect(s).toMatchObject({ n: 10, values: null, min: 30, max: 900, sketch: { kind: 'ddsketch', count: 10, min: 30, max: 900, relativeAccuracy: 0.01 } });
    const restored = firstResponseTimeAccumulator.fromState(JSON.parse(JSON.stringify(s)) as FirstResponseTimeState);
    expect(restored.result()).toEqual(acc.result());
    restored.add(ticket('y', { firstResponseSeconds: 1 }));
    expect(restored.result()).toMatchObject({ n: 11, min: 1, method: 'sketch' });
  });

  it('merge(accumulator) and merge(state) of the parts give the whole', () => {
    const all = tickets();
    const merged = fold(all.slice(0, 4)).merge(fold(all.slice(4)));
    expect(merged.state().values).toEqual([...DURATIONS]);
    expectResultsClose(merged.result(), firstResponseTime(all), 1e-9);
    expectResultsClose(fold(all.slice(7)).merge(fold(all.slice(0, 7)).state()).result(), firstResponseTime(all), 1e-9);
  });

  it('merging exact states past exactLimit converts to the sketch of all values, whatever the split', () => {
    const all = tickets();
    const whole = fold(all, { exactLimit: 6 }).state();
    for (const k of [0, 3, 5, 6, 10]) {
      const merged = fold(all.slice(0, k), { exactLimit: 6 }).merge(fold(all.slice(k), { exactLimit: 6 }).state()).state();
      expect(merged.sketch).toEqual(whole.sketch);
      expect([merged.n, merged.min, merged.max, merged.values]).toEqual([10, 30, 900, null]);
    }
  });

  it('merge(itself) doubles every count', () => {
    const acc = fold([ticket('a', { firstResponseSeconds: 5 }), ticket('b')]);
    expect(acc.merge(acc).state()).toMatchObject({ n: 2, missing: 2, values: [5, 5], sum: 10 });
  });

  it('merge with an empty accumulator changes nothing', () => {
    const acc = fold(tickets());
    const before = acc.state();
    expect(acc.merge(firstResponseTimeAccumulator()).state()).toEqual(before);
    expect(firstResponseTimeAccumulator().merge(before).state()).toEqual(before);
  });

  it('state() returns a copy: changing it does not change the accumulator', () => {
    const acc = fold(tickets());
    const s = acc.state();
    s.values![0] = 1e6;
    s.moments.m2 = 0;
    expectSection8(acc.result());
  });

  it.each<[string, () => unknown, string]>([
    ['another family', () => resolutionTimeAccumulator().state(), 'state.kind'],
    ['another version', () => ({ ...firstResponseTimeAccumulator().state(), v: 2 }), 'state.v'],
    ['another exactLimit', () => firstResponseTimeAccumulator({ exactLimit: 5 }).state(), 'state.exactLimit'],
    ['another relativeAccuracy', () => firstResponseTimeAccumulator({ relativeAccuracy: 0.05 }).state(), 'state.relativeAccuracy'],
    ['another source', () => firstResponseTimeAccumulator({ from: 'timestamps' }).state(), 'state.from'],
    ['an invalid exactLimit', () => ({ ...firstResponseTimeAccumulator().state(), exactLimit: -2 }), 'state.exactLimit'],
    ['a calendar with from: seconds', () => ({ ...firstResponseTimeAccumulator().state(), calendar: { timeZone: 'UTC', hours: {} } }), 'state.calendar'],
    ['a missing calendar', () => ({ ...firstResponseTimeAccumulator().state(), calendar: undefined }), 'state.calendar'],
    ['values out of order', () => ({ ...fold(tickets()).state(), values: [...DURATIONS].reverse() }), 'state.values[1]'],
    ['values of another length', () => ({ ...fold(tickets()).state(), values: [30] }), 'state.values'],
    ['a negative value', () => ({ ...fold(tickets()).state(), values: [-1, ...DURATIONS.slice(1)] }), 'state.values[0]'],
    ['a min that is not the first value', () => ({ ...fold(tickets()).state(), min: 20 }), 'state.min'],
    ['a sketch while n ≤ exactLimit', () => ({ ...fold(tickets()).state(), sketch: fold(tickets(), { exactLimit: 1 }).state().sketch }), 'state.sketch'],
    ['values past exactLimit', () => ({ ...fold(tickets(), { exactLimit: 1 }).state(), values: [...DURATIONS] }), 'state.values'],
    ['a sketch of another count', () => ({ ...fold(tickets(), { exactLimit: 1 }).state(), n: 9, moments: { weight: 9, mean: 1, m2: 0 } }), 'state.sketch.count'],
    ['a broken sketch', () => ({ ...fold(tickets(), { exactLimit: 1 }).state(), sketch: { kind: 'ddsketch' } }), 'state.sketch.v'],
    ['a NaN sum', () => ({ ...fold(tickets()).state(), sum: Number.NaN }), 'state.sum'],
    ['moments of another weight', () => ({ ...fold(tickets()).state(), moments: { weight: 3, mean: 1, m2: 0 } }), 'state.moments'],
    ['null', () => null, 'state'],
  ])('merge rejects %s with invalid_state at the field, leaving the accumulator unchanged', (_name, make, path) => {
    const acc = fold(tickets());
    const e = thrown(() => acc.merge(make() as FirstResponseTimeState));
    expect([e.code, e.path]).toEqual(['invalid_state', path]);
    expectSection8(acc.result());
  });

  it('merge words the invalid_state errors', () => {
    expect(() => firstResponseTimeAccumulator().merge(resolutionTimeAccumulator().state() as unknown as FirstResponseTimeState)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: state.kind must be 'firstResponseTime', got "resolutionTime"]`);
    expect(() => firstResponseTimeAccumulator().merge(firstResponseTimeAccumulator({ exactLimit: 5 }))).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: state.exactLimit must equal this accumulator's exactLimit (100000) to merge, got 5]`);
    expect(() => firstResponseTimeAccumulator.fromState({ ...firstResponseTimeAccumulator().state(), exactLimit: 1.5 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: state.exactLimit must be an integer ≥ 0, got 1.5]`);
  });
});

describe('firstResponseTime in business time (calendar)', () => {
  const nineToFive: [string, string][] = [['09:00', '17:00']];
  const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
  const utc = businessCalendar({ timeZone: 'UTC', hours: weekdays });
  const business = { from: 'timestamps', calendar: utc } as const;
  // definitions.md §5.1: created Fri 16:00, first reply Mon 10:00 on Mon–Fri 09:00–17:00
  const friday16 = Date.UTC(2024, 2, 1, 16);
  const monday10 = Date.UTC(2024, 2, 4, 10);
  const weekend = () => ticket('w', { startedAt: friday16, firstResponseAt: monday10 });

  it('firstResponseTime with a calendar measures business seconds: §5.1 is 2 h (7,200 s), 66 h of calendar time', () => {
    expect(firstResponseTime([weekend()], business)).toMatchObject({ n: 1, mean: 7200, median: 7200, totalSeconds: 7200 });
    expect(firstResponseTime([weekend()], { from: 'timestamps' }).mean).toBe(237600);
  });

  it('firstResponseTime reads the calendar in its time zone and skips its holidays', () => {
    // New York, EST: Fri 16:00 local is 21:00Z, Mon 10:00 local is 15:00Z: again 1 h + 1 h
    const ny = businessCalendar({ timeZone: 'America/New_York', hours: weekdays });
    const t = ticket('n', { startedAt: Date.UTC(2024, 2, 1, 21), firstResponseAt: Date.UTC(2024, 2, 4, 15) });
    expect(firstResponseTime([t], { from: 'timestamps', calendar: ny }).mean).toBe(7200);
    // Monday a holiday, reply Tuesday 10:00: Fri 16–17 + Tue 9–10
    const holiday = businessCalendar({ timeZone: 'UTC', hours: weekdays, holidays: ['2024-03-04'] });
    const tue = ticket('h', { startedAt: friday16, firstResponseAt: Date.UTC(2024, 2, 5, 10) });
    expect(firstResponseTime([tue], { from: 'timestamps', calendar: holiday }).mean).toBe(7200);
  });

  it('a response before the start is named firstResponseAt in business time too', () => {
    expect(() => firstResponseTime([ticket('x', { startedAt: monday10, firstResponseAt: friday16 })], business)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[0].firstResponseAt must not be before startedAt (1709546400000), got 1709308800000]`);
  });

  it('the state records the calendar as plain JSON, and a restored state keeps measuring in business time', () => {
    const acc = firstResponseTimeAccumulator(business).add(weekend());
    const s = JSON.parse(JSON.stringify(acc.state())) as FirstResponseTimeState;
    expect(s.calendar).toEqual({
      timeZone: 'UTC',
      hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] },
      holidays: [],
    });
    const restored = firstResponseTimeAccumulator.fromState(s).add(weekend());
    expect(restored.result()).toMatchObject({ n: 2, mean: 7200 });
  });

  it('states merge only with states of the same calendar (compared in normalized form)', () => {
    const same = businessCalendar({ timeZone: 'UTC', hours: { ...weekdays, mon: [['12:00', '17:00'], ['09:00', '12:00']] } });
    const merged = firstResponseTimeAccumulator(business).add(weekend()).merge(firstResponseTimeAccumulator({ from: 'timestamps', calendar: same }).add(weekend()).state());
    expect(merged.result()).toMatchObject({ n: 2, mean: 7200 });
    const other = businessCalendar({ timeZone: 'UTC', hours: { mon: nineToFive } });
    const e = thrown(() => firstResponseTimeAccumulator(business).merge(firstResponseTimeAccumulator({ from: 'timestamps', calendar: other })));
    expect([e.code, e.path]).toEqual(['invalid_state', 'state.calendar']);
    expect(thrown(() => firstResponseTimeAccumulator({ from: 'timestamps' }).merge(merged.state())).path).toBe('state.calendar');
  });

  it('an invalid calendar is an invalid_option at options.calendar…, in a state an invalid_state at state.calendar…', () => {
    const mars = { timeZone: 'Mars/Olympus_Mons', hours: weekdays } as unknown as typeof utc;
    expect(() => firstResponseTime([], { from: 'timestamps', calendar: mars })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.calendar.timeZone must be an IANA time-zone name known to Intl.DateTimeFormat, such as "America/New_York", got "Mars/Olympus_Mons"]`);
    const s = { ...firstResponseTimeAccumulator(business).state(), calendar: mars };
    const e = thrown(() => firstResponseTimeAccumulator.fromState(s));
    expect([e.code, e.path]).toEqual(['invalid_state', 'state.calendar.timeZone']);
  });
});
