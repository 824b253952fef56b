/**
 * Survey FCR: the share of survey answers saying the issue was resolved on first contact.
 * @module
 */
import type { SurveyResponse } from '../models/surveyResponse.js';
import { invalidState, invalidValue } from '../models/errors.js';
import { type ConfidenceInterval, effectiveSampleSize, rateIsLow, wilsonInterval } from '../stats/intervals.js';
import {
  type Accumulator,
  type Family,
  type StatOptions,
  checkCount,
  checkFinite,
  checkHeader,
  fold,
  makeAccumulator,
  resultOptions,
  withFromState,
} from './_accumulator.js';

/** Result of {@link surveyFcr}. */
export interface SurveyFcrResult {
  /** Share of "yes" answers in [0, 1] (weighted when weighted); `null` when n = 0. */
  rate: number | null;
  /** Answers `fcr === true` (a count, also when weighted). */
  resolved: number;
  /** Responses with a boolean `fcr`. */
  n: number;
  /** Responses without `fcr` (outside n). */
  unanswered: number;
  /** Kish effective sample size (Σw)²/Σw²; equals n without weights. */
  effectiveN: number;
  /** Wilson score interval of `rate` over effectiveN; `null` when n = 0. */
  ci: ConfidenceInterval | null;
  /** True when effectiveN < 30 or fewer than 5 "yes" or "no" answers are expected. */
  lowSample: boolean;
}

/** Options of {@link surveyFcr}: the interval level and low-sample thresholds. */
export type SurveyFcrOptions = StatOptions;

/** Plain-JSON state of a survey-FCR accumulator (weighted totals equal the counts without weights). */
export interface SurveyFcrState {
  v: 1;
  kind: 'surveyFcr';
  n: number;
  resolved: number;
  unanswered: number;
  /** Σ w, Σ w², Σ w over "yes" answers. */
  wSum: number;
  wSquares: number;
  wResolved: number;
}

/** The survey fields survey FCR reads. */
type SurveyLike = Partial<SurveyResponse>;

/** @internal */
export const surveyFcrFamily: Family<SurveyResponse, SurveyFcrState, SurveyFcrResult> = {
  kind: 'surveyFcr',
  add(s, r, i) {
    if (typeof r !== 'object' || r === null) invalidValue(`surveys[${i}]`, i, 'must be an object', r);
    const { fcr, weight } = r as SurveyLike;
    if (fcr !== undefined && fcr !== true && fcr !== false) invalidValue(`surveys[${i}].fcr`, i, 'must be a boolean', fcr);
    if (weight !== undefined && (typeof weight !== 'number' || !(weight > 0) || weight === Infinity)) {
      invalidValue(`surveys[${i}].weight`, i, 'must be a finite number > 0', weight);
    }
    if (fcr === undefined) {
      s.unanswered++;
      return;
    }
    const w = weight ?? 1;
    const wSquares = s.wSquares + w * w;
    if (wSquares === Infinity) invalidValue(`surveys[${i}].weight`, i, 'would take Σ weight² past the largest finite number (rescale the weights)', weight);
    s.n++;
    s.wSum += w;
    s.wSquares = wSquares;
    if (fcr) {
      s.resolved++;
      s.wResolved += w;
    }
  },
  merge(into, o) {
    if (into.wSquares + o.wSquares === Infinity) invalidState('state.wSquares', 'would take the merged Σ weight² past the largest finite number', o.wSquares);
    into.n += o.n;
    into.resolved += o.resolved;
    into.unanswered += o.unanswered;
    into.wSum += o.wSum;
    into.wSquares += o.wSquares;
    into.wResolved += o.wResolved;
  },
  result(s, opts) {
    const rate = s.n === 0 ? null : Math.min(1, s.wResolved / s.wSum);
    const effectiveN = s.n === 0 ? 0 : effectiveSampleSize(s.wSum, s.wSquares);
    return {
      rate,
      resolved: s.resolved,
      n: s.n,
      unanswered: s.unanswered,
      effectiveN,
      ci: rate === null ? null : wilsonInterval(Math.min(rate * effectiveN, effectiveN), effectiveN, opts.confidence),
      lowSample: rateIsLow(rate, effectiveN, opts.lowSample),
    };
  },
  copy: (s) => ({ ...s }),
  check(s) {
    checkHeader(s, 'surveyFcr');
    for (const k of ['n', 'resolved', 'unanswered']) checkCount(s, k);
    for (const k of ['wSum', 'wSquares', 'wResolved']) {
      checkFinite(s, k);
      if ((s[k] as number) < 0) invalidState(`state.${k}`, 'must be ≥ 0', s[k]);
    }
    const n = s.n as number;
    const wSum = s.wSum as number;
    if ((s.resolved as number) > n) invalidState('state.resolved', 'must be ≤ state.n', s.resolved);
    if ((n === 0) !== (wSum === 0)) invalidState('state.wSum', 'must be > 0 exactly when state.n > 0', wSum);
    if ((s.wResolved as number) > wSum * (1 + 1e-9)) invalidState('state.wResolved', 'must lie within [0, state.wSum]', s.wResolved);
    if (((s.resolved as number) === 0) !== ((s.wResolved as number) === 0)) invalidState('state.wResolved', 'must be 0 exactly when state.resolved is 0', s.wResolved);
    const sq = s.wSquares as number;
    // (Σw)² ≤ n·Σw² (Cauchy–Schwarz): the effective sample size never exceeds n
    if ((n === 0) !== (sq === 0) || wSum * wSum > n * sq * (1 + 1e-9)) invalidState('state.wSquares', 'must agree with the weights (0 when empty, (Σw)² ≤ n·Σw²)', sq);
  },
};

/** @internal */
export function surveyFcrInit(): SurveyFcrState {
  return { v: 1, kind: 'surveyFcr', n: 0, resolved: 0, unanswered: 0, wSum: 0, wSquares: 0, wResolved: 0 };
}

/** A survey-FCR accumulator: see {@link Accumulator}. */
export type SurveyFcrAccumulator = Accumulator<SurveyResponse, SurveyFcrState, SurveyFcrResult>;

/**
 * A mergeable survey-FCR accumulator; `surveyFcrAccumulator.fromState(state)` restores one.
 *
 * @param options - interval level and low-sample thresholds of its results
 * @returns an empty accumulator
 * @example
 * ```ts
 * import { surveyFcrAccumulator } from 'cx-metrics';
 * const r = surveyFcrAccumulator()
 *   .add({ id: 's1', submittedAt: 0, fcr: true })
 *   .add({ id: 's2', submittedAt: 0, fcr: false, weight: 3 })
 *   .result();
 * [r.rate, r.resolved, r.n, r.effectiveN]; // => [0.25, 1, 2, 1.6]
 * ```
 */
export const surveyFcrAccumulator = /* @__PURE__ */ withFromState(
  (options?: SurveyFcrOptions): SurveyFcrAccumulator => makeAccumulator(surveyFcrFamily, surveyFcrInit(), resultOptions(options)),
  (state: SurveyFcrState, options?: SurveyFcrOptions): SurveyFcrAccumulator =>
    makeAccumulator(surveyFcrFamily, surveyFcrInit(), resultOptions(options)).merge(state),
);

/**
 * Survey (external) FCR: the share of survey responses answering "yes" to "Was your issue
 * resolved (on first contact)?", among responses that answer it.
 *
 * A response without `fcr` is outside n (counted in `unanswered`). With `weight`s, the rate is
 * weighted (Σ w of "yes" / Σ w) and the Wilson interval uses the Kish effective sample size, as in
 * `csat`; `resolved` and `n` stay counts. Weights all 1 give exactly the unweighted result.
 * "Partly" answers have no place in a boolean: map them before (to `false` for the strict reading).
 * Formula: rate = count(fcr = true) / count(fcr is a boolean).
 * Source: docs/service-metrics.md#survey-fcr; ../reference/definitions.md §2.1 B (SQM), §8
 * (survey FCR as a separate function from operational `fcr`).
 * Empty input: rate and ci `null`, counts 0.
 *
 * @param surveys - survey responses (see {@link SurveyResponse})
 * @param options - `confidence` (default 0.95), `lowSample`
 * @returns the rate, the counts behind it, effectiveN, its interval and low-sample flag
 * @throws {@link CxMetricsError} if `fcr` is present but not a boolean, or `weight` is not finite and > 0, naming the index
 * @example
 * ```ts
 * import { surveyFcr } from 'cx-metrics';
 * surveyFcr([
 *   { id: 's1', submittedAt: 0, fcr: true },
 *   { id: 's2', submittedAt: 0, fcr: true },
 *   { id: 's3', submittedAt: 0, fcr: false },
 *   { id: 's4', submittedAt: 0, csat: 5 }, // did not answer the FCR question
 * ]); // => { rate: 0.6666666666666666, resolved: 2, n: 3, unanswered: 1, effectiveN: 3, ci: { … }, lowSample: true }
 * ```
 */
export function surveyFcr(surveys: Iterable<SurveyResponse>, options?: SurveyFcrOptions): SurveyFcrResult {
  return fold(surveyFcrFamily, resultOptions(options), surveyFcrInit(), surveys);
}
