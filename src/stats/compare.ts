/**
 * Is a change real? Significance tests and intervals for the difference of two NPS scores, two
 * rates, or two means (independent samples: two periods, channels, agents).
 * @module
 */
import { invalidValue } from '../models/errors.js';
import { normalSf, studentTQuantile, studentTSf } from './distributions.js';
import { type ConfidenceInterval, checkLevel, npsVariance, wilsonInterval, zFor } from './intervals.js';

/** Options of the comparisons. */
export interface CompareOptions {
  /**
   * Confidence level of the interval; a difference is `significant` when p < 1 − confidence.
   * @defaultValue 0.95
   */
  confidence?: number;
}

/** Why a comparison has no test. */
export type NoTestReason = 'empty' | 'zero-variance' | 'too-few';

/** Result of a comparison of a to b (a − b). */
export interface Comparison {
  /** a − b, in the unit of the compared value (NPS points, proportion, seconds…). */
  difference: number | null;
  /** Interval of the difference, or `null` when it is undefined. */
  ci: ConfidenceInterval | null;
  /** Two-sided p-value, or `null` when no test is possible (see `reason`). */
  pValue: number | null;
  /** `pValue < 1 − confidence`; false when there is no test. */
  significant: boolean;
  /** The test used, in words. */
  test: string;
  /** The test statistic (z or t), or `null`. */
  statistic: number | null;
  /** Degrees of freedom of a t test (Welch); `null` for z tests. */
  df: number | null;
  /** Why there is no test, when `pValue` is `null`. */
  reason: NoTestReason | null;
}

/**
 * An NPS result (from {@link nps}) or plain counts. With weights, the result's `shares` (weighted)
 * and `effectiveN` replace counts / n in the variance.
 */
export interface NpsLike {
  n: number;
  promoters: number;
  detractors: number;
  /** Weighted shares, as `nps()` reports them. */
  shares?: { promoters: number; detractors: number } | null;
  /** Kish effective sample size, as `nps()` reports it. */
  effectiveN?: number;
}

/** A rate result or its counts: `successes` of `n`, or `rate` over `n` (`effectiveN` when weighted). */
export type RateLike = { successes: number; n: number } | { rate: number | null; n: number; effectiveN?: number };

/** A mean result or its moments: `sd` is the sample standard deviation (n − 1). */
export interface MeanLike {
  mean: number | null;
  n: number;
  sd: number | null;
  /** Kish effective sample size of a weighted mean (as `ces()` reports it); used instead of `n`. */
  effectiveN?: number;
  /** Held contacts, for a hold-time result, whose mean and sd are over held contacts; used instead of `n`. */
  held?: number;
}

/** The number of values behind a mean: held (hold time), else effectiveN (weighted), else n. */
function meanN(x: MeanLike): number {
  return x.held ?? x.effectiveN ?? x.n;
}

function none(test: string, reason: NoTestReason, difference: number | null, ci: ConfidenceInterval | null = null): Comparison {
  return { difference, ci, pValue: null, significant: false, test, statistic: null, df: null, reason };
}

function npsParts(x: NpsLike, name: string): { score: number; variance: number } | null {
  if (typeof x !== 'object' || x === null) invalidValue(name, null, 'must be an NPS result', x);
  const { n, promoters, detractors } = x;
  if (!(n >= 0) || !(promoters >= 0) || !(detractors >= 0) || promoters + detractors > n) invalidValue(name, null, 'must have 0 ≤ promoters + detractors ≤ n', x);
  const ne = x.effectiveN ?? n;
  if (n === 0 || !(ne > 0)) return null;
  const pP = x.shares ? x.shares.promoters : promoters / n;
  const pD = x.shares ? x.shares.detractors : detractors / n;
  return { score: 100 * (pP - pD), variance: npsVariance(pP, pD) / ne };
}

/**
 * Compares two NPS scores (a − b, in points) from independent samples: z test with the trinomial
 * variance of each, SE = 100·√(Var_a/n_a + Var_b/n_b), CI = d ± z·SE.
 *
 * Not valid for the same customers measured twice (paired samples). No test when either side is
 * empty, or when both have zero variance (every answer in one category).
 * Source: docs/statistics.md#compare-nps; ../reference/statistics.md §3.
 *
 * @param a - an NPS result (or `{ n, promoters, detractors }`)
 * @param b - the baseline NPS result
 * @param options - `confidence` (default 0.95)
 * @returns difference, interval, p-value, significance
 * @example
 * ```ts
 * import { compareNps, nps } from 'cx-metrics';
 * compareNps({ n: 500, promoters: 260, detractors: 100 }, { n: 400, promoters: 180, detractors: 100 });
 * // => { difference: 12, pValue: 0.0254796…, significant: true, ci: { low: 1.47…, high: 22.52…, level: 0.95 }, … }
 * ```
 */
export function compareNps(a: NpsLike, b: NpsLike, options?: CompareOptions): Comparison {
  const level = checkLevel(options?.confidence ?? 0.95);
  const test = 'two-sample z test of NPS (trinomial variance, independent samples)';
  const pa = npsParts(a, 'a');
  const pb = npsParts(b, 'b');
  if (pa === null || pb === null) return none(test, 'empty', pa && pb ? pa.score - pb.score : null);
  const difference = pa.score - pb.score;
  const se = 100 * Math.sqrt(pa.variance + pb.variance);
  if (!(se > 0)) return none(test, 'zero-variance', difference);
  const z = difference / se;
  const zc = zFor(level);
  const pValue = Math.min(1, 2 * normalSf(Math.abs(z)));
  return { difference, ci: { low: difference - zc * se, high: difference + zc * se, level }, pValue, significant: pValue < 1 - level, test, statistic: z, df: null, reason: null };
}

function rateParts(x: RateLike, name: string): { k: number; n: number } | null {
  if (typeof x !== 'object' || x === null) invalidValue(name, null, 'must be a rate result or { successes, n }', x);
  if ('successes' in x) {
    if (!(x.n >= 0) || !(x.successes >= 0) || x.successes > x.n) invalidValue(name, null, 'must have 0 ≤ successes ≤ n', x);
    return x.n === 0 ? null : { k: x.successes, n: x.n };
  }
  const n = x.effectiveN ?? x.n;
  if (!(n >= 0)) invalidValue(name, null, 'must have n ≥ 0', x);
  if (n === 0 || x.rate === null) return null;
  if (!(x.rate >= 0 && x.rate <= 1)) invalidValue(name, null, 'must have a rate in [0, 1]', x);
  return { k: x.rate * n, n };
}

/**
 * Compares two rates (a − b, as a proportion): pooled two-proportion z test (= Pearson χ² without
 * continuity correction) for the p-value, Newcombe's hybrid score interval (method 10) for the
 * difference, which stays inside [−1, 1] and handles zero counts.
 *
 * No test when either side is empty or when the pooled rate is 0 or 1 (no events, or all events,
 * in both); the Newcombe interval is still given then.
 * Source: docs/statistics.md#compare-rates; ../reference/statistics.md §4; Newcombe (1998).
 *
 * @param a - a rate result (`{ rate, n }`, e.g. from `csat`, `fcr`) or `{ successes, n }`
 * @param b - the baseline
 * @param options - `confidence` (default 0.95)
 * @returns difference, interval, p-value, significance
 * @example
 * ```ts
 * import { compareRates } from 'cx-metrics';
 * compareRates({ successes: 120, n: 1500 }, { successes: 90, n: 1500 }).pValue; // => 0.03181765445…
 * ```
 */
export function compareRates(a: RateLike, b: RateLike, options?: CompareOptions): Comparison {
  const level = checkLevel(options?.confidence ?? 0.95);
  const test = 'pooled two-proportion z test; Newcombe hybrid score interval';
  const pa = rateParts(a, 'a');
  const pb = rateParts(b, 'b');
  if (pa === null || pb === null) return none(test, 'empty', null);
  const p1 = pa.k / pa.n;
  const p2 = pb.k / pb.n;
  const difference = p1 - p2;
  const w1 = wilsonInterval(Math.min(pa.k, pa.n), pa.n, level)!;
  const w2 = wilsonInterval(Math.min(pb.k, pb.n), pb.n, level)!;
  const ci: ConfidenceInterval = {
    low: Math.max(-1, difference - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2)),
    high: Math.min(1, difference + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2)),
    level,
  };
  const pooled = (pa.k + pb.k) / (pa.n + pb.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / pa.n + 1 / pb.n));
  if (!(se > 0)) return none(test, 'zero-variance', difference, ci);
  const z = difference / se;
  const pValue = Math.min(1, 2 * normalSf(Math.abs(z)));
  return { difference, ci, pValue, significant: pValue < 1 - level, test, statistic: z, df: null, reason: null };
}

/**
 * Compares two means (a − b) with Welch's t test: t = d / √(s²_a/n_a + s²_b/n_b), Welch–
 * Satterthwaite degrees of freedom, CI = d ± t(1 − α/2, df)·SE. Right for handle times, whose
 * variances rarely agree between teams.
 *
 * No test when either side has fewer than 2 values, or both have zero spread. For small skewed
 * samples (handle times) read the medians too.
 * Source: docs/statistics.md#compare-means; ../reference/statistics.md §5.
 *
 * @param a - a mean result with `sd` (e.g. from `aht`, `ces`) or `{ mean, n, sd }`
 * @param b - the baseline
 * @param options - `confidence` (default 0.95)
 * @returns difference, interval, p-value, degrees of freedom, significance
 * @example
 * ```ts
 * import { compareMeans } from 'cx-metrics';
 * compareMeans({ mean: 340, n: 12, sd: 68.52206015 }, { mean: 279.5, n: 10, sd: 18.02005056 }).pValue;
 * // => 0.01168057… (Welch, df 12.79…)
 * ```
 */
export function compareMeans(a: MeanLike, b: MeanLike, options?: CompareOptions): Comparison {
  const level = checkLevel(options?.confidence ?? 0.95);
  const test = "Welch's t test (unequal variances)";
  for (const [x, name] of [[a, 'a'], [b, 'b']] as const) {
    if (typeof x !== 'object' || x === null || !(x.n >= 0)) invalidValue(name, null, 'must be a mean result or { mean, n, sd }', x);
    if (x.sd !== null && !(x.sd >= 0)) invalidValue(`${name}.sd`, null, 'must be ≥ 0', x.sd);
  }
  const na = meanN(a);
  const nb = meanN(b);
  const difference = a.mean !== null && b.mean !== null && na > 0 && nb > 0 ? a.mean - b.mean : null;
  if (difference === null) return none(test, 'empty', null);
  if (na < 2 || nb < 2 || a.sd === null || b.sd === null) return none(test, 'too-few', difference);
  const v1 = (a.sd * a.sd) / na;
  const v2 = (b.sd * b.sd) / nb;
  const se = Math.sqrt(v1 + v2);
  if (!(se > 0)) return none(test, 'zero-variance', difference);
  const df = (v1 + v2) ** 2 / ((v1 * v1) / (na - 1) + (v2 * v2) / (nb - 1));
  const t = difference / se;
  const pValue = Math.min(1, 2 * studentTSf(Math.abs(t), df));
  const tc = studentTQuantile(1 - (1 - level) / 2, df);
  return { difference, ci: { low: difference - tc * se, high: difference + tc * se, level }, pValue, significant: pValue < 1 - level, test, statistic: t, df, reason: null };
}
