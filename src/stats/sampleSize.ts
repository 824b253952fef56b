/**
 * How many responses a survey needs for a given margin of error.
 * @module
 */
import { invalidOption } from '../models/errors.js';
import { checkLevel, npsVariance, zFor } from './intervals.js';

/** Options of {@link sampleSizeForRate}. */
export interface SampleSizeForRateOptions {
  /** Half-width of the interval wanted, as a proportion in (0, 1), e.g. 0.03 for ±3 points. */
  marginOfError: number;
  /**
   * Confidence level.
   * @defaultValue 0.95
   */
  confidence?: number;
  /**
   * The rate you expect; 0.5 (the default) is the worst case and always enough.
   * @defaultValue 0.5
   */
  expectedRate?: number;
  /** Finite population size (e.g. customers served), for the finite-population correction. */
  population?: number;
}

/** Options of {@link sampleSizeForNps}. */
export interface SampleSizeForNpsOptions {
  /** Half-width of the interval wanted, in NPS points in (0, 200), e.g. 5 for ±5 points. */
  marginOfError: number;
  /**
   * Confidence level.
   * @defaultValue 0.95
   */
  confidence?: number;
  /**
   * Expected promoter and detractor shares; the default (0.5 each) is the worst case.
   * @defaultValue 0.5 and 0.5
   */
  expectedPromoters?: number;
  /** See `expectedPromoters`. */
  expectedDetractors?: number;
  /** Finite population size, for the finite-population correction. */
  population?: number;
}


function finite(n: number, population: number | undefined): number {
  if (population === undefined) return Math.ceil(n - 1e-9);
  if (typeof population !== 'number' || !(population >= 1) || !Number.isFinite(population)) invalidOption('population', 'must be a finite number ≥ 1', population);
  if (!(n > 0)) return 0; // no variance: nothing to correct (and n / (1 + (n − 1)/1) would be 0 / 0)
  return Math.ceil(n / (1 + (n - 1) / population) - 1e-9);
}

/**
 * Responses needed to estimate a rate (CSAT, FCR…) within ±`marginOfError`:
 * n = z²·p(1 − p)/E², with the finite-population correction n / (1 + (n − 1)/N) when `population`
 * is given; rounded up.
 * Source: docs/statistics.md#sample-size; ../reference/statistics.md §9.
 *
 * @param options - `marginOfError` (required), `confidence` (0.95), `expectedRate` (0.5), `population`
 * @returns the number of responses, rounded up
 * @throws {@link CxMetricsError} on an option off its domain
 * @example
 * ```ts
 * import { sampleSizeForRate } from 'cx-metrics';
 * sampleSizeForRate({ marginOfError: 0.05 }); // => 385
 * sampleSizeForRate({ marginOfError: 0.03, expectedRate: 0.85 }); // => 545
 * ```
 */
export function sampleSizeForRate(options: SampleSizeForRateOptions): number {
  const e = options?.marginOfError;
  if (typeof e !== 'number' || !(e > 0 && e < 1)) invalidOption('marginOfError', 'must be a proportion in (0, 1)', e);
  const p = options.expectedRate ?? 0.5;
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) invalidOption('expectedRate', 'must be in [0, 1]', p);
  const z = zFor(checkLevel(options.confidence ?? 0.95));
  return Math.max(1, finite((z * z * p * (1 - p)) / (e * e), options.population));
}

/**
 * Responses needed to estimate NPS within ±`marginOfError` points:
 * n = z²·(pP + pD − (pP − pD)²)/(E/100)², finite-population corrected when `population` is given;
 * rounded up. NPS needs 1.6–4× the sample of a rate for the same margin.
 * Source: docs/statistics.md#sample-size; ../reference/statistics.md §9.
 *
 * @param options - `marginOfError` in points (required), `confidence` (0.95), `expectedPromoters`, `expectedDetractors`, `population`
 * @returns the number of responses, rounded up
 * @throws {@link CxMetricsError} on an option off its domain
 * @example
 * ```ts
 * import { sampleSizeForNps } from 'cx-metrics';
 * sampleSizeForNps({ marginOfError: 5 }); // => 1537
 * sampleSizeForNps({ marginOfError: 5, expectedPromoters: 0.5, expectedDetractors: 0.2 }); // => 938
 * ```
 */
export function sampleSizeForNps(options: SampleSizeForNpsOptions): number {
  const e = options?.marginOfError;
  if (typeof e !== 'number' || !(e > 0 && e < 200)) invalidOption('marginOfError', 'must be a number of NPS points in (0, 200)', e);
  const pP = options.expectedPromoters ?? 0.5;
  const pD = options.expectedDetractors ?? 0.5;
  if (typeof pP !== 'number' || !(pP >= 0 && pP <= 1)) invalidOption('expectedPromoters', 'must be in [0, 1]', pP);
  if (typeof pD !== 'number' || !(pD >= 0 && pD <= 1)) invalidOption('expectedDetractors', 'must be in [0, 1]', pD);
  if (pP + pD > 1) invalidOption('expectedDetractors', 'plus expectedPromoters must be at most 1', pD);
  const z = zFor(checkLevel(options.confidence ?? 0.95));
  const m = e / 100;
  return Math.max(1, finite((z * z * npsVariance(pP, pD)) / (m * m), options.population));
}
