/**
 * Customer Effort Score (CES): mean answer and the share of "easy" answers.
 * @module
 */
import { invalidOption } from '../models/errors.js';
import { type ConfidenceInterval, effectiveSampleSize, meanIsLow, wilsonInterval } from '../stats/intervals.js';
import { type Moments, momentsAdd, momentsMerge, momentsSpread } from '../stats/moments.js';
import { neumaierAdd, neumaierMerge } from '../stats/sum.js';
import {
  type Accumulator,
  type Family,
  type StatOptions,
  checkConsistent,
  checkCount,
  checkMoments,
  checkFinite,
  checkHeader,
  fold,
  checkSame,
  makeAccumulator,
  optionsOfState,
  ratio,
  resultOptions,
  withFromState,
} from './_accumulator.js';
import { type Scale, type ScoreInput, checkAnswer, checkScale, checkThreshold, scoreValue, scoreWeight } from './_scale.js';

/** Which end of the CES scale means less effort. */
export type CesDirection = 'higherIsEasier' | 'lowerIsEasier';

/** Options of {@link ces}. */
export interface CesOptions extends StatOptions {
  /**
   * The answer scale `[min, max]`.
   * @defaultValue `[1, 7]`: CES 2.0 agreement scale (Gartner/CEB 2013)
   */
  scale?: Scale;
  /**
   * `'higherIsEasier'` for CES 2.0 ("the company made it easy…": 7 = strongly agree);
   * `'lowerIsEasier'` for legacy CES 1.0 ("how much effort…": 1 = very low effort).
   * @defaultValue `'higherIsEasier'`
   */
  direction?: CesDirection;
  /**
   * The threshold of an easy answer: ≥ it when higher is easier, ≤ it when lower is easier.
   * @defaultValue 5 on 1–7 higher-is-easier (CES 2.0 "somewhat agree" or better); 4 on 1–5 higher;
   * 3 on 1–7 lower-is-easier; 2 on 1–5 lower-is-easier (CES 1.0 "low effort" 1–2). Other scales need it given.
   */
  easyFrom?: number;
}

/** Result of {@link ces}. */
export interface CesResult {
  /** Mean answer on the scale (its direction as given); `null` when n = 0. */
  mean: number | null;
  /** easy / n in [0, 1]; `null` when n = 0. */
  rate: number | null;
  /** Answers counted. */
  n: number;
  /** Easy answers (a count, also when weighted). */
  easy: number;
  /** Kish effective sample size; equals n without weights. */
  effectiveN: number;
  /** Sample standard deviation of the answers; `null` when effectiveN < 2. */
  sd: number | null;
  /** Student t interval of `mean`; `null` when effectiveN < 2. */
  ci: ConfidenceInterval | null;
  /** Wilson score interval of `rate`; `null` when n = 0. */
  rateCi: ConfidenceInterval | null;
  /** True when effectiveN < 30. */
  lowSample: boolean;
}

/** Plain-JSON state of a CES accumulator. */
export interface CesState {
  v: 1;
  kind: 'ces';
  scale: [number, number];
  direction: CesDirection;
  easyFrom: number;
  n: number;
  easy: number;
  /** Σ w, Σ w², Σ w over easy answers. */
  wSum: number;
  wSquares: number;
  wEasy: number;
  /** Σ w·score, compensated. */
  sum: number;
  sumComp: number;
  /** Weighted mean and Σ w·(x − mean)² for the interval (Welford / West). */
  moments: Moments;
}

const DEFAULT_EASY_FROM: Record<string, number> = {
  'higherIsEasier:1,7': 5,
  'higherIsEasier:1,5': 4,
  'lowerIsEasier:1,7': 3,
  'lowerIsEasier:1,5': 2,
};

function init(options: CesOptions | undefined): CesState {
  const scale = checkScale(options?.scale ?? [1, 7]);
  const direction = options?.direction ?? 'higherIsEasier';
  if (direction !== 'higherIsEasier' && direction !== 'lowerIsEasier') {
    invalidOption('direction', "must be 'higherIsEasier' or 'lowerIsEasier'", direction);
  }
  let easyFrom = options?.easyFrom;
  if (easyFrom === undefined) {
    easyFrom = DEFAULT_EASY_FROM[`${direction}:${scale.join(',')}`];
    if (easyFrom === undefined) {
      invalidOption('easyFrom', `must be given for a [${scale.join(', ')}] ${direction} CES scale (defaults exist for 1–5 and 1–7)`, undefined);
    }
  } else {
    easyFrom = checkThreshold('easyFrom', easyFrom, scale);
  }
  return {
    v: 1,
    kind: 'ces',
    scale,
    direction,
    easyFrom,
    n: 0,
    easy: 0,
    wSum: 0,
    wSquares: 0,
    wEasy: 0,
    sum: 0,
    sumComp: 0,
    moments: { weight: 0, mean: 0, m2: 0 },
  };
}

/** @internal */
export const cesInit = init;

/** @internal */
export const cesFamily: Family<ScoreInput, CesState, CesResult> = {
  kind: 'ces',
  add(s, input, index, field, weight) {
    const x = checkAnswer(scoreValue(input), s.scale[0], s.scale[1], index, field);
    const w = scoreWeight(input, weight, index, field);
    s.n++;
    s.wSum += w;
    s.wSquares += w * w;
    if (s.direction === 'higherIsEasier' ? x >= s.easyFrom : x <= s.easyFrom) {
      s.easy++;
      s.wEasy += w;
    }
    neumaierAdd(s, w * x);
    momentsAdd(s.moments, x, w);
  },
  merge(into, o) {
    into.n += o.n;
    into.easy += o.easy;
    into.wSum += o.wSum;
    into.wSquares += o.wSquares;
    into.wEasy += o.wEasy;
    neumaierMerge(into, o);
    momentsMerge(into.moments, o.moments);
  },
  result(s, opts) {
    const effectiveN = effectiveSampleSize(s.wSum, s.wSquares);
    const rate = ratio(s.wEasy, s.wSum);
    const raw = ratio(s.sum + s.sumComp, s.wSum);
    const mean = raw === null ? null : Math.min(s.scale[1], Math.max(s.scale[0], raw));
    const { sd, ci } = momentsSpread(s.moments, effectiveN, opts.confidence, mean ?? 0);
    return {
      mean,
      rate,
      n: s.n,
      easy: s.easy,
      effectiveN,
      sd,
      ci,
      rateCi: rate === null ? null : wilsonInterval(Math.min(rate * effectiveN, effectiveN), effectiveN, opts.confidence),
      lowSample: meanIsLow(effectiveN, opts.lowSample, sd),
    };
  },
  copy: (s) => ({ ...s, scale: [s.scale[0], s.scale[1]], moments: { ...s.moments } }),
  check(s, like) {
    checkHeader(s, 'ces');
    checkSame('scale', s.scale, like.scale);
    checkSame('direction', s.direction, like.direction);
    checkSame('easyFrom', s.easyFrom, like.easyFrom);
    checkCount(s, 'n');
    checkCount(s, 'easy');
    for (const k of ['wSum', 'wSquares', 'wEasy', 'sum', 'sumComp']) checkFinite(s, k);
    checkConsistent(s, 'easy', like.scale);
    checkMoments(s.moments, s.wSum as number);
  },
};

/** A CES accumulator: see {@link Accumulator}. */
export type CesAccumulator = Accumulator<ScoreInput, CesState, CesResult>;

/**
 * A mergeable CES accumulator; `cesAccumulator.fromState(state)` restores one from a saved state.
 *
 * @param options - scale, direction and easy threshold, as for {@link ces}
 * @returns an empty accumulator
 * @throws {@link CxMetricsError} on invalid options
 * @example
 * ```ts
 * import { cesAccumulator } from 'cx-metrics';
 * const r = cesAccumulator().add(7).add(4).result();
 * [r.mean, r.rate, r.n, r.easy]; // => [5.5, 0.5, 2, 1]
 * ```
 */
export const cesAccumulator = /* @__PURE__ */ withFromState(
  (options?: CesOptions): CesAccumulator => makeAccumulator(cesFamily, init(options), resultOptions(options)),
  (state: CesState, options?: StatOptions): CesAccumulator => {
    checkHeader(state, 'ces');
    const init0 = optionsOfState(() => init({ scale: state.scale, direction: state.direction, easyFrom: state.easyFrom }));
    return makeAccumulator(cesFamily, init0, resultOptions(options)).merge(state);
  },
);

/**
 * Customer Effort Score: the mean answer with its t interval, and the share of easy answers with
 * its Wilson interval.
 *
 * CES 2.0 (default): 1–7 agreement that "the company made it easy", higher is easier, easy = 5–7.
 * Legacy CES 1.0: 1–5 effort, lower is easier: pass `{ scale: [1, 5], direction: 'lowerIsEasier' }`
 * (easy = 1–2). Never average answers of the two versions together.
 * Formula: mean = Σ score / n; rate = easy / n; ci = mean ± t(n − 1)·s/√n. With weights
 * (`{ value, weight }` items) mean and rate are weighted and intervals use the Kish effective n.
 * Source: docs/metrics.md#ces; docs/statistics.md; ../reference/definitions.md §1.4.
 * Empty input: mean, rate and intervals `null`.
 *
 * @param scores - answers on the scale, or `{ value, weight }` items
 * @param options - `scale` (default [1, 7]), `direction` (default `'higherIsEasier'`), `easyFrom` (default 5), `confidence`, `lowSample`
 * @returns the mean, the easy rate, their intervals and the counts behind them
 * @throws {@link CxMetricsError} if an answer is off the scale or not finite, or a weight is not > 0 (naming its index), or an option is invalid
 * @example
 * ```ts
 * import { ces } from 'cx-metrics';
 * const r = ces([7, 6, 5, 4, 2]);
 * [r.mean, r.rate, r.n, r.easy]; // => [4.8, 0.6, 5, 3]
 * ces([1, 2, 4], { scale: [1, 5], direction: 'lowerIsEasier' }).rate; // => 0.6666666666666666
 * ```
 */
export function ces(scores: Iterable<ScoreInput>, options?: CesOptions): CesResult {
  return fold(cesFamily, resultOptions(options), init(options), scores);
}
