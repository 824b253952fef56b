/**
 * Average Speed of Answer (ASA): queue wait of answered contacts per answered contact.
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import { invalidState } from '../models/errors.js';
import { type ConfidenceInterval, meanInterval, meanIsLow } from '../stats/intervals.js';
import { type Moments, momentsAdd, momentsMerge } from '../stats/moments.js';
import { neumaierAdd, neumaierMerge } from '../stats/sum.js';
import {
  type Accumulator,
  type Family,
  type StatOptions,
  checkCount,
  checkFinite,
  checkHeader,
  fold,
  checkMoments,
  makeAccumulator,
  ratio,
  resultOptions,
  withFromState,
} from './_accumulator.js';
import { checkRecord, duration, isAbandoned } from './_record.js';

/** Result of {@link averageSpeedOfAnswer}. */
export interface AverageSpeedOfAnswerResult {
  /** totalSeconds / n, seconds; `null` when n = 0. */
  mean: number | null;
  /** Answered (handled) contacts with a `waitSeconds`. */
  n: number;
  /** Σ waitSeconds over those contacts. */
  totalSeconds: number;
  /** Answered contacts without `waitSeconds` (outside n). */
  missing: number;
  /** Sample standard deviation of the waits, seconds; `null` when n < 2. */
  sd: number | null;
  /** Student t interval of `mean`; `null` when n < 2. */
  ci: ConfidenceInterval | null;
  /** True when n < 30 (waits are skewed: read a small sample's mean with care) or every wait is equal (no spread). */
  lowSample: boolean;
}

/** Options of {@link averageSpeedOfAnswer}: the interval level and low-sample threshold. */
export type AverageSpeedOfAnswerOptions = StatOptions;

/** Plain-JSON state of an ASA accumulator. */
export interface AverageSpeedOfAnswerState {
  v: 1;
  kind: 'averageSpeedOfAnswer';
  n: number;
  missing: number;
  /** Σ waitSeconds, compensated (`sum + sumComp`). */
  sum: number;
  sumComp: number;
  /** Mean and Σ (x − mean)² of the waits (Welford), for the interval. */
  moments: Moments;
}

/** @internal */
export const averageSpeedOfAnswerFamily: Family<Interaction, AverageSpeedOfAnswerState, AverageSpeedOfAnswerResult> = {
  kind: 'averageSpeedOfAnswer',
  add(s, r, i) {
    checkRecord(r, i);
    const hasWait = r.waitSeconds !== undefined;
    const wait = duration(r, 'waitSeconds', i);
    if (isAbandoned(r, i)) return;
    if (!hasWait) {
      s.missing++;
      return;
    }
    s.n++;
    neumaierAdd(s, wait);
    momentsAdd(s.moments, wait);
  },
  merge(into, o) {
    into.n += o.n;
    into.missing += o.missing;
    neumaierMerge(into, o);
    momentsMerge(into.moments, o.moments);
  },
  result(s, opts) {
    const total = s.sum + s.sumComp;
    const mean = ratio(total, s.n);
    // Spread from the Welford moments; the interval is centred on the compensated mean.
    const m2 = Math.max(0, s.moments.m2);
    const sd = s.n >= 2 ? Math.sqrt(m2 / (s.n - 1)) : null;
    const ci = mean === null ? null : meanInterval(s.n, mean, m2, opts.confidence);
    // low: no values, fewer than minN, or no spread at all (a zero-width interval says nothing)
    const lowSample = s.n === 0 || meanIsLow(s.n, opts.lowSample) || sd === 0;
    return { mean, n: s.n, totalSeconds: total, missing: s.missing, sd, ci, lowSample };
  },
  copy: (s) => ({ ...s, moments: { ...s.moments } }),
  check(s) {
    checkHeader(s, 'averageSpeedOfAnswer');
    checkCount(s, 'n');
    checkCount(s, 'missing');
    checkFinite(s, 'sum');
    checkFinite(s, 'sumComp');
    if ((s.sum as number) + (s.sumComp as number) < 0) invalidState('state.sum', 'must total ≥ 0 seconds', s.sum);
    checkMoments(s.moments, s.n as number);
  },
};

/** @internal */
export function averageSpeedOfAnswerInit(): AverageSpeedOfAnswerState {
  return { v: 1, kind: 'averageSpeedOfAnswer', n: 0, missing: 0, sum: 0, sumComp: 0, moments: { weight: 0, mean: 0, m2: 0 } };
}

/** An ASA accumulator: see {@link Accumulator}. */
export type AverageSpeedOfAnswerAccumulator = Accumulator<Interaction, AverageSpeedOfAnswerState, AverageSpeedOfAnswerResult>;

/**
 * A mergeable ASA accumulator; `averageSpeedOfAnswerAccumulator.fromState(state)` restores one.
 *
 * @param options - interval level and low-sample threshold of its results
 * @returns an empty accumulator
 * @example
 * ```ts
 * import { averageSpeedOfAnswerAccumulator } from 'cx-metrics';
 * const morning = averageSpeedOfAnswerAccumulator().add({ id: 'a', channel: 'phone', startedAt: 0, waitSeconds: 10 });
 * const evening = averageSpeedOfAnswerAccumulator().add({ id: 'b', channel: 'phone', startedAt: 0, waitSeconds: 30 });
 * morning.merge(evening.state()).result().mean; // => 20
 * ```
 */
export const averageSpeedOfAnswerAccumulator = /* @__PURE__ */ withFromState(
  (options?: AverageSpeedOfAnswerOptions): AverageSpeedOfAnswerAccumulator =>
    makeAccumulator(averageSpeedOfAnswerFamily, averageSpeedOfAnswerInit(), resultOptions(options)),
  (state: AverageSpeedOfAnswerState, options?: AverageSpeedOfAnswerOptions): AverageSpeedOfAnswerAccumulator =>
    makeAccumulator(averageSpeedOfAnswerFamily, averageSpeedOfAnswerInit(), resultOptions(options)).merge(state),
);

/**
 * Average Speed of Answer: the mean queue wait of answered contacts.
 *
 * A contact is answered (handled) unless `abandoned === true`; abandoned contacts are left out
 * (their wait is abandon time, not speed of answer). An answered contact without `waitSeconds`
 * is outside n and counted in `missing`. `waitSeconds` starts at queue entry (IVR time excluded).
 * Formula: Σ waitSeconds of answered contacts / answered contacts.
 * Source: docs/service-metrics.md#asa; ../reference/definitions.md §4.2 (Amazon Connect "Average
 * queue answer time", Cisco ICM). Compensated sums; Student t interval from Welford moments.
 * Empty input: mean, sd and ci `null`.
 *
 * @param interactions - contacts (see {@link Interaction})
 * @param options - `confidence` (default 0.95), `lowSample`
 * @returns mean seconds, count, total, sd, interval and low-sample flag
 * @throws {@link CxMetricsError} if `waitSeconds` is negative, NaN, infinite or above 1e9, or `abandoned` not a boolean, naming the index
 * @example
 * ```ts
 * import { averageSpeedOfAnswer } from 'cx-metrics';
 * averageSpeedOfAnswer([
 *   { id: '1', channel: 'phone', startedAt: 0, waitSeconds: 12 },
 *   { id: '2', channel: 'phone', startedAt: 0, waitSeconds: 30 },
 *   { id: '3', channel: 'phone', startedAt: 0, abandoned: true, waitSeconds: 90 }, // not answered
 *   { id: '4', channel: 'chat', startedAt: 0 }, // no wait recorded: missing
 * ]); // => { mean: 21, n: 2, totalSeconds: 42, missing: 1, sd: 12.727922061357855, ci: { … }, lowSample: true }
 * ```
 */
export function averageSpeedOfAnswer(interactions: Iterable<Interaction>, options?: AverageSpeedOfAnswerOptions): AverageSpeedOfAnswerResult {
  return fold(averageSpeedOfAnswerFamily, resultOptions(options), averageSpeedOfAnswerInit(), interactions);
}
