import { describe, expect, it } from 'vitest';
import { ahtAccumulator, reroutes, reroutesAccumulator, type ReroutesResult, type ReroutesState } from '../../src/metrics/index.js';
import type { Interaction } from '../../src/models/index.js';
import { REFERENCE, deepFreeze, expectIntervalAround, expectResultsClose, thrown } from '../_arbitraries.js';

const call = (id: string, extra: Partial<Interaction> = {}): Interaction => ({ id, channel: 'phone', startedAt: 0, ...extra });

/**
 * definitions.md §3.3 example: 1,000 handled, 85 transferred out (70 internal, 15 external) -> 8.5 %.
 * Built as 85 contacts with one transfer each and 915 without (half with transfers: 0, half absent).
 */
function reference(): Interaction[] {
  const out: Interaction[] = [];
  for (let k = 0; k < 1000; k++) {
    if (k < 85) out.push(call(`c${k}`, { transfers: 1 }));
    else if (k % 2 === 0) out.push(call(`c${k}`, { transfers: 0 }));
    else out.push(call(`c${k}`));
  }
  return out;
}

/**
 * Asserts the hand-computed fields, a Wilson interval around the rate, and the low-sample flag
 * (statistics.md §9: n < 30, or fewer than 5 rerouted or not rerouted contacts).
 */
function expectRate(r: ReroutesResult, fields: Omit<ReroutesResult, 'ci' | 'lowSample'>, lowSample: boolean): void {
  expect(r).toEqual({ ...fields, ci: expect.any(Object), lowSample });
  expectIntervalAround(r.ci, fields.rate);
}

/** §3.3: 85 of 1,000 rerouted; not low (n ≥ 30, 85 and 915 ≥ 5). */
const expectReference = (r: ReroutesResult): void => expectRate(r, { rate: 0.085, mean: 0.085, rerouted: 85, n: 1000, total: 85 }, false);

/** One handled contact with `transfers` (> 0): rate 1, the Wilson interval of 1 of 1 (statistics.md §1). */
function expectOneRerouted(r: ReroutesResult, transfers: number): void {
  expect(r).toEqual({ rate: 1, mean: transfers, rerouted: 1, n: 1, total: transfers, ci: expect.any(Object), lowSample: true });
  expectResultsClose(r.ci, REFERENCE.wilson1of1, 1e-9);
}

/** The result of no handled contact. */
const EMPTY: ReroutesResult = { rate: null, mean: null, rerouted: 0, n: 0, total: 0, ci: null, lowSample: true };

describe('reroutes', () => {
  it('reroutes(interactions) gives rate 0.085 for 85 transferred of 1,000 handled (definitions.md §3.3)', () => {
    expectReference(reroutes(reference()));
  });

  it('reroutes(interactions) leaves abandoned contacts out of n (§3.3: denominator = handled contacts)', () => {
    const xs = [...reference(), call('a1', { abandoned: true }), call('a2', { abandoned: true, transfers: 3 })];
    expectReference(reroutes(xs));
  });

  it('reroutes(interactions) counts a contact transferred twice once in rate and twice in mean (§3.3: per-customer view)', () => {
    // rate = 1/2 contacts rerouted; mean = 2 transfers / 2 contacts
    expectRate(reroutes([call('1', { transfers: 2 }), call('2', { transfers: 0 })]), { rate: 0.5, mean: 1, rerouted: 1, n: 2, total: 2 }, true);
  });

  it('reroutes(interactions) counts a missing transfers as 0', () => {
    expectRate(reroutes([call('1'), call('2', { transfers: 1 })]), { rate: 0.5, mean: 0.5, rerouted: 1, n: 2, total: 1 }, true);
  });

  it('reroutes(interactions) returns nulls and zero counts for no interactions', () => {
    expect(reroutes([])).toEqual(EMPTY);
  });

  it('reroutes(interactions) returns nulls when every contact was abandoned', () => {
    expect(reroutes([call('1', { abandoned: true, transfers: 1 }), call('2', { abandoned: true })])).toEqual(EMPTY);
  });

  it('reroutes(interactions) of one contact with 3 transfers is rate 1, mean 3', () => {
    expectOneRerouted(reroutes([call('1', { transfers: 3 })]), 3);
  });

  it('reroutes(interactions) of one contact without transfers is rate 0, mean 0', () => {
    // The Wilson interval of 0 of 1 (statistics.md §1).
    const r = reroutes([call('1')]);
    expect(r).toEqual({ rate: 0, mean: 0, rerouted: 0, n: 1, total: 0, ci: expect.any(Object), lowSample: true });
    expectResultsClose(r.ci, REFERENCE.wilson0of1, 1e-9);
  });

  it('reroutes(interactions) does not mutate frozen inputs', () => {
    const input = deepFreeze([call('1', { transfers: 2 }), call('2', { abandoned: true }), call('3')]);
    const before = structuredClone(input);
    expectRate(reroutes(input), { rate: 0.5, mean: 1, rerouted: 1, n: 2, total: 2 }, true);
    expect(input).toEqual(before);
  });
});

describe('reroutes bad values', () => {
  it.each([
    ['negative', -1],
    ['fractional', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a numeric string', '2'],
    ['null', null],
    ['a boolean', true],
  ] as const)('reroutes(interactions) throws invalid_value for transfers that is %s', (_name, value) => {
    const e = thrown(() => reroutes([call('1'), call('2'), call('3', { transfers: value } as unknown as Partial<Interaction>)]));
    expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'interactions[2].transfers', 2]);
    expect(e.value).toBe(value);
  });

  it('reroutes(interactions) words the transfers error', () => {
    expect(() => reroutes([call('1'), call('2'), call('3', { transfers: 1.5 })])).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].transfers must be an integer ≥ 0, got 1.5]`);
  });

  it('reroutes(interactions) rejects a bad transfers even on an abandoned contact', () => {
    const e = thrown(() => reroutes([call('1', { abandoned: true, transfers: -1 })]));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'interactions[0].transfers', 0, -1]);
  });

  it.each([['yes'], [1], [null]] as const)('reroutes(interactions) throws invalid_value for abandoned = %j', (value) => {
    const e = thrown(() => reroutes([call('1'), call('2', { abandoned: value } as unknown as Partial<Interaction>)]));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'interactions[1].abandoned', 1, value]);
  });

  it('reroutes(interactions) throws invalid_value for a record that is not an object', () => {
    const e = thrown(() => reroutes([call('1'), undefined as unknown as Interaction]));
    expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'interactions[1]', 1]);
  });

  it('reroutesAccumulator.add rejects transfers that would take the total past 2^53 − 1, keeping the state exact', () => {
    const acc = reroutesAccumulator().add({ id: 'a', channel: 'phone', startedAt: 0, transfers: 2 ** 53 - 1 });
    const e = thrown(() => acc.add({ id: 'b', channel: 'phone', startedAt: 0, transfers: 2 }, 1));
    expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'interactions[1].transfers', 1]);
    const restored = reroutesAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())) as ReroutesState);
    expect(restored.result().total).toBe(2 ** 53 - 1);
    expect(thrown(() => restored.merge(acc.state())).code).toBe('invalid_state');
  });

  it('reroutesAccumulator.fromState rejects rerouted > n with invalid_state', () => {
    const e = thrown(() => reroutesAccumulator.fromState({ v: 1, kind: 'reroutes', n: 1, rerouted: 2, total: 2 }));
    expect([e.code, e.path]).toEqual(['invalid_state', 'state.rerouted']);
  });
});

describe('reroutesAccumulator', () => {
  const fold = (xs: readonly Interaction[]) => {
    const acc = reroutesAccumulator();
    for (const x of xs) acc.add(x);
    return acc;
  };

  it('reroutesAccumulator() folds the §3.3 example to the batch result', () => {
    expect(fold(reference()).result()).toEqual(reroutes(reference()));
    expect(reroutesAccumulator().result()).toEqual(reroutes([]));
  });

  it('merge of the parts gives the whole exactly (§3.3: 85 / 1,000)', () => {
    const xs = reference();
    const merged = fold(xs.slice(0, 40)).merge(fold(xs.slice(40, 600))).merge(fold(xs.slice(600)).state());
    expectReference(merged.result());
    expect(merged.result()).toEqual(reroutes(xs));
  });

  it('add(value, index) names the index; a failed add changes nothing', () => {
    const acc = fold([call('1', { transfers: 2 })]);
    const before = acc.state();
    expect(thrown(() => acc.add(call('x', { transfers: -1 }), 12)).path).toBe('interactions[12].transfers');
    expect(thrown(() => acc.add(call('x', { transfers: 0.5 }))).path).toBe('interactions[1].transfers');
    expect(acc.state()).toEqual(before);
  });

  it('fromState restores a JSON round-tripped state', () => {
    const s = fold(reference()).state();
    expect(s).toEqual({ v: 1, kind: 'reroutes', n: 1000, rerouted: 85, total: 85 });
    const restored = reroutesAccumulator.fromState(JSON.parse(JSON.stringify(s)) as ReroutesState);
    expect(restored.state()).toEqual(s);
  });

  it.each([
    ['another family', () => ahtAccumulator().state()],
    ['another version', () => ({ ...reroutesAccumulator().state(), v: 2 })],
    ['a fractional total', () => ({ ...reroutesAccumulator().state(), total: 0.5 })],
    ['a negative rerouted count', () => ({ ...reroutesAccumulator().state(), rerouted: -3 })],
  ] as const)('merge rejects %s with invalid_state', (_name, make) => {
    const acc = fold([call('1', { transfers: 2 })]);
    expect(thrown(() => acc.merge(make() as unknown as ReroutesState)).code).toBe('invalid_state');
    expectOneRerouted(acc.result(), 2);
  });
});
