/**
 * Customer Satisfaction (CSAT): share of satisfied answers (top-2-box on 1–5 by default), and the mean.
 * @module
 */
import { invalidOption } from '../models/errors.js';
import { neumaierAdd, neumaierMerge } from '../stats/sum.js';
import { type Accumulator, type Family, checkCount, checkFinite, checkHeader, checkConsistent, checkSame, makeAccumulator, optionsOfState, ratio, withFromState } from './_accumulator.js';
import { type Scale, checkAnswer, checkScale, checkThreshold } from './_scale.js';

/** Options of {@link csat}. */
export interface CsatOptions {
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
  /** satisfied / n in [0, 1]; `null` when n = 0. */
  rate: number | null;
  /** Answers ≥ satisfiedFrom. */
  satisfied: number;
  /** Answers counted. */
  n: number;
  /** Mean answer on the scale; `null` when n = 0. */
  mean: number | null;
}

/** Plain-JSON state of a CSAT accumulator. */
export interface CsatState {
  v: 1;
  kind: 'csat';
  scale: [number, number];
  satisfiedFrom: number;
  n: number;
  satisfied: number;
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
export const csatFamily: Family<number, CsatState, CsatResult> = {
  kind: 'csat',
  add(s, score, index, field) {
    const x = checkAnswer(score, s.scale[0], s.scale[1], index, field);
    s.n++;
    if (x >= s.satisfiedFrom) s.satisfied++;
    neumaierAdd(s, x);
  },
  merge(into, o) {
    into.n += o.n;
    into.satisfied += o.satisfied;
    neumaierMerge(into, o);
  },
  result: (s) => ({ rate: ratio(s.satisfied, s.n), satisfied: s.satisfied, n: s.n, mean: ratio(s.sum + s.sumComp, s.n) }),
  copy: (s) => ({ ...s, scale: [s.scale[0], s.scale[1]] }),
  check(s, like) {
    checkHeader(s, 'csat');
    checkSame('scale', s.scale, like.scale);
    checkSame('satisfiedFrom', s.satisfiedFrom, like.satisfiedFrom);
    checkCount(s, 'n');
    checkCount(s, 'satisfied');
    checkFinite(s, 'sum');
    checkFinite(s, 'sumComp');
    checkConsistent(s as unknown as CsatState, 'satisfied', like.scale);
  },
};

function init(options: CsatOptions | undefined): CsatState {
  const { scale, satisfiedFrom } = resolve(options);
  return { v: 1, kind: 'csat', scale, satisfiedFrom, n: 0, satisfied: 0, sum: 0, sumComp: 0 };
}

/** @internal */
export const csatInit = init;

/** A CSAT accumulator: see {@link Accumulator}. */
export type CsatAccumulator = Accumulator<number, CsatState, CsatResult>;

/**
 * A mergeable CSAT accumulator; `csatAccumulator.fromState(state)` restores one (with its scale
 * and threshold) from a saved state. Merging states made with different options throws.
 *
 * @param options - scale and satisfied threshold, as for {@link csat}
 * @returns an empty accumulator
 * @throws {@link CxMetricsError} on invalid options
 * @example
 * ```ts
 * import { csatAccumulator } from 'cx-metrics';
 * const a = csatAccumulator().add(5).add(2);
 * const b = csatAccumulator.fromState(JSON.parse(JSON.stringify(csatAccumulator().add(4).state())));
 * a.merge(b).result(); // => { rate: 0.6666666666666666, satisfied: 2, n: 3, mean: 3.6666666666666665 }
 * ```
 */
export const csatAccumulator = /* @__PURE__ */ withFromState(
  (options?: CsatOptions): CsatAccumulator => makeAccumulator(csatFamily, init(options)),
  (state: CsatState): CsatAccumulator => {
    checkHeader(state, 'csat');
    return makeAccumulator(csatFamily, optionsOfState(() => init({ scale: state.scale, satisfiedFrom: state.satisfiedFrom }))).merge(state);
  },
);

/**
 * Customer Satisfaction: the share of answers at or above `satisfiedFrom` (top-2-box on the
 * default 1–5 scale), with the mean answer beside it.
 *
 * Formula: rate = count(score ≥ satisfiedFrom) / n; mean = Σ score / n.
 * Source: docs/metrics.md#csat; ../reference/definitions.md §1.1 (Formbricks, QuestionPro, SmartSurvey).
 * Answers may be fractional (half stars) but must lie on the scale. Empty input: rate and mean `null`.
 *
 * @param scores - answers on the scale
 * @param options - `scale` (default [1, 5]) and `satisfiedFrom` (default 4 on 1–5)
 * @returns the rate, the counts behind it and the mean
 * @throws {@link CxMetricsError} if an answer is off the scale or not finite (naming its index), or an option is invalid
 * @example
 * ```ts
 * import { csat } from 'cx-metrics';
 * csat([5, 4, 3, 5]); // => { rate: 0.75, satisfied: 3, n: 4, mean: 4.25 }
 * csat([7, 6, 2], { scale: [1, 7] }); // => { rate: 0.6666666666666666, satisfied: 2, n: 3, mean: 5 }
 * ```
 */
export function csat(scores: Iterable<number>, options?: CsatOptions): CsatResult {
  const state = init(options);
  let i = 0;
  for (const s of scores) csatFamily.add(state, s, i++);
  return csatFamily.result(state);
}
