/**
 * Resolution time (time to resolve): time from a ticket's or case's creation to its resolution,
 * with exact or sketched percentiles.
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import {
  type DurationAccumulator,
  type DurationAccumulatorFactory,
  type DurationOptions,
  type DurationResult,
  type DurationSpec,
  type DurationState,
  durationAccumulatorFactory,
  durationBatch,
} from './_durations.js';

/** @internal */
export const resolutionTimeSpec: DurationSpec<'resolutionTime'> = { kind: 'resolutionTime', seconds: 'resolutionSeconds', at: 'resolvedAt' };

/**
 * Options of {@link resolutionTime}: see {@link DurationOptions}.
 * @example
 * ```ts
 * import { resolutionTime, type ResolutionTimeOptions } from 'cx-metrics';
 * const options: ResolutionTimeOptions = { percentiles: [0.5, 0.8] };
 * Object.keys(resolutionTime([], options).percentiles); // => ['p50', 'p80']
 * ```
 */
export type ResolutionTimeOptions = DurationOptions;
/**
 * Result of {@link resolutionTime}: see {@link DurationResult}.
 * @example
 * ```ts
 * import { resolutionTime } from 'cx-metrics';
 * const r = resolutionTime([{ id: 't', channel: 'email', startedAt: 0, resolutionSeconds: 600 }]);
 * [r.n, r.median, r.method]; // => [1, 600, 'exact']
 * ```
 */
export type ResolutionTimeResult = DurationResult;
/**
 * Plain-JSON state of a resolution-time accumulator: see {@link DurationState}.
 * @example
 * ```ts
 * import { resolutionTimeAccumulator } from 'cx-metrics';
 * resolutionTimeAccumulator().add({ id: 't', channel: 'email', startedAt: 0, resolutionSeconds: 600 }).state().values; // => [600]
 * ```
 */
export type ResolutionTimeState = DurationState<'resolutionTime'>;
/**
 * A resolution-time accumulator: see {@link Accumulator}.
 * @example
 * ```ts
 * import { resolutionTimeAccumulator } from 'cx-metrics';
 * resolutionTimeAccumulator().add({ id: 't', channel: 'email', startedAt: 0 }).result().missing; // => 1
 * ```
 */
export type ResolutionTimeAccumulator = DurationAccumulator<'resolutionTime'>;

/**
 * A mergeable resolution-time accumulator; `resolutionTimeAccumulator.fromState(state)` restores
 * one with the options recorded in the state. It keeps every duration up to `exactLimit` (exact
 * percentiles), then a DDSketch (percentiles within `relativeAccuracy`); merging is associative and
 * commutative, and the switch depends only on the total count, so any split of the records merges
 * to the same state.
 *
 * @param options - as for {@link resolutionTime}
 * @returns an empty accumulator
 * @throws {@link CxMetricsError} on an invalid option
 * @example
 * ```ts
 * import { resolutionTimeAccumulator } from 'cx-metrics';
 * const acc = resolutionTimeAccumulator({ exactLimit: 2 });
 * for (const s of [3600, 7200, 86400]) acc.add({ id: 'c', channel: 'email', startedAt: 0, resolutionSeconds: s });
 * const r = acc.result();
 * [r.method, r.relativeError, r.max]; // => ['sketch', 0.01, 86400]
 * ```
 */
export const resolutionTimeAccumulator: DurationAccumulatorFactory<'resolutionTime'> = /* @__PURE__ */ durationAccumulatorFactory(resolutionTimeSpec);

/**
 * Resolution time: seconds from creation to resolution, over the tickets (or cases, contacts) that
 * were resolved, with mean, median, p90, requested percentiles, sd and t interval.
 *
 * The duration is `resolutionSeconds` (default, `from: 'seconds'`), or `resolvedAt − startedAt`
 * (`from: 'timestamps'`), in business seconds when a `calendar` is given. A record without it (not
 * resolved yet) is outside n and counted in `missing`. Which resolution counts is decided upstream:
 * the latest solve after reopens is Zendesk's full resolution time, the first solve its first
 * resolution time. The `resolved` flag is not read.
 * Formula: mean = Σ durations / n; percentiles Hyndman–Fan type 7 (exact while n ≤ exactLimit,
 * else DDSketch within `relativeAccuracy`, see `method` and `relativeError`).
 * Source: docs/durations.md#resolution-time; ../reference/definitions.md §5.2 (Zendesk, Freshdesk,
 * Amazon Connect Cases); ../reference/statistics.md §8.
 * No resolved record: every value `null`, counts 0.
 * Cost: one pass; exact percentiles one sort of the values (O(n log n)), the sketch O(1) per record.
 *
 * @param interactions - tickets, cases or contacts (see {@link Interaction})
 * @param options - `from` ('seconds'), `calendar`, `percentiles` ([0.5, 0.9, 0.95, 0.99]), `exactLimit` (100000), `relativeAccuracy` (0.01), `confidence` (0.95), `lowSample`
 * @returns counts, mean, median, p90, min, max, total, percentiles, sd, interval, low-sample flag, method
 * @throws {@link CxMetricsError} if a duration is negative, NaN, infinite or above 1e9 s, a timestamp is not a number or the resolution precedes `startedAt` (naming field and index), or on an invalid option
 * @example
 * ```ts
 * import { resolutionTime } from 'cx-metrics';
 * const h = 3_600_000;
 * // definitions.md §5.2: created Mon 09:00, solved Mon 15:00, reopened, solved again Wed 11:00
 * const ticket = { id: 'T1', channel: 'email', startedAt: 0, resolvedAt: 50 * h };
 * resolutionTime([ticket], { from: 'timestamps' }).mean; // => 180000 (50 h: full resolution time)
 * resolutionTime([{ ...ticket, resolvedAt: 6 * h }], { from: 'timestamps' }).mean; // => 21600 (6 h: first resolution)
 * ```
 */
export function resolutionTime(interactions: Iterable<Interaction>, options?: ResolutionTimeOptions): ResolutionTimeResult {
  return durationBatch(resolutionTimeSpec, interactions, options);
}
