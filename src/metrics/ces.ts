/**
 * Customer Effort Score (CES): mean answer and the share of "easy" answers.
 * @module
 */
import { invalidOption } from '../models/errors.js';
import { neumaierAdd, neumaierMerge } from '../stats/sum.js';
import { type Accumulator, type Family, checkCount, checkFinite, checkHeader, checkConsistent, checkSame, makeAccumulator, optionsOfState, ratio, withFromState } from './_accumulator.js';
import { type Scale, checkAnswer, checkScale, checkThreshold } from './_scale.js';

/** Which end of the CES scale means less effort. */
export type CesDirection = 'higherIsEasier' | 'lowerIsEasier';

/** Options of {@link ces}. */
export interface CesOptions {
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
  /** Easy answers. */
  easy: number;
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
  sum: number;
  sumComp: number;
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
  return { v: 1, kind: 'ces', scale, direction, easyFrom, n: 0, easy: 0, sum: 0, sumComp: 0 };
}

/** @internal */
export const cesInit = init;

/** @internal */
export const cesFamily: Family<number, CesState, CesResult> = {
  kind: 'ces',
  add(s, score, index, field) {
    const x = checkAnswer(score, s.scale[0], s.scale[1], index, field);
    s.n++;
    if (s.direction === 'higherIsEasier' ? x >= s.easyFrom : x <= s.easyFrom) s.easy++;
    neumaierAdd(s, x);
  },
  merge(into, o) {
    into.n += o.n;
    into.easy += o.easy;
    neumaierMerge(into, o);
  },
  result: (s) => ({ mean: ratio(s.sum + s.sumComp, s.n), rate: ratio(s.easy, s.n), n: s.n, easy: s.easy }),
  copy: (s) => ({ ...s, scale: [s.scale[0], s.scale[1]] }),
  check(s, like) {
    checkHeader(s, 'ces');
    checkSame('scale', s.scale, like.scale);
    checkSame('direction', s.direction, like.direction);
    checkSame('easyFrom', s.easyFrom, like.easyFrom);
    checkCount(s, 'n');
    checkCount(s, 'easy');
    checkFinite(s, 'sum');
    checkFinite(s, 'sumComp');
    checkConsistent(s as unknown as CesState, 'easy', like.scale);
  },
};

/** A CES accumulator: see {@link Accumulator}. */
export type CesAccumulator = Accumulator<number, CesState, CesResult>;

/**
 * A mergeable CES accumulator; `cesAccumulator.fromState(state)` restores one from a saved state.
 *
 * @param options - scale, direction and easy threshold, as for {@link ces}
 * @returns an empty accumulator
 * @throws {@link CxMetricsError} on invalid options
 * @example
 * ```ts
 * import { cesAccumulator } from 'cx-metrics';
 * cesAccumulator().add(7).add(4).result(); // => { mean: 5.5, rate: 0.5, n: 2, easy: 1 }
 * ```
 */
export const cesAccumulator = /* @__PURE__ */ withFromState(
  (options?: CesOptions): CesAccumulator => makeAccumulator(cesFamily, init(options)),
  (state: CesState): CesAccumulator => {
    checkHeader(state, 'ces');
    return makeAccumulator(cesFamily, optionsOfState(() => init({ scale: state.scale, direction: state.direction, easyFrom: state.easyFrom }))).merge(state);
  },
);

/**
 * Customer Effort Score: the mean answer, and the share of easy answers.
 *
 * CES 2.0 (default): 1–7 agreement that "the company made it easy", higher is easier, easy = 5–7.
 * Legacy CES 1.0: 1–5 effort, lower is easier: pass `{ scale: [1, 5], direction: 'lowerIsEasier' }`
 * (easy = 1–2). Never average answers of the two versions together.
 * Formula: mean = Σ score / n; rate = easy / n.
 * Source: docs/metrics.md#ces; ../reference/definitions.md §1.4 (Gartner CES 2.0, CustomerGauge).
 * Empty input: mean and rate `null`.
 *
 * @param scores - answers on the scale
 * @param options - `scale` (default [1, 7]), `direction` (default `'higherIsEasier'`), `easyFrom` (default 5)
 * @returns the mean, the easy rate and the counts behind them
 * @throws {@link CxMetricsError} if an answer is off the scale or not finite (naming its index), or an option is invalid
 * @example
 * ```ts
 * import { ces } from 'cx-metrics';
 * ces([7, 6, 5, 4, 2]); // => { mean: 4.8, rate: 0.6, n: 5, easy: 3 }
 * ces([1, 2, 4], { scale: [1, 5], direction: 'lowerIsEasier' }); // => { mean: 2.3333333333333335, rate: 0.6666666666666666, n: 3, easy: 2 }
 * ```
 */
export function ces(scores: Iterable<number>, options?: CesOptions): CesResult {
  const state = init(options);
  let i = 0;
  for (const s of scores) cesFamily.add(state, s, i++);
  return cesFamily.result(state);
}
