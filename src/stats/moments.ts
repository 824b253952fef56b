/**
 * Running mean and sum of squared deviations (Welford; West for weights; Chan et al. to merge), so
 * means get intervals from one pass and shards merge without the cancellation of Σx².
 * @module
 */
import { type ConfidenceInterval, meanInterval } from './intervals.js';

/** The moments of a sample: total weight (the count when unweighted), mean and Σ w·(x − mean)². */
export interface Moments {
  /** Σ w (the count when every weight is 1). */
  weight: number;
  /** Weighted mean. */
  mean: number;
  /** Σ w·(x − mean)². */
  m2: number;
}

/**
 * Adds value `x` with weight `w` (> 0) to running moments, in place (Welford; West 1979 for weights).
 *
 * Source: ../reference/statistics.md §7; docs/statistics.md#moments.
 *
 * @param s - the moments, mutated
 * @param x - a finite value
 * @param w - its weight, default 1
 * @example
 * ```ts
 * import { momentsAdd } from 'cx-metrics';
 * const s = { weight: 0, mean: 0, m2: 0 };
 * for (const x of [300, 420, 180, 260, 540, 310]) momentsAdd(s, x);
 * s; // => { weight: 6, mean: 335, m2: 80750 }
 * ```
 */
export function momentsAdd(s: Moments, x: number, w = 1): void {
  const weight = s.weight + w;
  const delta = x - s.mean;
  s.mean += (w / weight) * delta;
  s.m2 += w * delta * (x - s.mean);
  s.weight = weight;
}

/**
 * Merges moments `b` into `a`, in place (Chan, Golub & LeVeque): the result equals one pass over
 * both samples up to rounding.
 *
 * @param a - the moments, mutated
 * @param b - the moments to add
 * @example
 * ```ts
 * import { momentsMerge } from 'cx-metrics';
 * const a = { weight: 2, mean: 360, m2: 7200 };
 * momentsMerge(a, { weight: 4, mean: 322.5, m2: 71675 });
 * a; // => { weight: 6, mean: 335, m2: 80750 }
 * ```
 */
export function momentsMerge(a: Moments, b: Moments): void {
  if (b.weight === 0) return;
  if (a.weight === 0) {
    a.weight = b.weight;
    a.mean = b.mean;
    a.m2 = b.m2;
    return;
  }
  const weight = a.weight + b.weight;
  const delta = b.mean - a.mean;
  a.mean += (delta * b.weight) / weight;
  a.m2 += b.m2 + (delta * delta * a.weight * b.weight) / weight;
  a.weight = weight;
}

/**
 * Sample standard deviation and t interval of the mean from moments. With weights, the variance is
 * the weighted one scaled to the Kish effective sample size `effectiveN` (pass `m.weight` when
 * unweighted): s² = (m2 / Σw)·n_eff/(n_eff − 1). `null`s when n_eff < 2.
 * @internal
 */
export function momentsSpread(m: Moments, effectiveN: number, level: number, center: number = m.mean): { sd: number | null; ci: ConfidenceInterval | null } {
  if (!(effectiveN >= 2) || !(m.weight > 0)) return { sd: null, ci: null };
  const m2 = Math.max(0, m.m2);
  const variance = ((m2 / m.weight) * effectiveN) / (effectiveN - 1);
  return { sd: Math.sqrt(variance), ci: meanInterval(effectiveN, center, variance * (effectiveN - 1), level) };
}
