import { describe, expect, it } from 'vitest';
import { churnIncidenceAccumulator } from '../../src/metrics/churnIncidence.js';
import {
  type ServiceLevelAbandons,
  type ServiceLevelOptions,
  type ServiceLevelResult,
  type ServiceLevelState,
  serviceLevel,
  serviceLevelAccumulator,
} from '../../src/metrics/serviceLevel.js';
import type { Interaction } from '../../src/models/index.js';
import { deepFreeze, thrown } from '../_arbitraries.js';

const call = (id: string, extra: Partial<Interaction> = {}): Interaction => ({ id, channel: 'phone', startedAt: 0, ...extra });

/** z = Φ⁻¹(0.975) to double precision. */
const Z95 = 1.959963984540054;
/** The Wilson score interval written out (statistics.md §1), as an oracle for the examples. */
function wilson(k: number, n: number): { low: number; high: number; level: number } {
  const p = k / n;
  const d = 1 + (Z95 * Z95) / n;
  const c = (p + (Z95 * Z95) / (2 * n)) / d;
  const h = (Z95 / d) * Math.sqrt((p * (1 - p)) / n + (Z95 * Z95) / (4 * n * n));
  return { low: k === 0 ? 0 : c - h, high: k === n ? 1 : c + h, level: 0.95 };
}
function expectWilson(r: ServiceLevelResult): void {
  const w = wilson(r.met, r.n);
  expect(r.ci?.level).toBe(0.95);
  expect(r.ci?.low).toBeCloseTo(w.low, 12);
  expect(r.ci?.high).toBeCloseTo(w.high, 12);
}
const counts = (r: ServiceLevelResult) => {
  const { ci: _ci, lowSample: _low, ...rest } = r;
  return rest;
};

/**
 * definitions.md §4 running example (one queue, one day): offered 1,000; answered 900, of which 720
 * within 20 s; abandoned 100, of which 40 within 20 s (30 of those within 5 s = short abandons) and
 * 60 after 20 s. Answered calls waited 18,000 s in total: 720 × 10 s + 180 × 60 s.
 */
function reference(): Interaction[] {
  const out: Interaction[] = [];
  for (let k = 0; k < 900; k++) out.push(call(`a${k}`, { talkSeconds: 240, waitSeconds: k < 720 ? 10 : 60 }));
  for (let k = 0; k < 30; k++) out.push(call(`s${k}`, { abandoned: true, waitSeconds: (k % 5) + 0.5 })); // 0.5 … 4.5 s
  for (let k = 0; k < 10; k++) out.push(call(`m${k}`, { abandoned: true, waitSeconds: 5 + k })); // 5 … 14 s
  for (let k = 0; k < 60; k++) out.push(call(`l${k}`, { abandoned: true, waitSeconds: 21 + k }));
  return out;
}

describe('serviceLevel: the §4.3 worked example (T = 20 s)', () => {
  it('serviceLevel(interactions) gives 75.0 % by default: abandons ignored (Cisco), 720 / (1000 − 40)', () => {
    const r = serviceLevel(reference());
    expect(counts(r)).toEqual({
      rate: 0.75,
      met: 720,
      n: 960,
      answered: 900,
      answeredWithinThreshold: 720,
      abandoned: 100,
      abandonedWithinThreshold: 40,
      shortAbandons: 0,
      missingWait: 0,
      thresholdSeconds: 20,
    });
    expect(r.lowSample).toBe(false);
    expectWilson(r);
  });

  it.each([
    ['excludedIfWithinThreshold', 720, 960, 0.75], // 1. ignored (Cisco): 75.0 %
    ['missed', 720, 1000, 0.72], // 2. negative: 72.0 %
    ['metIfWithinThreshold', 760, 1000, 0.76], // 3. positive: (720 + 40) / 1000 = 76.0 %
    ['excluded', 720, 900, 0.8], // crude answered-only: 80.0 %
  ] as const)("serviceLevel(interactions, { abandoned: '%s' }) gives %d / %d (definitions.md §4.3)", (abandoned, met, n, rate) => {
    const r = serviceLevel(reference(), { abandoned });
    expect([r.rate, r.met, r.n]).toEqual([rate, met, n]);
    expectWilson(r);
  });

  it("serviceLevel(interactions, { abandoned: 'missed', shortAbandonSeconds: 5 }) gives 1b, only short abandons removed: 720 / 970 = 74.2 %", () => {
    const r = serviceLevel(reference(), { abandoned: 'missed', shortAbandonSeconds: 5 });
    expect(counts(r)).toEqual({
      rate: 720 / 970,
      met: 720,
      n: 970,
      answered: 900,
      answeredWithinThreshold: 720,
      abandoned: 70,
      abandonedWithinThreshold: 10,
      shortAbandons: 30,
      missingWait: 0,
      thresholdSeconds: 20,
    });
    expect(r.rate).toBeCloseTo(0.742, 3);
  });

  it('serviceLevel(interactions, { shortAbandonSeconds: 5 }) stays 75.0 % under the default: short abandons (< 5 s ≤ T) were already ignored', () => {
    const r = serviceLevel(reference(), { shortAbandonSeconds: 5 });
    expect([r.rate, r.met, r.n, r.shortAbandons, r.abandonedWithinThreshold]).toEqual([0.75, 720, 960, 30, 10]);
  });

  it("serviceLevel(interactions, { abandoned: 'metIfWithinThreshold', shortAbandonSeconds: 5 }) drops the short abandons from the met: (720 + 10) / 970", () => {
    const r = serviceLevel(reference(), { abandoned: 'metIfWithinThreshold', shortAbandonSeconds: 5 });
    expect([r.rate, r.met, r.n]).toEqual([730 / 970, 730, 970]);
  });

  it("serviceLevel(interactions, { abandoned: 'excludedIfWithinThreshold', shortAbandonSeconds: 20 }) is CxEngage's setup (abandon threshold = SL threshold): still 75.0 %", () => {
    const r = serviceLevel(reference(), { shortAbandonSeconds: 20 });
    expect([r.rate, r.met, r.n, r.shortAbandons, r.abandonedWithinThreshold]).toEqual([0.75, 720, 960, 40, 0]);
  });

  it('serviceLevel(interactions) counts the same offered and abandoned contacts as churnIncidence (§4.1: 100 / 1000, 70 / 970)', () => {
    for (const short of [0, 5]) {
      const sl = serviceLevel(reference(), { abandoned: 'missed', shortAbandonSeconds: short });
      const ci = churnIncidenceAccumulator({ shortAbandonSeconds: short });
      for (const r of reference()) ci.add(r);
      expect([sl.n, sl.abandoned, sl.shortAbandons]).toEqual([ci.result().n, ci.result().abandoned, ci.result().shortAbandons]);
    }
  });

  it('serviceLevel(interactions, { thresholdSeconds: 60 }) counts every answered call of the example (the slowest waited 60 s)', () => {
    const r = serviceLevel(reference(), { thresholdSeconds: 60 });
    // all 100 abandons ≤ 60 s except waits 61 … 80 (20 of them): 80 within; n = 1000 − 80
    expect([r.met, r.n, r.abandonedWithinThreshold, r.thresholdSeconds]).toEqual([900, 920, 80, 60]);
  });
});

describe('serviceLevel: edges', () => {
  it('serviceLevel(interactions) counts a wait of exactly thresholdSeconds as met (≤ T), and just above as missed', () => {
    const xs = [call('1', { waitSeconds: 20 }), call('2', { waitSeconds: 20.000001 }), call('3', { waitSeconds: 0 })];
    expect(counts(serviceLevel(xs))).toMatchObject({ rate: 2 / 3, met: 2, n: 3, answeredWithinThreshold: 2 });
  });

  it('serviceLevel(interactions) counts an abandon after exactly thresholdSeconds as within the threshold (ignored by default)', () => {
    const xs = [call('1', { waitSeconds: 5 }), call('2', { abandoned: true, waitSeconds: 20 }), call('3', { abandoned: true, waitSeconds: 20.5 })];
    expect(counts(serviceLevel(xs))).toMatchObject({ rate: 0.5, met: 1, n: 2, abandoned: 2, abandonedWithinThreshold: 1 });
    expect(serviceLevel(xs, { abandoned: 'metIfWithinThreshold' }).met).toBe(2);
  });

  it('serviceLevel(interactions, { shortAbandonSeconds: 5 }) keeps an abandon after exactly 5 s (short is <, as in churnIncidence)', () => {
    const xs = [call('1', { abandoned: true, waitSeconds: 5 }), call('2', { abandoned: true, waitSeconds: 4.999 }), call('3', { waitSeconds: 1 })];
    const r = serviceLevel(xs, { abandoned: 'missed', shortAbandonSeconds: 5 });
    expect(counts(r)).toMatchObject({ rate: 0.5, met: 1, n: 2, abandoned: 1, shortAbandons: 1 });
  });

  it('serviceLevel(interactions) leaves an answered contact without waitSeconds outside n (missingWait)', () => {
    const xs = [call('1', { waitSeconds: 3 }), call('2'), call('3', { abandoned: false })];
    expect(counts(serviceLevel(xs))).toMatchObject({ rate: 1, met: 1, n: 1, answered: 1, missingWait: 2 });
  });

  it('serviceLevel(interactions) treats an abandon without waitSeconds as a late abandon: never short, never within T', () => {
    const xs = [call('1', { waitSeconds: 3 }), call('2', { abandoned: true })];
    for (const abandoned of ['excludedIfWithinThreshold', 'missed', 'metIfWithinThreshold'] as const) {
      const r = serviceLevel(xs, { abandoned, shortAbandonSeconds: 1e9 });
      expect(counts(r), abandoned).toMatchObject({ rate: 0.5, met: 1, n: 2, abandoned: 1, abandonedWithinThreshold: 0, shortAbandons: 0, missingWait: 0 });
    }
  });

  it('serviceLevel(interactions) returns rate null, ci null and zero counts for no interactions', () => {
    const r = serviceLevel([]);
    expect(r).toEqual({
      rate: null,
      met: 0,
      n: 0,
      answered: 0,
      answeredWithinThreshold: 0,
      abandoned: 0,
      abandonedWithinThreshold: 0,
      shortAbandons: 0,
      missingWait: 0,
      thresholdSeconds: 20,
      ci: null,
      lowSample: true,
    });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it.each([
    // every contact abandoned: 2 within T (6 s, 20 s), 1 after (40 s)
    ['excludedIfWithinThreshold', 0, 1, 0], // only the late abandon is left, a miss
    ['missed', 0, 3, 0],
    ['metIfWithinThreshold', 2, 3, 2 / 3],
    ['excluded', 0, 0, null],
  ] as const)("serviceLevel(interactions, { abandoned: '%s' }) of only abandons gives %d / %d", (abandoned, met, n, rate) => {
    const xs = [call('1', { abandoned: true, waitSeconds: 6 }), call('2', { abandoned: true, waitSeconds: 20 }), call('3', { abandoned: true, waitSeconds: 40 })];
    const r = serviceLevel(xs, { abandoned });
    expect([r.met, r.n, r.rate, r.ci === null]).toEqual([met, n, rate, n === 0]);
  });

  it('serviceLevel(interactions) returns rate null (not 0) when every abandon was within the threshold and none was answered', () => {
    const r = serviceLevel([call('1', { abandoned: true, waitSeconds: 3 })]);
    expect([r.rate, r.n, r.ci, r.lowSample]).toEqual([null, 0, null, true]);
  });

  it('serviceLevel(interactions, { thresholdSeconds: 0 }) meets only waits of 0 s', () => {
    const r = serviceLevel([call('1', { waitSeconds: 0 }), call('2', { waitSeconds: 0.001 })], { thresholdSeconds: 0 });
    expect([r.rate, r.met, r.n]).toEqual([0.5, 1, 2]);
  });

  it('serviceLevel(interactions, { thresholdSeconds: 86_400 }) works in hours for email (90 % within 24 h)', () => {
    const h = 3600;
    const xs = [...Array.from({ length: 9 }, (_, k) => call(`e${k}`, { channel: 'email', waitSeconds: k * h })), call('late', { waitSeconds: 30 * h })];
    expect(serviceLevel(xs, { thresholdSeconds: 24 * h }).rate).toBe(0.9);
  });

  it('serviceLevel(interactions, { confidence: 0.9 }) returns a narrower interval at that level', () => {
    const r95 = serviceLevel(reference());
    const r90 = serviceLevel(reference(), { confidence: 0.9 });
    expect(r90.ci?.level).toBe(0.9);
    expect(r90.ci!.high - r90.ci!.low).toBeLessThan(r95.ci!.high - r95.ci!.low);
  });

  it('serviceLevel(interactions, { lowSample }) applies the given thresholds', () => {
    const xs = [call('1', { waitSeconds: 1 }), call('2', { waitSeconds: 100 })];
    expect(serviceLevel(xs).lowSample).toBe(true);
    expect(serviceLevel(xs, { lowSample: { minN: 2, minCount: 1 } }).lowSample).toBe(false);
  });

  it('serviceLevel(interactions) reads any iterable and does not mutate frozen inputs', () => {
    const input = deepFreeze(reference());
    const before = structuredClone(input);
    expect(serviceLevel(new Set(input)).rate).toBe(0.75);
    expect(input).toEqual(before);
  });
});

describe('serviceLevel: bad values and options', () => {
  it.each([
    ['negative', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['above 1e9 (milliseconds?)', 2e9],
    ['a numeric string', '5'],
    ['null', null],
  ] as const)('serviceLevel(interactions) throws invalid_value for a waitSeconds that is %s, on answered and abandoned contacts', (_name, value) => {
    for (const abandoned of [false, true]) {
      const e = thrown(() => serviceLevel([call('1'), call('2'), call('3', { abandoned, waitSeconds: value } as unknown as Partial<Interaction>)]));
      expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'interactions[2].waitSeconds', 2]);
      expect(e.value).toBe(value);
    }
  });

  it('serviceLevel(interactions) error messages name path, rule and value', () => {
    expect(() => serviceLevel([call('1'), call('2', { waitSeconds: -1 })])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: interactions[1].waitSeconds must be a finite number of seconds ≥ 0, got -1]`,
    );
    expect(() => serviceLevel([call('1', { waitSeconds: 20_000_000_000 })])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: interactions[0].waitSeconds must be at most 1e9 seconds (is it in milliseconds?), got 20000000000]`,
    );
    expect(() => serviceLevel([call('1', { abandoned: 'yes' } as unknown as Partial<Interaction>)])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: interactions[0].abandoned must be a boolean, got "yes"]`,
    );
    expect(() => serviceLevel([call('1'), null as unknown as Interaction])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[1] must be an object, got null]`);
  });

  it.each([
    ['thresholdSeconds', -1],
    ['thresholdSeconds', Number.NaN],
    ['thresholdSeconds', Number.POSITIVE_INFINITY],
    ['thresholdSeconds', 1e9 + 1],
    ['thresholdSeconds', '20'],
    ['shortAbandonSeconds', -5],
    ['shortAbandonSeconds', Number.NaN],
    ['abandoned', 'ignore'],
    ['abandoned', 'negative'],
    ['abandoned', true],
  ] as const)('serviceLevel(interactions, options) throws invalid_option for %s = %s', (name, value) => {
    const opts = { [name]: value } as unknown as ServiceLevelOptions;
    for (const run of [() => serviceLevel([call('1')], opts), () => serviceLevel([], opts), () => serviceLevelAccumulator(opts)]) {
      const e = thrown(run);
      expect([e.code, e.path, e.index]).toEqual(['invalid_option', `options.${name}`, null]);
      expect(e.value).toBe(value);
    }
  });

  it('serviceLevel(interactions, options) words the option errors', () => {
    expect(() => serviceLevel([], { thresholdSeconds: -1 })).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: options.thresholdSeconds must be a finite number of seconds in [0, 1e9], got -1]`,
    );
    expect(() => serviceLevel([], { abandoned: 'ignore' as ServiceLevelAbandons })).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: options.abandoned must be one of 'excludedIfWithinThreshold', 'missed', 'metIfWithinThreshold', 'excluded', got "ignore"]`,
    );
    expect(() => serviceLevel([], { confidence: 1 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.confidence must be a number between 0 and 1 (exclusive), got 1]`);
  });
});

describe('serviceLevelAccumulator', () => {
  const fold = (xs: readonly Interaction[], options?: ServiceLevelOptions) => {
    const acc = serviceLevelAccumulator(options);
    for (const x of xs) acc.add(x);
    return acc;
  };

  it('serviceLevelAccumulator(options) folds the §4.3 example to the batch result, for every convention', () => {
    for (const abandoned of ['excludedIfWithinThreshold', 'missed', 'metIfWithinThreshold', 'excluded'] as const) {
      expect(fold(reference(), { abandoned }).result()).toEqual(serviceLevel(reference(), { abandoned }));
    }
  });

  it('merge of the parts gives the whole (§4.3: 720 / 960)', () => {
    const xs = reference();
    const r = fold(xs.slice(0, 950)).merge(fold(xs.slice(950)).state()).result();
    expect([r.rate, r.met, r.n]).toEqual([0.75, 720, 960]);
  });

  it('state() is plain JSON with the options and convention-free counts', () => {
    expect(fold(reference(), { shortAbandonSeconds: 5 }).state()).toEqual({
      v: 1,
      kind: 'serviceLevel',
      thresholdSeconds: 20,
      shortAbandonSeconds: 5,
      abandoned: 'excludedIfWithinThreshold',
      answered: 900,
      answeredWithin: 720,
      abandonedCount: 70,
      abandonedWithin: 10,
      shortAbandons: 30,
      missingWait: 0,
    });
  });

  it('fromState restores the options with the counts, from a JSON round trip', () => {
    const s = fold(reference(), { thresholdSeconds: 30, abandoned: 'missed', shortAbandonSeconds: 5 }).state();
    const restored = serviceLevelAccumulator.fromState(JSON.parse(JSON.stringify(s)) as ServiceLevelState);
    expect(restored.state()).toEqual(s);
    restored.add(call('x', { waitSeconds: 30 })); // exactly the restored threshold: met
    expect(restored.result().met).toBe(721);
    expect(serviceLevelAccumulator.fromState(s, { confidence: 0.8 }).result().ci?.level).toBe(0.8);
  });

  it.each([
    ['thresholdSeconds', { thresholdSeconds: 30 }],
    ['shortAbandonSeconds', { shortAbandonSeconds: 5 }],
    ['abandoned', { abandoned: 'missed' }],
  ] as const)('merge of states made with a different %s throws invalid_state and changes nothing', (key, other) => {
    const acc = fold(reference());
    const before = acc.state();
    const e = thrown(() => acc.merge(fold([], other).state()));
    expect([e.code, e.path]).toEqual(['invalid_state', `state.${key}`]);
    expect(thrown(() => acc.merge(fold([], other))).code).toBe('invalid_state');
    expect(acc.state()).toEqual(before);
  });

  it('merge words the different-options error', () => {
    expect(() => fold([]).merge(fold([], { abandoned: 'missed' }).state())).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: state.abandoned must equal this accumulator's abandoned ("excludedIfWithinThreshold") to merge, got "missed"]`,
    );
  });

  it('add(value, index) names the index; a failed add changes nothing', () => {
    const acc = fold(reference());
    const before = acc.state();
    expect(thrown(() => acc.add(call('x', { waitSeconds: -1 }), 7)).path).toBe('interactions[7].waitSeconds');
    expect(thrown(() => acc.add(call('x', { abandoned: 1 } as unknown as Interaction))).path).toBe('interactions[1000].abandoned');
    expect(acc.state()).toEqual(before);
  });

  it.each([
    ['another family', () => churnIncidenceAccumulator().state(), 'state.kind'],
    ['another version', () => ({ ...serviceLevelAccumulator().state(), v: 2 }), 'state.v'],
    ['a negative count', () => ({ ...serviceLevelAccumulator().state(), answered: -1 }), 'state.answered'],
    ['a fractional count', () => ({ ...serviceLevelAccumulator().state(), missingWait: 0.5 }), 'state.missingWait'],
    ['answeredWithin > answered', () => ({ ...serviceLevelAccumulator().state(), answeredWithin: 1 }), 'state.answeredWithin'],
    ['abandonedWithin > abandonedCount', () => ({ ...serviceLevelAccumulator().state(), abandonedWithin: 1 }), 'state.abandonedWithin'],
    ['a bad threshold', () => ({ ...serviceLevelAccumulator().state(), thresholdSeconds: -1 }), 'state.thresholdSeconds'],
    ['an unknown convention', () => ({ ...serviceLevelAccumulator().state(), abandoned: 'ignore' }), 'state.abandoned'],
  ] as const)('merge and fromState reject %s with invalid_state', (_name, make, path) => {
    const e = thrown(() => serviceLevelAccumulator().merge(make() as unknown as ServiceLevelState));
    expect([e.code, e.path]).toEqual(['invalid_state', path]);
    const f = thrown(() => serviceLevelAccumulator.fromState(make() as unknown as ServiceLevelState));
    expect([f.code, f.path]).toEqual(['invalid_state', path]);
  });

  it('fromState words a bad option recorded in a state as a state error', () => {
    expect(() => serviceLevelAccumulator.fromState({ ...serviceLevelAccumulator().state(), thresholdSeconds: -1 })).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: state.thresholdSeconds must be a finite number of seconds in [0, 1e9], got -1]`,
    );
  });
});
