import { describe, expect, it } from 'vitest';
import { aht, ahtAccumulator, holdTimeAccumulator, type AhtResult, type AhtState } from '../../src/metrics/index.js';
import type { Interaction } from '../../src/models/index.js';
import { deepFreeze, expectResultsClose, tInterval95, thrown } from '../_arbitraries.js';

const call = (id: string, extra: Partial<Interaction> = {}): Interaction => ({ id, channel: 'phone', startedAt: 0, ...extra });

// definitions.md §3.1 worked example: three handled calls (talk, hold, ACW) =
// (300, 60, 60), (240, 0, 30), (420, 120, 90): 960 + 180 + 180 = 1,320 s -> AHT 440 s (7:20).
const threeCalls = (): Interaction[] => [
  call('1', { talkSeconds: 300, holdSeconds: 60, afterWorkSeconds: 60 }),
  call('2', { talkSeconds: 240, holdSeconds: 0, afterWorkSeconds: 30 }),
  call('3', { talkSeconds: 420, holdSeconds: 120, afterWorkSeconds: 90 }),
];

/**
 * Asserts the result of the §3.1 calls. Handle times 420, 270, 630: mean 440; deviations −20, −170,
 * 190, Σ(x − x̄)² = 65,400, sd = √(65,400 / 2); 95% t interval 440 ± t(0.975, 2) · sd / √3
 * (statistics.md §5, t from §10). Three calls are a low sample (n < 30). `rel` for sd and interval:
 * 1e-12 for one pass, 1e-9 when moments were merged (statistics.md §7).
 */
function expectThreeCalls(r: AhtResult, rel = 1e-12): void {
  expect(r).toEqual({ mean: 440, n: 3, totalSeconds: 1320, sd: expect.any(Number), ci: expect.any(Object), lowSample: true });
  expectResultsClose(r.sd, Math.sqrt(65400 / 2), rel);
  expectResultsClose(r.ci, tInterval95(440, Math.sqrt(65400 / 2), 3), Math.max(rel, 1e-9));
}

/** The result of one handled contact: its handle time, no spread (sd and interval null), a low sample. */
const oneContact = (seconds: number): AhtResult => ({ mean: seconds, n: 1, totalSeconds: seconds, sd: null, ci: null, lowSample: true });

/** The result of no handled contact. */
const EMPTY: AhtResult = { mean: null, n: 0, totalSeconds: 0, sd: null, ci: null, lowSample: true };

describe('aht', () => {
  it('aht(interactions) returns 440 s over 1,320 s for the three calls of definitions.md §3.1', () => {
    expectThreeCalls(aht(threeCalls()));
  });

  it('aht(interactions) excludes abandoned contacts from n and total (§3.1: abandoned contacts have no handle time)', () => {
    const withAbandons = [
      ...threeCalls(),
      call('4', { abandoned: true, waitSeconds: 40 }),
      // an abandoned contact's stray talk time is not handle time either
      call('5', { abandoned: true, talkSeconds: 15, holdSeconds: 5, afterWorkSeconds: 5 }),
    ];
    expectThreeCalls(aht(withAbandons));
  });

  it('aht(interactions) counts abandoned: false as handled', () => {
    // 100 and 200: sd = √(50² + 50²) = √5000; 95% t interval 150 ± t(0.975, 1) · √5000 / √2.
    const r = aht([call('1', { abandoned: false, talkSeconds: 100 }), call('2', { talkSeconds: 200 })]);
    expect(r).toEqual({ mean: 150, n: 2, totalSeconds: 300, sd: expect.any(Number), ci: expect.any(Object), lowSample: true });
    expectResultsClose(r.sd, Math.sqrt(5000), 1e-12);
    expectResultsClose(r.ci, tInterval95(150, Math.sqrt(5000), 2), 1e-9);
  });

  it('aht(interactions) leaves queue wait out of handle time (§3.1: queue/wait time excluded)', () => {
    expect(aht([call('1', { waitSeconds: 600, talkSeconds: 120 })])).toEqual(oneContact(120));
  });

  it.each([
    ['talk only', { talkSeconds: 300 }, 300],
    ['hold only', { holdSeconds: 60 }, 60],
    ['after-work only', { afterWorkSeconds: 30 }, 30],
    ['no duration at all', {}, 0],
  ] as const)('aht(interactions) counts missing durations as 0: %s', (_name, extra, total) => {
    expect(aht([call('1', extra)])).toEqual(oneContact(total));
  });

  it('aht(interactions) keeps a contact without durations in n (it lowers the mean)', () => {
    // (300 + 0) / 2 = 150; sd = √(150² + 150²) = √45,000; 95% t interval 150 ± t(0.975, 1) · √45,000 / √2.
    const r = aht([call('1', { talkSeconds: 300 }), call('2')]);
    expect(r).toEqual({ mean: 150, n: 2, totalSeconds: 300, sd: expect.any(Number), ci: expect.any(Object), lowSample: true });
    expectResultsClose(r.sd, Math.sqrt(45000), 1e-12);
    expectResultsClose(r.ci, tInterval95(150, Math.sqrt(45000), 2), 1e-9);
  });

  it('aht(interactions) returns mean null and zero counts for no interactions', () => {
    expect(aht([])).toEqual(EMPTY);
  });

  it('aht(interactions) returns mean null when every contact was abandoned', () => {
    expect(aht([call('1', { abandoned: true, waitSeconds: 10 }), call('2', { abandoned: true })])).toEqual(EMPTY);
  });

  it('aht(interactions) of one contact is its handle time', () => {
    expect(aht([call('1', { talkSeconds: 12.5, holdSeconds: 0.25, afterWorkSeconds: 3 })])).toEqual(oneContact(15.75));
  });

  it('aht(interactions) accepts a duration of exactly 1e9 s (the upper bound)', () => {
    expect(aht([call('1', { talkSeconds: 1e9 })])).toEqual(oneContact(1e9));
  });

  it('aht(interactions) reads any iterable (a generator, a Set)', () => {
    function* gen(): Generator<Interaction> {
      yield* threeCalls();
    }
    expectThreeCalls(aht(gen()));
    expectThreeCalls(aht(new Set(threeCalls())));
  });

  it('aht(interactions) does not mutate frozen inputs', () => {
    const input = deepFreeze([...threeCalls(), call('4', { abandoned: true })]);
    const before = structuredClone(input);
    expectThreeCalls(aht(input));
    expect(input).toEqual(before);
  });
});

describe('aht bad values', () => {
  const fields = ['talkSeconds', 'holdSeconds', 'afterWorkSeconds'] as const;
  const bad: Array<[string, unknown]> = [
    ['negative', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['above 1e9 (milliseconds?)', 1e9 + 1],
    ['a numeric string', '300'],
    ['null', null],
  ];
  const cases = fields.flatMap((field) => bad.map(([name, value]) => [field, name, value] as const));

  it.each(cases)('aht(interactions) throws invalid_value for %s %s, naming path, index and value', (field, _name, value) => {
    const input = [...threeCalls().slice(0, 2), call('3', { [field]: value } as Partial<Interaction>)];
    const e = thrown(() => aht(input));
    expect(e.code).toBe('invalid_value');
    expect(e.path).toBe(`interactions[2].${field}`);
    expect(e.index).toBe(2);
    expect(e.value).toBe(value);
  });

  it('aht(interactions) error messages name path, rule and value', () => {
    const at2 = (extra: Record<string, unknown>) => () => aht([call('1'), call('2'), call('3', extra as Partial<Interaction>)]);
    expect(at2({ talkSeconds: -1 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].talkSeconds must be a finite number of seconds ≥ 0, got -1]`);
    expect(at2({ holdSeconds: Number.NaN })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].holdSeconds must be a finite number of seconds ≥ 0, got NaN]`);
    expect(at2({ afterWorkSeconds: Number.POSITIVE_INFINITY })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].afterWorkSeconds must be a finite number of seconds ≥ 0, got Infinity]`);
  });

  it('aht(interactions) hints at milliseconds for a duration above 1e9', () => {
    // 2 h in milliseconds: 7,200,000 would be valid seconds; 7.2e9 cannot be
    expect(() => aht([call('1'), call('2'), call('3', { talkSeconds: 7.2e9 })])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].talkSeconds must be at most 1e9 seconds (is it in milliseconds?), got 7200000000]`);
  });

  it('aht(interactions) rejects a bad duration even on an abandoned contact', () => {
    const e = thrown(() => aht([call('1', { abandoned: true, talkSeconds: -5 })]));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'interactions[0].talkSeconds', 0, -5]);
  });

  it.each([['yes'], [1], [null], ['true']] as const)('aht(interactions) throws invalid_value for abandoned = %j', (value) => {
    const e = thrown(() => aht([call('1'), call('2', { abandoned: value } as unknown as Partial<Interaction>)]));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'interactions[1].abandoned', 1, value]);
  });

  it('aht(interactions) words the abandoned error', () => {
    expect(() => aht([call('1'), call('2', { abandoned: 'yes' } as unknown as Partial<Interaction>)])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[1].abandoned must be a boolean, got "yes"]`);
  });

  it.each([[null], [42], ['c1']] as const)('aht(interactions) throws invalid_value for a record that is %j', (value) => {
    const e = thrown(() => aht([call('1'), value as unknown as Interaction]));
    expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'interactions[1]', 1]);
  });
});

describe('ahtAccumulator', () => {
  const fold = (xs: readonly Interaction[]) => {
    const acc = ahtAccumulator();
    for (const x of xs) acc.add(x);
    return acc;
  };

  it('ahtAccumulator() folds the §3.1 calls to the batch result, add returning the accumulator', () => {
    const acc = ahtAccumulator();
    const [a, b, c] = threeCalls();
    expect(acc.add(a!).add(b!).add(c!)).toBe(acc);
    expectThreeCalls(acc.result());
    // the same fold as the batch function: identical, interval included
    expect(acc.result()).toEqual(aht(threeCalls()));
  });

  it('ahtAccumulator() of nothing has the empty result', () => {
    expect(ahtAccumulator().result()).toEqual(EMPTY);
  });

  it('add(value, index) names the given index in errors; by default the count of values added', () => {
    const acc = fold(threeCalls());
    expect(thrown(() => acc.add(call('x', { holdSeconds: -1 }), 41)).path).toBe('interactions[41].holdSeconds');
    const e = thrown(() => acc.add(call('x', { holdSeconds: -1 })));
    expect([e.path, e.index]).toEqual(['interactions[3].holdSeconds', 3]);
  });

  it('add that throws leaves the state unchanged', () => {
    const acc = fold(threeCalls());
    const before = acc.state();
    // talk is valid, after-work is not: nothing of this record may be counted
    thrown(() => acc.add(call('x', { talkSeconds: 100, afterWorkSeconds: Number.NaN })));
    expect(acc.state()).toEqual(before);
    expect(acc.result()).toEqual(aht(threeCalls()));
  });

  it('merge(accumulator) and merge(state) of the parts give the whole (§3.1: 440 s)', () => {
    const [a, b, c] = threeCalls();
    // Merged moments equal one pass up to rounding (statistics.md §7): sd and interval within 1e-9.
    expectThreeCalls(fold([a!]).merge(fold([b!, c!])).result(), 1e-9);
    expectThreeCalls(fold([b!, c!]).merge(fold([a!]).state()).result(), 1e-9);
  });

  it('merge with an empty accumulator changes nothing', () => {
    const acc = fold(threeCalls());
    const before = acc.state();
    expect(acc.merge(ahtAccumulator()).state()).toEqual(before);
    expect(ahtAccumulator().merge(before).state()).toEqual(before);
  });

  it('state() is a plain-JSON copy with v: 1 that fromState restores', () => {
    const acc = fold(threeCalls());
    const s = acc.state();
    // Welford over 420, 270, 630: mean 440, Σ(x − 440)² = 65,400 (exact in binary).
    expect(s).toEqual({ v: 1, kind: 'aht', n: 3, sum: 1320, sumComp: 0, moments: { weight: 3, mean: 440, m2: 65400 } });
    const restored = ahtAccumulator.fromState(JSON.parse(JSON.stringify(s)) as AhtState);
    expect(restored.state()).toEqual(s);
    expect(restored.result()).toEqual(acc.result());
    expectThreeCalls(restored.result());
  });

  it('state() returns a copy: changing it does not change the accumulator', () => {
    const acc = fold(threeCalls());
    const s = acc.state();
    s.n = 99;
    s.sum = -1;
    s.moments.m2 = 0;
    expectThreeCalls(acc.result());
  });

  it.each<[string, () => unknown]>([
    ['another family', () => holdTimeAccumulator().state()],
    ['another version', () => ({ ...ahtAccumulator().state(), v: 2 })],
    ['a negative count', () => ({ ...ahtAccumulator().state(), n: -1 })],
    ['a fractional count', () => ({ ...ahtAccumulator().state(), n: 1.5 })],
    ['a NaN sum', () => ({ ...ahtAccumulator().state(), sum: Number.NaN })],
    ['null', () => null],
    ['a string', () => 'aht'],
  ])('merge rejects %s with invalid_state', (_name, make) => {
    const acc = fold(threeCalls());
    const e = thrown(() => acc.merge(make() as unknown as AhtState));
    expect(e.code).toBe('invalid_state');
    expect(acc.result()).toEqual(aht(threeCalls()));
  });

  it('merge words the invalid_state error', () => {
    expect(() => ahtAccumulator().merge(holdTimeAccumulator().state() as unknown as AhtState)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: state.kind must be 'aht', got "holdTime"]`);
    expect(() => ahtAccumulator.fromState({ ...ahtAccumulator().state(), v: 2 } as unknown as AhtState)).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: state.v must be 1 (the only state version this release reads), got 2]`);
  });
});
