/**
 * Customer Satisfaction (CSAT): share of satisfied answers (top-2-box on 1–5 by default), and the mean.
 * @module
 */
import { invalidOption } from '../models/errors.js';
import { type ConfidenceInterval, effectiveSampleSize, rateIsLow, wilsonInterval } from '../stats/intervals.js';
import { neumaierAdd, neumaierMerge } from '../stats/sum.js';
import {
  type Accumulator,
  type Family,
  type StatOptions,
  checkConsistent,
  checkCount,
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

/** Options of {@link csat}. */
export interface CsatOptions extends StatOptions {
  /**
   * The answer scale `[min, max]`.
   * @defaultValue `[1, 5]`: the most common CSAT question (docs/metrics.md#csat)
   */
  scale?: Scale;
  /**
   * Answers at or above this count as satisfied.
   * @defaultValue 4 on 1–5 (top-2-box, near-universal); 3 on 1–3; 6 on 1–7; 9 on 1–10 (QuestionPro).
   * Other scales, 0–10 included, have no published standard and need it given explicitly.
   */
  satisfiedFrom?: number;
}

/** Result of {@link csat}. */
export interface CsatResult {
  /** Share of satisfied answers in [0, 1] (weighted when weighted); `null` when n = 0. */
  rate: number | null;
  /** Answers ≥ satisfiedFrom (a count, also when weighted). */
  satisfied: number;
  /** Answers counted. */
  n: number;
  /** Mean answer on the scale (weighted when weighted); `null` when n = 0. */
  mean: number | null;
  /** Kish effective sample size; equals n without weights. */
  effectiveN: number;
  /** Wilson score interval of `rate` over effectiveN; `null` when n = 0. */
  ci: ConfidenceInterval | null;
  /** True when effectiveN < 30 or fewer than 5 satisfied or unsatisfied answers are expected. */
  lowSample: boolean;
}

/** Plain-JSON state of a CSAT accumulator (weighted totals equal the counts without weights). */
export interface CsatState {
  v: 1;
  kind: 'csat';
  scale: [number, number];
  satisfiedFrom: number;
  n: number;
  satisfied: number;
  /** Σ w, Σ w², Σ w over satisfied answers. */
  wSum: number;
  wSquares: number;
  wSatisfied: number;
  /** Σ w·score, compensated. */
  sum: number;
  sumComp: number;
}

const DEFAULT_SATISFIED_FROM: Record<string, number> = { '1,3': 3, '1,5': 4, '1,7': 6, '1,10': 9 };

function resolve(options: CsatOptions | undefined): { scale: [number, number]; satisfiedFrom: number } {
  const scale = checkScale(options?.scale ?? [1, 5]);
  const given = options?.satisfiedFrom;
  if (given === undefined) {
    const d = DEFAULT_SATISFIED_FROM[scale.join(',')];
    if (d === undefined) {
      invalidOption('satisfiedFrom', `must be given for a [${scale.join(', ')}] CSAT scale (no published default; 1–3, 1–5, 1–7 and 1–10 have one)`, undefined);
    }
    return { scale, satisfiedFrom: d };
  }
  return { scale, satisfiedFrom: checkThreshold('satisfiedFrom', given, scale) };
}

/** @internal */
export const csatFamily: Family<ScoreInput, CsatState, CsatResult> = {
  kind: 'csat',
  add(s, input, index, field, weight) {
    const x = checkAnswer(scoreValue(input), s.scale[0], s.scale[1], index, field);
    const w = scoreWeight(input, weight, index, field);
    s.n++;
    s.wSum += w;
    s.wSquares += w * w;
    if (x >= s.satisfiedFrom) {
      s.satisfied++;
      s.wSatisfied += w;
    }
    neumaierAdd(s, w * x);
  },
  merge(into, o) {
    into.n += o.n;
    into.satisfied += o.satisfied;
    into.wSum += o.wSum;
    into.wSquares += o.wSquares;
    into.wSatisfied += o.wSatisfied;
    neumaierMerge(into, o);
  },
  result(s, opts) {
    const rate = ratio(s.wSatisfied, s.wSum);
    const effectiveN = effectiveSampleSize(s.wSum, s.wSquares);
    return {
      rate,
      satisfied: s.satisfied,
      n: s.n,
      mean: ((m) => (m === null ? null : Math.min(s.scale[1], Math.max(s.scale[0], m))))(ratio(s.sum + s.sumComp, s.wSum)),
      effectiveN,
      ci: rate === null ? null : wilsonInterval(Math.min(rate * effectiveN, effectiveN), effectiveN, opts.confidence),
      lowSample: rateIsLow(rate, effectiveN, opts.lowSample),
    };
  },
  copy: (s) => ({ ...s, scale: [s.scale[0], s.scale[1]] }),
  check(s, like) {
    checkHeader(s, 'csat');
    checkSame('scale', s.scale, like.scale);
    checkSame('satisfiedFrom', s.satisfiedFrom, like.satisfiedFrom);
    checkCount(s, 'n');
    checkCount(s, 'satisfied');
    for (const k of ['wSum', 'wSquares', 'wSatisfied', 'sum', 'sumComp']) checkFinite(s, k);
    checkConsistent(s, 'satisfied', like.scale);
  },
};

function init(options: CsatOptions | undefined): CsatState {
  const { scale, satisfiedFrom } = resolve(options);
  return { v: 1, kind: 'csat', scale, satisfiedFrom, n: 0, satisfied: 0, wSum: 0, wSquares: 0, wSatisfied: 0, sum: 0, sumComp: 0 };
}

/** @internal */
export const csatInit = init;

/** A CSAT accumulator: see {@link Accumulator}. */
export type CsatAccumulator = Accumulator<ScoreInput, CsatState, CsatResult>;

/**
 * A mergeable CSAT accumulator; `csatAccumulator.fromState(state)` restores one (with its scale
 * and threshold) from a saved state. Merging states made with different options throws.
 *
 * @param options - scale, satisfied threshold, interval level, as for {@link csat}
 * @returns an empty accumulator
 * @throws {@link CxMetricsError} on invalid options
 * @example
 * ```ts
 * import { csatAccumulator } from 'cx-metrics';
 * const a = csatAccumulator().add(5).add(2);
 * const b = csatAccumulator.fromState(JSON.parse(JSON.stringify(csatAccumulator().add(4).state())));
 * const r = a.merge(b).result();
 * [r.rate, r.satisfied, r.n, r.mean]; // => [0.6666666666666666, 2, 3, 3.6666666666666665]
 * ```
 */
export const csatAccumulator = /* @__PURE__ */ withFromState(
  (options?: CsatOptions): CsatAccumulator => makeAccumulator(csatFamily, init(options), resultOptions(options)),
  (state: CsatState, options?: StatOptions): CsatAccumulator => {
    checkHeader(state, 'csat');
    const init0 = optionsOfState(() => init({ scale: state.scale, satisfiedFrom: state.satisfiedFrom }));
    return makeAccumulator(csatFamily, init0, resultOptions(options)).merge(state);
  },
);

/**
 * Customer Satisfaction: the share of answers at or above `satisfiedFrom` (top-2-box on the
 * default 1–5 scale), with the mean answer, a Wilson interval and a low-sample flag.
 *
 * Formula: rate = count(score ≥ satisfiedFrom) / n; mean = Σ score / n. With weights
 * (`{ value, weight }` items), rate and mean are weighted and the interval uses the Kish effective
 * sample size; weights all 1 give exactly the unweighted result.
 * Source: docs/metrics.md#csat; docs/statistics.md#wilson; ../reference/definitions.md §1.1.
 * Answers may be fractional (half stars) but must lie on the scale. Empty input: rate, mean, ci `null`.
 *
 * @param scores - answers on the scale, or `{ value, weight }` items
 * @param options - `scale` (default [1, 5]), `satisfiedFrom` (default 4 on 1–5), `confidence` (0.95), `lowSample`
 * @returns the rate, the counts behind it, the mean, the interval and the low-sample flag
 * @throws {@link CxMetricsError} if an answer is off the scale or not finite, or a weight is not > 0 (naming its index), or an option is invalid
 * @example
 * ```ts
 * import { csat } from 'cx-metrics';
 * const r = csat([5, 4, 3, 5]);
 * [r.rate, r.satisfied, r.n, r.mean]; // => [0.75, 3, 4, 4.25]
 * csat([7, 6, 2], { scale: [1, 7] }).rate; // => 0.6666666666666666
 * ```
 */
export function csat(scores: Iterable<ScoreInput>, options?: CsatOptions): CsatResult {
  return fold(csatFamily, resultOptions(options), init(options), scores);
}
