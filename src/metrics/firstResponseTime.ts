/**
 * First response time (first reply time): time from a ticket's or chat's creation to the first
 * agent reply, with exact or sketched percentiles.
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
export const firstResponseTimeSpec: DurationSpec<'firstResponseTime'> = { kind: 'firstResponseTime', seconds: 'firstResponseSeconds', at: 'firstResponseAt' };

/**
 * Options of {@link firstResponseTime}: see {@link DurationOptions}.
 * @example
 * ```ts
 * import { firstResponseTime, type FirstResponseTimeOptions } from 'cx-metrics';
 * const options: FirstResponseTimeOptions = { percentiles: [0.5, 0.8] };
 * Object.keys(firstResponseTime([], options).percentiles); // => ['p50', 'p80']
 * ```
 */
export type FirstResponseTimeOptions = DurationOptions;
/**
 * Result of {@link firstResponseTime}: see {@link DurationResult}.
 * @example
 * ```ts
 * import { firstResponseTime } from 'cx-metrics';
 * const r = firstResponseTime([{ id: 't', channel: 'email', startedAt: 0, firstResponseSeconds: 600 }]);
 * [r.n, r.median, r.method]; // => [1, 600, 'exact']
 * ```
 */
export type FirstResponseTimeResult = DurationResult;
/**
 * Plain-JSON state of a first-response-time accumulator: see {@link DurationState}.
 * @example
 * ```ts
 * import { firstResponseTimeAccumulator } from 'cx-metrics';
 * firstResponseTimeAccumulator().add({ id: 't', channel: 'email', startedAt: 0, firstResponseSeconds: 600 }).state().values; // => [600]
 * ```
 */
export type FirstResponseTimeState = DurationState<'firstResponseTime'>;
/**
 * A first-response-time accumulator: see {@link Accumulator}.
 * @example
 * ```ts
 * import { firstResponseTimeAccumulator } from 'cx-metrics';
 * firstResponseTimeAccumulator().add({ id: 't', channel: 'email', startedAt: 0 }).result().missing; // => 1
 * ```
 */
export type FirstResponseTimeAccumulator = DurationAccumulator<'firstResponseTime'>;

/**
 * A mergeable first-response-time accumulator; `firstResponseTimeAccumulator.fromState(state)`
 * restores one with the options recorded in the state. It keeps every duration up to `exactLimit`
 * (exact percentiles), then a DDSketch (percentiles within `relativeAccuracy`); merging is
 * associative and commutative, and the switch depends only on the total count, so any split of the
 * records merges to the same state.
 *
 * @param options - as for {@link firstResponseTime}
 * @returns an empty accumulator
 * @throws {@link CxMetricsError} on an invalid option
 * @example
 * ```ts
 * import { firstResponseTimeAccumulator } from 'cx-metrics';
 * const monday = firstResponseTimeAccumulator().add({ id: 't1', channel: 'email', startedAt: 0, firstResponseSeconds: 600 });
 * const tuesday = firstResponseTimeAccumulator().add({ id: 't2', channel: 'email', startedAt: 0, firstResponseSeconds: 1800 });
 * const r = monday.merge(tuesday.state()).result();
 * [r.n, r.median, r.method]; // => [2, 1200, 'exact']
 * ```
 */
export const firstResponseTimeAccumulator: DurationAccumulatorFactory<'firstResponseTime'> = /* @__PURE__ */ durationAccumulatorFactory(firstResponseTimeSpec);

/**
 * First response time: seconds from creation to the first public agent reply, over the tickets
 * (or chats) that got one, with mean, median, p90, requested percentiles, sd and t interval.
 *
 * The duration is `firstResponseSeconds` (default, `from: 'seconds'`), or
 * `firstResponseAt − startedAt` (`from: 'timestamps'`), in business seconds when a `calendar` is
 * given. A record without it (not answered yet) is outside n and counted in `missing`: unanswered
 * tickets do not improve the average, report them next to it. Which reply counts (public, not a
 * bot, not the agent's own opening comment) is decided upstream, when the field is filled.
 * Formula: mean = Σ durations / n; percentiles Hyndman–Fan type 7 (exact while n ≤ exactLimit,
 * else DDSketch within `relativeAccuracy`, see `method` and `relativeError`).
 * Source: docs/durations.md#first-response-time; ../reference/definitions.md §5.1 (Zendesk first
 * reply time, Freshdesk, Zoho Desk); ../reference/statistics.md §8.
 * No record with a response: every value `null`, counts 0.
 * Cost: one pass; exact percentiles one sort of the values (O(n log n)), the sketch O(1) per record.
 *
 * @param interactions - tickets, chats or contacts (see {@link Interaction})
 * @param options - `from` ('seconds'), `calendar`, `percentiles` ([0.5, 0.9, 0.95, 0.99]), `exactLimit` (100000), `relativeAccuracy` (0.01), `confidence` (0.95), `lowSample`
 * @returns counts, mean, median, p90, min, max, total, percentiles, sd, interval, low-sample flag, method
 * @throws {@link CxMetricsError} if a duration is negative, NaN, infinite or above 1e9 s, a timestamp is not a number or the response precedes `startedAt` (naming field and index), or on an invalid option
 * @example
 * ```ts
 * import { firstResponseTime } from 'cx-metrics';
 * const tickets = [30, 45, 60, 62, 75, 90, 120, 180, 240, 900].map((s, k) => ({ id: `t${k}`, channel: 'email', startedAt: 0, firstResponseSeconds: s }));
 * const r = firstResponseTime([...tickets, { id: 'open', channel: 'email', startedAt: 0 }], { percentiles: [0.25, 0.95] });
 * [r.n, r.missing, r.mean, r.median]; // => [10, 1, 180.2, 82.5]
 * r.percentiles; // => { p25: 60.5, p95: 602.9999999999993 } (type 7: 603)
 * ```
 */
export function firstResponseTime(interactions: Iterable<Interaction>, options?: FirstResponseTimeOptions): FirstResponseTimeResult {
  return durationBatch(firstResponseTimeSpec, interactions, options);
}
