/**
 * Hold time: mean hold per held contact, per handled contact, and the hold rate.
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import { invalidState } from '../models/errors.js';
import { type ConfidenceInterval, meanIsLow, wilsonInterval } from '../stats/intervals.js';
import { type Moments, momentsAdd, momentsMerge, momentsSpread } from '../stats/moments.js';
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

/** Result of {@link holdTime}. */
export interface HoldTimeResult {
  /** totalSeconds / held: mean hold of contacts that were held; `null` when none was. */
  mean: number | null;
  /** totalSeconds / n: mean hold over all handled contacts; `null` when none was handled. */
  meanAll: number | null;
  /** held / n in [0, 1]; `null` when n = 0. */
  heldRate: number | null;
  /** Handled contacts with holdSeconds > 0. */
  held: number;
  /** Handled contacts. */
  n: number;
  /** Σ holdSeconds over handled contacts. */
  totalSeconds: number;
  /** Sample standard deviation of the hold of held contacts; `null` when held < 2. */
  sd: number | null;
  /** Student t interval of `mean` (held contacts); `null` when held < 2. */
  ci: ConfidenceInterval | null;
  /** Wilson score interval of `heldRate`; `null` when n = 0. */
  heldRateCi: ConfidenceInterval | null;
  /** True when fewer than 30 contacts were held (the sample behind `mean`). */
  lowSample: boolean;
}

/** Options of {@link holdTime}: the interval level and low-sample threshold. */
export type HoldTimeOptions = StatOptions;

/** Plain-JSON state of a hold-time accumulator. */
export interface HoldTimeState {
  v: 1;
  kind: 'holdTime';
  n: number;
  held: number;
  sum: number;
  sumComp: number;
  /** Mean and Σ (x − mean)² of the hold of held contacts (Welford). */
  moments: Moments;
}

/** @internal */
export const holdTimeFamily: Family<Interaction, HoldTimeState, HoldTimeResult> = {
  kind: 'holdTime',
  add(s, r, i) {
    checkRecord(r, i);
    const hold = duration(r, 'holdSeconds', i);
    if (isAbandoned(r, i)) return;
    s.n++;
    if (hold > 0) {
      s.held++;
      neumaierAdd(s, hold);
      momentsAdd(s.moments, hold);
    }
  },
  merge(into, o) {
    into.n += o.n;
    into.held += o.held;
    neumaierMerge(into, o);
    momentsMerge(into.moments, o.moments);
  },
  result(s, opts) {
    const total = s.sum + s.sumComp;
    const mean = ratio(total, s.held);
    const { sd, ci } = momentsSpread(s.moments, s.held, opts.confidence, mean ?? 0);
    return {
      mean,
      meanAll: ratio(total, s.n),
      heldRate: ratio(s.held, s.n),
      held: s.held,
      n: s.n,
      totalSeconds: total,
      sd,
      ci,
      heldRateCi: wilsonInterval(s.held, s.n, opts.confidence),
      lowSample: meanIsLow(s.held, opts.lowSample, sd),
    };
  },
  copy: (s) => ({ ...s, moments: { ...s.moments } }),
  check(s) {
    checkHeader(s, 'holdTime');
    checkCount(s, 'n');
    checkCount(s, 'held');
    checkFinite(s, 'sum');
    checkFinite(s, 'sumComp');
    if ((s.held as number) > (s.n as number)) invalidState('state.held', 'must be ≤ state.n', s.held);
    if ((s.sum as number) + (s.sumComp as number) < 0) invalidState('state.sum', 'must total ≥ 0 seconds', s.sum);
    checkMoments(s.moments, s.held as number);
  },
};

/** @internal */
export function holdTimeInit(): HoldTimeState {
  return { v: 1, kind: 'holdTime', n: 0, held: 0, sum: 0, sumComp: 0, moments: { weight: 0, mean: 0, m2: 0 } };
}

/** A hold-time accumulator: see {@link Accumulator}. */
export type HoldTimeAccumulator = Accumulator<Interaction, HoldTimeState, HoldTimeResult>;

/**
 * A mergeable hold-time accumulator; `holdTimeAccumulator.fromState(state)` restores one.
 *
 * @param options - interval level and low-sample threshold of its results
 * @returns an empty accumulator
 * @example
 * ```ts
 * import { holdTimeAccumulator } from 'cx-metrics';
 * holdTimeAccumulator().add({ id: 'a', channel: 'phone', startedAt: 0, holdSeconds: 30 }).result().mean; // => 30
 * ```
 */
export const holdTimeAccumulator = /* @__PURE__ */ withFromState(
  (options?: HoldTimeOptions): HoldTimeAccumulator => makeAccumulator(holdTimeFamily, holdTimeInit(), resultOptions(options)),
  (state: HoldTimeState, options?: HoldTimeOptions): HoldTimeAccumulator =>
    makeAccumulator(holdTimeFamily, holdTimeInit(), resultOptions(options)).merge(state),
);

/**
 * Hold time of handled contacts, by both denominators in use, and the hold rate.
 *
 * `mean` divides by contacts that were held (Twilio Flex, Amazon Connect "Average customer hold
 * time"); `meanAll` by all handled contacts (Amazon Connect "… all contacts"); `heldRate` is held /
 * handled (Twilio "Conversations with Hold %"). A contact is handled unless `abandoned === true`;
 * missing holdSeconds counts as 0 (not held).
 * Formula: mean = Σ hold / held; meanAll = Σ hold / handled; heldRate = held / handled.
 * Source: docs/metrics.md#hold-time; ../reference/definitions.md §3.2.
 *
 * Intervals: Student t for `mean`, Wilson for `heldRate`.
 *
 * @param interactions - contacts (see {@link Interaction})
 * @param options - `confidence` (default 0.95), `lowSample`
 * @returns both means, the hold rate, their intervals and the counts behind them
 * @throws {@link CxMetricsError} if a holdSeconds is negative, NaN, infinite or above 1e9, naming the index
 * @example
 * ```ts
 * import { holdTime } from 'cx-metrics';
 * holdTime([
 *   { id: '1', channel: 'phone', startedAt: 0, holdSeconds: 60 },
 *   { id: '2', channel: 'phone', startedAt: 0 },
 *   { id: '3', channel: 'phone', startedAt: 0, holdSeconds: 120 },
 * ]); // => { mean: 90, meanAll: 60, heldRate: 0.6666666666666666, held: 2, n: 3, totalSeconds: 180, … }
 * ```
 */
export function holdTime(interactions: Iterable<Interaction>, options?: HoldTimeOptions): HoldTimeResult {
  return fold(holdTimeFamily, resultOptions(options), holdTimeInit(), interactions);
}
