/**
 * Resolution rate: the share of handled contacts the agent marked resolved.
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import { invalidState, invalidValue } from '../models/errors.js';
import { type ConfidenceInterval, rateIsLow, wilsonInterval } from '../stats/intervals.js';
import { type Accumulator, type Family, type StatOptions, checkCount, checkHeader, fold, makeAccumulator, ratio, resultOptions, withFromState } from './_accumulator.js';
import { checkRecord, isAbandoned } from './_record.js';

/** Result of {@link resolutionRate}. */
export interface ResolutionRateResult {
  /** resolved / n in [0, 1]; `null` when n = 0. */
  rate: number | null;
  /** Handled contacts with `resolved === true`. */
  resolved: number;
  /** Handled contacts with a boolean `resolved`. */
  n: number;
  /** Handled contacts without `resolved` (outside n). */
  unknown: number;
  /** Wilson score interval of `rate`; `null` when n = 0. */
  ci: ConfidenceInterval | null;
  /** True when n < 30 or fewer than 5 resolved (or unresolved) contacts. */
  lowSample: boolean;
}

/** Options of {@link resolutionRate}: the interval level and low-sample thresholds. */
export type ResolutionRateOptions = StatOptions;

/** Plain-JSON state of a resolution-rate accumulator. */
export interface ResolutionRateState {
  v: 1;
  kind: 'resolutionRate';
  n: number;
  resolved: number;
  unknown: number;
}

/** @internal */
export const resolutionRateFamily: Family<Interaction, ResolutionRateState, ResolutionRateResult> = {
  kind: 'resolutionRate',
  add(s, r, i) {
    checkRecord(r, i);
    const v = r.resolved;
    if (v !== undefined && v !== true && v !== false) invalidValue(`interactions[${i}].resolved`, i, 'must be a boolean', v);
    if (isAbandoned(r, i)) return;
    if (v === undefined) s.unknown++;
    else {
      s.n++;
      if (v) s.resolved++;
    }
  },
  merge(into, o) {
    into.n += o.n;
    into.resolved += o.resolved;
    into.unknown += o.unknown;
  },
  result(s, opts) {
    const rate = ratio(s.resolved, s.n);
    return {
      rate,
      resolved: s.resolved,
      n: s.n,
      unknown: s.unknown,
      ci: wilsonInterval(s.resolved, s.n, opts.confidence),
      lowSample: rateIsLow(rate, s.n, opts.lowSample),
    };
  },
  copy: (s) => ({ ...s }),
  check(s) {
    checkHeader(s, 'resolutionRate');
    checkCount(s, 'n');
    checkCount(s, 'resolved');
    checkCount(s, 'unknown');
    if ((s.resolved as number) > (s.n as number)) invalidState('state.resolved', 'must be ≤ state.n', s.resolved);
  },
};

/** @internal */
export function resolutionRateInit(): ResolutionRateState {
  return { v: 1, kind: 'resolutionRate', n: 0, resolved: 0, unknown: 0 };
}

/** A resolution-rate accumulator: see {@link Accumulator}. */
export type ResolutionRateAccumulator = Accumulator<Interaction, ResolutionRateState, ResolutionRateResult>;

/**
 * A mergeable resolution-rate accumulator; `resolutionRateAccumulator.fromState(state)` restores one.
 *
 * @param options - interval level and low-sample thresholds of its results
 * @returns an empty accumulator
 * @example
 * ```ts
 * import { resolutionRateAccumulator } from 'cx-metrics';
 * const r = resolutionRateAccumulator()
 *   .add({ id: 'a', channel: 'chat', startedAt: 0, resolved: true })
 *   .add({ id: 'b', channel: 'chat', startedAt: 0, resolved: false })
 *   .result();
 * [r.rate, r.resolved, r.n]; // => [0.5, 1, 2]
 * ```
 */
export const resolutionRateAccumulator = /* @__PURE__ */ withFromState(
  (options?: ResolutionRateOptions): ResolutionRateAccumulator => makeAccumulator(resolutionRateFamily, resolutionRateInit(), resultOptions(options)),
  (state: ResolutionRateState, options?: ResolutionRateOptions): ResolutionRateAccumulator =>
    makeAccumulator(resolutionRateFamily, resolutionRateInit(), resultOptions(options)).merge(state),
);

/**
 * Resolution rate: the share of handled contacts marked `resolved === true`, among handled
 * contacts that report `resolved` at all.
 *
 * A contact is handled unless `abandoned === true`. `resolved` is the agent's (or the system's)
 * disposition of the contact; a handled contact without it is outside n and counted in `unknown`
 * (never guessed either way). This is a disposition rate, not FCR: it does not look for repeat
 * contacts (see `fcr`) nor ask the customer (see `surveyFcr`).
 * Formula: rate = count(resolved = true) / count(resolved is a boolean), over handled contacts.
 * Source: docs/service-metrics.md#resolution-rate; ../reference/definitions.md §2.1 (FCR
 * variants it is not), §7 (resolution as an outcome per touchpoint).
 * Empty input: rate and ci `null`, counts 0.
 *
 * @param interactions - contacts (see {@link Interaction})
 * @param options - `confidence` (default 0.95), `lowSample`
 * @returns the rate with its Wilson interval and the counts behind it
 * @throws {@link CxMetricsError} if `resolved` or `abandoned` is present but not a boolean, naming the index
 * @example
 * ```ts
 * import { resolutionRate } from 'cx-metrics';
 * resolutionRate([
 *   { id: '1', channel: 'phone', startedAt: 0, resolved: true },
 *   { id: '2', channel: 'phone', startedAt: 0, resolved: true },
 *   { id: '3', channel: 'phone', startedAt: 0, resolved: false },
 *   { id: '4', channel: 'phone', startedAt: 0 }, // no disposition: unknown
 *   { id: '5', channel: 'phone', startedAt: 0, abandoned: true }, // not handled
 * ]); // => { rate: 0.6666666666666666, resolved: 2, n: 3, unknown: 1, ci: { … }, lowSample: true }
 * ```
 */
export function resolutionRate(interactions: Iterable<Interaction>, options?: ResolutionRateOptions): ResolutionRateResult {
  return fold(resolutionRateFamily, resultOptions(options), resolutionRateInit(), interactions);
}
