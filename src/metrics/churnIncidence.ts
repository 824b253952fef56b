/**
 * Churn incidence: contacts abandoned before an agent connected, out of contacts offered.
 * @module
 */
import type { Interaction } from '../models/interaction.js';
import { invalidOption, invalidState } from '../models/errors.js';
import { type ConfidenceInterval, rateIsLow, wilsonInterval } from '../stats/intervals.js';
import {
  type Accumulator,
  type Family,
  type StatOptions,
  checkCount,
  checkHeader,
  fold,
  checkSame,
  makeAccumulator,
  ratio,
  resultOptions,
  withFromState,
} from './_accumulator.js';
import { MAX_SECONDS, checkRecord, duration, isAbandoned } from './_record.js';

/** Options of {@link churnIncidence}. */
export interface ChurnIncidenceOptions extends StatOptions {
  /**
   * Abandons with `waitSeconds` below this are short abandons (wrong numbers, pocket dials): they
   * leave numerator and denominator and are counted in `shortAbandons`. An abandon without
   * `waitSeconds` is never short.
   * @defaultValue 0 (no abandon is short: the raw rate). Google CCAI and Talkdesk exclude short
   * abandons; 5 s is the usual threshold (docs/metrics.md#churn-incidence).
   */
  shortAbandonSeconds?: number;
}

/** Result of {@link churnIncidence}. */
export interface ChurnIncidenceResult {
  /** abandoned / n in [0, 1]; `null` when n = 0. */
  rate: number | null;
  /** Abandoned contacts, short abandons excluded. */
  abandoned: number;
  /** Contacts offered (handled + abandoned), short abandons excluded. */
  n: number;
  /** Abandons with waitSeconds < shortAbandonSeconds (outside `abandoned` and `n`). */
  shortAbandons: number;
  /** Wilson score interval of `rate`; `null` when n = 0. */
  ci: ConfidenceInterval | null;
  /** True when n < 30 or fewer than 5 abandoned (or kept) contacts: rare events need big samples. */
  lowSample: boolean;
}

/** Plain-JSON state of a churn-incidence accumulator. */
export interface ChurnIncidenceState {
  v: 1;
  kind: 'churnIncidence';
  shortAbandonSeconds: number;
  n: number;
  abandoned: number;
  shortAbandons: number;
}

function init(options: ChurnIncidenceOptions | undefined): ChurnIncidenceState {
  const short = options?.shortAbandonSeconds ?? 0;
  if (typeof short !== 'number' || !(short >= 0 && short <= MAX_SECONDS)) {
    invalidOption('shortAbandonSeconds', 'must be a finite number of seconds ≥ 0', short);
  }
  return { v: 1, kind: 'churnIncidence', shortAbandonSeconds: short, n: 0, abandoned: 0, shortAbandons: 0 };
}

/** @internal */
export const churnIncidenceInit = init;

/** @internal */
export const churnIncidenceFamily: Family<Interaction, ChurnIncidenceState, ChurnIncidenceResult> = {
  kind: 'churnIncidence',
  add(s, r, i) {
    checkRecord(r, i);
    const hasWait = r.waitSeconds !== undefined;
    const wait = duration(r, 'waitSeconds', i);
    if (!isAbandoned(r, i)) {
      s.n++;
    } else if (hasWait && wait < s.shortAbandonSeconds) {
      s.shortAbandons++;
    } else {
      s.n++;
      s.abandoned++;
    }
  },
  merge(into, o) {
    into.n += o.n;
    into.abandoned += o.abandoned;
    into.shortAbandons += o.shortAbandons;
  },
  result(s, opts) {
    const rate = ratio(s.abandoned, s.n);
    return {
      rate,
      abandoned: s.abandoned,
      n: s.n,
      shortAbandons: s.shortAbandons,
      ci: wilsonInterval(s.abandoned, s.n, opts.confidence),
      lowSample: rateIsLow(rate, s.n, opts.lowSample),
    };
  },
  copy: (s) => ({ ...s }),
  check(s, like) {
    checkHeader(s, 'churnIncidence');
    const t = s.shortAbandonSeconds;
    if (typeof t !== 'number' || !(t >= 0 && t <= MAX_SECONDS)) invalidState('state.shortAbandonSeconds', 'must be a finite number of seconds ≥ 0', t);
    checkSame('shortAbandonSeconds', s.shortAbandonSeconds, like.shortAbandonSeconds);
    checkCount(s, 'n');
    checkCount(s, 'abandoned');
    checkCount(s, 'shortAbandons');
    if ((s.abandoned as number) > (s.n as number)) invalidState('state.abandoned', 'must be ≤ state.n', s.abandoned);
  },
};

/** A churn-incidence accumulator: see {@link Accumulator}. */
export type ChurnIncidenceAccumulator = Accumulator<Interaction, ChurnIncidenceState, ChurnIncidenceResult>;

/**
 * A mergeable churn-incidence accumulator; `churnIncidenceAccumulator.fromState(state)` restores one.
 *
 * @param options - `shortAbandonSeconds`, as for {@link churnIncidence}
 * @returns an empty accumulator
 * @throws {@link CxMetricsError} on an invalid option
 * @example
 * ```ts
 * import { churnIncidenceAccumulator } from 'cx-metrics';
 * churnIncidenceAccumulator({ shortAbandonSeconds: 5 })
 *   .add({ id: 'a', channel: 'phone', startedAt: 0, abandoned: true, waitSeconds: 3 })
 *   .add({ id: 'b', channel: 'phone', startedAt: 0, abandoned: true, waitSeconds: 30 })
 *   .result().shortAbandons; // => 1
 * ```
 */
export const churnIncidenceAccumulator = /* @__PURE__ */ withFromState(
  (options?: ChurnIncidenceOptions): ChurnIncidenceAccumulator => makeAccumulator(churnIncidenceFamily, init(options), resultOptions(options)),
  (state: ChurnIncidenceState, options?: StatOptions): ChurnIncidenceAccumulator => {
    churnIncidenceFamily.check(state, state);
    return makeAccumulator(churnIncidenceFamily, init({ shortAbandonSeconds: state.shortAbandonSeconds }), resultOptions(options)).merge(state);
  },
);

/**
 * Churn incidence: the share of offered contacts that the customer abandoned before an agent
 * connected (queue abandonment).
 *
 * Offered = handled + abandoned. Abandons with `waitSeconds < shortAbandonSeconds` are short
 * abandons: removed from numerator and denominator, reported in `shortAbandons`.
 * Formula: rate = (abandoned − short) / (offered − short).
 * Source: docs/metrics.md#churn-incidence; ../reference/definitions.md §4.1 (Google CCAI, Talkdesk, Genesys).
 *
 * @param interactions - contacts (see {@link Interaction})
 * @param options - `shortAbandonSeconds` (default 0: raw rate), `confidence` (default 0.95), `lowSample`
 * @returns the rate and the counts behind it
 * @throws {@link CxMetricsError} if `abandoned` is not a boolean or `waitSeconds` is not a valid duration (naming the index), or on an invalid option
 * @example
 * ```ts
 * import { churnIncidence } from 'cx-metrics';
 * const contacts = [
 *   { id: '1', channel: 'phone', startedAt: 0, talkSeconds: 200 },
 *   { id: '2', channel: 'phone', startedAt: 0, abandoned: true, waitSeconds: 3 },
 *   { id: '3', channel: 'phone', startedAt: 0, abandoned: true, waitSeconds: 45 },
 *   { id: '4', channel: 'phone', startedAt: 0, talkSeconds: 100 },
 * ];
 * churnIncidence(contacts).rate; // => 0.5 (2 of 4)
 * churnIncidence(contacts, { shortAbandonSeconds: 5 }).rate; // => 0.3333333333333333 (1 of 3, 1 short abandon)
 * ```
 */
export function churnIncidence(interactions: Iterable<Interaction>, options?: ChurnIncidenceOptions): ChurnIncidenceResult {
  return fold(churnIncidenceFamily, resultOptions(options), init(options), interactions);
}
