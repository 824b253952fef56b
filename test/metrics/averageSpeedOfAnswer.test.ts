import { describe, expect, it } from 'vitest';
import { ahtAccumulator } from '../../src/metrics/aht.js';
import {
  type AverageSpeedOfAnswerResult,
  type AverageSpeedOfAnswerState,
  averageSpeedOfAnswer,
  averageSpeedOfAnswerAccumulator,
} from '../../src/metrics/averageSpeedOfAnswer.js';
import type { Interaction } from '../../src/models/index.js';
import { deepFreeze, expectResultsClose, thrown } from '../_arbitraries.js';

const call = (id: string, extra: Partial<Interaction> = {}): Interaction => ({ id, channel: 'phone', startedAt: 0, ...extra });

/** t(0.975, 1), from statistics.md §10 (SciPy `t.ppf`). */
const T975_1 = 12.706204736174694;

/**
 * definitions.md §4 running example: 900 answered calls waited 18,000 s in total (720 within 20 s,
 * here 10 s each; 180 after, 60 s each), and 100 abandons whose waits are not speed of answer.
 */
function reference(): Interaction[] {
  const out: Interaction[] = [];
  for (let k = 0; k < 900; k++) out.push(call(`a${k}`, { talkSeconds: 240, waitSeconds: k < 720 ? 10 : 60 }));
  for (let k = 0; k < 100; k++) out.push(call(`b${k}`, { abandoned: true, waitSeconds: k < 40 ? 8 : 45 }));
  return out;
}

const EMPTY: AverageSpeedOfAnswerResult = { mean: null, n: 0, totalSeconds: 0, missing: 0, sd: null, ci: null, lowSample: true };

describe('averageSpeedOfAnswer', () => {
  it('averageSpeedOfAnswer(interactions) returns 18,000 / 900 = 20 s for the §4.2 example, abandons left out', () => {
    const r = averageSpeedOfAnswer(reference());
    expect(r).toEqual({ mean: 20, n: 900, totalSeconds: 18000, missing: 0, sd: expect.any(Number), ci: expect.any(Object), lowSample: false });
    // deviations −10 (720 calls) and +40 (180 calls): Σ(x − x̄)² = 72,000 + 288,000 = 360,000; sd = √(360,000 / 899)
    const sd = Math.sqrt(360000 / 899);
    expectResultsClose(r.sd, sd, 1e-12);
    // t(0.975, 899) lies between z = 1.95996 and t(0.975, 120) = 1.97993: the interval is 20 ± t · sd / 30
    const half = (r.ci!.high - r.ci!.low) / 2;
    expect(r.ci!.level).toBe(0.95);
    expect((r.ci!.low + r.ci!.high) / 2).toBeCloseTo(20, 12);
    expect(half / (sd / 30)).toBeGreaterThan(1.95996);
    expect(half / (sd / 30)).toBeLessThan(1.97993);
  });

  it('averageSpeedOfAnswer(interactions) of two answers 10 and 30 gives mean 20 with the t interval 20 ± t(0.975, 1) · √200 / √2', () => {
    const r = averageSpeedOfAnswer([call('1', { waitSeconds: 10 }), call('2', { abandoned: false, waitSeconds: 30 })]);
    expect(r).toEqual({ mean: 20, n: 2, totalSeconds: 40, missing: 0, sd: expect.any(Number), ci: expect.any(Object), lowSample: true });
    expectResultsClose(r.sd, Math.sqrt(200), 1e-12);
    expectResultsClose(r.ci, { low: 20 - T975_1 * 10, high: 20 + T975_1 * 10, level: 0.95 }, 1e-9);
  });

  it('averageSpeedOfAnswer(interactions) leaves an answered contact without waitSeconds outside n, counted as missing', () => {
    expect(averageSpeedOfAnswer([call('1', { waitSeconds: 12 }), call('2'), call('3', { channel: 'email' })])).toEqual({
      mean: 12,
      n: 1,
      totalSeconds: 12,
      missing: 2,
      sd: null,
      ci: null,
      lowSample: true,
    });
  });

  it('averageSpeedOfAnswer(interactions) keeps an answered wait of 0 s in n (answered at once)', () => {
    expect(averageSpeedOfAnswer([call('1', { waitSeconds: 0 }), call('2', { waitSeconds: 30 })]).mean).toBe(15);
  });

  it('averageSpeedOfAnswer(interactions) returns mean null and zero counts for no interactions', () => {
    expect(averageSpeedOfAnswer([])).toEqual(EMPTY);
  });

  it('averageSpeedOfAnswer(interactions) returns mean null when every contact was abandoned, without counting them missing', () => {
    expect(averageSpeedOfAnswer([call('1', { abandoned: true, waitSeconds: 30 }), call('2', { abandoned: true })])).toEqual(EMPTY);
  });

  it('averageSpeedOfAnswer(interactions) sums fractional waits with compensation (a million waits of 0.1 s)', () => {
    function* waits() {
      for (let k = 0; k < 1_000_000; k++) yield call(String(k), { waitSeconds: 0.1 });
    }
    const r = averageSpeedOfAnswer(waits());
    expect(r.n).toBe(1_000_000);
    expect(r.totalSeconds).toBe(100000);
    expect(r.mean).toBe(0.1);
  });

  it('averageSpeedOfAnswer(interactions, { lowSample: { minN: 2 } }) applies the given threshold', () => {
    const xs = [call('1', { waitSeconds: 10 }), call('2', { waitSeconds: 30 })];
    expect(averageSpeedOfAnswer(xs, { lowSample: { minN: 2 } }).lowSample).toBe(false);
    expect(averageSpeedOfAnswer(xs, { confidence: 0.5 }).ci?.level).toBe(0.5);
  });

  it('averageSpeedOfAnswer(interactions) flags lowSample when every wait is equal (sd 0: a zero-width interval says nothing), however many', () => {
    const r = averageSpeedOfAnswer(Array.from({ length: 50 }, (_, k) => call(String(k), { waitSeconds: 15 })));
    expect(r).toEqual({ mean: 15, n: 50, totalSeconds: 750, missing: 0, sd: 0, ci: { low: 15, high: 15, level: 0.95 }, lowSample: true });
  });

  it('averageSpeedOfAnswer(interactions) does not mutate frozen inputs', () => {
    const input = deepFreeze(reference());
    const before = structuredClone(input);
    expect(averageSpeedOfAnswer(input).mean).toBe(20);
    expect(input).toEqual(before);
  });
});

describe('averageSpeedOfAnswer bad values and options', () => {
  it.each([
    ['negative', -1],
    ['NaN', Number.NaN],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['above 1e9 (milliseconds?)', 1.5e9],
    ['a numeric string', '20'],
    ['null', null],
  ] as const)('averageSpeedOfAnswer(interactions) throws invalid_value for a waitSeconds that is %s, abandoned contacts included', (_name, value) => {
    for (const abandoned of [false, true]) {
      const e = thrown(() => averageSpeedOfAnswer([call('1'), call('2', { abandoned, waitSeconds: value } as unknown as Partial<Interaction>)]));
      expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'interactions[1].waitSeconds', 1]);
      expect(e.value).toBe(value);
    }
  });

  it('averageSpeedOfAnswer(interactions) error messages name path, rule and value', () => {
    expect(() => averageSpeedOfAnswer([call('1', { waitSeconds: Number.NaN })])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: interactions[0].waitSeconds must be a finite number of seconds ≥ 0, got NaN]`,
    );
    expect(() => averageSpeedOfAnswer([call('1'), call('2', { waitSeconds: 18_000_000_000 })])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: interactions[1].waitSeconds must be at most 1e9 seconds (is it in milliseconds?), got 18000000000]`,
    );
    expect(() => averageSpeedOfAnswer([call('1', { abandoned: 0 } as unknown as Partial<Interaction>)])).toThrowErrorMatchingInlineSnapshot(
      `[CxMetricsError: interactions[0].abandoned must be a boolean, got 0]`,
    );
    expect(() => averageSpeedOfAnswer(['x' as unknown as Interaction])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[0] must be an object, got "x"]`);
  });

  it.each([[0], [1], [-0.5], [Number.NaN]])('averageSpeedOfAnswer(interactions, { confidence: %s }) throws invalid_option', (confidence) => {
    const e = thrown(() => averageSpeedOfAnswer([], { confidence }));
    expect([e.code, e.path, e.index]).toEqual(['invalid_option', 'options.confidence', null]);
  });

  it('averageSpeedOfAnswer(interactions, options) throws invalid_option for a negative lowSample.minN', () => {
    const e = thrown(() => averageSpeedOfAnswerAccumulator({ lowSample: { minN: -1 } }));
    expect([e.code, e.path]).toEqual(['invalid_option', 'options.lowSample.minN']);
  });
});

describe('averageSpeedOfAnswerAccumulator', () => {
  const fold = (xs: readonly Interaction[]) => {
    const acc = averageSpeedOfAnswerAccumulator();
    for (const x of xs) acc.add(x);
    return acc;
  };

  it('folds the §4.2 example to the batch result, and merge of parts gives 20 s', () => {
    const xs = reference();
    expect(fold(xs).result()).toEqual(averageSpeedOfAnswer(xs));
    const merged = fold(xs.slice(0, 333)).merge(fold(xs.slice(333)).state()).result();
    expect([merged.mean, merged.n, merged.totalSeconds]).toEqual([20, 900, 18000]);
    expectResultsClose(merged.sd, Math.sqrt(360000 / 899), 1e-9);
  });

  it('state() is plain JSON, and fromState restores it from a JSON round trip', () => {
    const s = fold([call('1', { waitSeconds: 10 }), call('2', { waitSeconds: 30 }), call('3')]).state();
    expect(s).toEqual({ v: 1, kind: 'averageSpeedOfAnswer', n: 2, missing: 1, sum: 40, sumComp: 0, moments: { weight: 2, mean: 20, m2: 200 } });
    const restored = averageSpeedOfAnswerAccumulator.fromState(JSON.parse(JSON.stringify(s)) as AverageSpeedOfAnswerState);
    expect(restored.state()).toEqual(s);
    expect(restored.add(call('4', { waitSeconds: 20 })).result().mean).toBe(20);
  });

  it('add(value, index) names the index; a failed add changes nothing', () => {
    const acc = fold(reference());
    const before = acc.state();
    expect(thrown(() => acc.add(call('x', { waitSeconds: -2 }), 41)).path).toBe('interactions[41].waitSeconds');
    expect(thrown(() => acc.add(call('x', { waitSeconds: -2 }))).index).toBe(1000);
    expect(acc.state()).toEqual(before);
  });

  it.each([
    ['another family', () => ahtAccumulator().state(), 'state.kind'],
    ['another version', () => ({ ...averageSpeedOfAnswerAccumulator().state(), v: 2 }), 'state.v'],
    ['a negative count', () => ({ ...averageSpeedOfAnswerAccumulator().state(), missing: -1 }), 'state.missing'],
    ['a NaN sum', () => ({ ...averageSpeedOfAnswerAccumulator().state(), sum: Number.NaN }), 'state.sum'],
    ['a negative total', () => ({ ...averageSpeedOfAnswerAccumulator().state(), sum: -5 }), 'state.sum'],
    ['moments that disagree with n', () => ({ ...averageSpeedOfAnswerAccumulator().state(), n: 1 }), 'state.moments'],
  ] as const)('merge and fromState reject %s with invalid_state', (_name, make, path) => {
    const acc = averageSpeedOfAnswerAccumulator();
    const e = thrown(() => acc.merge(make() as unknown as AverageSpeedOfAnswerState));
    expect([e.code, e.path]).toEqual(['invalid_state', path]);
    expect(acc.state()).toEqual(averageSpeedOfAnswerAccumulator().state());
    expect(thrown(() => averageSpeedOfAnswerAccumulator.fromState(make() as unknown as AverageSpeedOfAnswerState)).path).toBe(path);
  });
});
