/**
 * Shared fast-check arbitraries of valid interactions and survey responses, and the small helpers
 * the property tests of the operational metrics and of byTouchpoint use.
 *
 * Values are valid by construction (durations finite seconds in [0, 1e9], integer transfers,
 * boolean `abandoned`, non-empty string ids): the laws are about valid input; bad values have
 * their own example tests. Optional fields are absent (never `undefined`) when not generated.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { CxMetricsError } from '../src/metrics/index.js';
import type { Interaction, SurveyResponse } from '../src/models/index.js';

export const HOUR_MS = 3_600_000;

export const CHANNELS = ['phone', 'chat', 'email'] as const;
/** Mixed case on purpose: code-unit order puts 'Web' before 'billing'. */
export const TOUCHPOINTS = ['billing', 'support', 'Web', 'app'] as const;
export const CUSTOMERS = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'] as const;

/**
 * Durations in seconds: mostly whole seconds (exact sums), some fractional ones, a few huge ones
 * up to the 1e9 bound, and exact zeros (not held, no transfer time).
 */
export const durationArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 3600 }), weight: 4 },
  { arbitrary: fc.double({ min: 0, max: 1e4, noNaN: true }), weight: 2 },
  { arbitrary: fc.double({ min: 0, max: 1e9, noNaN: true }), weight: 1 },
  { arbitrary: fc.constant(0), weight: 1 },
);

/**
 * Start times over 10 days: mostly on a whole-hour grid, so ties and gaps of exactly a window's
 * length (24 h, 48 h, 168 h…) are frequent, and some at any millisecond.
 */
export const startedAtArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 10 * 24 }).map((h) => h * HOUR_MS), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 10 * 24 * HOUR_MS }), weight: 1 },
);

/**
 * Queue waits in seconds: half of them short whole seconds (0–60 s, so the service-level thresholds
 * of 20 and 30 s and waits of exactly those are frequent), half any {@link durationArb}.
 */
export const waitArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 60 }), weight: 1 },
  { arbitrary: durationArb, weight: 1 },
);

/** `arb`, or absent once in `freq` times. */
const optional = <T>(arb: fc.Arbitrary<T>, freq: number): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq });

/** Drops the keys whose value is `undefined`: an absent field is absent, never `undefined`. */
function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * One valid interaction; every optional field may be absent. Most contacts have a customer (FCR
 * needs one), about one in six is abandoned; half report a `resolved` disposition.
 */
export const interactionArb: fc.Arbitrary<Interaction> = fc
  .record({
    id: fc.constant('x'),
    channel: fc.constantFrom(...CHANNELS),
    startedAt: startedAtArb,
    customerId: optional(fc.constantFrom(...CUSTOMERS), 6),
    touchpoint: optional(fc.constantFrom(...TOUCHPOINTS), 5),
    waitSeconds: optional(waitArb, 2),
    talkSeconds: optional(durationArb, 4),
    holdSeconds: optional(durationArb, 2),
    afterWorkSeconds: optional(durationArb, 3),
    transfers: optional(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4 })), 2),
    abandoned: optional(fc.oneof({ arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.constant(true), weight: 1 }), 2),
    resolved: optional(fc.boolean(), 2),
  })
  .map((r) => stripUndefined(r) as Interaction);

/** Interactions with unique ids `i0`, `i1`, … (so surveys can point at them). */
export const interactionsArb: fc.Arbitrary<Interaction[]> = fc
  .array(interactionArb, { maxLength: 60, size: 'medium' })
  .map((list) => list.map((r, k) => ({ ...r, id: `i${k}` })));

/**
 * One valid survey response. `interactionId` points at `i0`…`i79`: with at most 60 interactions,
 * some point at an interaction that is not there. Half answer the FCR question (`fcr`).
 */
export const surveyArb: fc.Arbitrary<SurveyResponse> = fc
  .record({
    id: fc.constant('s'),
    submittedAt: fc.integer({ min: 0, max: 10 * 24 * HOUR_MS }),
    interactionId: optional(
      fc.nat({ max: 79 }).map((k) => `i${k}`),
      4,
    ),
    touchpoint: optional(fc.constantFrom(...TOUCHPOINTS), 2),
    csat: optional(fc.integer({ min: 1, max: 5 }), 3),
    nps: optional(fc.integer({ min: 0, max: 10 }), 3),
    ces: optional(fc.integer({ min: 1, max: 7 }), 3),
    fcr: optional(fc.boolean(), 2),
  })
  .map((s) => stripUndefined(s) as SurveyResponse);

export const surveysArb: fc.Arbitrary<SurveyResponse[]> = fc
  .array(surveyArb, { maxLength: 40, size: 'medium' })
  .map((list) => list.map((s, k) => ({ ...s, id: `s${k}` })));

/** A list and a permutation of it. */
export function withPermutation<T>(arb: fc.Arbitrary<T[]>): fc.Arbitrary<[T[], T[]]> {
  return arb.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));
}

/** A list and a cut point in [0, length]. */
export function withCut<T>(arb: fc.Arbitrary<T[]>): fc.Arbitrary<[T[], number]> {
  return arb.chain((xs) => fc.tuple(fc.constant(xs), fc.integer({ min: 0, max: xs.length })));
}

/** A list cut into three consecutive parts (any of them may be empty). */
export function threeParts<T>(arb: fc.Arbitrary<T[]>): fc.Arbitrary<[T[], T[], T[]]> {
  return arb.chain((xs) =>
    fc.tuple(fc.integer({ min: 0, max: xs.length }), fc.integer({ min: 0, max: xs.length })).map(([a, b]): [T[], T[], T[]] => {
      const [i, j] = a <= b ? [a, b] : [b, a];
      return [xs.slice(0, i), xs.slice(i, j), xs.slice(j)];
    }),
  );
}

/** A list and, for each element, a shard number 0–3 (random split into up to four shards). */
export function withShards<T>(arb: fc.Arbitrary<T[]>): fc.Arbitrary<[T[], number[]]> {
  return arb.chain((xs) => fc.tuple(fc.constant(xs), fc.array(fc.nat({ max: 3 }), { minLength: xs.length, maxLength: xs.length })));
}

/** Splits `xs` into shards by the shard number at the same position. */
export function shard<T>(xs: readonly T[], shardOf: readonly number[]): T[][] {
  const out: T[][] = [[], [], [], []];
  xs.forEach((x, k) => out[shardOf[k] ?? 0]!.push(x));
  return out;
}

/** Paths of every number in `x` that is NaN or ±Infinity (empty when `x` is JSON-safe in numbers). */
export function nonFiniteNumbers(x: unknown, path = '$'): string[] {
  if (typeof x === 'number') return Number.isFinite(x) ? [] : [`${path} = ${x}`];
  if (Array.isArray(x)) return x.flatMap((v, k) => nonFiniteNumbers(v, `${path}[${k}]`));
  if (typeof x === 'object' && x !== null) return Object.entries(x).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
  return [];
}

/** Sums of fractional seconds agree within 1e-12 relative (DESIGN.md, "Exact where exactness exists"). */
export const REL_TOL = 1e-12;

/** Asserts `actual` equals `expected` within {@link REL_TOL} relative (both null also passes). */
export function expectClose(actual: number | null, expected: number | null): void {
  if (expected === null || actual === null) {
    expect(actual).toBe(expected);
    return;
  }
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(REL_TOL * scale);
}

/**
 * Asserts that two results (or states) agree field by field, recursively: every number within `rel`
 * relative (|a − b| ≤ rel · max(|a|, |b|) + abs), everything else exactly: null, booleans, strings,
 * the set of keys, array lengths. Counts compare exactly under this rule (for counts below 1 / rel
 * two different integers are never within tolerance). Lists every mismatch with its path.
 *
 * Use `rel` = {@link REL_TOL} for fields from compensated sums and exact counts, and 1e-9 for fields
 * derived from merged moments (sd, t intervals): Chan et al.'s merge equals a single Welford pass
 * only up to rounding (../shared/reference/statistics.md §7). For those fields give also
 * `abs` = {@link momentsAbsTolerance} of the data.
 */
export function expectResultsClose(actual: unknown, expected: unknown, rel: number = REL_TOL, abs = 0): void {
  const mismatches: string[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (typeof a === 'number' && typeof b === 'number') {
      const ok = a === b || Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;
      if (!ok) mismatches.push(`${path}: ${a} vs ${b}`);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) mismatches.push(`${path}: length ${a.length} vs ${b.length}`);
      else a.forEach((v, k) => walk(v, b[k], `${path}[${k}]`));
      return;
    }
    if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
      const ka = Object.keys(a).sort();
      const kb = Object.keys(b).sort();
      if (ka.join() !== kb.join()) mismatches.push(`${path}: keys {${ka.join(', ')}} vs {${kb.join(', ')}}`);
      else for (const k of ka) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      return;
    }
    if (a !== b) mismatches.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  };
  walk(actual, expected, '$');
  expect(mismatches, `results differ beyond ${rel} relative + ${abs}`).toEqual([]);
}

/**
 * The absolute tolerance of fields derived from moments (sd, t intervals) of data whose largest
 * |value| is `largest`. 1e-12 · largest: a spread of a few ulps of the data is only known in absolute
 * terms (answers 1 and 1.0000000000000007 give sd 3.8e-16 in one pass, 4.7e-16 merged). Plus 1e-150:
 * squares of values below 1e-154 underflow into subnormals and keep only a few digits (holds of
 * 5e-324 s and 5.1e-161 s give sd 3.598e-161 in one pass, 3.612e-161 merged).
 */
export function momentsAbsTolerance(largest: number): number {
  return 1e-12 * largest + 1e-150;
}

/**
 * Asserts that `ci` is a two-sided interval at `level` (default 0.95) around `estimate`, of positive
 * width, inside `[min, max]` (default [0, 1], a rate): min ≤ low ≤ estimate ≤ high ≤ max, low < high.
 * For intervals whose exact bounds no reference example gives; exact bounds are asserted exactly.
 */
export function expectIntervalAround(
  ci: { low: number; high: number; level: number } | null,
  estimate: number | null,
  [min, max]: readonly [number, number] = [0, 1],
  level = 0.95,
): void {
  if (ci === null || estimate === null) {
    expect.unreachable(`expected an interval around an estimate, got ${JSON.stringify(ci)} around ${estimate}`);
    return;
  }
  expect(ci.level).toBe(level);
  expect(ci.low, 'low ≥ min').toBeGreaterThanOrEqual(min);
  expect(ci.low, 'low ≤ estimate').toBeLessThanOrEqual(estimate);
  expect(ci.high, 'high ≥ estimate').toBeGreaterThanOrEqual(estimate);
  expect(ci.high, 'high ≤ max').toBeLessThanOrEqual(max);
  expect(ci.low, 'positive width').toBeLessThan(ci.high);
}

/**
 * Reference values from ../shared/reference/statistics.md, for the example tests' intervals: Wilson
 * bounds are given there to 10 digits and t quantiles as full doubles; compare them within 1e-9
 * relative, as that reference says.
 */
export const REFERENCE = {
  /** §1: Wilson 95% interval of 1 success in 1 trial. */
  wilson1of1: { low: 0.2065493144, high: 1, level: 0.95 },
  /** §1: Wilson 95% interval of 0 successes in 1 trial. */
  wilson0of1: { low: 0, high: 0.7934506856, level: 0.95 },
  /** §10: t(0.975, ν) for ν = 1, 2, 3 (SciPy `t.ppf`). */
  t975: { 1: 12.706204736174694, 2: 4.302652729749462, 3: 3.1824463052837078 } as Readonly<Record<number, number>>,
} as const;

/**
 * The 95% Student t interval of a mean, mean ± t(0.975, n − 1) · sd / √n (statistics.md §5), from a
 * mean and sd the test computes by hand and t from {@link REFERENCE}; n from 2 to 4.
 */
export function tInterval95(mean: number, sd: number, n: number): { low: number; high: number; level: number } {
  const t = REFERENCE.t975[n - 1];
  if (t === undefined) throw new Error(`no reference t quantile for n = ${n}`);
  const half = (t * sd) / Math.sqrt(n);
  return { low: mean - half, high: mean + half, level: 0.95 };
}

/** Runs `fn`, asserts it throws a {@link CxMetricsError}, and returns the error. */
export function thrown(fn: () => unknown): CxMetricsError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CxMetricsError);
    return e as CxMetricsError;
  }
  throw new Error('expected a CxMetricsError, but nothing was thrown');
}

/** Freezes a list and every record in it (inputs must not be mutated). */
export function deepFreeze<T extends object>(xs: readonly T[]): readonly T[] {
  for (const x of xs) Object.freeze(x);
  return Object.freeze(xs);
}
