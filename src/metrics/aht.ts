/**
 * Average Handle Time (AHT): talk + hold + after-contact work per handled contact.
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import { invalidState } from '../models/errors.js';
import { type ConfidenceInterval, meanIsLow } from '../stats/intervals.js';
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

/** Result of {@link aht}. */
export interface AhtResult {
  /** totalSeconds / n, in seconds; `null` when no contact was handled. */
  mean: number | null;
  /** Handled contacts (not abandoned). */
  n: number;
  /** Σ (talk + hold + afterWork) over handled contacts, seconds. */
  totalSeconds: number;
  /** Sample standard deviation of handle times, seconds; `null` when n < 2. */
  sd: number | null;
  /** Student t interval of `mean`; `null` when n < 2. */
  ci: ConfidenceInterval | null;
  /** True when n < 30 (handle times are skewed: read a small sample's mean with care). */
  lowSample: boolean;
}

/** Options of {@link aht}: the interval level and low-sample threshold. */
export type AhtOptions = StatOptions;

/** Plain-JSON state of an AHT accumulator. */
export interface AhtState {
  v: 1;
  kind: 'aht';
  n: number;
  sum: number;
  sumComp: number;
  /** Mean and Σ (x − mean)² of handle times, for the interval (Welford). */
  moments: Moments;
}

/** @internal */
export const ahtFamily: Family<Interaction, AhtState, AhtResult> = {
  kind: 'aht',
  add(s, r, i) {
    checkRecord(r, i);
    const handle = duration(r, 'talkSeconds', i) + duration(r, 'holdSeconds', i) + duration(r, 'afterWorkSeconds', i);
    if (isAbandoned(r, i)) return;
    s.n++;
    neumaierAdd(s, handle);
    momentsAdd(s.moments, handle);
  },
  merge(into, o) {
    into.n += o.n;
    neumaierMerge(into, o);
    momentsMerge(into.moments, o.moments);
  },
  result(s, opts) {
    const mean = ratio(s.sum + s.sumComp, s.n);
    const { sd, ci } = momentsSpread(s.moments, s.n, opts.confidence, mean ?? 0);
    return { mean, n: s.n, totalSeconds: s.sum + s.sumComp, sd, ci, lowSample: meanIsLow(s.n, opts.lowSample, sd) };
  },
  copy: (s) => ({ ...s, moments: { ...s.moments } }),
  check(s) {
    checkHeader(s, 'aht');
    checkCount(s, 'n');
    checkFinite(s, 'sum');
    checkFinite(s, 'sumComp');
    if ((s.sum as number) + (s.sumComp as number) < 0) invalidState('state.sum', 'must total ≥ 0 seconds', s.sum);
    checkMoments(s.moments, s.n as number);
  },
};

/** @internal */
export function ahtInit(): AhtState {
  return { v: 1, kind: 'aht', n: 0, sum: 0, sumComp: 0, moments: { weight: 0, mean: 0, m2: 0 } };
}

/** An AHT accumulator: see {@link Accumulator}. */
export type AhtAccumulator = Accumulator<Interaction, AhtState, AhtResult>;

/**
 * A mergeable AHT accumulator; `ahtAccumulator.fromState(state)` restores one from a saved state.
 *
 * @param options - interval level and low-sample threshold of its results
 * @returns an empty accumulator
 * @example
 * ```ts
 * import { ahtAccumulator } from 'cx-metrics';
 * const acc = ahtAccumulator().add({ id: 'a', channel: 'phone', startedAt: 0, talkSeconds: 300, afterWorkSeconds: 60 });
 * acc.result().mean; // => 360
 * ```
 */
export const ahtAccumulator = /* @__PURE__ */ withFromState(
  (options?: AhtOptions): AhtAccumulator => makeAccumulator(ahtFamily, ahtInit(), resultOptions(options)),
  (state: AhtState, options?: AhtOptions): AhtAccumulator => makeAccumulator(ahtFamily, ahtInit(), resultOptions(options)).merge(state),
);

/**
 * Average Handle Time over handled contacts.
 *
 * A contact is handled unless `abandoned === true`; a missing talk, hold or after-work time counts
 * as 0. Queue wait is not handle time.
 * Formula: Σ (talkSeconds + holdSeconds + afterWorkSeconds) / handled contacts.
 * Source: docs/metrics.md#aht; ../reference/definitions.md §3.1 (Amazon Connect, Genesys Cloud, Talkdesk).
 * Sums use compensated (Neumaier) summation; the interval is Student t from Welford moments.
 * No handled contact: mean `null`.
 *
 * @param interactions - contacts (see {@link Interaction})
 * @param options - `confidence` (default 0.95), `lowSample`
 * @returns mean seconds, handled count, total seconds, sd, interval, low-sample flag
 * @throws {@link CxMetricsError} if a duration is negative, NaN, infinite or above 1e9, naming field and index
 * @example
 * ```ts
 * import { aht } from 'cx-metrics';
 * aht([
 *   { id: '1', channel: 'phone', startedAt: 0, talkSeconds: 300, holdSeconds: 60, afterWorkSeconds: 60 },
 *   { id: '2', channel: 'phone', startedAt: 0, talkSeconds: 240, afterWorkSeconds: 30 },
 *   { id: '3', channel: 'phone', startedAt: 0, talkSeconds: 420, holdSeconds: 120, afterWorkSeconds: 90 },
 *   { id: '4', channel: 'phone', startedAt: 0, abandoned: true, waitSeconds: 40 },
 * ]).mean; // => 440 (n 3, totalSeconds 1320)
 * ```
 */
export function aht(interactions: Iterable<Interaction>, options?: AhtOptions): AhtResult {
  return fold(ahtFamily, resultOptions(options), ahtInit(), interactions);
}
