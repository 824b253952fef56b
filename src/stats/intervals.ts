/**
 * Confidence intervals: Wilson score for proportions, trinomial for NPS, Student t for means.
 * Plain numeric helpers; the metric results call them with their own counts.
 * @module
 */
import { CxMetricsError, invalidOption } from '../models/errors.js';
import { normalQuantile, studentTQuantile } from './distributions.js';

/** A two-sided confidence interval. */
export interface ConfidenceInterval {
  /** Lower bound. */
  low: number;
  /** Upper bound. */
  high: number;
  /** Confidence level in (0, 1), e.g. 0.95. */
  level: number;
}

/**
 * Validates a confidence level: a number strictly between 0 and 1.
 * @internal
 */
export function checkLevel(level: unknown, name = 'confidence'): number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) invalidOption(name, 'must be a number between 0 and 1 (exclusive)', level);
  return level;
}

/** z = Φ⁻¹(1 − α/2) for a two-sided interval at `level`. @internal */
export function zFor(level: number): number {
  return normalQuantile(1 - (1 - level) / 2);
}

/**
 * Wilson score interval of a proportion k / n (no continuity correction).
 *
 * Formula: center = (p̂ + z²/2n) / (1 + z²/n); half = z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²);
 * bounds exactly 0 when k = 0 and 1 when k = n. `n` may be a fractional effective sample size.
 * Source: Wilson (1927); Brown, Cai & DasGupta (2001); docs/statistics.md#wilson.
 *
 * @param k - successes, 0 ≤ k ≤ n (fractional allowed for weighted data)
 * @param n - trials (or effective sample size), > 0
 * @param level - confidence level, default 0.95
 * @returns the interval, or `null` when n = 0
 * @throws {@link CxMetricsError} if k or n is off its domain, or the level is not in (0, 1)
 * @example
 * ```ts
 * import { wilsonInterval } from 'cx-metrics';
 * wilsonInterval(172, 200); // => { low: 0.8051011913…, high: 0.9013301737…, level: 0.95 }
 * ```
 */
export function wilsonInterval(k: number, n: number, level = 0.95): ConfidenceInterval | null {
  checkLevel(level);
  if (!(n >= 0) || !(k >= 0) || k > n || !Number.isFinite(n)) {
    throw new CxMetricsError('invalid_value', `wilsonInterval needs 0 ≤ k ≤ n, finite, got k = ${k}, n = ${n}`, { path: 'k', index: null, value: k });
  }
  if (n === 0) return null;
  const z = zFor(level);
  const p = k / n;
  const z2n = (z * z) / n;
  const denom = 1 + z2n;
  const center = (p + z2n / 2) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  const upper = center + half;
  // The bounds are the roots of denom·π² − (2p̂ + z²/n)·π + p̂² = 0, whose product is p̂²/denom: this
  // gives the low bound without the cancellation of center − half near 0.
  const low = k === 0 ? 0 : Math.min(p, (p * p) / (denom * upper));
  return { low, high: k === n ? 1 : Math.max(p, Math.min(1, upper)), level };
}

/**
 * The variance of NPS per response, in −1..1 units: pP + pD − (pP − pD)² (trinomial, plug-in).
 * @internal
 */
export function npsVariance(promoterShare: number, detractorShare: number): number {
  const d = promoterShare - detractorShare;
  return Math.max(0, promoterShare + detractorShare - d * d);
}

/**
 * Confidence interval of an NPS score, in points, from its counts: score ± z·100·√(Var/n),
 * Var = pP + pD − (pP − pD)², clamped to [−100, 100]. `n` may be a fractional effective sample
 * size (weighted data); shares are then the weighted shares.
 *
 * When every answer falls in one category the variance is 0 and the interval has zero width: the
 * result is flagged `lowSample` by the metric (docs/statistics.md#nps-interval).
 * Source: Rocks (2016), docs/statistics.md §2.
 *
 * @param promoterShare - promoters / n, in [0, 1]
 * @param detractorShare - detractors / n, in [0, 1]
 * @param n - responses (or effective sample size), > 0
 * @param level - confidence level, default 0.95
 * @returns the interval in points, or `null` when n = 0
 * @example
 * ```ts
 * import { npsInterval } from 'cx-metrics';
 * npsInterval(260 / 500, 100 / 500, 500); // => { low: 25.1116257…, high: 38.8883742…, level: 0.95 }
 * ```
 */
export function npsInterval(promoterShare: number, detractorShare: number, n: number, level = 0.95): ConfidenceInterval | null {
  checkLevel(level);
  if (!(n > 0) || !Number.isFinite(n)) return null;
  const score = 100 * (promoterShare - detractorShare);
  const se = 100 * Math.sqrt(npsVariance(promoterShare, detractorShare) / n);
  const z = zFor(level);
  return { low: Math.max(-100, score - z * se), high: Math.min(100, score + z * se), level };
}

/**
 * Student t confidence interval of a mean from its moments: mean ± t(1 − α/2, n − 1)·s/√n,
 * with s² = M2 / (n − 1). `null` when n < 2 (one value has no spread to estimate).
 * Source: docs/statistics.md §5.
 *
 * @param n - number of values
 * @param mean - their mean
 * @param m2 - Σ (x − mean)², e.g. from Welford's algorithm
 * @param level - confidence level, default 0.95
 * @returns the interval, or `null` when n < 2
 * @example
 * ```ts
 * import { meanInterval } from 'cx-metrics';
 * // CES answers [5,6,7,4,6,5,7,3,6,5]: n 10, mean 5.4, M2 = 9 × 1.6 = 14.4
 * meanInterval(10, 5.4, 14.4); // => { low: 4.495137135…, high: 6.304862865…, level: 0.95 }
 * ```
 */
export function meanInterval(n: number, mean: number, m2: number, level = 0.95): ConfidenceInterval | null {
  checkLevel(level);
  if (!(n >= 2) || !Number.isFinite(mean) || !(m2 >= 0)) return null;
  const se = Math.sqrt(m2 / (n - 1) / n);
  const t = studentTQuantile(1 - (1 - level) / 2, n - 1);
  return { low: mean - t * se, high: mean + t * se, level };
}

/** Thresholds of the low-sample flag. */
export interface LowSampleOptions {
  /**
   * Fewer (effective) responses than this flag an estimate.
   * @defaultValue 30 (the usual rule of thumb; docs/statistics.md#low-sample)
   */
  minN?: number;
  /**
   * A rate flags when fewer than this many successes or failures are expected (n·p̂ or n·(1 − p̂));
   * NPS when fewer promoters or detractors.
   * @defaultValue 5 (the usual condition for a normal approximation)
   */
  minCount?: number;
}

/** Resolved thresholds. @internal */
export interface LowSampleRule {
  minN: number;
  minCount: number;
}

/** Validates the low-sample thresholds. @internal */
export function lowSampleRule(o: LowSampleOptions | undefined): LowSampleRule {
  const minN = o?.minN ?? 30;
  const minCount = o?.minCount ?? 5;
  for (const [name, v] of [['minN', minN], ['minCount', minCount]] as const) {
    if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) invalidOption(`lowSample.${name}`, 'must be a finite number ≥ 0', v);
  }
  return { minN, minCount };
}

/**
 * The low-sample rule of a rate with success share `p` over (effective) sample size `n`: n < minN,
 * or n·p < minCount, or n·(1 − p) < minCount. An empty sample is low.
 * @internal
 */
export function rateIsLow(p: number | null, n: number, rule: LowSampleRule): boolean {
  if (p === null || n === 0) return true;
  return below(n, rule.minN) || below(n * p, rule.minCount) || below(n * (1 - p), rule.minCount);
}

/** x < limit, ignoring float noise (n·(k/n) can be 4.999999999999999 for k = 5). @internal */
function below(x: number, limit: number): boolean {
  return x < limit - 1e-9 * Math.max(1, limit);
}

/** The low-sample rule of a mean: fewer than minN values. @internal */
export function meanIsLow(n: number, rule: LowSampleRule, sd?: number | null): boolean {
  // no values, too few, or no spread at all (a zero-width interval says nothing about the next sample)
  return n === 0 || n < rule.minN || sd === 0;
}

/**
 * The low-sample rule of NPS: n < minN, or n·pP < minCount, or n·pD < minCount, or every answer
 * in one category (zero variance).
 * @internal
 */
export function npsIsLow(pP: number | null, pPa: number | null, pD: number | null, n: number, rule: LowSampleRule): boolean {
  if (pP === null || pPa === null || pD === null || n === 0) return true;
  const oneCategory = pP === 1 || pPa === 1 || pD === 1;
  return below(n, rule.minN) || below(n * pP, rule.minCount) || below(n * pD, rule.minCount) || oneCategory;
}

/**
 * Kish effective sample size (Σw)² / Σw²; equals n when every weight is 1.
 *
 * @param sumW - Σ w
 * @param sumW2 - Σ w²
 * @returns n_eff, 0 when there is no weight
 * @example
 * ```ts
 * import { effectiveSampleSize } from 'cx-metrics';
 * effectiveSampleSize(13.5, 23.75); // => 7.673684210526316
 * ```
 */
export function effectiveSampleSize(sumW: number, sumW2: number): number {
  // Σw·(Σw/Σw²): exactly n when every weight is 1, even past n² > 2^53
  return sumW2 > 0 ? sumW * (sumW / sumW2) : 0;
}
