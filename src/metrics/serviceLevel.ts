/**
 * Service level: the share of offered contacts answered within a threshold (80/20), with the four
 * conventions for abandoned contacts that contact-center platforms use.
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
  optionsOfState,
  ratio,
  resultOptions,
  withFromState,
} from './_accumulator.js';
import { MAX_SECONDS, checkRecord, duration, isAbandoned } from './_record.js';

/**
 * How abandoned contacts enter the service level (definitions.md §4.3, Cisco ICM's names):
 *
 * - `'excludedIfWithinThreshold'` (Cisco "abandons ignored"; CxEngage default; Bright Pattern
 *   formula #4): abandons within the threshold leave numerator and denominator, later abandons
 *   stay as misses. `answered≤T / (answered + abandoned − abandoned≤T)`.
 * - `'missed'` (Cisco "abandons negative"; Amazon Connect data-lake query; Genesys with abandons
 *   included): every abandon is a miss. `answered≤T / (answered + abandoned)`.
 * - `'metIfWithinThreshold'` (Cisco "abandons positive"; Amazon Connect legacy "Service level X
 *   seconds"): abandons within the threshold count as met. `(answered≤T + abandoned≤T) / (answered + abandoned)`.
 * - `'excluded'` (the crude answered-only form of small ACDs): abandons leave both. `answered≤T / answered`.
 */
export type ServiceLevelAbandons = 'excludedIfWithinThreshold' | 'missed' | 'metIfWithinThreshold' | 'excluded';

const CONVENTIONS: readonly ServiceLevelAbandons[] = ['excludedIfWithinThreshold', 'missed', 'metIfWithinThreshold', 'excluded'];

/** Options of {@link serviceLevel}. */
export interface ServiceLevelOptions extends StatOptions {
  /**
   * A contact answered after waiting at most this many seconds is met (`waitSeconds ≤ T`: a wait of
   * exactly T is within). Abandons with `waitSeconds ≤ T` are "abandoned within the threshold".
   * @defaultValue 20: the industry's 80/20 and the Genesys Cloud queue default (definitions.md §4.3)
   */
  thresholdSeconds?: number;
  /**
   * How abandoned contacts count: see {@link ServiceLevelAbandons}.
   * @defaultValue `'excludedIfWithinThreshold'` (Cisco "ignore" = CxEngage default = Bright Pattern
   * #4): callers who quit before T gave no chance to answer, callers who waited past T still count
   * as misses (definitions.md §8)
   */
  abandoned?: ServiceLevelAbandons;
  /**
   * Abandons with `waitSeconds` below this (strictly) are short abandons: they leave numerator and
   * denominator first, under every convention (as in `churnIncidence`). An abandon without
   * `waitSeconds` is never short.
   * @defaultValue 0 (no abandon is short). Talkdesk and Genesys (short abandons off) use 5–10 s.
   */
  shortAbandonSeconds?: number;
}

/** Result of {@link serviceLevel}. */
export interface ServiceLevelResult {
  /** met / n in [0, 1]; `null` when n = 0. */
  rate: number | null;
  /** Contacts that met the threshold: answered within it, plus abandoned within it under `'metIfWithinThreshold'`. */
  met: number;
  /** The denominator under the chosen convention. */
  n: number;
  /** Answered contacts with a `waitSeconds` (in n under every convention). */
  answered: number;
  /** Answered contacts with `waitSeconds ≤ thresholdSeconds`. */
  answeredWithinThreshold: number;
  /** Abandoned contacts, short abandons excluded (in n or not depending on the convention). */
  abandoned: number;
  /** Of `abandoned`, those with `waitSeconds ≤ thresholdSeconds` (an abandon without a wait is never within). */
  abandonedWithinThreshold: number;
  /** Abandons with `waitSeconds < shortAbandonSeconds` (outside n and every other count). */
  shortAbandons: number;
  /** Answered contacts without `waitSeconds` (outside n: whether they met the threshold is unknown). */
  missingWait: number;
  /** The threshold T, seconds. */
  thresholdSeconds: number;
  /** Wilson score interval of `rate`; `null` when n = 0. */
  ci: ConfidenceInterval | null;
  /** True when n < 30 or fewer than 5 met (or missed) contacts. */
  lowSample: boolean;
}

/**
 * Plain-JSON state of a service-level accumulator. Its counts do not depend on the convention,
 * which is applied in `result()`; it is recorded so that only states of the same options merge.
 */
export interface ServiceLevelState {
  v: 1;
  kind: 'serviceLevel';
  thresholdSeconds: number;
  shortAbandonSeconds: number;
  /** The convention (the `abandoned` option). */
  abandoned: ServiceLevelAbandons;
  /** Answered contacts with a wait, and those within the threshold. */
  answered: number;
  answeredWithin: number;
  /** Abandons (short ones excluded), and those within the threshold. */
  abandonedCount: number;
  abandonedWithin: number;
  shortAbandons: number;
  missingWait: number;
}

function checkSeconds(name: string, v: unknown): number {
  if (typeof v !== 'number' || !(v >= 0 && v <= MAX_SECONDS)) invalidOption(name, 'must be a finite number of seconds in [0, 1e9]', v);
  return v;
}

function init(options: ServiceLevelOptions | undefined): ServiceLevelState {
  const thresholdSeconds = checkSeconds('thresholdSeconds', options?.thresholdSeconds ?? 20);
  const shortAbandonSeconds = checkSeconds('shortAbandonSeconds', options?.shortAbandonSeconds ?? 0);
  const abandoned = options?.abandoned ?? 'excludedIfWithinThreshold';
  if (!CONVENTIONS.includes(abandoned)) invalidOption('abandoned', `must be one of ${CONVENTIONS.map((c) => `'${c}'`).join(', ')}`, abandoned);
  return {
    v: 1,
    kind: 'serviceLevel',
    thresholdSeconds,
    shortAbandonSeconds,
    abandoned,
    answered: 0,
    answeredWithin: 0,
    abandonedCount: 0,
    abandonedWithin: 0,
    shortAbandons: 0,
    missingWait: 0,
  };
}

/** @internal */
export const serviceLevelInit = init;

const COUNTS = ['answered', 'answeredWithin', 'abandonedCount', 'abandonedWithin', 'shortAbandons', 'missingWait'] as const;

/** @internal */
export const serviceLevelFamily: Family<Interaction, ServiceLevelState, ServiceLevelResult> = {
  kind: 'serviceLevel',
  add(s, r, i) {
    checkRecord(r, i);
    const hasWait = r.waitSeconds !== undefined;
    const wait = duration(r, 'waitSeconds', i);
    if (!isAbandoned(r, i)) {
      if (!hasWait) s.missingWait++;
      else {
        s.answered++;
        if (wait <= s.thresholdSeconds) s.answeredWithin++;
      }
    } else if (hasWait && wait < s.shortAbandonSeconds) {
      s.shortAbandons++;
    } else {
      s.abandonedCount++;
      if (hasWait && wait <= s.thresholdSeconds) s.abandonedWithin++;
    }
  },
  merge(into, o) {
    for (const k of COUNTS) into[k] += o[k];
  },
  result(s, opts) {
    const { answered, answeredWithin, abandonedCount, abandonedWithin } = s;
    let met = answeredWithin;
    let n: number;
    switch (s.abandoned) {
      case 'missed':
        n = answered + abandonedCount;
        break;
      case 'excluded':
        n = answered;
        break;
      case 'metIfWithinThreshold':
        met += abandonedWithin;
        n = answered + abandonedCount;
        break;
      default:
        n = answered + abandonedCount - abandonedWithin;
    }
    const rate = ratio(met, n);
    return {
      rate,
      met,
      n,
      answered,
      answeredWithinThreshold: answeredWithin,
      abandoned: abandonedCount,
      abandonedWithinThreshold: abandonedWithin,
      shortAbandons: s.shortAbandons,
      missingWait: s.missingWait,
      thresholdSeconds: s.thresholdSeconds,
      ci: wilsonInterval(met, n, opts.confidence),
      lowSample: rateIsLow(rate, n, opts.lowSample),
    };
  },
  copy: (s) => ({ ...s }),
  check(s, like) {
    checkHeader(s, 'serviceLevel');
    optionsOfState(() => init({ thresholdSeconds: s.thresholdSeconds, shortAbandonSeconds: s.shortAbandonSeconds, abandoned: s.abandoned } as ServiceLevelOptions));
    checkSame('thresholdSeconds', s.thresholdSeconds, like.thresholdSeconds);
    checkSame('shortAbandonSeconds', s.shortAbandonSeconds, like.shortAbandonSeconds);
    checkSame('abandoned', s.abandoned, like.abandoned);
    for (const k of COUNTS) checkCount(s, k);
    if ((s.answeredWithin as number) > (s.answered as number)) invalidState('state.answeredWithin', 'must be ≤ state.answered', s.answeredWithin);
    if ((s.abandonedWithin as number) > (s.abandonedCount as number)) invalidState('state.abandonedWithin', 'must be ≤ state.abandonedCount', s.abandonedWithin);
    let total = 0;
    for (const k of COUNTS) if (k !== 'answeredWithin' && k !== 'abandonedWithin') total += s[k] as number;
    if (!Number.isSafeInteger(total)) invalidState('state.answered', 'counts must add up to at most 2^53 − 1', s.answered);
  },
};

/** A service-level accumulator: see {@link Accumulator}. */
export type ServiceLevelAccumulator = Accumulator<Interaction, ServiceLevelState, ServiceLevelResult>;

/**
 * A mergeable service-level accumulator; `serviceLevelAccumulator.fromState(state)` restores one
 * with the threshold, short-abandon threshold and convention recorded in the state. Merging states
 * made with different options throws.
 *
 * @param options - as for {@link serviceLevel}
 * @returns an empty accumulator
 * @throws {@link CxMetricsError} on an invalid option
 * @example
 * ```ts
 * import { serviceLevelAccumulator } from 'cx-metrics';
 * const r = serviceLevelAccumulator({ thresholdSeconds: 20 })
 *   .add({ id: 'a', channel: 'phone', startedAt: 0, waitSeconds: 12 })
 *   .add({ id: 'b', channel: 'phone', startedAt: 0, waitSeconds: 45 })
 *   .result();
 * [r.rate, r.met, r.n]; // => [0.5, 1, 2]
 * ```
 */
export const serviceLevelAccumulator = /* @__PURE__ */ withFromState(
  (options?: ServiceLevelOptions): ServiceLevelAccumulator => makeAccumulator(serviceLevelFamily, init(options), resultOptions(options)),
  (state: ServiceLevelState, options?: StatOptions): ServiceLevelAccumulator => {
    checkHeader(state, 'serviceLevel');
    const s0 = optionsOfState(() => init({ thresholdSeconds: state.thresholdSeconds, shortAbandonSeconds: state.shortAbandonSeconds, abandoned: state.abandoned }));
    return makeAccumulator(serviceLevelFamily, s0, resultOptions(options)).merge(state);
  },
);

/**
 * Service level: the share of offered contacts answered within `thresholdSeconds` (80/20 = 80%
 * within 20 s), with abandoned contacts counted by one of four conventions.
 *
 * Every record is an offered contact; it is answered unless `abandoned === true`. Met means
 * `waitSeconds ≤ thresholdSeconds` (exactly T is within). First, short abandons
 * (`waitSeconds < shortAbandonSeconds`) leave both sides. Then, by `abandoned`:
 * `'excludedIfWithinThreshold'` (default) answered≤T / (answered + abandoned − abandoned≤T);
 * `'missed'` answered≤T / (answered + abandoned); `'metIfWithinThreshold'`
 * (answered≤T + abandoned≤T) / (answered + abandoned); `'excluded'` answered≤T / answered.
 * An answered contact without `waitSeconds` is outside n (`missingWait`); an abandon without
 * `waitSeconds` is never short and never within the threshold (a late abandon).
 * Source: docs/service-metrics.md#service-level; ../reference/definitions.md §4.3, §8 (Cisco ICM,
 * CxEngage, Bright Pattern, Amazon Connect, Genesys Cloud, Talkdesk).
 * Empty input: rate and ci `null`, counts 0. One pass, no allocation.
 *
 * @param interactions - offered contacts (see {@link Interaction})
 * @param options - `thresholdSeconds` (20), `abandoned` (`'excludedIfWithinThreshold'`), `shortAbandonSeconds` (0), `confidence` (0.95), `lowSample`
 * @returns the rate, the counts behind it, its Wilson interval and low-sample flag
 * @throws {@link CxMetricsError} if `waitSeconds` is not a valid duration or `abandoned` not a boolean (naming the index), or on an invalid option
 * @example
 * ```ts
 * import { serviceLevel } from 'cx-metrics';
 * const queue = [
 *   { id: '1', channel: 'phone', startedAt: 0, waitSeconds: 8 },
 *   { id: '2', channel: 'phone', startedAt: 0, waitSeconds: 20 }, // exactly T: met
 *   { id: '3', channel: 'phone', startedAt: 0, waitSeconds: 35 },
 *   { id: '4', channel: 'phone', startedAt: 0, abandoned: true, waitSeconds: 6 }, // quit before T
 *   { id: '5', channel: 'phone', startedAt: 0, abandoned: true, waitSeconds: 50 },
 * ];
 * serviceLevel(queue).rate; // => 0.5 (2 of 4: the abandon before T is ignored)
 * serviceLevel(queue, { abandoned: 'missed' }).rate; // => 0.4 (2 of 5)
 * serviceLevel(queue, { abandoned: 'metIfWithinThreshold' }).rate; // => 0.6 (3 of 5)
 * serviceLevel(queue, { abandoned: 'excluded' }).rate; // => 0.6666666666666666 (2 of 3)
 * ```
 */
export function serviceLevel(interactions: Iterable<Interaction>, options?: ServiceLevelOptions): ServiceLevelResult {
  return fold(serviceLevelFamily, resultOptions(options), init(options), interactions);
}
