/**
 * Quantiles: exact Hyndman–Fan type 7 of sorted values, and DDSketch, a mergeable streaming sketch
 * with a guaranteed relative value error.
 * @module
 */
import { invalidOption, invalidState, invalidValue } from '../models/errors.js';
import { checkProbability } from './distributions.js';


/** Type 7 between the order statistics `a ≤ b` at fraction `f` in [0, 1), clamped to [a, b]. */
function lerp(a: number, b: number, f: number): number {
  if (f === 0 || a === b) return a;
  const d = b - a;
  const v = Number.isFinite(d) ? a + f * d : (1 - f) * a + f * b;
  return v > b ? b : v < a ? a : v;
}

/**
 * Quantile of sorted values, Hyndman–Fan type 7 (R's default, NumPy `method='linear'`, Excel
 * `PERCENTILE.INC`).
 *
 * Formula: with x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, h = (n − 1)·p, j = ⌊h⌋: Q(p) = x₍ⱼ₎ + (h − j)·(x₍ⱼ₊₁₎ − x₍ⱼ₎),
 * and Q(1) = x₍ₙ₋₁₎. The result is clamped to [x₍ⱼ₎, x₍ⱼ₊₁₎], so it never leaves the values'
 * range by a rounding error and grows with p.
 * Source: docs/durations.md#quantiles; ../reference/statistics.md §8; Hyndman & Fan (1996).
 * Edge cases: no values → `null`; one value → that value for every p.
 * Cost: O(1). The values are not checked for order (that would cost O(n)); the two values it reads
 * must be finite.
 *
 * @param sorted - values in ascending order (an array or a typed array)
 * @param p - the probability, in [0, 1]
 * @returns the quantile, or `null` when there are no values
 * @throws {@link CxMetricsError} (`invalid_value`) if p is not in [0, 1] or a value read is not finite
 * @example
 * ```ts
 * import { quantileSorted } from 'cx-metrics';
 * const durations = [30, 45, 60, 62, 75, 90, 120, 180, 240, 900];
 * quantileSorted(durations, 0.25); // => 60.5
 * quantileSorted(durations, 0.5); // => 82.5
 * quantileSorted(durations, 0.9); // => 305.9999999999998 (306: h = 9 × 0.9 is 8.0999… in binary)
 * quantileSorted([], 0.5); // => null
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  checkProbability(p);
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const j = Math.floor(h);
  const a = sorted[j]!;
  if (!Number.isFinite(a)) invalidValue(`sorted[${j}]`, j, 'must be a finite number', a);
  if (j >= n - 1) return a;
  const b = sorted[j + 1]!;
  if (!Number.isFinite(b)) invalidValue(`sorted[${j + 1}]`, j + 1, 'must be a finite number', b);
  return lerp(a, b, h - j);
}

/**
 * Quantile of values in any order, Hyndman–Fan type 7 (see {@link quantileSorted}): checks every
 * value, sorts a copy and reads it.
 *
 * Cost: one pass to copy and check, one sort (O(n log n)); the input is not changed. To read many
 * quantiles of the same values, sort once (`Float64Array.from(values).sort()`) and call
 * {@link quantileSorted}.
 *
 * @param values - finite numbers, any order
 * @param p - the probability, in [0, 1]
 * @returns the quantile, or `null` when there are no values
 * @throws {@link CxMetricsError} (`invalid_value`) naming `values[i]` if a value is not a finite number, or if p is not in [0, 1]
 * @example
 * ```ts
 * import { quantile } from 'cx-metrics';
 * quantile([4.2, 1.5, 3.3, 8.0, 2.7], 0.9); // => 6.48
 * quantile([10, 20], 0.5); // => 15
 * ```
 */
export function quantile(values: Iterable<number>, p: number): number | null {
  checkProbability(p);
  let buf = new Float64Array(16);
  let n = 0;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) invalidValue(`values[${n}]`, n, 'must be a finite number', v);
    if (n === buf.length) {
      const next = new Float64Array(n * 2);
      next.set(buf);
      buf = next;
    }
    buf[n++] = v + 0;
  }
  return quantileSorted(buf.subarray(0, n).sort(), p);
}

/**
 * Values below this many units (0 included) go to the sketch's zero bucket and are read back as 0
 * (clamped to the sketch's minimum): an absolute error below 1e-300, while every larger value keeps
 * the relative guarantee.
 * @example
 * ```ts
 * import { DDSketch, DDSKETCH_ZERO_LIMIT } from 'cx-metrics';
 * DDSKETCH_ZERO_LIMIT; // => 1e-300
 * new DDSketch().add(0).add(5e-324).add(60).state().zeroCount; // => 2
 * ```
 */
export const DDSKETCH_ZERO_LIMIT = 1e-300;

/** Smallest accepted relative accuracy: finer buckets than a millionth are no smaller than the values. */
const MIN_RELATIVE_ACCURACY = 1e-6;

/**
 * Options of {@link DDSketch}.
 * @example
 * ```ts
 * import { DDSketch } from 'cx-metrics';
 * new DDSketch({ relativeAccuracy: 0.001 }).add(1000).relativeAccuracy; // => 0.001
 * ```
 */
export interface DDSketchOptions {
  /**
   * α, the guaranteed relative error of every quantile, in [1e-6, 1).
   * @defaultValue 0.01 (1%, the DDSketch paper's and Datadog's default)
   */
  relativeAccuracy?: number;
}

/**
 * Plain-JSON state of a {@link DDSketch}. Canonical: the same multiset of values gives the same
 * state, whatever the order of `add` and `merge`.
 * @example
 * ```ts
 * import { DDSketch } from 'cx-metrics';
 * new DDSketch().add(0).add(1).add(60).add(60).state();
 * // => { v: 1, kind: 'ddsketch', relativeAccuracy: 0.01, count: 4, zeroCount: 1, min: 0, max: 60, keys: [0, 205], counts: [1, 2] }
 * ```
 */
export interface DDSketchState {
  v: 1;
  kind: 'ddsketch';
  /** α. Only sketches of the same α merge. */
  relativeAccuracy: number;
  /** Values added. */
  count: number;
  /** Values below {@link DDSKETCH_ZERO_LIMIT} (0 included). */
  zeroCount: number;
  /** Smallest value (exact); `null` when empty. */
  min: number | null;
  /** Largest value (exact); `null` when empty. */
  max: number | null;
  /** Occupied bucket indexes i, ascending; bucket i holds the values in (γ^(i−1), γ^i]. */
  keys: number[];
  /** The count of each bucket in `keys` (each ≥ 1). */
  counts: number[];
}

/** Validates α. @internal */
export function checkRelativeAccuracy(a: unknown, name = 'relativeAccuracy'): number {
  if (typeof a !== 'number' || !(a >= MIN_RELATIVE_ACCURACY && a < 1)) invalidOption(name, 'must be a number in [1e-6, 1)', a);
  return a;
}

/**
 * A DDSketch (Masson, Rim & Lee, VLDB 2019): a streaming, mergeable quantile sketch with a
 * guaranteed relative error on values, for non-negative numbers such as durations.
 *
 * How it works: with γ = (1 + α)/(1 − α), a value x > 0 goes to bucket i = ⌈log_γ x⌉, which holds
 * (γ^(i−1), γ^i]; the bucket is read back as (1 − α)·γ^i (= 2γ^i/(γ + 1)), which is within α·x of
 * every x in it. Only counts per bucket are kept (a sparse map), so space grows with the logarithm of
 * the range of the values (about ln(max/min)/(2α) buckets: 806 for 1 s to 4 months at α = 1%), not
 * with their number. Merging adds bucket counts: exact, associative, commutative and
 * order-independent (the state of a multiset of values is unique). Min and max are kept exactly.
 *
 * Quantiles follow type 7 (see {@link quantileSorted}): the sketch estimates the order statistics at
 * ranks j = ⌊(n − 1)q⌋ and j + 1 (rank 0 and rank n − 1 are the exact min and max; any other
 * estimate is clamped to [min, max]) and interpolates between them.
 *
 * **Error bound.** For any values x₀…xₙ₋₁ ≥ 0 and q in [0, 1], with Q₇(q) the exact type-7 quantile
 * and x₍ⱼ₎ ≤ x₍ⱼ₊₁₎ the order statistics it interpolates between:
 * |quantile(q) − Q₇(q)| ≤ α·Q₇(q), and (1 − α)·x₍ⱼ₎ ≤ quantile(q) ≤ (1 + α)·x₍ⱼ₊₁₎,
 * up to floating-point rounding (≈1e-13 relative) and an absolute 1e-300 for values below
 * {@link DDSKETCH_ZERO_LIMIT}. The bound is deterministic (no probability), for every q.
 * Source: docs/durations.md#the-sketch; ../reference/statistics.md §8.
 *
 * @example
 * ```ts
 * import { DDSketch } from 'cx-metrics';
 * const a = new DDSketch({ relativeAccuracy: 0.01 });
 * for (const x of [30, 45, 60, 62, 75]) a.add(x);
 * const b = new DDSketch({ relativeAccuracy: 0.01 });
 * for (const x of [90, 120, 180, 240, 900]) b.add(x);
 * a.merge(b.state()).quantile(0.5); // => 81.78889582569118 (exact type 7: 82.5; within 1%)
 * a.quantile(1); // => 900 (the maximum is exact)
 * ```
 */
export class DDSketch {
  /** α, the guaranteed relative error. */
  readonly relativeAccuracy: number;
  /** ln γ = ln((1 + α)/(1 − α)). */
  private readonly lnGamma: number;
  /** ln(1 − α): a bucket's representative is exp(i·ln γ + ln(1 − α)). */
  private readonly lnRep: number;
  private n = 0;
  private zeros = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;
  private readonly bins = new Map<number, number>();
  /** Sorted keys and cumulative counts, rebuilt after a change when a quantile is read. */
  private sortedKeys: number[] | null = null;
  private cumulative: number[] | null = null;

  /**
   * An empty sketch.
   * @param options - `relativeAccuracy` α (default 0.01)
   * @throws {@link CxMetricsError} (`invalid_option`) if α is not a number in [1e-6, 1)
   */
  constructor(options?: DDSketchOptions) {
    const a = checkRelativeAccuracy(options?.relativeAccuracy ?? 0.01);
    this.relativeAccuracy = a;
    this.lnGamma = Math.log1p((2 * a) / (1 - a));
    this.lnRep = Math.log1p(-a);
  }

  /**
   * Restores a sketch from a plain-JSON state (as {@link DDSketch.state} returned it).
   * @param state - a sketch state
   * @returns a sketch holding it
   * @throws {@link CxMetricsError} (`invalid_state`) if the state is not one this version reads
   * @example
   * ```ts
   * import { DDSketch } from 'cx-metrics';
   * const s = new DDSketch().add(60).add(120).state();
   * DDSketch.fromState(JSON.parse(JSON.stringify(s))).quantile(0); // => 60
   * ```
   */
  static fromState(state: DDSketchState): DDSketch {
    checkSketchState(state, 'state');
    return new DDSketch({ relativeAccuracy: state.relativeAccuracy }).mergeChecked(state);
  }

  /** Number of values added. */
  get count(): number {
    return this.n;
  }

  /** Smallest value added (exact), `null` when empty. */
  get min(): number | null {
    return this.n === 0 ? null : this.lo;
  }

  /** Largest value added (exact), `null` when empty. */
  get max(): number | null {
    return this.n === 0 ? null : this.hi;
  }

  /** The bucket index of `x` (> 0). @internal */
  key(x: number): number {
    return Math.ceil(Math.log(x) / this.lnGamma);
  }

  /** The representative value of bucket `k`: (1 − α)·γ^k. @internal */
  value(k: number): number {
    return Math.exp(k * this.lnGamma + this.lnRep);
  }

  /**
   * Adds one value. Cost: a logarithm and a map update, no allocation once its bucket exists.
   * @param x - a finite number ≥ 0
   * @returns this sketch
   * @throws {@link CxMetricsError} (`invalid_value`) if x is not a finite number ≥ 0
   */
  add(x: number): this {
    if (typeof x !== 'number' || !(x >= 0 && x < Number.POSITIVE_INFINITY)) invalidValue('value', null, 'must be a finite number ≥ 0', x);
    const v = x + 0; // -0 → 0
    if (v < DDSKETCH_ZERO_LIMIT) this.zeros++;
    else {
      const k = this.key(v);
      this.bins.set(k, (this.bins.get(k) ?? 0) + 1);
    }
    if (v < this.lo) this.lo = v;
    if (v > this.hi) this.hi = v;
    this.n++;
    this.sortedKeys = null;
    return this;
  }

  /**
   * Adds another sketch's counts (exactly: the result is the sketch of both sets of values).
   * @param other - a sketch or a sketch state of the same α
   * @returns this sketch
   * @throws {@link CxMetricsError} (`invalid_state`) if the state is invalid or α differs
   */
  merge(other: DDSketch | DDSketchState): this {
    const s = other instanceof DDSketch ? other.state() : other;
    checkSketchState(s, 'state');
    if (s.relativeAccuracy !== this.relativeAccuracy) {
      invalidState('state.relativeAccuracy', `must equal this sketch's relativeAccuracy (${this.relativeAccuracy}) to merge`, s.relativeAccuracy);
    }
    return this.mergeChecked(s);
  }

  private mergeChecked(s: DDSketchState): this {
    if (s.count === 0) return this;
    this.n += s.count;
    this.zeros += s.zeroCount;
    for (let k = 0; k < s.keys.length; k++) this.bins.set(s.keys[k]!, (this.bins.get(s.keys[k]!) ?? 0) + s.counts[k]!);
    if (s.min! < this.lo) this.lo = s.min!;
    if (s.max! > this.hi) this.hi = s.max!;
    this.sortedKeys = null;
    return this;
  }

  private index(): [number[], number[]] {
    if (this.sortedKeys === null || this.cumulative === null) {
      const keys = [...this.bins.keys()].sort((a, b) => a - b);
      const cum = new Array<number>(keys.length);
      let c = this.zeros;
      for (let k = 0; k < keys.length; k++) cum[k] = c += this.bins.get(keys[k]!)!;
      this.sortedKeys = keys;
      this.cumulative = cum;
    }
    return [this.sortedKeys, this.cumulative];
  }

  /** The estimate of the order statistic of 0-based rank r, clamped to [min, max]. */
  private atRank(r: number): number {
    if (r <= 0) return this.lo;
    if (r >= this.n - 1) return this.hi;
    if (r < this.zeros) return this.lo;
    const [keys, cum] = this.index();
    let a = 0;
    let b = keys.length - 1;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (cum[m]! > r) b = m;
      else a = m + 1;
    }
    const v = this.value(keys[a]!);
    return v < this.lo ? this.lo : v > this.hi ? this.hi : v;
  }

  /**
   * The q-quantile estimate (type 7 over estimated order statistics), within α relative of the
   * exact type-7 quantile (see the class's error bound).
   * @param q - the probability, in [0, 1]
   * @returns the estimate, or `null` when the sketch is empty
   * @throws {@link CxMetricsError} (`invalid_value`) if q is not in [0, 1]
   */
  quantile(q: number): number | null {
    checkProbability(q, 'q');
    if (this.n === 0) return null;
    const h = (this.n - 1) * q;
    const j = Math.floor(h);
    const a = this.atRank(j);
    if (j >= this.n - 1) return a;
    return lerp(a, this.atRank(j + 1), h - j);
  }

  /**
   * A plain-JSON copy of the sketch, canonical (keys ascending).
   * @returns the state
   */
  state(): DDSketchState {
    const [keys, cum] = this.index();
    const counts = keys.map((_, k) => cum[k]! - (k === 0 ? this.zeros : cum[k - 1]!));
    return {
      v: 1,
      kind: 'ddsketch',
      relativeAccuracy: this.relativeAccuracy,
      count: this.n,
      zeroCount: this.zeros,
      min: this.min,
      max: this.max,
      keys: [...keys],
      counts,
    };
  }
}

/**
 * Checks a sketch state at `path` (e.g. `state.sketch`), throwing `invalid_state` naming the field.
 * @internal
 */
export function checkSketchState(s: unknown, path: string): asserts s is DDSketchState {
  if (typeof s !== 'object' || s === null) invalidState(path, 'must be a DDSketch state object', s);
  const o = s as Record<string, unknown>;
  if (o.kind !== 'ddsketch') invalidState(`${path}.kind`, "must be 'ddsketch'", o.kind);
  if (o.v !== 1) invalidState(`${path}.v`, 'must be 1 (the only state version this release reads)', o.v);
  const a = o.relativeAccuracy;
  if (typeof a !== 'number' || !(a >= MIN_RELATIVE_ACCURACY && a < 1)) invalidState(`${path}.relativeAccuracy`, 'must be a number in [1e-6, 1)', a);
  const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  if (!isCount(o.count)) invalidState(`${path}.count`, 'must be an integer ≥ 0', o.count);
  if (!isCount(o.zeroCount)) invalidState(`${path}.zeroCount`, 'must be an integer ≥ 0', o.zeroCount);
  const { keys, counts } = o;
  if (!Array.isArray(keys)) invalidState(`${path}.keys`, 'must be an array of integers', keys);
  if (!Array.isArray(counts) || counts.length !== keys.length) invalidState(`${path}.counts`, 'must be an array as long as keys', counts);
  let total = o.zeroCount;
  for (let k = 0; k < keys.length; k++) {
    const key: unknown = keys[k];
    if (typeof key !== 'number' || !Number.isSafeInteger(key) || (k > 0 && !(key > (keys[k - 1] as number)))) {
      invalidState(`${path}.keys[${k}]`, 'must be an integer above the previous key', key);
    }
    const c: unknown = counts[k];
    if (!isCount(c) || c === 0) invalidState(`${path}.counts[${k}]`, 'must be an integer ≥ 1', c);
    total += c;
  }
  if (total !== o.count) invalidState(`${path}.count`, `must equal zeroCount + Σ counts (${total})`, o.count);
  const { min, max } = o;
  if (o.count === 0) {
    if (min !== null) invalidState(`${path}.min`, 'must be null when count is 0', min);
    if (max !== null) invalidState(`${path}.max`, 'must be null when count is 0', max);
    return;
  }
  if (typeof min !== 'number' || !(min >= 0 && min < Number.POSITIVE_INFINITY)) invalidState(`${path}.min`, 'must be a finite number ≥ 0', min);
  if (typeof max !== 'number' || !(max >= min && max < Number.POSITIVE_INFINITY)) invalidState(`${path}.max`, 'must be a finite number ≥ min', max);
  if ((o.zeroCount > 0) !== min < DDSKETCH_ZERO_LIMIT) invalidState(`${path}.min`, 'must be below 1e-300 exactly when zeroCount > 0', min);
  if ((keys.length > 0) !== max >= DDSKETCH_ZERO_LIMIT) invalidState(`${path}.max`, 'must be at least 1e-300 exactly when a bucket is occupied', max);
}
