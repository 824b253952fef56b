/**
 * Net Promoter Score: promoters (9–10) minus detractors (0–6), in points of 100, with its interval.
 * @module
 */
import { invalidState, invalidValue } from '../models/errors.js';
import { type ConfidenceInterval, effectiveSampleSize, npsInterval, npsIsLow } from '../stats/intervals.js';
import {
  type Accumulator,
  type Family,
  type ResultOptions,
  type StatOptions,
  checkCount,
  checkFinite,
  checkHeader,
  fold,
  checkWeights,
  makeAccumulator,
  resultOptions,
  withFromState,
} from './_accumulator.js';
import { type ScoreInput, scoreValue, scoreWeight } from './_scale.js';

/** NPS category of one answer. */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/** Options of {@link nps}: the interval level and low-sample thresholds. */
export type NpsOptions = StatOptions;

/** Result of {@link nps}. */
export interface NpsResult {
  /** 100 × (promoters − detractors) / n, in [-100, 100] (weighted shares when weighted); `null` when n = 0. Not rounded. */
  score: number | null;
  /** Answers counted. */
  n: number;
  /** Answers 9–10. */
  promoters: number;
  /** Answers 7–8. */
  passives: number;
  /** Answers 0–6. */
  detractors: number;
  /** Shares of each category (weighted when weighted), each in [0, 1]; `null` when n = 0. */
  shares: { promoters: number; passives: number; detractors: number } | null;
  /** Kish effective sample size (Σw)²/Σw²; equals n without weights. */
  effectiveN: number;
  /** Interval of the score in points (trinomial variance over effectiveN), clamped to [-100, 100]; `null` when n = 0. */
  ci: ConfidenceInterval | null;
  /** True when effectiveN < 30, fewer than 5 promoters or detractors are expected, or all answers share one category. */
  lowSample: boolean;
}

/** Plain-JSON state of an NPS accumulator: counts, and weighted totals (equal to the counts without weights). */
export interface NpsState {
  v: 1;
  kind: 'nps';
  promoters: number;
  passives: number;
  detractors: number;
  /** Σ w of promoters, passives, detractors. */
  wPromoters: number;
  wPassives: number;
  wDetractors: number;
  /** Σ w² over all answers. */
  wSquares: number;
}

function check(score: unknown, index: number | null, path: string): number {
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 10) {
    invalidValue(path, index, 'must be an integer 0–10', score);
  }
  return score;
}

/**
 * The NPS category of one 0–10 answer: 9–10 promoter, 7–8 passive, 0–6 detractor.
 *
 * Source: docs/metrics.md#nps; Reichheld, "The One Number You Need to Grow", HBR 2003.
 *
 * @param score - an integer 0–10
 * @returns `'promoter'`, `'passive'` or `'detractor'`
 * @throws {@link CxMetricsError} if `score` is not an integer 0–10 (a 1–10 scale is not NPS)
 * @example
 * ```ts
 * import { categorizeNps } from 'cx-metrics';
 * categorizeNps(9); // => 'promoter'
 * categorizeNps(7); // => 'passive'
 * categorizeNps(6); // => 'detractor'
 * ```
 */
export function categorizeNps(score: number): NpsCategory {
  const s = check(score, null, 'score');
  return s >= 9 ? 'promoter' : s >= 7 ? 'passive' : 'detractor';
}

/** @internal */
export const npsFamily: Family<ScoreInput, NpsState, NpsResult> = {
  kind: 'nps',
  add(state, input, index, field, weight) {
    const s = check(scoreValue(input), index, field ? `surveys[${index}].${field}` : `scores[${index}]`);
    const w = scoreWeight(input, weight, index, field);
    if (s >= 9) {
      state.promoters++;
      state.wPromoters += w;
    } else if (s >= 7) {
      state.passives++;
      state.wPassives += w;
    } else {
      state.detractors++;
      state.wDetractors += w;
    }
    state.wSquares += w * w;
  },
  merge(into, o) {
    into.promoters += o.promoters;
    into.passives += o.passives;
    into.detractors += o.detractors;
    into.wPromoters += o.wPromoters;
    into.wPassives += o.wPassives;
    into.wDetractors += o.wDetractors;
    into.wSquares += o.wSquares;
  },
  result(s, opts: ResultOptions) {
    const n = s.promoters + s.passives + s.detractors;
    const total = s.wPromoters + s.wPassives + s.wDetractors;
    const effectiveN = n === 0 ? 0 : effectiveSampleSize(total, s.wSquares);
    const shares = n === 0 ? null : { promoters: s.wPromoters / total, passives: s.wPassives / total, detractors: s.wDetractors / total };
    return {
      score: shares === null ? null : (100 * (s.wPromoters - s.wDetractors)) / total,
      n,
      promoters: s.promoters,
      passives: s.passives,
      detractors: s.detractors,
      shares,
      effectiveN,
      ci: shares === null ? null : npsInterval(shares.promoters, shares.detractors, effectiveN, opts.confidence),
      lowSample: npsIsLow(shares?.promoters ?? null, shares?.passives ?? null, shares?.detractors ?? null, effectiveN, opts.lowSample),
    };
  },
  copy: (s) => ({ ...s }),
  check(s) {
    checkHeader(s, 'nps');
    for (const k of ['promoters', 'passives', 'detractors']) checkCount(s, k);
    for (const k of ['wPromoters', 'wPassives', 'wDetractors', 'wSquares']) {
      checkFinite(s, k);
      if ((s[k] as number) < 0) invalidState(`state.${k}`, 'must be ≥ 0', s[k]);
    }
    const n = (s.promoters as number) + (s.passives as number) + (s.detractors as number);
    if (!Number.isSafeInteger(n)) invalidState('state.promoters', 'counts must add up to at most 2^53 − 1', s.promoters);
    checkWeights(s, [['promoters', 'wPromoters'], ['passives', 'wPassives'], ['detractors', 'wDetractors']], n, (s.wPromoters as number) + (s.wPassives as number) + (s.wDetractors as number));
  },
};

/** @internal */
export function npsInit(): NpsState {
  return { v: 1, kind: 'nps', promoters: 0, passives: 0, detractors: 0, wPromoters: 0, wPassives: 0, wDetractors: 0, wSquares: 0 };
}

/** An NPS accumulator: see {@link Accumulator}. */
export type NpsAccumulator = Accumulator<ScoreInput, NpsState, NpsResult>;

/**
 * A mergeable NPS accumulator; `npsAccumulator.fromState(state)` restores one from a saved state.
 *
 * @param options - interval level and low-sample thresholds of its results
 * @returns an empty accumulator
 * @example
 * ```ts
 * import { npsAccumulator } from 'cx-metrics';
 * const monday = npsAccumulator().add(10).add(9);
 * const tuesday = npsAccumulator().add(3);
 * const saved = JSON.stringify(tuesday.state());
 * const week = monday.merge(npsAccumulator.fromState(JSON.parse(saved))).result();
 * [week.score, week.n, week.promoters, week.detractors]; // => [33.333333333333336, 3, 2, 1]
 * ```
 */
export const npsAccumulator = /* @__PURE__ */ withFromState(
  (options?: NpsOptions): NpsAccumulator => makeAccumulator(npsFamily, npsInit(), resultOptions(options)),
  (state: NpsState, options?: NpsOptions): NpsAccumulator => makeAccumulator(npsFamily, npsInit(), resultOptions(options)).merge(state),
);

/**
 * Net Promoter Score of 0–10 answers, with its confidence interval.
 *
 * Promoters answer 9–10, passives 7–8, detractors 0–6; passives count only in n.
 * Formula: 100 × (promoters − detractors) / n, in [-100, 100]. Not rounded: round for display.
 * Interval: score ± z·100·√((pP + pD − (pP − pD)²)/n), clamped (Rocks 2016); `lowSample` flags
 * n < 30, fewer than 5 expected promoters or detractors, or one category only.
 * Weights: pass `{ value, weight }` items (e.g. from {@link surveyScores}); shares become weighted,
 * counts stay counts, and the interval uses the Kish effective sample size. Weights all 1 give
 * exactly the unweighted result.
 * Source: docs/metrics.md#nps; docs/statistics.md; Reichheld, HBR 2003.
 * Empty input: score and ci `null`, counts 0. One pass, no allocation.
 *
 * @param scores - integer answers 0–10, or `{ value, weight }` items
 * @param options - `confidence` (default 0.95) and `lowSample` thresholds
 * @returns the score, the counts behind it, its interval and low-sample flag
 * @throws {@link CxMetricsError} if an answer is not an integer 0–10 or a weight not finite and > 0, naming its index
 * @example
 * ```ts
 * import { nps } from 'cx-metrics';
 * const r = nps([10, 9, 8, 3]);
 * [r.score, r.n, r.promoters, r.passives, r.detractors, r.lowSample]; // => [25, 4, 2, 1, 1, true]
 * nps([]).score; // => null
 * ```
 */
export function nps(scores: Iterable<ScoreInput>, options?: NpsOptions): NpsResult {
  return fold(npsFamily, resultOptions(options), npsInit(), scores);
}
