/**
 * Reroutes (transfers): share of handled contacts transferred at least once, and transfers per contact.
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import { invalidState, invalidValue } from '../models/errors.js';
import { type ConfidenceInterval, rateIsLow, wilsonInterval } from '../stats/intervals.js';
import { type Accumulator, type Family, type StatOptions, checkCount, checkHeader, fold, makeAccumulator, ratio, resultOptions, withFromState } from './_accumulator.js';
import { checkRecord, isAbandoned } from './_record.js';

/** Result of {@link reroutes}. */
export interface ReroutesResult {
  /** rerouted / n in [0, 1]; `null` when n = 0. */
  rate: number | null;
  /** total / n: transfers per handled contact; `null` when n = 0. */
  mean: number | null;
  /** Handled contacts with transfers ≥ 1. */
  rerouted: number;
  /** Handled contacts. */
  n: number;
  /** Σ transfers over handled contacts. */
  total: number;
  /** Wilson score interval of `rate`; `null` when n = 0. */
  ci: ConfidenceInterval | null;
  /** True when n < 30 or fewer than 5 rerouted (or not rerouted) contacts. */
  lowSample: boolean;
}

/** Options of {@link reroutes}: the interval level and low-sample thresholds. */
export type ReroutesOptions = StatOptions;

/** Plain-JSON state of a reroutes accumulator. */
export interface ReroutesState {
  v: 1;
  kind: 'reroutes';
  n: number;
  rerouted: number;
  total: number;
}

/** @internal */
export const reroutesFamily: Family<Interaction, ReroutesState, ReroutesResult> = {
  kind: 'reroutes',
  add(s, r, i) {
    checkRecord(r, i);
    const t = r.transfers;
    if (t !== undefined && (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0)) {
      invalidValue(`interactions[${i}].transfers`, i, 'must be an integer ≥ 0', t);
    }
    if (isAbandoned(r, i)) return;
    if (t !== undefined && t > 0 && !Number.isSafeInteger(s.total + t)) {
      invalidValue(`interactions[${i}].transfers`, i, 'would take the transfer total past 2^53 − 1 (is it a count?)', t);
    }
    s.n++;
    if (t !== undefined && t > 0) {
      s.rerouted++;
      s.total += t;
    }
  },
  merge(into, o) {
    if (!Number.isSafeInteger(into.total + o.total)) invalidState('state.total', 'would take the merged transfer total past 2^53 − 1', o.total);
    into.n += o.n;
    into.rerouted += o.rerouted;
    into.total += o.total;
  },
  result(s, opts) {
    const rate = ratio(s.rerouted, s.n);
    return {
      rate,
      mean: ratio(s.total, s.n),
      rerouted: s.rerouted,
      n: s.n,
      total: s.total,
      ci: wilsonInterval(s.rerouted, s.n, opts.confidence),
      lowSample: rateIsLow(rate, s.n, opts.lowSample),
    };
  },
  copy: (s) => ({ ...s }),
  check(s) {
    checkHeader(s, 'reroutes');
    checkCount(s, 'n');
    checkCount(s, 'rerouted');
    checkCount(s, 'total');
    if ((s.rerouted as number) > (s.n as number)) invalidState('state.rerouted', 'must be ≤ state.n', s.rerouted);
  },
};

/** @internal */
export function reroutesInit(): ReroutesState {
  return { v: 1, kind: 'reroutes', n: 0, rerouted: 0, total: 0 };
}

/** A reroutes accumulator: see {@link Accumulator}. */
export type ReroutesAccumulator = Accumulator<Interaction, ReroutesState, ReroutesResult>;

/**
 * A mergeable reroutes accumulator; `reroutesAccumulator.fromState(state)` restores one.
 *
 * @param options - interval level and low-sample thresholds of its results
 * @returns an empty accumulator
 * @example
 * ```ts
 * import { reroutesAccumulator } from 'cx-metrics';
 * const r = reroutesAccumulator().add({ id: 'a', channel: 'phone', startedAt: 0, transfers: 2 }).result();
 * [r.rate, r.mean, r.rerouted, r.n, r.total]; // => [1, 2, 1, 1, 2]
 * ```
 */
export const reroutesAccumulator = /* @__PURE__ */ withFromState(
  (options?: ReroutesOptions): ReroutesAccumulator => makeAccumulator(reroutesFamily, reroutesInit(), resultOptions(options)),
  (state: ReroutesState, options?: ReroutesOptions): ReroutesAccumulator =>
    makeAccumulator(reroutesFamily, reroutesInit(), resultOptions(options)).merge(state),
);

/**
 * Reroute (transfer) rate of handled contacts: a contact transferred twice counts once in `rate`
 * and twice in `mean`.
 *
 * A contact is handled unless `abandoned === true`; a missing `transfers` counts as 0.
 * Formula: rate = count(transfers ≥ 1) / handled; mean = Σ transfers / handled.
 * Source: docs/metrics.md#reroutes; ../reference/definitions.md §3.3 (Amazon Connect transferred-out counts).
 *
 * @param interactions - contacts (see {@link Interaction})
 * @param options - `confidence` (default 0.95), `lowSample`
 * @returns the rate with its Wilson interval, transfers per contact and the counts behind them
 * @throws {@link CxMetricsError} if `transfers` is not an integer ≥ 0, naming the index
 * @example
 * ```ts
 * import { reroutes } from 'cx-metrics';
 * reroutes([
 *   { id: '1', channel: 'phone', startedAt: 0, transfers: 2 },
 *   { id: '2', channel: 'phone', startedAt: 0, transfers: 0 },
 *   { id: '3', channel: 'phone', startedAt: 0 },
 *   { id: '4', channel: 'phone', startedAt: 0, transfers: 1 },
 * ]); // => { rate: 0.5, mean: 0.75, rerouted: 2, n: 4, total: 3, ci: { … }, lowSample: true }
 * ```
 */
export function reroutes(interactions: Iterable<Interaction>, options?: ReroutesOptions): ReroutesResult {
  return fold(reroutesFamily, resultOptions(options), reroutesInit(), interactions);
}
