// Laws of the duration metrics (firstResponseTime, resolutionTime). What is exact and what is close:
// counts, min, max, the exact values and the sketch's bucket counts are functions of the multiset
// of durations, so they agree exactly between batch, fold, any split + merge and any order; the
// compensated sum (mean, total) agrees within 1e-12 relative and the moments (sd, interval) within
// 1e-9 (statistics.md §7). Exact percentiles are type 7 of the sorted values (equal exactly);
// sketched percentiles are within relativeAccuracy of them (statistics.md §8: test the bound).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DurationAccumulatorFactory, DurationOptions, DurationResult, DurationState } from '../../src/metrics/_durations.js';
import { firstResponseTime, firstResponseTimeAccumulator } from '../../src/metrics/firstResponseTime.js';
import { resolutionTime, resolutionTimeAccumulator } from '../../src/metrics/resolutionTime.js';
import type { Interaction } from '../../src/models/index.js';
import { businessCalendar } from '../../src/stats/businessHours.js';
import { quantileSorted } from '../../src/stats/quantiles.js';
import { durationArb, expectClose, expectResultsClose, momentsAbsTolerance, nonFiniteNumbers, startedAtArb, threeParts, withCut, withPermutation } from '../_arbitraries.js';

type Options = DurationOptions;

/** What the laws need of a metric (the two share every law). */
interface Metric {
  name: string;
  batch: (xs: Iterable<Interaction>, options?: Options) => DurationResult;
  make: DurationAccumulatorFactory;
  seconds: 'firstResponseSeconds' | 'resolutionSeconds';
  at: 'firstResponseAt' | 'resolvedAt';
}

const METRICS: Metric[] = [
  { name: 'firstResponseTime', batch: firstResponseTime, make: firstResponseTimeAccumulator, seconds: 'firstResponseSeconds', at: 'firstResponseAt' },
  { name: 'resolutionTime', batch: resolutionTime, make: resolutionTimeAccumulator, seconds: 'resolutionSeconds', at: 'resolvedAt' },
];

/** A ticket: either duration may be absent (unanswered, unresolved); timestamps within a year of the start. */
const recordArb: fc.Arbitrary<Interaction> = fc
  .record({
    startedAt: startedAtArb,
    firstResponseSeconds: fc.option(durationArb, { nil: undefined, freq: 4 }),
    resolutionSeconds: fc.option(durationArb, { nil: undefined, freq: 4 }),
    responseMs: fc.option(fc.integer({ min: 0, max: 365 * 86_400_000 }), { nil: undefined, freq: 4 }),
    resolveMs: fc.option(fc.integer({ min: 0, max: 365 * 86_400_000 }), { nil: undefined, freq: 4 }),
  })
  .map(({ startedAt, firstResponseSeconds, resolutionSeconds, responseMs, resolveMs }) => {
    const r: Interaction = { id: 'x', channel: 'email', startedAt };
    if (firstResponseSeconds !== undefined) r.firstResponseSeconds = firstResponseSeconds;
    if (resolutionSeconds !== undefined) r.resolutionSeconds = resolutionSeconds;
    if (responseMs !== undefined) r.firstResponseAt = startedAt + responseMs;
    if (resolveMs !== undefined) r.resolvedAt = startedAt + resolveMs;
    return r;
  });
const recordsArb = fc.array(recordArb, { maxLength: 60 }).map((xs) => xs.map((r, k) => ({ ...r, id: `t${k}` })));

/** Options that matter to the state: the source, a small exact limit (so merges cross it), α. */
const optionsArb: fc.Arbitrary<Options> = fc.record({
  from: fc.constantFrom('seconds' as const, 'timestamps' as const),
  exactLimit: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(100_000)),
  relativeAccuracy: fc.constantFrom(0.01, 0.05, 0.2),
  percentiles: fc.constant([0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1]),
});

/** The durations a metric reads from the records, as the test computes them (the oracle). */
function durationsOf(m: Metric, xs: readonly Interaction[], from: Options['from']): number[] {
  const out: number[] = [];
  for (const r of xs) {
    if (from === 'timestamps') {
      const at = r[m.at];
      if (at !== undefined) out.push((at - r.startedAt) / 1000);
    } else {
      const s = r[m.seconds];
      if (s !== undefined) out.push(s);
    }
  }
  return out;
}

/** The parts of a state that are functions of the multiset of durations (exact). */
function exactPart(s: DurationState): Omit<DurationState, 'sum' | 'sumComp' | 'moments'> {
  const { sum: _s, sumComp: _c, moments: _m, ...rest } = s;
  return rest;
}

/**
 * States agree: the exact part exactly, the total within 1e-12 relative, the moments within 1e-9
 * relative (mean: plus momentsAbsTolerance of the largest value; m2, a sum of n squares of at most
 * max: plus 1e-12·n·max²).
 */
function expectSameState(a: DurationState, b: DurationState): void {
  expect(exactPart(a)).toEqual(exactPart(b));
  expectClose(a.sum + a.sumComp, b.sum + b.sumComp);
  const max = b.max ?? 0;
  expect(a.moments.weight).toBe(b.moments.weight);
  expectResultsClose(a.moments.mean, b.moments.mean, 1e-9, momentsAbsTolerance(max));
  expectResultsClose(a.moments.m2, b.moments.m2, 1e-9, 1e-12 * b.n * max * max + 1e-150);
}

/** Results agree: counts, min, max, method and percentiles exactly; mean and total within 1e-12; sd and interval within 1e-9. */
function expectSameResult(a: DurationResult, b: DurationResult): void {
  const pick = (r: DurationResult) => [r.n, r.missing, r.min, r.max, r.median, r.p90, r.percentiles, r.method, r.relativeError, r.lowSample];
  expect(pick(a)).toEqual(pick(b));
  expectClose(a.totalSeconds, b.totalSeconds);
  expectClose(a.mean, b.mean);
  expectResultsClose([a.sd, a.ci], [b.sd, b.ci], 1e-9, momentsAbsTolerance(b.max ?? 0));
}

describe.each(METRICS)('$name laws', (m) => {
  const fold = (xs: readonly Interaction[], o: Options) => {
    const acc = m.make(o);
    for (const x of xs) acc.add(x);
    return acc;
  };

  it('for any records, n is the number with the duration, missing the rest, and every value is null exactly when n = 0', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, (xs, o) => {
        const r = m.batch(xs, o);
        expect(r.n).toBe(durationsOf(m, xs, o.from).length);
        expect(r.n + r.missing).toBe(xs.length);
        for (const v of [r.mean, r.median, r.p90, r.min, r.max, ...Object.values(r.percentiles)]) expect(v === null).toBe(r.n === 0);
      }),
    );
  });

  it('for any records, min ≤ p0 ≤ … ≤ median ≤ p90 ≤ … ≤ max, and min ≤ mean ≤ max (exact and sketched)', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, (xs, o) => {
        const r = m.batch(xs, o);
        if (r.n === 0) return;
        const ps = o.percentiles!.map((p) => r.percentiles[`p${Number((p * 100).toPrecision(12))}`]!);
        expect(ps[0]).toBe(r.min);
        expect(ps[ps.length - 1]).toBe(r.max);
        for (let k = 1; k < ps.length; k++) expect(ps[k]!).toBeGreaterThanOrEqual(ps[k - 1]!);
        expect([r.median, r.p90]).toEqual([r.percentiles.p50, r.percentiles.p90]);
        expect(r.mean!).toBeGreaterThanOrEqual(r.min!);
        expect(r.mean!).toBeLessThanOrEqual(r.max!);
      }),
    );
  });

  it('exact while n ≤ exactLimit: every percentile is type 7 of the durations, min and max their extremes, total their sum', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, (xs, o) => {
        const r = m.batch(xs, { ...o, exactLimit: 100_000 });
        const d = durationsOf(m, xs, o.from).sort((a, b) => a - b);
        expect(r.method).toBe('exact');
        for (const p of o.percentiles!) expect(r.percentiles[`p${Number((p * 100).toPrecision(12))}`]).toBe(quantileSorted(d, p));
        expect([r.min, r.max]).toEqual(d.length === 0 ? [null, null] : [d[0], d[d.length - 1]]);
        expectClose(r.totalSeconds, d.reduce((s, x) => s + x, 0));
      }),
    );
  });

  it('past exactLimit: method sketch, and every percentile within relativeAccuracy of the exact type-7 one', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, (xs, o) => {
        const sketched = m.batch(xs, o);
        const exact = m.batch(xs, { ...o, exactLimit: 100_000 });
        const alpha = o.relativeAccuracy!;
        expect(sketched.method).toBe(sketched.n > o.exactLimit! ? 'sketch' : 'exact');
        expect(sketched.relativeError).toBe(sketched.method === 'sketch' ? alpha : 0);
        expect([sketched.n, sketched.min, sketched.max]).toEqual([exact.n, exact.min, exact.max]);
        for (const [key, v] of Object.entries(sketched.percentiles)) {
          const q = exact.percentiles[key]!;
          expect(Math.abs(v! - q), `${key}: ${v} vs ${q}`).toBeLessThanOrEqual(sketched.relativeError * q + 1e-12 * q + 1e-300);
        }
      }),
    );
  });

  it('fold = batch: adding the records one by one gives exactly the batch result', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, (xs, o) => {
        expect(fold(xs, o).result()).toEqual(m.batch(xs, o));
      }),
    );
  });

  it('split anywhere + merge = whole: values or sketch, counts, min and max exactly; sums within 1e-12', () => {
    fc.assert(
      fc.property(withCut(recordsArb), optionsArb, ([xs, k], o) => {
        const merged = fold(xs.slice(0, k), o).merge(fold(xs.slice(k), o).state());
        const whole = fold(xs, o);
        expectSameState(merged.state(), whole.state());
        expectSameResult(merged.result(), whole.result());
      }),
    );
  });

  it('merge is associative: merge(merge(a,b),c) = merge(a,merge(b,c)), crossing exactLimit or not', () => {
    fc.assert(
      fc.property(threeParts(recordsArb), optionsArb, ([a, b, c], o) => {
        const left = fold(a, o).merge(fold(b, o)).merge(fold(c, o));
        const right = fold(a, o).merge(fold(b, o).merge(fold(c, o)));
        expectSameState(left.state(), right.state());
      }),
    );
  });

  it('merge is commutative: merge(a,b) = merge(b,a)', () => {
    fc.assert(
      fc.property(withCut(recordsArb), optionsArb, ([xs, k], o) => {
        const [a, b] = [xs.slice(0, k), xs.slice(k)];
        expectSameState(fold(a, o).merge(fold(b, o)).state(), fold(b, o).merge(fold(a, o)).state());
      }),
    );
  });

  it('order-independent: for any permutation, the same values or sketch and the same percentiles, exactly', () => {
    fc.assert(
      fc.property(withPermutation(recordsArb), optionsArb, ([xs, ys], o) => {
        expectSameState(fold(ys, o).state(), fold(xs, o).state());
        expectSameResult(m.batch(ys, o), m.batch(xs, o));
      }),
    );
  });

  it('the empty accumulator is the identity of merge, on both sides, exactly', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, (xs, o) => {
        const s = fold(xs, o).state();
        expect(fold(xs, o).merge(m.make(o)).state()).toEqual(s);
        expect(m.make(o).merge(s).state()).toEqual(s);
      }),
    );
  });

  it('state survives a JSON round trip: fromState(JSON(state)) has the same state and result', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, (xs, o) => {
        const acc = fold(xs, o);
        const restored = m.make.fromState(JSON.parse(JSON.stringify(acc.state())) as DurationState, { percentiles: o.percentiles! });
        expect(restored.state()).toEqual(acc.state());
        expect(restored.result()).toEqual(acc.result());
      }),
    );
  });

  it('the state is canonical: exact values sorted ascending, length n, or a sketch of count n', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, (xs, o) => {
        const s = fold(xs, o).state();
        if (s.values !== null) {
          expect(s.sketch).toBeNull();
          expect(s.values).toEqual(durationsOf(m, xs, o.from).sort((a, b) => a - b));
        } else {
          expect(s.n).toBeGreaterThan(o.exactLimit!);
          expect(s.sketch!.count).toBe(s.n);
        }
      }),
    );
  });

  it("from: 'timestamps' equals from: 'seconds' on the same durations given as (at − startedAt) / 1000", () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, (xs, o) => {
        const asSeconds = xs.map((r) => {
          const { [m.seconds]: _drop, ...rest } = r;
          const at = r[m.at];
          return at === undefined ? rest : { ...rest, [m.seconds]: (at - r.startedAt) / 1000 };
        }) as Interaction[];
        expect(m.batch(xs, { ...o, from: 'timestamps' })).toEqual(m.batch(asSeconds, { ...o, from: 'seconds' }));
      }),
    );
  });

  it('on a 24/7 calendar, business time equals calendar time: for any records, the same result as without a calendar', () => {
    const always: [string, string][] = [['00:00', '24:00']];
    const calendar = businessCalendar({ timeZone: 'UTC', hours: { mon: always, tue: always, wed: always, thu: always, fri: always, sat: always, sun: always } });
    fc.assert(
      fc.property(recordsArb, optionsArb, (xs, o) => {
        expect(m.batch(xs, { ...o, from: 'timestamps', calendar })).toEqual(m.batch(xs, { ...o, from: 'timestamps' }));
      }),
      { numRuns: 40 },
    );
  });

  it('no NaN or Infinity anywhere in the result or the state', () => {
    fc.assert(
      fc.property(recordsArb, optionsArb, (xs, o) => {
        const acc = fold(xs, o);
        expect(nonFiniteNumbers(acc.result())).toEqual([]);
        expect(nonFiniteNumbers(acc.state())).toEqual([]);
      }),
    );
  });
});
