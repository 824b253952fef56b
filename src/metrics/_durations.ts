/**
 * The shared core of the ticket duration metrics (first response time, resolution time): reads a
 * duration per record, keeps its exact values up to a limit and a DDSketch beyond, and turns that
 * into mean, spread and percentiles.
 * @internal
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import { CxMetricsError, invalidOption, invalidState, invalidValue } from '../models/errors.js';
import { type BusinessCalendar, type BusinessCalendarInput, businessCalendar, businessSecondsBetween } from '../stats/businessHours.js';
import { type ConfidenceInterval, meanIsLow } from '../stats/intervals.js';
import { type Moments, momentsAdd, momentsMerge, momentsSpread } from '../stats/moments.js';
import { DDSketch, type DDSketchState, checkRelativeAccuracy, checkSketchState, quantileSorted } from '../stats/quantiles.js';
import { neumaierAdd, neumaierMerge } from '../stats/sum.js';
import {
  type Accumulator,
  type ResultOptions,
  type StatOptions,
  checkCount,
  checkFinite,
  checkHeader,
  checkMoments,
  checkSame,
  coreAccumulator,
  optionsOfState,
  resultOptions,
  stateOf,
} from './_accumulator.js';
import { MAX_SECONDS, badDuration, checkRecord } from './_record.js';

/**
 * Where a duration comes from:
 * - `'seconds'`: a precomputed field (`firstResponseSeconds`, `resolutionSeconds`), as help desks
 *   export it;
 * - `'timestamps'`: the end timestamp minus `startedAt` (`firstResponseAt − startedAt`,
 *   `resolvedAt − startedAt`), in seconds; business seconds with a `calendar`.
 *
 * @example
 * ```ts
 * import { firstResponseTime } from 'cx-metrics';
 * const t = { id: 't', channel: 'email', startedAt: 0, firstResponseAt: 90_000, firstResponseSeconds: 60 };
 * firstResponseTime([t]).mean; // => 60 (from: 'seconds')
 * firstResponseTime([t], { from: 'timestamps' }).mean; // => 90
 * ```
 */
export type DurationSource = 'seconds' | 'timestamps';

/**
 * Options of a duration result: percentiles, interval level, low-sample threshold.
 * @example
 * ```ts
 * import { firstResponseTime } from 'cx-metrics';
 * const t = (s: number) => ({ id: 't', channel: 'email', startedAt: 0, firstResponseSeconds: s });
 * firstResponseTime([t(10), t(20)], { percentiles: [0.25, 0.999] }).percentiles; // => { p25: 12.5, 'p99.9': 19.990000000000002 }
 * ```
 */
export interface DurationResultOptions extends StatOptions {
  /**
   * Probabilities in [0, 1] whose type-7 quantiles the result's `percentiles` holds, keyed `p50`,
   * `p95`, `p99.9`… (100·p).
   * @defaultValue [0.5, 0.9, 0.95, 0.99] (median, and the tail percentiles help-desk reports show)
   */
  percentiles?: readonly number[];
}

/**
 * Options of the duration metrics ({@link firstResponseTime}, {@link resolutionTime}) and their accumulators.
 * @example
 * ```ts
 * import { resolutionTime } from 'cx-metrics';
 * const tickets = [{ id: 't', channel: 'email', startedAt: 0, resolvedAt: 7_200_000 }];
 * resolutionTime(tickets, { from: 'timestamps', percentiles: [0.5, 0.95], exactLimit: 50_000, relativeAccuracy: 0.005 }).median; // => 7200
 * ```
 */
export interface DurationOptions extends DurationResultOptions {
  /**
   * Where the duration comes from: see {@link DurationSource}.
   * @defaultValue `'seconds'`
   */
  from?: DurationSource;
  /**
   * With `from: 'timestamps'`, measure business time on this calendar (the real seconds inside its
   * opening hours, see {@link businessCalendar}) instead of calendar time (definitions.md §5.1). It
   * is validated at once and recorded in the state (as plain JSON), so restored states keep
   * measuring with it and only states of the same calendar merge.
   * @defaultValue none: calendar (wall-clock) time
   */
  calendar?: BusinessCalendar;
  /**
   * Keep every value (exact percentiles) while there are at most this many; beyond, switch to a
   * DDSketch (percentiles within `relativeAccuracy`). An integer ≥ 0; 0 sketches from the start.
   * @defaultValue 100000 (800 KB of values in memory, about 2 MB as JSON)
   */
  exactLimit?: number;
  /**
   * α, the relative error of sketched percentiles, in [1e-6, 1).
   * @defaultValue 0.01 (1%: a 40-minute p90 is known to ±24 s; DDSketch's and Datadog's default)
   */
  relativeAccuracy?: number;
}

/**
 * Result of a duration metric. Every duration is in seconds.
 * @example
 * ```ts
 * import { firstResponseTime } from 'cx-metrics';
 * firstResponseTime([{ id: 't', channel: 'email', startedAt: 0, firstResponseSeconds: 42 }, { id: 'u', channel: 'email', startedAt: 0 }]);
 * // => { n: 1, missing: 1, mean: 42, median: 42, p90: 42, min: 42, max: 42, totalSeconds: 42,
 * //      percentiles: { p50: 42, p90: 42, p95: 42, p99: 42 }, sd: null, ci: null, lowSample: true,
 * //      method: 'exact', relativeError: 0 }
 * ```
 */
export interface DurationResult {
  /** Records with the duration. */
  n: number;
  /** Records without it (not answered / not resolved yet, or no data): outside n. */
  missing: number;
  /** totalSeconds / n; `null` when n = 0. */
  mean: number | null;
  /** Type-7 median (p50); `null` when n = 0. */
  median: number | null;
  /** Type-7 90th percentile; `null` when n = 0. */
  p90: number | null;
  /** Shortest duration (exact in both methods); `null` when n = 0. */
  min: number | null;
  /** Longest duration (exact in both methods); `null` when n = 0. */
  max: number | null;
  /** Σ durations (compensated sum). */
  totalSeconds: number;
  /** The requested percentiles by key (`p50`, `p95`…); each `null` when n = 0. */
  percentiles: Record<string, number | null>;
  /** Sample standard deviation; `null` when n < 2. */
  sd: number | null;
  /** Student t interval of `mean`; `null` when n < 2. */
  ci: ConfidenceInterval | null;
  /** True when n < 30 (`lowSample.minN`): durations are skewed, read small samples with care. */
  lowSample: boolean;
  /** `'exact'` (type 7 of every value) while n ≤ exactLimit, else `'sketch'` (DDSketch). */
  method: 'exact' | 'sketch';
  /** Bound on the percentiles' relative error: 0 when exact, α when sketched. */
  relativeError: number;
}

/**
 * The duration metrics: the `kind` of their states.
 * @example
 * ```ts
 * import { resolutionTimeAccumulator } from 'cx-metrics';
 * resolutionTimeAccumulator().state().kind; // => 'resolutionTime'
 * ```
 */
export type DurationKind = 'firstResponseTime' | 'resolutionTime';

/**
 * Plain-JSON state of a duration accumulator. Canonical: `values` sorted ascending while
 * n ≤ exactLimit (`sketch` null); beyond, `values` null and `sketch` the DDSketch of all values
 * (unique for a multiset), so states of the same data are equal whatever the order of records and
 * merges (up to the rounding of `sum` and `moments`).
 * @example
 * ```ts
 * import { firstResponseTimeAccumulator } from 'cx-metrics';
 * firstResponseTimeAccumulator({ exactLimit: 1 })
 *   .add({ id: 'a', channel: 'email', startedAt: 0, firstResponseSeconds: 60 })
 *   .add({ id: 'b', channel: 'email', startedAt: 0, firstResponseSeconds: 60 })
 *   .state();
 * // => { v: 1, kind: 'firstResponseTime', from: 'seconds', calendar: null, exactLimit: 1,
 * //      relativeAccuracy: 0.01, n: 2, missing: 0, sum: 120, sumComp: 0, min: 60, max: 60,
 * //      moments: { weight: 2, mean: 60, m2: 0 }, values: null,
 * //      sketch: { v: 1, kind: 'ddsketch', relativeAccuracy: 0.01, count: 2, zeroCount: 0, min: 60, max: 60, keys: [205], counts: [2] } }
 * ```
 */
export interface DurationState<K extends DurationKind = DurationKind> {
  v: 1;
  kind: K;
  /** The option `from`. Only states of the same source merge. */
  from: DurationSource;
  /**
   * The option `calendar` as plain JSON (normalized by {@link businessCalendar}), or `null` for
   * calendar time. Only states of the same calendar merge.
   */
  calendar: BusinessCalendar | null;
  /** The option `exactLimit`. */
  exactLimit: number;
  /** The option `relativeAccuracy`. */
  relativeAccuracy: number;
  /** Records with the duration. */
  n: number;
  /** Records without it. */
  missing: number;
  /** Compensated sum of durations: `sum + sumComp`. */
  sum: number;
  sumComp: number;
  /** Exact extremes; `null` when n = 0. */
  min: number | null;
  max: number | null;
  /** Mean and Σ (x − mean)² (Welford), for sd and the interval. */
  moments: Moments;
  /** Every duration, ascending, while n ≤ exactLimit; else `null`. */
  values: number[] | null;
  /** The DDSketch of every duration once n > exactLimit; else `null`. */
  sketch: DDSketchState | null;
}

/**
 * A duration accumulator: see {@link Accumulator}.
 * @example
 * ```ts
 * import { resolutionTimeAccumulator } from 'cx-metrics';
 * const acc = resolutionTimeAccumulator().add({ id: 'a', channel: 'email', startedAt: 0, resolutionSeconds: 3600 });
 * acc.merge(resolutionTimeAccumulator().add({ id: 'b', channel: 'email', startedAt: 0, resolutionSeconds: 7200 })).result().median; // => 5400
 * ```
 */
export type DurationAccumulator<K extends DurationKind = DurationKind> = Accumulator<Interaction, DurationState<K>, DurationResult>;

/**
 * An accumulator factory with `fromState`.
 * @example
 * ```ts
 * import { firstResponseTimeAccumulator } from 'cx-metrics';
 * const saved = JSON.stringify(firstResponseTimeAccumulator().state());
 * firstResponseTimeAccumulator.fromState(JSON.parse(saved)).result().n; // => 0
 * ```
 */
export interface DurationAccumulatorFactory<K extends DurationKind = DurationKind> {
  /** An empty accumulator; throws `invalid_option` on an invalid option. */
  (options?: DurationOptions): DurationAccumulator<K>;
  /**
   * Restores an accumulator from a plain-JSON state, with the options recorded in it; `options` sets
   * the result's percentiles, interval and low-sample flag.
   * @throws {@link CxMetricsError} (`invalid_state`) if the state is not one this version reads
   */
  fromState(state: DurationState<K>, options?: DurationResultOptions): DurationAccumulator<K>;
}

/** What distinguishes the metrics. @internal */
export interface DurationSpec<K extends DurationKind> {
  kind: K;
  seconds: 'firstResponseSeconds' | 'resolutionSeconds';
  at: 'firstResponseAt' | 'resolvedAt';
}

/** The options recorded in a state. */
interface StateOptions {
  from: DurationSource;
  calendar: BusinessCalendar | null;
  exactLimit: number;
  relativeAccuracy: number;
}

/** Resolved result options. */
export interface DurationResultOpts extends ResultOptions {
  percentiles: ReadonlyArray<readonly [string, number]>;
}

const DEFAULT_PERCENTILES: readonly number[] = [0.5, 0.9, 0.95, 0.99];

/** `p50`, `p95`, `p99.9`, `p2.5`: 'p' and 100·p without float noise. */
function percentileKey(p: number): string {
  return `p${Number((p * 100).toPrecision(12))}`;
}

function resolveResultOptions(o: DurationResultOptions | undefined): DurationResultOpts {
  const base = resultOptions(o);
  const ps = o?.percentiles ?? DEFAULT_PERCENTILES;
  if (!Array.isArray(ps)) invalidOption('percentiles', 'must be an array of probabilities in [0, 1]', ps);
  const seen = new Map<string, number>();
  for (let k = 0; k < ps.length; k++) {
    const p: unknown = ps[k];
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) invalidOption(`percentiles[${k}]`, 'must be a number in [0, 1]', p);
    const key = percentileKey(p);
    const prev = seen.get(key);
    if (prev !== undefined && prev !== p) invalidOption(`percentiles[${k}]`, `must differ from ${prev} by more than rounding (both are ${key})`, p);
    seen.set(key, p);
  }
  return { ...base, percentiles: [...seen] };
}

/**
 * Validates and compiles a calendar given as an option (`where` 'options') or found in a state
 * ('state'): its errors are re-worded at `options.calendar…` / `state.calendar…`.
 */
function compileCalendar(c: unknown, where: 'options' | 'state'): BusinessCalendar {
  try {
    return businessCalendar(c as BusinessCalendarInput);
  } catch (e) {
    if (!(e instanceof CxMetricsError) || e.code !== 'invalid_option') throw e;
    throw new CxMetricsError(where === 'options' ? 'invalid_option' : 'invalid_state', `${where}.${e.message}`, { path: `${where}.${e.path}`, index: null, value: e.value });
  }
}

/** A plain-JSON copy of a calendar (its fields only). */
const plainCalendar = (c: BusinessCalendar): BusinessCalendar => JSON.parse(JSON.stringify(c)) as BusinessCalendar;

/** The state options and the compiled calendar (undefined for calendar time). */
type ResolvedOptions = [StateOptions, BusinessCalendar | undefined];

function resolveStateOptions(o: DurationOptions | undefined): ResolvedOptions {
  const from = o?.from ?? 'seconds';
  if (from !== 'seconds' && from !== 'timestamps') invalidOption('from', "must be 'seconds' or 'timestamps'", from);
  let compiled: BusinessCalendar | undefined;
  if (o?.calendar !== undefined) {
    if (from !== 'timestamps') invalidOption('calendar', "needs from: 'timestamps' (business time is measured between timestamps)", from);
    compiled = compileCalendar(o.calendar, 'options');
  }
  const exactLimit = o?.exactLimit ?? 100_000;
  if (typeof exactLimit !== 'number' || !Number.isSafeInteger(exactLimit) || exactLimit < 0) invalidOption('exactLimit', 'must be an integer ≥ 0', exactLimit);
  const relativeAccuracy = checkRelativeAccuracy(o?.relativeAccuracy ?? 0.01);
  return [{ from, calendar: compiled === undefined ? null : plainCalendar(compiled), exactLimit, relativeAccuracy }, compiled];
}

/** The mutable core of a duration accumulator: values in a growing typed array, or a sketch. @internal */
export class DurationCore<K extends DurationKind> {
  n = 0;
  missing = 0;
  sum = 0;
  sumComp = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  readonly moments: Moments = { weight: 0, mean: 0, m2: 0 };
  /** Exact values (the first n), or null once sketched. */
  private values: Float64Array | null = new Float64Array(0);
  private sorted = true;
  private sketch: DDSketch | null = null;

  /**
   * @param spec - the metric's fields
   * @param opts - the options recorded in the state
   * @param calendar - `opts.calendar` compiled by {@link businessCalendar} (undefined for calendar time)
   */
  constructor(
    readonly spec: DurationSpec<K>,
    readonly opts: StateOptions,
    readonly calendar: BusinessCalendar | undefined,
  ) {}

  /** A core holding a checked state, with its resolved options. */
  static fromState<K extends DurationKind>(spec: DurationSpec<K>, s: DurationState<K>, [opts, calendar]: ResolvedOptions): DurationCore<K> {
    const core = new DurationCore(spec, opts, calendar);
    if (s.values !== null) core.values = Float64Array.from(s.values);
    else {
      core.values = null;
      core.sketch = DDSketch.fromState(s.sketch!);
    }
    core.n = s.n;
    core.missing = s.missing;
    core.sum = s.sum;
    core.sumComp = s.sumComp;
    Object.assign(core.moments, s.moments);
    if (s.n > 0) {
      core.min = s.min!;
      core.max = s.max!;
    }
    return core;
  }

  /** Reads the duration of record `r` in seconds; `undefined` when it has none. Throws on a bad value. */
  read(r: unknown, i: number): number | undefined {
    checkRecord(r, i);
    if (this.opts.from === 'seconds') {
      const v = r[this.spec.seconds];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !(v >= 0 && v <= MAX_SECONDS)) badDuration(this.spec.seconds, i, v);
      return v + 0;
    }
    const field = this.spec.at;
    const end = r[field];
    if (end === undefined) return undefined;
    if (typeof end !== 'number' || !Number.isFinite(end)) invalidValue(`interactions[${i}].${field}`, i, 'must be epoch milliseconds (a finite number)', end);
    const start = r.startedAt;
    if (typeof start !== 'number' || !Number.isFinite(start)) invalidValue(`interactions[${i}].startedAt`, i, 'must be epoch milliseconds (a finite number)', start);
    if (end < start) invalidValue(`interactions[${i}].${field}`, i, `must not be before startedAt (${start})`, end);
    if (end - start > MAX_SECONDS * 1000) invalidValue(`interactions[${i}].${field}`, i, `must be at most 1e9 seconds after startedAt (${start}): is one of them in seconds?`, end);
    // business seconds lie in [0, (end − start) / 1000] (businessSecondsBetween's contract)
    return this.calendar === undefined ? (end - start) / 1000 : businessSecondsBetween(this.calendar, start, end) + 0;
  }

  /** Adds one record; nothing changes when it throws. */
  add(r: unknown, i: number): void {
    const x = this.read(r, i);
    if (x === undefined) {
      this.missing++;
      return;
    }
    this.push(x);
  }

  /** Adds one valid duration. */
  push(x: number): void {
    this.n++;
    neumaierAdd(this, x);
    momentsAdd(this.moments, x);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    const values = this.values;
    if (values === null) this.sketch!.add(x);
    else if (this.n > this.opts.exactLimit) this.toSketch(this.n - 1).add(x);
    else {
      let buf = values;
      if (this.n > buf.length) {
        buf = new Float64Array(Math.min(this.opts.exactLimit, Math.max(16, buf.length * 2)));
        buf.set(values);
        this.values = buf;
      }
      buf[this.n - 1] = x;
      this.sorted = false;
    }
  }

  /** Moves the first `count` exact values into a new sketch. */
  private toSketch(count: number): DDSketch {
    const sketch = new DDSketch({ relativeAccuracy: this.opts.relativeAccuracy });
    const values = this.values!;
    for (let k = 0; k < count; k++) sketch.add(values[k]!);
    this.values = null;
    this.sketch = sketch;
    return sketch;
  }

  /** The exact values, sorted in place. */
  private exact(): Float64Array {
    const v = this.values!.subarray(0, this.n);
    if (!this.sorted) {
      v.sort();
      this.sorted = true;
    }
    return v;
  }

  /** Merges another core of the same options (checked by the caller); `o` is left unchanged. */
  merge(o: DurationCore<K>): void {
    if (o === this) o = DurationCore.fromState(this.spec, this.state(), [this.opts, this.calendar]);
    if (o.n === 0) {
      this.missing += o.missing;
      return;
    }
    const n = this.n;
    const total = n + o.n;
    if (o.values !== null && this.values !== null && total <= this.opts.exactLimit) {
      if (total > this.values.length) {
        const buf = new Float64Array(Math.min(this.opts.exactLimit, Math.max(16, total, this.values.length * 2)));
        buf.set(this.values.subarray(0, n));
        this.values = buf;
      }
      this.values.set(o.values.subarray(0, o.n), n);
      this.sorted = n === 0 && o.sorted;
    } else {
      const sketch = this.sketch ?? this.toSketch(n);
      if (o.values !== null) for (let k = 0; k < o.n; k++) sketch.add(o.values[k]!);
      else sketch.merge(o.sketch!);
    }
    this.n = total;
    this.missing += o.missing;
    neumaierMerge(this, o);
    momentsMerge(this.moments, o.moments);
    if (o.min < this.min) this.min = o.min;
    if (o.max > this.max) this.max = o.max;
  }

  result(opts: DurationResultOpts): DurationResult {
    const n = this.n;
    const total = this.sum + this.sumComp;
    const percentiles: Record<string, number | null> = {};
    let median: number | null = null;
    let p90: number | null = null;
    if (n > 0) {
      const q = this.values !== null ? quantileSorted.bind(null, this.exact()) : this.sketch!.quantile.bind(this.sketch!);
      for (const [key, p] of opts.percentiles) percentiles[key] = q(p);
      median = q(0.5);
      p90 = q(0.9);
    } else for (const [key] of opts.percentiles) percentiles[key] = null;
    const mean = n === 0 ? null : Math.min(this.max, Math.max(this.min, total / n));
    const { sd, ci } = momentsSpread(this.moments, n, opts.confidence);
    const sketched = this.values === null;
    return {
      n,
      missing: this.missing,
      mean,
      median,
      p90,
      min: n === 0 ? null : this.min,
      max: n === 0 ? null : this.max,
      totalSeconds: total,
      percentiles,
      sd,
      ci,
      lowSample: meanIsLow(n, opts.lowSample),
      method: sketched ? 'sketch' : 'exact',
      relativeError: sketched ? this.opts.relativeAccuracy : 0,
    };
  }

  state(): DurationState<K> {
    const n = this.n;
    return {
      v: 1,
      kind: this.spec.kind,
      ...this.opts,
      calendar: this.opts.calendar === null ? null : plainCalendar(this.opts.calendar),
      n,
      missing: this.missing,
      sum: this.sum,
      sumComp: this.sumComp,
      min: n === 0 ? null : this.min,
      max: n === 0 ? null : this.max,
      moments: { ...this.moments },
      values: this.values === null ? null : Array.from(this.exact()),
      sketch: this.sketch === null ? null : this.sketch.state(),
    };
  }
}

/** The options recorded in state `s`, validated (an option error becomes `invalid_state`), the calendar compiled. */
function stateOptionsOf(s: Record<string, unknown>): ResolvedOptions {
  const { from, exactLimit, relativeAccuracy, calendar } = s;
  const [o] = optionsOfState(() => resolveStateOptions({ from, exactLimit, relativeAccuracy } as DurationOptions));
  if (calendar === null) return [o, undefined];
  if (o.from !== 'timestamps') invalidState('state.calendar', "must be null unless state.from is 'timestamps'", calendar);
  const compiled = compileCalendar(calendar, 'state');
  return [{ ...o, calendar: plainCalendar(compiled) }, compiled];
}

/**
 * Checks a state fully (kind, options, counts, values or sketch, extremes, moments) and returns its
 * resolved options.
 */
function checkState<K extends DurationKind>(kind: K, s: unknown): ResolvedOptions {
  checkHeader(s, kind);
  const resolved = stateOptionsOf(s);
  const o = resolved[0];
  checkCount(s, 'n');
  checkCount(s, 'missing');
  const n = s.n as number;
  if (!Number.isSafeInteger(n + (s.missing as number))) invalidState('state.missing', 'must keep n + missing below 2^53', s.missing);
  checkFinite(s, 'sum');
  checkFinite(s, 'sumComp');
  if ((s.sum as number) + (s.sumComp as number) < 0) invalidState('state.sum', 'must total ≥ 0 seconds', s.sum);
  checkMoments(s.moments, n);
  const { min, max, values, sketch } = s;
  if (n === 0) {
    if (min !== null) invalidState('state.min', 'must be null when n is 0', min);
    if (max !== null) invalidState('state.max', 'must be null when n is 0', max);
  } else {
    if (typeof min !== 'number' || !(min >= 0 && min <= MAX_SECONDS)) invalidState('state.min', 'must be a number of seconds in [0, 1e9]', min);
    if (typeof max !== 'number' || !(max >= min && max <= MAX_SECONDS)) invalidState('state.max', 'must be a number of seconds in [state.min, 1e9]', max);
  }
  if (n <= o.exactLimit) {
    if (sketch !== null) invalidState('state.sketch', 'must be null while n ≤ exactLimit', sketch);
    if (!Array.isArray(values) || values.length !== n) invalidState('state.values', `must be an array of n (${n}) durations while n ≤ exactLimit`, values);
    let prev = 0;
    for (let k = 0; k < n; k++) {
      const v: unknown = values[k];
      if (typeof v !== 'number' || !(v >= prev && v <= MAX_SECONDS)) invalidState(`state.values[${k}]`, 'must be a number of seconds in [0, 1e9], not below the previous value', v);
      prev = v;
    }
    if (n > 0 && (values[0] !== min || values[n - 1] !== max)) invalidState('state.min', 'and state.max must equal the first and last of state.values', [min, max]);
  } else {
    if (values !== null) invalidState('state.values', 'must be null once n > exactLimit', values);
    checkSketchState(sketch, 'state.sketch');
    if (sketch.relativeAccuracy !== o.relativeAccuracy) invalidState('state.sketch.relativeAccuracy', 'must equal state.relativeAccuracy', sketch.relativeAccuracy);
    if (sketch.count !== n) invalidState('state.sketch.count', 'must equal state.n', sketch.count);
    if (sketch.min !== min || sketch.max !== max) invalidState('state.sketch.min', 'and state.sketch.max must equal state.min and state.max', [sketch.min, sketch.max]);
  }
  return resolved;
}

function makeDuration<K extends DurationKind>(core: DurationCore<K>, opts: DurationResultOpts): DurationAccumulator<K> {
  return coreAccumulator(core, opts, (other) => {
    const o = (other as { core?: unknown } | null)?.core;
    let oc: DurationCore<K>;
    if (o instanceof DurationCore) {
      if (o.spec.kind !== core.spec.kind) invalidState('state.kind', `must be '${core.spec.kind}'`, o.spec.kind);
      oc = o as DurationCore<K>;
    } else {
      const s = stateOf(other);
      oc = DurationCore.fromState(core.spec, s as DurationState<K>, checkState(core.spec.kind, s));
    }
    checkSame('from', oc.opts.from, core.opts.from);
    checkSame('calendar', oc.opts.calendar, core.opts.calendar);
    checkSame('exactLimit', oc.opts.exactLimit, core.opts.exactLimit);
    checkSame('relativeAccuracy', oc.opts.relativeAccuracy, core.opts.relativeAccuracy);
    core.merge(oc);
  });
}

/**
 * Builds a metric's accumulator factory (with `fromState`). @internal
 */
export function durationAccumulatorFactory<K extends DurationKind>(spec: DurationSpec<K>): DurationAccumulatorFactory<K> {
  const factory = (options?: DurationOptions): DurationAccumulator<K> => {
    const [so, calendar] = resolveStateOptions(options);
    return makeDuration(new DurationCore(spec, so, calendar), resolveResultOptions(options));
  };
  const fromState = (state: DurationState<K>, options?: DurationResultOptions): DurationAccumulator<K> => {
    return makeDuration(DurationCore.fromState(spec, state, checkState(spec.kind, state)), resolveResultOptions(options));
  };
  return Object.assign(factory, { fromState });
}

/**
 * The batch function of a metric: one pass, then the result. @internal
 */
export function durationBatch<K extends DurationKind>(spec: DurationSpec<K>, interactions: Iterable<Interaction>, options: DurationOptions | undefined): DurationResult {
  const opts = resolveResultOptions(options);
  const [so, calendar] = resolveStateOptions(options);
  const core = new DurationCore(spec, so, calendar);
  let i = 0;
  for (const r of interactions) core.add(r, i++);
  return core.result(opts);
}

/**
 * A fresh core and its result options for a spec (for grouping code that folds many groups).
 * @internal
 */
export function durationCoreFor<K extends DurationKind>(
  spec: DurationSpec<K>,
  options: DurationOptions | undefined,
): { make: () => DurationCore<K>; opts: DurationResultOpts } {
  const opts = resolveResultOptions(options);
  const [so, calendar] = resolveStateOptions(options);
  return { make: () => new DurationCore(spec, so, calendar), opts };
}
