/**
 * The shape every metric family's accumulator shares, and the helpers that build one.
 * @internal
 * @module
 */
import { CxMetricsError, invalidState } from '../models/errors.js';
import { type LowSampleOptions, type LowSampleRule, checkLevel, lowSampleRule } from '../stats/intervals.js';
import type { Moments } from '../stats/moments.js';

/** Options every metric takes for its interval and its low-sample flag. */
export interface StatOptions {
  /**
   * Confidence level of the result's interval(s), in (0, 1).
   * @defaultValue 0.95
   */
  confidence?: number;
  /** Thresholds of the `lowSample` flag (docs/statistics.md#low-sample). */
  lowSample?: LowSampleOptions;
}

/** Resolved interval and low-sample options. @internal */
export interface ResultOptions {
  confidence: number;
  lowSample: LowSampleRule;
}

/** Validates {@link StatOptions}. @internal */
export function resultOptions(o: StatOptions | undefined): ResultOptions {
  return { confidence: checkLevel(o?.confidence ?? 0.95), lowSample: lowSampleRule(o?.lowSample) };
}

/**
 * A mergeable, serializable running computation of one metric family.
 *
 * - `add(value, index?)` folds one value in; `index` (default: how many values this accumulator
 *   has seen) names the record in error messages.
 * - `merge(other)` folds in another accumulator or a plain-JSON state of the same family and options;
 *   merge is associative and commutative, and an empty accumulator is its identity.
 * - `result()` is the public result, the same the batch function returns for the same values.
 * - `state()` is a plain-JSON copy (versioned with `v: 1`) to store, send or merge elsewhere.
 */
export interface Accumulator<In, State, Result> {
  /** Folds one value in; throws {@link CxMetricsError} on a bad value, leaving the state unchanged. */
  add(value: In, index?: number): this;
  /** Folds in another accumulator or a state of the same family and options. */
  merge(other: Accumulator<In, State, Result> | State): this;
  /** The result over everything added and merged so far. */
  result(): Result;
  /** A plain-JSON copy of the state. */
  state(): State;
}

/**
 * The functional core of a family: how to make, fill, merge and read a state.
 * @internal
 */
export interface Family<In, State, Result> {
  kind: string;
  /**
   * `field`, when given, words errors as `surveys[index].field` instead of `scores[index]`;
   * `weight` (survey families) is the value's weight when the value is a plain number.
   */
  add(state: State, value: In, index: number, field?: string, weight?: number): void;
  merge(into: State, other: State): void;
  result(state: State, options: ResultOptions): Result;
  copy(state: State): State;
  /** Throws an `invalid_state` error if `s` is not a state of this family compatible with `like`. */
  check(s: unknown, like: State): asserts s is State;
}

/**
 * The batch function of a family: one pass folding `values` into `state`, then the result. The
 * result options come first so they are validated before the state's own options, as before.
 * @internal
 */
export function fold<In, State, Result>(family: Family<In, State, Result>, options: ResultOptions, state: State, values: Iterable<In>): Result {
  let i = 0;
  for (const v of values) family.add(state, v, i++);
  return family.result(state, options);
}

/**
 * Wraps a family's functional core in the {@link Accumulator} interface.
 * @internal
 */
export function makeAccumulator<In, State, Result>(family: Family<In, State, Result>, state: State, options: ResultOptions): Accumulator<In, State, Result> {
  let seen = 0;
  const acc: Accumulator<In, State, Result> = {
    add(value, index) {
      family.add(state, value, index ?? seen);
      seen++;
      return acc;
    },
    merge(other) {
      const s = stateOf(other);
      family.check(s, state);
      family.merge(state, s);
      return acc;
    },
    result: () => family.result(state, options),
    state: () => family.copy(state),
  };
  return acc;
}

/** What {@link coreAccumulator} needs of a mutable core (FCR, contacts per case, durations). @internal */
export interface Core<In, State, Result, Opts> {
  add(value: In, index: number): void;
  result(options: Opts): Result;
  state(): State;
}

/**
 * Wraps a mutable core in the {@link Accumulator} interface: `add` numbers the values it sees,
 * `merge` hands the other accumulator or state to `mergeIn`. The core stays reachable as `core`,
 * so two accumulators of one kind merge core to core without a JSON round trip.
 * @internal
 */
export function coreAccumulator<In, State, Result, Opts, C extends Core<In, State, Result, Opts>>(
  core: C,
  options: Opts,
  mergeIn: (other: unknown) => void,
): Accumulator<In, State, Result> & { core: C } {
  let seen = 0;
  const acc: Accumulator<In, State, Result> & { core: C } = {
    core,
    add(value, index) {
      core.add(value, index ?? seen);
      seen++;
      return acc;
    },
    merge(other) {
      mergeIn(other);
      return acc;
    },
    result: () => core.result(options),
    state: () => core.state(),
  };
  return acc;
}

/** The state of `other` when it is an accumulator, else `other` itself. @internal */
export function stateOf(other: unknown): unknown {
  return typeof other === 'object' && other !== null && typeof (other as { state?: unknown }).state === 'function'
    ? (other as { state(): unknown }).state()
    : other;
}

/**
 * Checks the common header of a state: an object with `v: 1` and the family's `kind`.
 * @internal
 */
export function checkHeader(s: unknown, kind: string): asserts s is Record<string, unknown> {
  if (typeof s !== 'object' || s === null) invalidState('state', 'must be an object', s);
  const o = s as Record<string, unknown>;
  if (o.kind !== kind) invalidState('state.kind', `must be '${kind}'`, o.kind);
  if (o.v !== 1) invalidState('state.v', 'must be 1 (the only state version this release reads)', o.v);
}

/**
 * Checks that `s[key]` is an integer count ≥ 0.
 * @internal
 */
export function checkCount(s: Record<string, unknown>, key: string): void {
  const v = s[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) invalidState(`state.${key}`, 'must be an integer ≥ 0', v);
}

/**
 * Checks that `s[key]` is a finite number.
 * @internal
 */
export function checkFinite(s: Record<string, unknown>, key: string): void {
  const v = s[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) invalidState(`state.${key}`, 'must be a finite number', v);
}

/**
 * Checks that two states were made with the same option.
 * @internal
 */
export function checkSame(key: string, a: unknown, b: unknown): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) invalidState(`state.${key}`, `must equal this accumulator's ${key} (${JSON.stringify(b)}) to merge`, a);
}

/** The `fromState` every accumulator factory carries. */
export interface FromState<S, A> {
  /**
   * Restores an accumulator from a plain-JSON state (as `state()` returned it, e.g. after
   * `JSON.parse`), with the metric options recorded in the state; `options` sets the interval
   * level and low-sample thresholds of its results.
   * @throws {@link CxMetricsError} (`code: 'invalid_state'`) if the state is not one this version reads
   */
  fromState(state: S, options?: StatOptions): A;
}

/**
 * Attaches `fromState` to an accumulator factory without a top-level side effect, so bundlers
 * drop unused factories.
 * @internal
 */
export function withFromState<F extends (...args: never[]) => unknown, S, A>(factory: F, fromState: (state: S, options?: StatOptions) => A): F & FromState<S, A> {
  return Object.assign(factory, { fromState });
}

/** `x / n`, or `null` when `n` is 0. @internal */
export function ratio(x: number, n: number): number | null {
  return n === 0 ? null : x / n;
}

/**
 * Validates the options recorded in a state being restored: an option error becomes an
 * `invalid_state` error at `state.<option>` (the caller gave a state, not options).
 * @internal
 */
export function optionsOfState<T>(make: () => T): T {
  try {
    return make();
  } catch (e) {
    if (!(e instanceof CxMetricsError) || e.code !== 'invalid_option') throw e;
    const path = e.path.replace(/^options\./, 'state.');
    throw new CxMetricsError('invalid_state', path + e.message.slice(e.path.length), { path, index: null, value: e.value });
  }
}

/**
 * Checks that a survey state's counts and sums agree: `part` ≤ n, its weighted twin ≤ the total
 * weight, and the weighted sum lies within [min, max] × total weight (so rates stay in [0, 1] and
 * means on the scale).
 * @internal
 */
export function checkConsistent(s: Record<string, unknown>, part: string, [min, max]: [number, number]): void {
  const n = s.n as number;
  const wSum = s.wSum as number;
  if ((s[part] as number) > n) invalidState(`state.${part}`, 'must be ≤ state.n', s[part]);
  const wPart = `w${part[0]!.toUpperCase()}${part.slice(1)}`;
  const slackW = 1e-9 * Math.max(1, wSum);
  if (!(wSum >= 0) || (n === 0) !== (wSum === 0)) invalidState('state.wSum', 'must be > 0, and 0 exactly when n is 0', wSum);
  checkWeights(s, [['n', 'wSum'], [part, wPart]], n, wSum);
  if (!((s[wPart] as number) >= 0 && (s[wPart] as number) <= wSum + slackW)) invalidState(`state.${wPart}`, 'must lie within [0, state.wSum]', s[wPart]);
  const total = (s.sum as number) + (s.sumComp as number);
  const slack = 1e-9 * Math.max(Math.abs(min), Math.abs(max)) * wSum;
  if (!(total >= min * wSum - slack && total <= max * wSum + slack)) invalidState('state.sum', `must lie within [${min}, ${max}] × state.wSum`, total);
}

/** Checks a state's moments: finite, m2 ≥ 0, weight equal to the state's Σ w. @internal */
export function checkMoments(m: unknown, weight: number): void {
  const o = m as Partial<Moments> | null;
  const ok =
    typeof o === 'object' && o !== null && typeof o.weight === 'number' && typeof o.mean === 'number' && typeof o.m2 === 'number' &&
    Number.isFinite(o.mean) && Number.isFinite(o.m2) && o.m2 >= -1e-9 * Math.max(1, Math.abs(o.mean) ** 2 * weight) &&
    Math.abs(o.weight - weight) <= 1e-9 * Math.max(1, weight);
  if (!ok) invalidState('state.moments', 'must be { weight, mean, m2 }: finite, m2 ≥ 0, weight equal to the total weight', m);
}


/**
 * Checks that weighted totals agree with their counts: each is 0 exactly when its count is 0, and
 * (Σw)² ≤ n·Σw² (Cauchy–Schwarz), so the effective sample size never exceeds n.
 * @internal
 */
export function checkWeights(s: Record<string, unknown>, pairs: ReadonlyArray<readonly [string, string]>, n: number, total: number): void {
  for (const [count, weight] of pairs) {
    if (((s[count] as number) === 0) !== ((s[weight] as number) === 0)) invalidState(`state.${weight}`, `must be 0 exactly when state.${count} is 0`, s[weight]);
  }
  const sq = s.wSquares as number;
  if ((n === 0) !== (sq === 0) || total * total > n * sq * (1 + 1e-9)) invalidState('state.wSquares', 'must agree with the weights (0 when empty, (Σw)² ≤ n·Σw²)', sq);
}
