import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcr, fcrAccumulator, type FcrOptions, type FcrState } from '../../src/metrics/index.js';
import type { Interaction } from '../../src/models/index.js';
import { CHANNELS, HOUR_MS, interactionsArb, nonFiniteNumbers, shard, startedAtArb, threeParts, withCut, withPermutation, withShards } from '../_arbitraries.js';

/** Windows in use (24 h, 48 h, 7 d), any whole number of hours, and fractional ones. */
const windowArb = fc.oneof(fc.constantFrom(24, 48, 168), fc.integer({ min: 1, max: 400 }), fc.double({ min: 0.01, max: 1000, noNaN: true }));
/** With or without a report time inside (or just past) the 10 days the generated contacts span. */
const optionsArb: fc.Arbitrary<FcrOptions> = fc
  .tuple(windowArb, fc.option(fc.integer({ min: 0, max: 12 * 24 * HOUR_MS }), { nil: undefined }))
  .map(([windowHours, asOf]) => (asOf === undefined ? { windowHours } : { windowHours, asOf }));

const fold = (xs: readonly Interaction[], o: FcrOptions) => {
  const acc = fcrAccumulator(o);
  for (const x of xs) acc.add(x);
  return acc;
};
const scored = (xs: readonly Interaction[]) => xs.filter((r) => r.abandoned !== true && r.customerId !== undefined);

/**
 * Naive FCR, straight from the definition and simpler than the code (no sort, quadratic): among
 * the scored contacts, the one scored last at each (customer, instant) is not a repeat when no
 * contact of that customer starts strictly later and within the window; all others are repeats.
 * With `asOf`, every contact whose window has not elapsed by then is pending, repeat or not.
 */
function naiveFcr(xs: readonly Interaction[], o: FcrOptions): { resolvedFirst: number; pending: number; repeats: number } {
  const w = (o.windowHours ?? 168) * HOUR_MS;
  const contacts = scored(xs);
  const distinct = new Map<string, { c: string; t: number }>();
  for (const r of contacts) distinct.set(`${r.customerId}\u0000${r.startedAt}`, { c: r.customerId!, t: r.startedAt });
  const young = (t: number) => o.asOf !== undefined && t + w > o.asOf;
  const pending = contacts.filter((r) => young(r.startedAt)).length;
  let resolvedFirst = 0;
  for (const { c, t } of distinct.values()) {
    const followed = contacts.some((r) => r.customerId === c && r.startedAt > t && r.startedAt - t <= w);
    if (!followed && !young(t)) resolvedFirst++;
  }
  return { resolvedFirst, pending, repeats: contacts.length - resolvedFirst - pending };
}

describe('fcr laws', () => {
  it('for any interactions and options, fcr agrees with a naive repeat-contact count', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const r = fcr(xs, o);
        expect({ resolvedFirst: r.resolvedFirst, pending: r.pending, repeats: r.repeats }).toEqual(naiveFcr(xs, o));
      }),
    );
  });

  it('counts add up: resolvedFirst + repeats = n; n + pending = handled contacts with a customer; withoutCustomer = handled without', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const r = fcr(xs, o);
        expect(r.resolvedFirst + r.repeats).toBe(r.n);
        expect(r.n + r.pending).toBe(scored(xs).length);
        expect(r.withoutCustomer).toBe(xs.filter((x) => x.abandoned !== true && x.customerId === undefined).length);
        if (o.asOf === undefined) expect(r.pending).toBe(0);
      }),
    );
  });

  it('rate is in [0, 1] and null exactly when n = 0', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const r = fcr(xs, o);
        expect(r.rate === null).toBe(r.n === 0);
        if (r.rate === null) return;
        expect(r.rate).toBeGreaterThanOrEqual(0);
        expect(r.rate).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('monotonic in the window (all contacts matured): for w1 ≤ w2, repeats do not fall, resolvedFirst and the rate do not rise', () => {
    // with asOf a longer window also moves contacts into `pending`, which changes the cohort: no law there
    fc.assert(
      fc.property(interactionsArb, windowArb, windowArb, (xs, a, b) => {
        const [w1, w2] = a <= b ? [a, b] : [b, a];
        const r1 = fcr(xs, { windowHours: w1 });
        const r2 = fcr(xs, { windowHours: w2 });
        expect(r2.repeats).toBeGreaterThanOrEqual(r1.repeats);
        expect(r2.resolvedFirst).toBeLessThanOrEqual(r1.resolvedFirst);
        if (r1.rate !== null && r2.rate !== null) expect(r2.rate).toBeLessThanOrEqual(r1.rate);
      }),
    );
  });

  it('customers are independent: fcr of all = sum of fcr of each customer’s contacts', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const all = fcr(xs, o);
        const ids = [...new Set(scored(xs).map((x) => x.customerId))];
        const parts = ids.map((c) => fcr(xs.filter((x) => x.customerId === c), o));
        expect(parts.reduce((s, p) => s + p.resolvedFirst, 0)).toBe(all.resolvedFirst);
        expect(parts.reduce((s, p) => s + p.repeats, 0)).toBe(all.repeats);
        expect(parts.reduce((s, p) => s + p.pending, 0)).toBe(all.pending);
      }),
    );
  });

  it('ties: for any set of contacts of one customer at one instant, exactly one is not a repeat', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), startedAtArb, fc.constantFrom(...CHANNELS), windowArb, (k, t, channel, windowHours) => {
        const xs = Array.from({ length: k }, (_, j): Interaction => ({ id: `t${j}`, channel, startedAt: t, customerId: 'ann' }));
        expect(fcr(xs, { windowHours })).toMatchObject({ resolvedFirst: 1, repeats: k - 1, n: k });
      }),
    );
  });

  it('order-independent: any permutation gives exactly the same result and state', () => {
    fc.assert(
      fc.property(withPermutation(interactionsArb), optionsArb, ([xs, ys], o) => {
        expect(fcr(ys, o)).toEqual(fcr(xs, o));
        expect(fold(ys, o).state()).toEqual(fold(xs, o).state());
      }),
    );
  });

  it('fold = batch, exactly', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        expect(fold(xs, o).result()).toEqual(fcr(xs, o));
      }),
    );
  });

  it('split anywhere + merge = whole, exactly', () => {
    fc.assert(
      fc.property(withCut(interactionsArb), optionsArb, ([xs, k], o) => {
        expect(fold(xs.slice(0, k), o).merge(fold(xs.slice(k), o).state()).result()).toEqual(fcr(xs, o));
      }),
    );
  });

  it('shards split by time (before / after any instant) merge to the batch result exactly', () => {
    fc.assert(
      fc.property(interactionsArb, startedAtArb, optionsArb, (xs, cut, o) => {
        const early = fold(
          xs.filter((x) => x.startedAt < cut),
          o,
        );
        const late = fold(
          xs.filter((x) => x.startedAt >= cut),
          o,
        );
        expect(late.merge(early.state()).result()).toEqual(fcr(xs, o));
      }),
    );
  });

  it('shards split by channel merge to the batch result exactly', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const merged = fcrAccumulator(o);
        for (const ch of CHANNELS) merged.merge(fold(xs.filter((x) => x.channel === ch), o).state());
        expect(merged.result()).toEqual(fcr(xs, o));
      }),
    );
  });

  it('shards split at random merge to the batch result exactly', () => {
    fc.assert(
      fc.property(withShards(interactionsArb), optionsArb, ([xs, shardOf], o) => {
        const merged = fcrAccumulator(o);
        for (const part of shard(xs, shardOf)) merged.merge(fold(part, o));
        expect(merged.result()).toEqual(fcr(xs, o));
        expect(merged.state()).toEqual(fold(xs, o).state());
      }),
    );
  });

  it('merge is associative: merge(merge(a,b),c) = merge(a,merge(b,c)), state for state', () => {
    fc.assert(
      fc.property(threeParts(interactionsArb), optionsArb, ([a, b, c], o) => {
        expect(fold(a, o).merge(fold(b, o)).merge(fold(c, o)).state()).toEqual(fold(a, o).merge(fold(b, o).merge(fold(c, o))).state());
      }),
    );
  });

  it('merge is commutative: merge(a,b) = merge(b,a), state for state', () => {
    fc.assert(
      fc.property(withCut(interactionsArb), optionsArb, ([xs, k], o) => {
        const [a, b] = [xs.slice(0, k), xs.slice(k)];
        expect(fold(a, o).merge(fold(b, o)).state()).toEqual(fold(b, o).merge(fold(a, o)).state());
      }),
    );
  });

  it('the empty accumulator with the same options is the identity of merge', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const s = fold(xs, o).state();
        expect(fold(xs, o).merge(fcrAccumulator(o)).state()).toEqual(s);
        expect(fcrAccumulator(o).merge(s).state()).toEqual(s);
      }),
    );
  });

  it('state survives a JSON round trip through fromState, options included', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const acc = fold(xs, o);
        const restored = fcrAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())) as FcrState);
        expect(restored.state()).toEqual(acc.state());
        expect(restored.result()).toEqual(acc.result());
      }),
    );
  });

  it('state lists customers in code-unit order, each with its start times ascending, one per handled contact', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const s = fold(xs, o).state();
        const ids = s.customers.map(([c]) => c);
        expect(ids).toEqual([...new Set(ids)].sort());
        for (const [, times] of s.customers) expect(times).toEqual([...times].sort((p, q) => p - q));
        expect(s.customers.reduce((n, [, times]) => n + times.length, 0)).toBe(scored(xs).length);
      }),
    );
  });

  it('no NaN or Infinity anywhere in the result or the state', () => {
    fc.assert(
      fc.property(interactionsArb, optionsArb, (xs, o) => {
        const acc = fold(xs, o);
        expect(nonFiniteNumbers(acc.result())).toEqual([]);
        expect(nonFiniteNumbers(acc.state())).toEqual([]);
      }),
    );
  });
});
