import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnIncidence } from '../../src/metrics/churnIncidence.js';
import {
  type ServiceLevelAbandons,
  type ServiceLevelOptions,
  type ServiceLevelState,
  serviceLevel,
  serviceLevelAccumulator,
} from '../../src/metrics/serviceLevel.js';
import type { Interaction } from '../../src/models/index.js';
import { nonFiniteNumbers, threeParts, withCut, withPermutation, withShards, shard } from '../_arbitraries.js';

// Every service-level number is a count or a ratio of two counts: all laws compare exactly.

const CONVENTIONS: readonly ServiceLevelAbandons[] = ['excludedIfWithinThreshold', 'missed', 'metIfWithinThreshold', 'excluded'];

/** Waits that sit on and around the usual thresholds (5 s, 20 s, 30 s) often, and anything valid sometimes. */
const waitArb = fc.oneof(
  { arbitrary: fc.constantFrom(0, 4.999, 5, 19.5, 20, 20.001, 30, 60), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 120 }), weight: 3 },
  { arbitrary: fc.double({ min: 0, max: 1e9, noNaN: true }), weight: 1 },
);
const thresholdArb = fc.oneof(fc.constantFrom(0, 5, 20, 30), fc.double({ min: 0, max: 200, noNaN: true }));

/** A queue contact: answered or abandoned (or `abandoned` absent), with a wait most of the time. */
const contactArb: fc.Arbitrary<Interaction> = fc
  .record({ abandoned: fc.option(fc.boolean(), { nil: undefined }), wait: fc.option(waitArb, { nil: undefined, freq: 6 }) })
  .map(({ abandoned, wait }) => {
    const r: Interaction = { id: 'x', channel: 'phone', startedAt: 0 };
    if (abandoned !== undefined) r.abandoned = abandoned;
    if (wait !== undefined) r.waitSeconds = wait;
    return r;
  });
const contactsArb = fc.array(contactArb, { maxLength: 60 });
const optionsArb: fc.Arbitrary<ServiceLevelOptions> = fc.record({
  thresholdSeconds: thresholdArb,
  shortAbandonSeconds: fc.oneof(fc.constantFrom(0, 5, 20), fc.double({ min: 0, max: 200, noNaN: true })),
  abandoned: fc.constantFrom(...CONVENTIONS),
});

const fold = (xs: readonly Interaction[], o: ServiceLevelOptions) => {
  const acc = serviceLevelAccumulator(o);
  for (const x of xs) acc.add(x);
  return acc;
};

/** The formulas of definitions.md §4.3 written out over filters: an oracle simpler than the code. */
function oracle(xs: readonly Interaction[], o: Required<Pick<ServiceLevelOptions, 'thresholdSeconds' | 'shortAbandonSeconds' | 'abandoned'>>) {
  const T = o.thresholdSeconds;
  const answered = xs.filter((x) => x.abandoned !== true && x.waitSeconds !== undefined);
  const abandons = xs.filter((x) => x.abandoned === true && !(x.waitSeconds !== undefined && x.waitSeconds < o.shortAbandonSeconds));
  const aIn = answered.filter((x) => x.waitSeconds! <= T).length;
  const bIn = abandons.filter((x) => x.waitSeconds !== undefined && x.waitSeconds <= T).length;
  const [a, b] = [answered.length, abandons.length];
  const [met, n] = (
    {
      missed: [aIn, a + b],
      excluded: [aIn, a],
      metIfWithinThreshold: [aIn + bIn, a + b],
      excludedIfWithinThreshold: [aIn, a + b - bIn],
    } satisfies Record<ServiceLevelAbandons, [number, number]>
  )[o.abandoned];
  return { met, n, rate: n === 0 ? null : met / n };
}

describe('serviceLevel laws', () => {
  it('agrees with the §4.3 formulas written out (oracle), for any contacts and options', () => {
    fc.assert(
      fc.property(contactsArb, optionsArb, (xs, o) => {
        const r = serviceLevel(xs, o);
        expect({ met: r.met, n: r.n, rate: r.rate }).toEqual(oracle(xs, o as Required<ServiceLevelOptions>));
      }),
    );
  });

  it('bounds: met ≤ n, rate in [0, 1], rate and ci null exactly when n = 0', () => {
    fc.assert(
      fc.property(contactsArb, optionsArb, (xs, o) => {
        const r = serviceLevel(xs, o);
        expect(r.met).toBeLessThanOrEqual(r.n);
        expect(r.rate === null).toBe(r.n === 0);
        expect(r.ci === null).toBe(r.n === 0);
        if (r.rate === null) return;
        expect(r.rate).toBeGreaterThanOrEqual(0);
        expect(r.rate).toBeLessThanOrEqual(1);
        expect(r.ci!.low).toBeLessThanOrEqual(r.rate);
        expect(r.ci!.high).toBeGreaterThanOrEqual(r.rate);
      }),
    );
  });

  it('counts add up: answered + missingWait = not abandoned; abandoned + shortAbandons = abandoned; n + shortAbandons + missingWait + left-out abandons = offered', () => {
    fc.assert(
      fc.property(contactsArb, optionsArb, (xs, o) => {
        const r = serviceLevel(xs, o);
        expect(r.answered + r.missingWait).toBe(xs.filter((x) => x.abandoned !== true).length);
        expect(r.abandoned + r.shortAbandons).toBe(xs.filter((x) => x.abandoned === true).length);
        expect(r.answeredWithinThreshold).toBeLessThanOrEqual(r.answered);
        expect(r.abandonedWithinThreshold).toBeLessThanOrEqual(r.abandoned);
        const leftOut = { missed: 0, metIfWithinThreshold: 0, excluded: r.abandoned, excludedIfWithinThreshold: r.abandonedWithinThreshold }[o.abandoned!];
        expect(r.n + r.shortAbandons + r.missingWait + leftOut).toBe(xs.length);
      }),
    );
  });

  it("with 'missed', offered and abandoned counts equal churnIncidence's (minus answered contacts without a wait)", () => {
    fc.assert(
      fc.property(contactsArb, optionsArb, (xs, o) => {
        const sl = serviceLevel(xs, { ...o, abandoned: 'missed' });
        const ch = churnIncidence(xs, { shortAbandonSeconds: o.shortAbandonSeconds! });
        expect([sl.n + sl.missingWait, sl.abandoned, sl.shortAbandons]).toEqual([ch.n, ch.abandoned, ch.shortAbandons]);
      }),
    );
  });

  it('monotone in the threshold: for any T1 ≤ T2 and convention, met(T1) ≤ met(T2) and rate(T1) ≤ rate(T2) when both are defined', () => {
    fc.assert(
      fc.property(contactsArb, optionsArb, thresholdArb, thresholdArb, (xs, o, a, b) => {
        const [t1, t2] = a <= b ? [a, b] : [b, a];
        const r1 = serviceLevel(xs, { ...o, thresholdSeconds: t1 });
        const r2 = serviceLevel(xs, { ...o, thresholdSeconds: t2 });
        expect(r1.answeredWithinThreshold).toBeLessThanOrEqual(r2.answeredWithinThreshold);
        expect(r1.abandonedWithinThreshold).toBeLessThanOrEqual(r2.abandonedWithinThreshold);
        if (r1.rate !== null && r2.rate !== null) expect(r1.rate).toBeLessThanOrEqual(r2.rate);
      }),
    );
  });

  // By hand, with a = answered, m = answered ≤ T, b = abandoned, w = abandoned ≤ T (w ≤ b, m ≤ a):
  // missed m/(a+b) ≤ ignored m/(a+b−w) (smaller denominator); ignored ≤ excluded m/a (a ≤ a+b−w);
  // ignored ≤ positive (m+w)/(a+b), since adding w to both sides of m/(a+b−w) ≤ 1 moves it toward 1.
  // Positive and excluded are not ordered (late abandons lower positive only).
  it("conventions are ordered: 'missed' ≤ 'excludedIfWithinThreshold' ≤ both 'metIfWithinThreshold' and 'excluded' (where defined)", () => {
    fc.assert(
      fc.property(contactsArb, optionsArb, (xs, o) => {
        const rate = (abandoned: ServiceLevelAbandons) => serviceLevel(xs, { ...o, abandoned }).rate;
        const [missed, ignored, positive, excluded] = [rate('missed'), rate('excludedIfWithinThreshold'), rate('metIfWithinThreshold'), rate('excluded')];
        const le = (x: number | null, y: number | null) => {
          if (x !== null && y !== null) expect(x).toBeLessThanOrEqual(y);
        };
        le(missed, ignored);
        le(ignored, positive);
        le(ignored, excluded);
        le(missed, positive);
      }),
    );
  });

  it('a larger shortAbandonSeconds never lowers the rate under missed, ignored or excluded', () => {
    fc.assert(
      fc.property(contactsArb, optionsArb, thresholdArb, thresholdArb, (xs, o, a, b) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        for (const abandoned of ['missed', 'excludedIfWithinThreshold', 'excluded'] as const) {
          const r1 = serviceLevel(xs, { ...o, abandoned, shortAbandonSeconds: s1 });
          const r2 = serviceLevel(xs, { ...o, abandoned, shortAbandonSeconds: s2 });
          if (r1.rate !== null && r2.rate !== null) expect(r1.rate).toBeLessThanOrEqual(r2.rate);
        }
      }),
    );
  });

  it('fold = batch, exactly', () => {
    fc.assert(
      fc.property(contactsArb, optionsArb, (xs, o) => {
        expect(fold(xs, o).result()).toEqual(serviceLevel(xs, o));
      }),
    );
  });

  it('order-independent: any permutation gives exactly the same result', () => {
    fc.assert(
      fc.property(withPermutation(contactsArb), optionsArb, ([xs, ys], o) => {
        expect(serviceLevel(ys, o)).toEqual(serviceLevel(xs, o));
      }),
    );
  });

  it('split anywhere + merge = whole, exactly', () => {
    fc.assert(
      fc.property(withCut(contactsArb), optionsArb, ([xs, k], o) => {
        expect(fold(xs.slice(0, k), o).merge(fold(xs.slice(k), o).state()).result()).toEqual(serviceLevel(xs, o));
      }),
    );
  });

  it('any split into four shards + merge = whole, exactly', () => {
    fc.assert(
      fc.property(withShards(contactsArb), optionsArb, ([xs, of], o) => {
        const acc = serviceLevelAccumulator(o);
        for (const part of shard(xs, of)) acc.merge(fold(part, o));
        expect(acc.result()).toEqual(serviceLevel(xs, o));
      }),
    );
  });

  it('merge is associative: merge(merge(a,b),c) = merge(a,merge(b,c)), state for state', () => {
    fc.assert(
      fc.property(threeParts(contactsArb), optionsArb, ([a, b, c], o) => {
        expect(fold(a, o).merge(fold(b, o)).merge(fold(c, o)).state()).toEqual(fold(a, o).merge(fold(b, o).merge(fold(c, o))).state());
      }),
    );
  });

  it('merge is commutative: merge(a,b) = merge(b,a), state for state', () => {
    fc.assert(
      fc.property(withCut(contactsArb), optionsArb, ([xs, k], o) => {
        const [a, b] = [xs.slice(0, k), xs.slice(k)];
        expect(fold(a, o).merge(fold(b, o)).state()).toEqual(fold(b, o).merge(fold(a, o)).state());
      }),
    );
  });

  it('the empty accumulator with the same options is the identity of merge', () => {
    fc.assert(
      fc.property(contactsArb, optionsArb, (xs, o) => {
        const s = fold(xs, o).state();
        expect(fold(xs, o).merge(serviceLevelAccumulator(o)).state()).toEqual(s);
        expect(serviceLevelAccumulator(o).merge(s).state()).toEqual(s);
      }),
    );
  });

  it('state survives a JSON round trip through fromState, options included', () => {
    fc.assert(
      fc.property(contactsArb, optionsArb, (xs, o) => {
        const acc = fold(xs, o);
        const restored = serviceLevelAccumulator.fromState(JSON.parse(JSON.stringify(acc.state())) as ServiceLevelState);
        expect(restored.state()).toEqual(acc.state());
        expect(restored.result()).toEqual(acc.result());
      }),
    );
  });

  it('no NaN or Infinity anywhere in the result or the state', () => {
    fc.assert(
      fc.property(contactsArb, optionsArb, (xs, o) => {
        const acc = fold(xs, o);
        expect(nonFiniteNumbers(acc.result())).toEqual([]);
        expect(nonFiniteNumbers(acc.state())).toEqual([]);
      }),
    );
  });
});
