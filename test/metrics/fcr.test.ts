import { describe, expect, it } from 'vitest';
import { ahtAccumulator, fcr, fcrAccumulator, type FcrOptions, type FcrResult, type FcrState } from '../../src/metrics/index.js';
import type { Interaction } from '../../src/models/index.js';
import { REFERENCE, deepFreeze, expectIntervalAround, expectResultsClose, HOUR_MS, thrown } from '../_arbitraries.js';

let seq = 0;
const contact = (customerId: string | undefined, startedAt: number, extra: Partial<Interaction> = {}): Interaction => ({
  id: `k${seq++}`,
  channel: 'phone',
  startedAt,
  ...(customerId === undefined ? {} : { customerId }),
  ...extra,
});
const empty: FcrResult = { rate: null, resolvedFirst: 0, n: 0, repeats: 0, pending: 0, withoutCustomer: 0, ci: null, lowSample: true };

/**
 * Asserts the hand-computed fields, a Wilson interval around the rate, and the low-sample flag
 * (statistics.md §9: n < 30, or fewer than 5 resolved or repeated contacts).
 */
function expectRate(r: FcrResult, fields: Omit<FcrResult, 'ci' | 'lowSample'>, lowSample: boolean): void {
  expect(r).toEqual({ ...fields, ci: expect.any(Object), lowSample });
  expectIntervalAround(r.ci, fields.rate);
}

/** §2.1 with the default 7-day window: 820 of 1,000 resolved; not low (n ≥ 30, 820 and 180 ≥ 5). */
const expect82 = (r: FcrResult): void => expectRate(r, { rate: 0.82, resolvedFirst: 820, n: 1000, repeats: 180, pending: 0, withoutCustomer: 0 }, false);

/** One scored contact, resolved: rate 1 and the Wilson interval of 1 of 1 (statistics.md §1). */
function expectOneResolved(r: FcrResult, withoutCustomer = 0): void {
  expect(r).toEqual({ rate: 1, resolvedFirst: 1, n: 1, repeats: 0, pending: 0, withoutCustomer, ci: expect.any(Object), lowSample: true });
  expectResultsClose(r.ci, REFERENCE.wilson1of1, 1e-9);
}

/**
 * definitions.md §2.1 worked example: 1,000 contacts, all older than 7 days at report time.
 * Any reason, 7 days: 180 repeats -> 820/1000 = 82.0 %; with a 48 h window: 90 repeats -> 91.0 %.
 * cx-metrics scores every handled contact, so the 1,000 are: 640 customers who called once, 90 who
 * called back after 24 h and 90 who called back after 5 days (each callback is itself scored and,
 * with no further contact, resolved). The callbacks within 48 h are the 90 of the 48 h figure.
 */
function reference(): Interaction[] {
  const out: Interaction[] = [];
  for (let k = 0; k < 640; k++) out.push(contact(`solo${k}`, k * 60_000));
  for (let k = 0; k < 90; k++) out.push(contact(`day${k}`, 0), contact(`day${k}`, 24 * HOUR_MS, { channel: 'chat' }));
  for (let k = 0; k < 90; k++) out.push(contact(`week${k}`, 0), contact(`week${k}`, 120 * HOUR_MS));
  return out;
}

describe('fcr', () => {
  it('fcr(interactions) gives 820/1000 = 82 % with the default 7-day window (definitions.md §2.1)', () => {
    expect82(fcr(reference()));
  });

  it('fcr(interactions, { windowHours: 48 }) gives 910/1000 = 91 % (definitions.md §2.1)', () => {
    expectRate(fcr(reference(), { windowHours: 48 }), { rate: 0.91, resolvedFirst: 910, n: 1000, repeats: 90, pending: 0, withoutCustomer: 0 }, false);
  });

  it('fcr(interactions, options) with asOf after every window has closed equals the result without asOf (§2.1: all older than 7 days)', () => {
    // the last contact starts at 120 h; its 168 h window closes at 288 h exactly
    expect(fcr(reference(), { asOf: 288 * HOUR_MS })).toEqual(fcr(reference()));
  });

  it('fcr(interactions, options): a longer window never raises FCR (§2.1: 48 h 91 % ≥ 7 d 82 % ≥ 30 d)', () => {
    const rates = [24, 48, 168, 720].map((windowHours) => fcr(reference(), { windowHours }).rate!);
    expect(rates).toEqual([0.91, 0.91, 0.82, 0.82]);
    for (let k = 1; k < rates.length; k++) expect(rates[k]).toBeLessThanOrEqual(rates[k - 1]!);
  });

  it('fcr(interactions, options) counts a next contact exactly windowHours later as a repeat, and one ms later not', () => {
    const w = 24 * HOUR_MS;
    expect(fcr([contact('ann', 0), contact('ann', w)], { windowHours: 24 })).toMatchObject({ resolvedFirst: 1, repeats: 1, n: 2, rate: 0.5 });
    expect(fcr([contact('ann', 0), contact('ann', w + 1)], { windowHours: 24 })).toMatchObject({ resolvedFirst: 2, repeats: 0, n: 2, rate: 1 });
  });

  it('fcr(interactions) uses a 168 h (7-day) window by default: 168 h later is a repeat, 168 h + 1 ms is not', () => {
    expect(fcr([contact('ann', 0), contact('ann', 168 * HOUR_MS)]).repeats).toBe(1);
    expect(fcr([contact('ann', 0), contact('ann', 168 * HOUR_MS + 1)]).repeats).toBe(0);
  });

  it('fcr(interactions, options) honours a fractional window (1.5 h = 5,400,000 ms)', () => {
    expect(fcr([contact('ann', 0), contact('ann', 5_400_000)], { windowHours: 1.5 }).repeats).toBe(1);
    expect(fcr([contact('ann', 0), contact('ann', 5_400_001)], { windowHours: 1.5 }).repeats).toBe(0);
  });

  it('fcr(interactions) scores two contacts at the same instant as one repeat and one resolved, whatever their order', () => {
    const a = contact('ann', 1000, { channel: 'phone' });
    const b = contact('ann', 1000, { channel: 'chat' });
    const expected = { rate: 0.5, resolvedFirst: 1, n: 2, repeats: 1, pending: 0, withoutCustomer: 0 };
    expectRate(fcr([a, b]), expected, true);
    expectRate(fcr([b, a]), expected, true);
    expect(fcr([b, a])).toEqual(fcr([a, b]));
  });

  it('fcr(interactions) scores three contacts at one instant and one a week later as 3 repeats and 1 resolved (ties: all but the last repeat)', () => {
    const xs = [contact('ann', 0), contact('ann', 0), contact('ann', 0), contact('ann', 100 * HOUR_MS)];
    expect(fcr(xs)).toMatchObject({ resolvedFirst: 1, repeats: 3, n: 4 });
    expect(fcr(xs, { windowHours: 48 })).toMatchObject({ resolvedFirst: 2, repeats: 2, n: 4 });
  });

  it('fcr(interactions) gives the same result for any input order', () => {
    const xs = reference();
    expect(fcr([...xs].reverse())).toEqual(fcr(xs));
    expect(fcr([...xs].sort((p, q) => (p.customerId! < q.customerId! ? 1 : -1)), { windowHours: 48 })).toEqual(fcr(xs, { windowHours: 48 }));
  });

  it('fcr(interactions) keeps contacts without customerId outside n, counted in withoutCustomer', () => {
    const xs = [contact('ann', 0), contact(undefined, 0), contact(undefined, HOUR_MS), contact('bob', 0)];
    // 2 of 2 resolved: the Wilson interval ends at exactly 1 (statistics.md §1, k = n).
    const r = fcr(xs);
    expectRate(r, { rate: 1, resolvedFirst: 2, n: 2, repeats: 0, pending: 0, withoutCustomer: 2 }, true);
    expect(r.ci?.high).toBe(1);
  });

  it('fcr(interactions) returns rate null when no contact has a customerId', () => {
    expect(fcr([contact(undefined, 0), contact(undefined, 0)])).toEqual({ ...empty, withoutCustomer: 2 });
  });

  it('fcr(interactions) ignores abandoned contacts: they are neither scored nor a repeat', () => {
    const xs = [
      contact('ann', 0),
      contact('ann', HOUR_MS, { abandoned: true }), // abandoned callback: not a repeat
      contact('bob', 0, { abandoned: true }),
      contact(undefined, 0, { abandoned: true }), // not in withoutCustomer either
    ];
    expectOneResolved(fcr(xs));
  });

  it('fcr(interactions) returns rate null and zero counts when every contact was abandoned', () => {
    expect(fcr([contact('ann', 0, { abandoned: true }), contact('ann', 1, { abandoned: true })])).toEqual(empty);
  });

  it('fcr(interactions) returns rate null and zero counts for no interactions', () => {
    expect(fcr([])).toEqual(empty);
    expect(fcr([], { windowHours: 24, asOf: 0 })).toEqual(empty);
  });

  it('fcr(interactions) of one contact is resolved (rate 1)', () => {
    expectOneResolved(fcr([contact('ann', 0)]));
  });

  it('fcr(interactions) counts a repeat across channels (any channel)', () => {
    expect(fcr([contact('ann', 0, { channel: 'phone' }), contact('ann', HOUR_MS, { channel: 'email' })]).repeats).toBe(1);
  });

  it('fcr(interactions) treats customers independently: another customer’s contact is never a repeat', () => {
    const ann = [contact('ann', 0), contact('ann', 10 * HOUR_MS)];
    const bob = [contact('bob', 5 * HOUR_MS), contact('bob', 500 * HOUR_MS)];
    const both = fcr([...ann, ...bob]);
    const [a, b] = [fcr(ann), fcr(bob)];
    expectRate(both, { rate: 3 / 4, resolvedFirst: a.resolvedFirst + b.resolvedFirst, n: 4, repeats: a.repeats + b.repeats, pending: 0, withoutCustomer: 0 }, true);
    expect([a.repeats, b.repeats]).toEqual([1, 0]);
  });

  it('fcr(interactions, { asOf }) holds back contacts whose window is still open as pending (§2.1: maturity)', () => {
    const xs = [
      contact('ann', 0), // 0 + 48 h ≤ 120 h: resolved
      contact('bob', 100 * HOUR_MS), // 100 + 48 > 120: pending
      contact('cara', 110 * HOUR_MS), // followed at 115 h, but young: pending too (no early repeats without early resolutions)
      contact('cara', 115 * HOUR_MS), // pending
      contact('dan', 72 * HOUR_MS), // 72 + 48 = 120 h = asOf: the window has just elapsed: resolved
      contact('eve', 10 * HOUR_MS), // followed at 20 h, matured: a repeat
      contact('eve', 20 * HOUR_MS), // 20 + 48 ≤ 120: resolved
    ];
    expectRate(fcr(xs, { windowHours: 48, asOf: 120 * HOUR_MS }), { rate: 3 / 4, resolvedFirst: 3, n: 4, repeats: 1, pending: 3, withoutCustomer: 0 }, true);
    // without asOf every window counts as elapsed
    expect(fcr(xs, { windowHours: 48 })).toMatchObject({ resolvedFirst: 5, repeats: 2, pending: 0, n: 7 });
  });

  it('fcr(interactions, { asOf }) returns rate null when every contact is pending', () => {
    expect(fcr([contact('ann', 0)], { asOf: 0 })).toEqual({ ...empty, pending: 1 });
  });

  it('fcr(interactions) does not mutate frozen inputs', () => {
    const input = deepFreeze(reference());
    const before = structuredClone(input);
    expect(fcr(input).rate).toBe(0.82);
    expect(input).toEqual(before);
  });
});

describe('fcr bad values and options', () => {
  it.each([
    ['a number', 42],
    ['an empty string', ''],
    ['null', null],
    ['an object', { id: 'ann' }],
  ] as const)('fcr(interactions) throws invalid_value for a customerId that is %s', (_name, value) => {
    const e = thrown(() => fcr([contact('a', 0), contact('b', 0), { ...contact(undefined, 0), customerId: value } as unknown as Interaction]));
    expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'interactions[2].customerId', 2]);
    expect(e.value).toBe(value);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['an ISO string (not parsed)', '2024-03-01T09:00:00Z'],
    ['missing', undefined],
  ] as const)('fcr(interactions) throws invalid_value for a startedAt that is %s', (_name, value) => {
    const bad = { id: 'x', channel: 'phone', customerId: 'ann', startedAt: value } as unknown as Interaction;
    const e = thrown(() => fcr([contact('a', 0), contact('b', 0), bad]));
    expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'interactions[2].startedAt', 2]);
    expect(e.value).toBe(value);
  });

  it.each([['no'], [1], [null]] as const)('fcr(interactions) throws invalid_value for abandoned = %j', (value) => {
    const e = thrown(() => fcr([contact('a', 0), contact('b', 0, { abandoned: value } as unknown as Partial<Interaction>)]));
    expect([e.code, e.path, e.index, e.value]).toEqual(['invalid_value', 'interactions[1].abandoned', 1, value]);
  });

  it('fcr(interactions) throws invalid_value for a record that is not an object', () => {
    const e = thrown(() => fcr([contact('a', 0), 'ann' as unknown as Interaction]));
    expect([e.code, e.path, e.index]).toEqual(['invalid_value', 'interactions[1]', 1]);
  });

  it('fcr(interactions) error messages name path, rule and value', () => {
    const at2 = (bad: Record<string, unknown>) => () => fcr([contact('a', 0), contact('b', 0), { id: 'x', channel: 'phone', startedAt: 0, ...bad } as Interaction]);
    expect(at2({ customerId: 42 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].customerId must be a non-empty string, got 42]`);
    expect(at2({ customerId: 'ann', startedAt: Number.NaN })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: interactions[2].startedAt must be epoch milliseconds (a finite number), got NaN]`);
  });

  it.each([
    ['0', { windowHours: 0 }, 'options.windowHours'],
    ['-1', { windowHours: -1 }, 'options.windowHours'],
    ['NaN', { windowHours: Number.NaN }, 'options.windowHours'],
    ['Infinity', { windowHours: Number.POSITIVE_INFINITY }, 'options.windowHours'],
    ['a string', { windowHours: '24' }, 'options.windowHours'],
    ['more than 1e9 seconds', { windowHours: 1e9 }, 'options.windowHours'],
    ['asOf NaN', { asOf: Number.NaN }, 'options.asOf'],
    ['asOf Infinity', { asOf: Number.POSITIVE_INFINITY }, 'options.asOf'],
    ['asOf an ISO string', { asOf: '2024-03-01' }, 'options.asOf'],
  ] as const)('fcr and fcrAccumulator throw invalid_option for windowHours / asOf %s, even on no data', (_name, options, path) => {
    const o = options as unknown as FcrOptions;
    for (const run of [() => fcr([contact('ann', 0)], o), () => fcr([], o), () => fcrAccumulator(o)]) {
      const e = thrown(run);
      expect([e.code, e.path, e.index]).toEqual(['invalid_option', path, null]);
    }
  });

  it('fcr words the option errors', () => {
    expect(() => fcr([], { windowHours: 0 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.windowHours must be a number of hours in (0, 277777] (1e9 seconds), got 0]`);
    expect(() => fcr([], { windowHours: -1 })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.windowHours must be a number of hours in (0, 277777] (1e9 seconds), got -1]`);
    expect(() => fcr([], { asOf: Number.NaN })).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: options.asOf must be epoch milliseconds, got NaN]`);
  });
});

describe('fcrAccumulator', () => {
  const fold = (xs: readonly Interaction[], options?: FcrOptions) => {
    const acc = fcrAccumulator(options);
    for (const x of xs) acc.add(x);
    return acc;
  };

  it('fcrAccumulator(options) folds the §2.1 example to the batch result', () => {
    expect(fold(reference()).result()).toEqual(fcr(reference()));
    expect(fold(reference(), { windowHours: 48 }).result()).toEqual(fcr(reference(), { windowHours: 48 }));
    expect(fcrAccumulator().result()).toEqual(empty);
  });

  it('shards split by time merge to the batch result: a repeat across the cut is still a repeat (§2.1: 82 %)', () => {
    const xs = reference();
    const cut = 12 * HOUR_MS;
    const before = fold(xs.filter((x) => x.startedAt < cut));
    const after = fold(xs.filter((x) => x.startedAt >= cut));
    const merged = before.merge(after.state()).result();
    expect82(merged);
    expect(merged).toEqual(fcr(xs));
  });

  it('merge(accumulator) and merge(state) agree', () => {
    const xs = reference();
    const a = fold(xs.slice(0, 500)).merge(fold(xs.slice(500)));
    const b = fold(xs.slice(0, 500)).merge(fold(xs.slice(500)).state());
    expect(a.state()).toEqual(b.state());
    expect(a.result()).toEqual(fcr(xs));
  });

  it('state() lists customers in id order with their start times sorted, and keeps the options', () => {
    const xs = [contact('bob', 5), contact('ann', 9), contact('ann', 2), contact(undefined, 1), contact('bob', 5), contact('ann', 4, { abandoned: true })];
    expect(fold(xs, { windowHours: 24, asOf: 100 }).state()).toEqual({
      v: 1,
      kind: 'fcr',
      windowHours: 24,
      asOf: 100,
      withoutCustomer: 1,
      customers: [
        ['ann', [2, 9]],
        ['bob', [5, 5]],
      ],
    });
    expect(fold([]).state()).toEqual({ v: 1, kind: 'fcr', windowHours: 168, asOf: null, withoutCustomer: 0, customers: [] });
  });

  it('fromState restores a JSON round-tripped state, options included', () => {
    const acc = fold(reference(), { windowHours: 48, asOf: 200 * HOUR_MS });
    const s = acc.state();
    const restored = fcrAccumulator.fromState(JSON.parse(JSON.stringify(s)) as FcrState);
    expect(restored.state()).toEqual(s);
    expect(restored.result()).toEqual(acc.result());
    // the restored window applies to what is added next: a callback 47 h after day0's last contact
    restored.add(contact('day0', 71 * HOUR_MS));
    expect(restored.result().repeats).toBe(acc.result().repeats + 1);
  });

  it.each([
    ['windowHours', { windowHours: 24 }, { windowHours: 48 }, 'state.windowHours'],
    ['asOf', { asOf: 0 }, { asOf: 1 }, 'state.asOf'],
    ['asOf given vs absent', { asOf: 0 }, {}, 'state.asOf'],
  ] as const)('merge of accumulators made with different %s throws invalid_state', (_name, mine, theirs, path) => {
    const acc = fold([contact('ann', 0)], mine);
    const before = acc.state();
    for (const other of [fold([contact('ann', 1)], theirs), fold([contact('ann', 1)], theirs).state()]) {
      const e = thrown(() => acc.merge(other));
      expect([e.code, e.path]).toEqual(['invalid_state', path]);
    }
    expect(acc.state()).toEqual(before);
  });

  it('merge words the different-options error', () => {
    expect(() => fcrAccumulator({ windowHours: 24 }).merge(fcrAccumulator({ windowHours: 48 }).state())).toThrowErrorMatchingInlineSnapshot(`[CxMetricsError: state.windowHours must equal this accumulator's windowHours (24) to merge, got 48]`);
  });

  it.each([
    ['another family', () => ahtAccumulator().state()],
    ['another version', () => ({ ...fcrAccumulator().state(), v: 2 })],
    ['a negative withoutCustomer', () => ({ ...fcrAccumulator().state(), withoutCustomer: -1 })],
    ['customers not an array', () => ({ ...fcrAccumulator().state(), customers: {} })],
    ['an entry without times', () => ({ ...fcrAccumulator().state(), customers: [['ann']] })],
    ['an empty customer id', () => ({ ...fcrAccumulator().state(), customers: [['', [1]]] })],
    ['a NaN time after a valid entry', () => ({ ...fcrAccumulator().state(), customers: [['ann', [1, 2]], ['bob', [3, Number.NaN]]] })],
  ] as const)('merge rejects a state with %s (invalid_state), leaving the accumulator unchanged', (_name, make) => {
    const acc = fold([contact('ann', 0), contact('ann', 1)]);
    const before = acc.state();
    expect(thrown(() => acc.merge(make() as unknown as FcrState)).code).toBe('invalid_state');
    expect(acc.state()).toEqual(before);
  });

  it('add(value, index) names the index; a failed add changes nothing', () => {
    const acc = fold([contact('ann', 0)]);
    const before = acc.state();
    expect(thrown(() => acc.add(contact('ann', Number.NaN), 9)).path).toBe('interactions[9].startedAt');
    expect(thrown(() => acc.add({ ...contact(undefined, 5), customerId: 7 } as unknown as Interaction)).path).toBe('interactions[1].customerId');
    expect(acc.state()).toEqual(before);
  });

  // BUG (reported): fromState validates the options stored in a state as options, so a corrupt
  // state fails with code 'invalid_option' and path 'options.windowHours' instead of 'invalid_state'.
  it.each([
    ['windowHours 0', { windowHours: 0 }, 'state.windowHours'],
    ['windowHours -1', { windowHours: -1 }, 'state.windowHours'],
    ['asOf NaN', { asOf: Number.NaN }, 'state.asOf'],
    ['asOf a string', { asOf: '2024-01-01' }, 'state.asOf'],
  ] as const)('fcrAccumulator.fromState rejects a state with %s with invalid_state', (_name, patch, path) => {
    const e = thrown(() => fcrAccumulator.fromState({ ...fcrAccumulator().state(), ...patch } as unknown as FcrState));
    expect([e.code, e.path]).toEqual(['invalid_state', path]);
  });
});
